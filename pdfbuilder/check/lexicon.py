"""The red-flag lexicon: which warning signs a sentence names, in any language it lists.

In: ``red_flags.yaml`` beside this module (read once), a sign's text and its language.
Out: the :class:`Sign` entries the text names (see :func:`signs_in`).

Matching is by words, not characters, after the text is normalised: lower case, accents
removed (``ñ`` kept), hyphens read as spaces, and for Arabic the short vowels, tatweel and
letter variants unified (``أ إ آ`` to ``ا``, ``ى`` to ``ي``, ``ة`` to ``ه``). A term is one or
more words; a word ending in ``*`` matches every word it starts ("numb*": numb, numbness).
Languages with proclitics (Arabic ``و ف ب ل ال``) list them as ``prefixes``; a word matches
with or without one.

A sign matches when, for one of its patterns, every part is named and not negated. A part is
negated when a negation cue ("no", "without", "do not have", "sin"...) comes up to four
words before it in the same clause (a comma, "but" or "and" ends the clause). Cues that are
part of a symptom ("no feeling", "no longer", "sin poder") are listed as ``not_negation``.
When in doubt the sign matches: a false alarm costs an author a minute, a miss can cost a
patient their bladder.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..source.reader import load_package_data

LEXICON_FILE = Path(__file__).with_name("red_flags.yaml")
TIERS = ("emergency", "urgent", "routine")
#: How many words after a negation cue it can reach.
NEGATION_REACH = 4

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[,;:.!?()؟،؛]")
_ARABIC_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")
_ARABIC_LETTERS = str.maketrans({"ى": "ي", "ة": "ه", "ٱ": "ا"})

Word = tuple[str, bool]  # (text, is_prefix)
Term = tuple[Word, ...]  # words in a row
Part = tuple[Term, ...]  # any of these terms
Patterns = tuple[tuple[Part, ...], ...]  # any pattern; every part of it


@dataclass(frozen=True)
class Sign:
    """One warning sign: its tier, what it is (for messages), its sources, and the
    languages it has terms in."""

    id: str
    tier: str
    about: str
    sources: tuple[str, ...]
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    """A language's matching rules, compiled."""

    negation: tuple[Term, ...]
    not_negation: tuple[Term, ...]
    breaks: frozenset[str]
    prefixes: tuple[str, ...]
    # Per sign: its patterns, and the patterns that take it out of its tier ("unless").
    patterns: tuple[tuple[Sign, Patterns, Patterns], ...]


