"""Abbreviations and capitals: every acronym is explained, and nothing is shouted.

In: a :class:`~.context.CheckContext` (its handout, and the acronyms the caller allows).
Out: findings for ``readability.acronym`` (an all-capitals word of two or more letters, such
as "NSAID", that is not explained where it is first used) and ``readability.capitals`` (two
or more words in a row in capitals, which are harder to read: UKAAF, RNIB).

An acronym is explained where it is first used (in the same paragraph, bullet or step, or
earlier in the leaflet) by a bracket after it ("NSAID (a type of painkiller)"), a bracket
round it after its long form ("... anti-inflammatory drugs (NSAIDs)"), "or NSAIDs",
"called NSAIDs", "NSAIDs are ...", "NSAID means ...", or its long form just before it
(initials that spell it). Abbreviations everyone knows (``known_acronyms`` per language in
``writing.yaml``: NHS, GP, A&E...) and those the caller allows are never flagged. Titles,
headings, steps and signs are read; sources are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.fields import seek_help_texts
from ..content.model import Bullets, Handout
from ..errors import FieldPath
from ..text.markup import plain
from .context import CheckContext
from .findings import Finding
from .text import base_language, clip, in_dictionary
from .writing import conventions

_TOKEN = re.compile(r"[^\W_](?:[\w&]*[^\W_])?")
#: Small words a long form may hold that its acronym leaves out ("Accident and Emergency").
_SMALL = frozenset(
    ["of", "and", "the", "for", "to", "in", "on", "a", "an", "de", "la", "el", "del", "y", "e"]
)
_DEFINES_AFTER = {
    "en": r"\s*(?:\(|means\b|stands for\b|is short for\b|is an?\b|is the\b|are\b)",
    "es": r"\s*(?:\(|significa\b|quiere decir\b|es la sigla\b|son las siglas\b|es una?\b|son\b)",
    "ar": r"\s*(?:\(|يعني|تعني|هو|هي|اختصار)",
}
_DEFINES_BEFORE = {
    "en": r"(?:\(\s*(?:or\s+)?|\bor\s+|\bcalled\s+|\bknown as\s+)$",
    "es": r"(?:\(\s*(?:o\s+)?|\bo\s+|\bllamad[oa]s?\s+|\bconocid[oa]s? como\s+)$",
    "ar": r"(?:\(\s*(?:أو\s+)?|أو\s+|يسمى\s+|تسمى\s+)$",
}


def _units(handout: Handout) -> Iterator[tuple[FieldPath, str]]:
    """Every piece of text a reader reads, in reading order."""
    yield ("title",), handout.title
    if handout.subtitle:
        yield ("subtitle",), handout.subtitle
    yield ("purpose",), handout.purpose
    for i, point in enumerate(handout.key_takeaways):
        yield ("key_takeaways", i), point
    for i, section in enumerate(handout.sections):
        yield ("sections", i, "heading"), section.heading
        for j, block in enumerate(section.body):
            if isinstance(block, Bullets):
                for k, bullet in enumerate(block.bullets):
                    yield ("sections", i, "body", j, "bullets", k), bullet
            else:
                yield ("sections", i, "body", j), block.text
    if handout.exercises_intro:
        yield ("exercises_intro",), handout.exercises_intro
    for i, ex in enumerate(handout.exercises):
        yield ("exercises", i, "name"), ex.name
        for j, step in enumerate(ex.steps):
            yield ("exercises", i, "steps", j), step
        for name in ("feel", "stop_if"):
            if getattr(ex, name):
                yield ("exercises", i, name), getattr(ex, name)
    for _, path, text in seek_help_texts(handout.seek_help):
        yield path, text


def base_form(token: str) -> str | None:
    """The acronym a token is ("NSAIDs" gives "NSAID"), or ``None`` if it is not one."""
    base = token[:-1] if len(token) > 2 and token.endswith("s") else token
    letters = [c for c in base if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    return base


def _spelled_before(acronym: str, before: str) -> bool:
    """Whether the words just before the acronym have its letters as initials."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w for w in re.findall(r"[^\W\d_]+", before) if w.lower() not in _SMALL]
    tail = words[-len(letters) :]
    return len(tail) == len(letters) and [w[0].lower() for w in tail] == letters


