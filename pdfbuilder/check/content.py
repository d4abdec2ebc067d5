"""Content rules: the PEMAT-P and CDC Clear Communication Index items a program can judge.

In: a :class:`~.context.CheckContext`.
Out: findings. A missing part the reader needs (purpose, summary, an action, alt text, a
seek-help tier, sources, a current review date) is an error; wording that makes the
leaflet harder to use (vague headings, steps not written to "you") is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text.markup import plain
from .context import CheckContext
from .findings import Finding
from .text import split_sentences, words_of
from .words import NOT_IMPERATIVE, VAGUE_HEADINGS, YOU_WORDS, for_language

#: A review date this close (in days) earns a warning to plan the review.
REVIEW_SOON_DAYS = 90
#: A purpose or key point longer than this many words is not "short".
SHORT_WORDS = 25

_NUMBERED = re.compile(r"^\s*(?:\(?\d+[.):]|step\s+\d+\b|[-•*]\s)", re.IGNORECASE)
_SECTION_N = re.compile(r"^(?:section|part|chapter|sección|parte|capítulo)\s*\d+$", re.IGNORECASE)


def purpose(ctx: CheckContext) -> Iterator[Finding]:
    """``content.purpose``: a purpose line, one short sentence."""
    text = plain(ctx.handout.purpose)
    path = ("purpose",)
    if not text.strip():
        yield ctx.finding(
            "content.purpose",
            "error",
            path,
            "the leaflet has no purpose line; say in one sentence what it helps the reader do",
        )
        return
    if len(split_sentences(text, ctx.handout.language)) > 1:
        yield ctx.finding(
            "content.purpose",
            "warning",
            path,
            "the purpose is more than one sentence; say it in one",
        )
    elif len(words_of(text)) > SHORT_WORDS:
        yield ctx.finding(
            "content.purpose",
            "warning",
            path,
            f"the purpose has {len(words_of(text))} words; keep it under {SHORT_WORDS + 1}",
        )


def takeaways(ctx: CheckContext) -> Iterator[Finding]:
    """``content.takeaways``: a key-points summary of 3 to 6 short points."""
    items = ctx.handout.key_takeaways
    path = ("key_takeaways",)
    if len(items) < 3:
        yield ctx.finding(
            "content.takeaways",
            "error",
            path,
            f"the key points summary has {len(items)} points; give 3 to 6",
        )
    elif len(items) > 6:
        yield ctx.finding(
            "content.takeaways",
            "warning",
            path,
            f"the key points summary has {len(items)} points; keep the 6 that matter most",
        )
    for i, text in enumerate(items):
        count = len(words_of(plain(text)))
        if count > SHORT_WORDS:
            yield ctx.finding(
                "content.takeaways",
                "warning",
                (*path, i),
                f"key point {i + 1} has {count} words; keep each under {SHORT_WORDS + 1}",
            )


def headings(ctx: CheckContext) -> Iterator[Finding]:
    """``content.heading``: each heading says what its section is about, once."""
    vague = for_language(VAGUE_HEADINGS, ctx.handout.language) or VAGUE_HEADINGS["en"]
    seen: dict[str, int] = {}
    for i, section in enumerate(ctx.handout.sections):
        path = ("sections", i, "heading")
        text = plain(section.heading).strip()
        key = text.lower().rstrip("?:.!")
        if not text:
            yield ctx.finding("content.heading", "error", path, "the heading is empty")
            continue
        if key in vague or _SECTION_N.match(key):
            yield ctx.finding(
                "content.heading",
                "warning",
                path,
                f'the heading "{text}" does not say what the section is about; '
                'ask the reader\'s question, e.g. "How can I ease the pain?"',
            )
        elif len(words_of(text)) < 2:
            yield ctx.finding(
                "content.heading",
                "warning",
                path,
                f'the heading "{text}" is a single word; say what the section tells the reader',
            )
        if key in seen:
            yield ctx.finding(
                "content.heading",
                "warning",
                path,
                f'the heading "{text}" repeats sections[{seen[key]}]; make each heading different',
            )
        seen.setdefault(key, i)


def is_instruction(sentence: str, language: str) -> bool | None:
    """Whether a sentence speaks to the reader: it says "you" or opens with a verb.

    ``None`` when the language has no word lists to judge by.
    """
    you = for_language(YOU_WORDS, language)
    starters = for_language(NOT_IMPERATIVE, language)
    if you is None or starters is None:
        return None
    words = [w.lower().replace("’", "'") for w in words_of(sentence)]
    if not words:
        return False
    if any(w in you for w in words):
        return True
    first = words[0]
    if first in starters or first[0].isdigit():
        return False
    return not (first.endswith("ing") or (first.endswith("ed") and not first.endswith("eed")))


def step_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """``content.step-number``: no step starts with its own number or bullet.

    The leaflet numbers the steps itself, so a step that numbers itself prints twice numbered.
    """
    for i, ex in enumerate(ctx.handout.exercises):
        for j, step in enumerate(ex.steps):
            if _NUMBERED.match(plain(step)):
                yield ctx.finding(
                    "content.step-number",
                    "warning",
                    ("exercises", i, "steps", j),
                    f'step {j + 1} of "{ex.name}" starts with its own number or '
                    "bullet; remove it, the leaflet numbers the steps",
                )


def step_voice(ctx: CheckContext) -> Iterator[Finding]:
    """``content.step-voice``: each step is an instruction to the reader ("you", or a verb)."""
    for i, ex in enumerate(ctx.handout.exercises):
        for j, step in enumerate(ex.steps):
            text = _NUMBERED.sub("", plain(step)).strip()
            if is_instruction(text, ctx.handout.language) is False:
                yield ctx.finding(
                    "content.step-voice",
                    "warning",
                    ("exercises", i, "steps", j),
                    f'step {j + 1} of "{ex.name}" is not written to the reader; '
                    'start with a verb ("Lift your hips") or say "you"',
                )