def normalise(text: str) -> str:
    """Text as the lexicon is matched: lower case, no accents (but ``ñ``), hyphens as spaces,
    Arabic letter variants unified."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("ñ", "\0")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) or "\u0600" <= c <= "\u06ff")
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    return unicodedata.normalize("NFC", text.replace("\0", "ñ")).replace("-", " ")


def tokens(text: str) -> list[str]:
    """The words and clause punctuation of normalised ``text``."""
    return _TOKEN.findall(normalise(text))


def _term(text: str) -> Term:
    out: list[Word] = []
    for piece in text.split():
        words = tokens(piece.rstrip("*"))
        out.extend((w, piece.endswith("*") and k == len(words) - 1) for k, w in enumerate(words))
    if not out:
        raise ValueError(f"empty lexicon term {text!r}")
    return tuple(out)


def _forms(token: str, prefixes: Sequence[str]) -> list[str]:
    """A token as it is, and without each proclitic it may carry (two letters must remain)."""
    stripped = (token[len(p) :] for p in prefixes if token.startswith(p))
    return [token, *(f for f in stripped if len(f) >= 2)]


def _word_matches(pattern: Word, token: str, prefixes: Sequence[str]) -> bool:
    text, is_prefix = pattern
    return any(f == text or (is_prefix and f.startswith(text)) for f in _forms(token, prefixes))


class _Text:
    """A sign's tokens, indexed by form so a term is looked for only where its first word
    is (a long text costs its vocabulary per term, not its length)."""

    def __init__(self, text: str, prefixes: Sequence[str]) -> None:
        self.toks = tokens(text)
        self.prefixes = prefixes
        self.at: dict[str, list[int]] = {}
        for i, token in enumerate(self.toks):
            for form in _forms(token, prefixes):
                self.at.setdefault(form, []).append(i)
        self._found: dict[Term, list[int]] = {}

    def starts(self, term: Term) -> list[int]:
        """Where ``term`` starts."""
        if term not in self._found:
            text, is_prefix = term[0]
            if is_prefix:
                places = sorted({i for f, at in self.at.items() if f.startswith(text) for i in at})
            else:
                places = self.at.get(text, [])
            self._found[term] = [i for i in places if self._whole(term, i)]
        return self._found[term]

    def _whole(self, term: Term, at: int) -> bool:
        if at + len(term) > len(self.toks):
            return False
        return all(_word_matches(w, self.toks[at + i], self.prefixes) for i, w in enumerate(term))


def _negated(text: _Text, rules: _Rules) -> set[int]:
    """Positions a negation cue reaches."""
    symptom = {i + k for t in rules.not_negation for i in text.starts(t) for k in range(len(t))}
    out: set[int] = set()
    toks = text.toks
    for cue in rules.negation:
        for i in text.starts(cue):
            if i in symptom:
                continue
            reach, j = 0, i + len(cue)
            while j < len(toks) and reach < NEGATION_REACH and toks[j] not in rules.breaks:
                out.add(j)
                reach, j = reach + 1, j + 1
    return out


def _named(terms: Part, text: _Text, negated: set[int]) -> bool:
    """Whether one of ``terms`` occurs at a place no negation reaches."""
    return any(i not in negated for term in terms for i in text.starts(term))


def _matches(patterns: Patterns, text: _Text, negated: set[int]) -> bool:
    return any(all(_named(part, text, negated) for part in p) for p in patterns)


def signs_in(text: str, language: str) -> list[Sign]:
    """The signs ``text`` names, most urgent first (none for a language not in the lexicon)."""
    rules = _compiled().get(language.split("-")[0].lower())
    if rules is None:
        return []
    indexed = _Text(text, rules.prefixes)
    negated = _negated(indexed, rules)
    found = [
        sign
        for sign, patterns, unless in rules.patterns
        if _matches(patterns, indexed, negated) and not _matches(unless, indexed, negated)
    ]
    return sorted(found, key=lambda s: TIERS.index(s.tier))


def languages() -> list[str]:
    """The languages the lexicon has terms for."""
    return sorted(_compiled())


def all_signs() -> list[Sign]:
    """Every sign in the lexicon, in file order."""
    return [_sign(entry) for entry in _data()["signs"]]


def source_ids() -> dict[str, str]:
    """Source id to its description, as the lexicon file lists them."""
    return {k: str(v) for k, v in _data()["sources"].items()}


@functools.cache
def _data() -> Any:
    return load_package_data(LEXICON_FILE)


def _sign(entry: dict[str, Any]) -> Sign:
    return Sign(
        entry["id"],
        entry["tier"],
        " ".join(entry["about"].split()),
        tuple(entry["sources"]),
        tuple(sorted(entry["match"])),
    )


def _expand(part: str | list[str], concepts: dict[str, list[str]]) -> Part:
    names = [part] if isinstance(part, str) else part
    out: list[Term] = []
    for name in names:
        if name.startswith("$"):
            out.extend(_term(t) for t in concepts[name[1:]])
        else:
            out.append(_term(name))
    return tuple(out)


def _patterns(raw: Any, concepts: dict[str, list[str]]) -> Patterns:
    return tuple(tuple(_expand(part, concepts) for part in pattern) for pattern in raw or ())


@functools.cache
def _compiled() -> dict[str, _Rules]:
    data = _data()
    out = {}
    for language, spec in data["languages"].items():
        concepts = spec.get("concepts", {})
        signs = []
        for entry in data["signs"]:
            if language in entry.get("match", {}):
                signs.append(
                    (
                        _sign(entry),
                        _patterns(entry["match"][language], concepts),
                        _patterns(entry.get("unless", {}).get(language), concepts),
                    )
                )
        out[language] = _Rules(
            tuple(_term(t) for t in spec["negation"]),
            tuple(_term(t) for t in spec.get("not_negation", ())),
            frozenset([*",;:.!?()؟،؛", *(normalise(b) for b in spec.get("breaks", ()))]),
            tuple(normalise(p) for p in spec.get("prefixes", ())),
            tuple(signs),
        )
    return out