def _explained(acronym: str, text: str, start: int, end: int, lang: str) -> bool:
    before, after = text[:start], text[end:]
    if re.match(_DEFINES_AFTER.get(lang, _DEFINES_AFTER["en"]), after):
        return True
    if re.search(_DEFINES_BEFORE.get(lang, _DEFINES_BEFORE["en"]), before, re.IGNORECASE):
        return True
    return _spelled_before(acronym, before.rstrip(" ,(—-"))


def _capital_runs(text: str) -> list[tuple[int, int]]:
    """Spans of two or more words in capitals in a row, with only spaces, hyphens and
    numbers between them ("DO NOT TAKE MORE THAN 8 TABLETS", "INNER-THIGHS")."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    end = count = 0
    last = 0
    for match in _TOKEN.finditer(text):
        gap = text[last : match.start()]
        last = match.end()
        capital = base_form(match.group()) is not None
        joined = not gap.strip(" -‐")
        if start is not None and (not joined or not (capital or match.group().isdigit())):
            if count > 1:
                runs.append((start, end))
            start, count = None, 0
        if capital:
            start = match.start() if start is None else start
            end, count = match.end(), count + 1
    if start is not None and count > 1:
        runs.append((start, end))
    return runs


@dataclass(frozen=True)
class _Scan:
    """What one reading of the leaflet found: each unexplained acronym at its first use,
    the acronyms explained somewhere, and the first run of capitals in each text."""

    first: dict[str, FieldPath]
    explained: set[str]
    runs: list[tuple[FieldPath, str]]


def _scan(ctx: CheckContext) -> _Scan:
    lang = base_language(ctx.handout.language)
    known = conventions(lang).known_acronyms | ctx.acronyms
    found = _Scan({}, set(), [])
    for path, raw in _units(ctx.handout):
        text = plain(raw)
        runs = [
            (a, b) for a, b in _capital_runs(text) if not set(_TOKEN.findall(text[a:b])) <= known
        ]
        if runs:
            found.runs.append((path, text[runs[0][0] : runs[0][1]]))
        for match in _TOKEN.finditer(text):
            acronym = base_form(match.group())
            if acronym is None or {acronym, match.group()} & known or acronym in found.explained:
                continue
            if any(a <= match.start() < b for a, b in runs):
                continue  # capitals for emphasis: readability.capitals says so
            if _explained(acronym, text, match.start(), match.end(), lang):
                found.explained.add(acronym)
            else:
                found.first.setdefault(acronym, path)
    return found


def _shouted(acronym: str, ctx: CheckContext, found: _Scan) -> bool:
    """An ordinary English word in capitals, never explained: emphasis, most likely."""
    english = base_language(ctx.handout.language) == "en"
    return english and acronym not in found.explained and in_dictionary(acronym)


def acronyms(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.acronym``: each acronym is explained where it is first used."""
    found = _scan(ctx)
    for acronym, path in found.first.items():
        if _shouted(acronym, ctx, found):
            continue  # readability.capitals
        if acronym in found.explained:
            message = (
                f'"{acronym}" is explained only after its first use; explain it here, where '
                "the reader first meets it"
            )
        else:
            message = (
                f'"{acronym}" is not explained; the first time it is used, say what it means, '
                f'e.g. "{acronym} (...)", or use plain words (or allow it with --allow-acronym)'
            )
        yield ctx.finding("readability.acronym", "warning", path, message)


def capitals(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.capitals``: no words in capitals for emphasis (runs of two or more, or
    an ordinary English word), known and explained acronyms apart."""
    found = _scan(ctx)
    for path, text in found.runs:
        yield ctx.finding(
            "readability.capitals",
            "warning",
            path,
            f'"{clip(text, 40)}" is in capitals, which are harder to read; write it in lower '
            "case and use **bold** for emphasis",
        )
    for acronym, path in found.first.items():
        if _shouted(acronym, ctx, found):
            yield ctx.finding(
                "readability.capitals",
                "warning",
                path,
                f'"{acronym}" is in capitals: if it is an abbreviation, say what it stands for '
                "the first time it is used; if it is for emphasis, write it in lower case and "
                "use **bold**",
            )
