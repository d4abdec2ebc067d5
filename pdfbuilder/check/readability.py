"""Reading level: grade scores for each part of a handout and for the whole, and the hardest
sentences.

In: a :class:`~pdfbuilder.model.Handout` and its :class:`~.findings.Targets`.
Out: a :class:`Readability` (scores per part, for the whole, the hardest sentences) and the
findings that compare those scores with the targets.

English uses Flesch-Kincaid grade and SMOG. Spanish uses Fernández-Huerta, whose 0-100 ease
score is turned into a school grade (:func:`huerta_grade`) so the same targets apply, and
reports Szigriszt-Pazos perspicuity with its INFLESZ band next to it. Other languages are not
scored (an ``info`` finding says so).

A single sentence is too small a sample for formulas built on 100-word passages: in a
7-word sentence one extra syllable moves syllables per word by 0.14, which Flesch-Kincaid
turns into 1.7 grades and Fernández-Huerta, through its steep band table, into up to 3.
So a sentence's own grade (for the hardest sentences) weighs its word length against the
leaflet's: it counts as its own words plus :data:`PRIOR_WORDS` words at the leaflet's mean
syllables per word. Its length in words, which is exact, is used as it is.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..content.fields import seek_help_texts
from ..content.labels import labels_for
from ..content.model import Bullets, Handout
from ..errors import FieldPath, format_path
from ..text.markup import plain
from .text import Sentence, base_language, sentences

#: How many of the hardest sentences a report names.
HARDEST = 3
#: Sentences shorter than this are too short to rank: one long word would put them on top.
RANK_MIN_WORDS = 6
#: A sentence longer than this many words gets a warning of its own.
LONG_SENTENCE = 25
#: A sentence's word length is weighed against this many words at the leaflet's average.
PRIOR_WORDS = 10
#: The Szigriszt-Pazos score Spanish health leaflets should reach: INFLESZ "normal".
INFLESZ_NORMAL = 55.0
#: Fernández-Huerta ease score to school grade, from the published bands (90-100 very easy,
#: grade 4; 80-90 easy, grade 5; 70-80 fairly easy, grade 6; 60-70 normal, grades 7-8;
#: 50-60 fairly hard, pre-university; 30-50 hard, university; below 30 very hard).
_HUERTA_BANDS = (
    (120.0, 1.0),
    (100.0, 3.0),
    (90.0, 4.0),
    (80.0, 5.0),
    (70.0, 6.0),
    (60.0, 8.0),
    (50.0, 12.0),
    (30.0, 16.0),
    (0.0, 18.0),
)


@dataclass(frozen=True)
class Unit:
    """A piece of text to score: which part of the handout it is in, and where it is."""

    part: str
    part_path: FieldPath
    path: FieldPath
    text: str


@dataclass(frozen=True)
class Scores:
    """Scores of one part (or the whole). ``grade`` is the one compared with the targets."""

    sentences: int
    words: int
    grade: float
    flesch_kincaid: float | None = None
    smog: float | None = None
    fernandez_huerta: float | None = None
    szigriszt_pazos: float | None = None
    inflesz: str | None = None


@dataclass(frozen=True)
class PartScores:
    """The scores of one part of the handout: a section, the key points, the exercises."""

    name: str
    field: str
    line: int | None
    scores: Scores


@dataclass(frozen=True)
class HardSentence:
    """One of the hardest sentences, with where it is and why it is hard."""

    text: str
    field: str
    line: int | None
    words: int
    long_words: int
    grade: float


@dataclass(frozen=True)
class Readability:
    """Reading-level results. ``formula`` is ``flesch-kincaid``, ``fernandez-huerta`` or
    ``none`` (a language without a formula here: then ``whole`` is ``None``)."""

    formula: str
    whole: Scores | None
    parts: tuple[PartScores, ...]
    hardest: tuple[HardSentence, ...]


def text_units(handout: Handout) -> Iterator[Unit]:
    """Every piece of reading text in the handout, by part (titles and sources left out).

    Parts are named as the leaflet prints them: section headings, and the layout's labels
    ("Key points", "When to get help") in the handout's language.
    """
    labels = labels_for(handout.language, handout.labels)
    yield Unit("Purpose", ("purpose",), ("purpose",), handout.purpose)
    for i, text in enumerate(handout.key_takeaways):
        yield Unit(labels("key_takeaways"), ("key_takeaways",), ("key_takeaways", i), text)
    for i, section in enumerate(handout.sections):
        part = (section.heading, ("sections", i))
        for j, block in enumerate(section.body):
            if isinstance(block, Bullets):
                for k, bullet in enumerate(block.bullets):
                    yield Unit(*part, ("sections", i, "body", j, "bullets", k), bullet)
            else:
                yield Unit(*part, ("sections", i, "body", j), block.text)
    yield from _exercise_units(handout, labels("exercises"))
    for _, path, text in seek_help_texts(handout.seek_help):
        yield Unit(labels("seek_help"), ("seek_help",), path, text)


def _exercise_units(handout: Handout, name: str) -> Iterator[Unit]:
    part = (name, ("exercises",))
    if handout.exercises_intro:
        yield Unit(*part, ("exercises_intro",), handout.exercises_intro)
    for i, ex in enumerate(handout.exercises):
        for j, step in enumerate(ex.steps):
            yield Unit(*part, ("exercises", i, "steps", j), step)
        for name in ("feel", "stop_if"):
            text = getattr(ex, name)
            if text:
                yield Unit(*part, ("exercises", i, name), text)


def huerta_grade(score: float) -> float:
    """A Fernández-Huerta ease score as a school grade, interpolated between the bands."""
    bands = _HUERTA_BANDS
    if score >= bands[0][0]:
        return bands[0][1]
    for (hi, hi_grade), (lo, lo_grade) in itertools.pairwise(bands):
        if score >= lo:
            return hi_grade + (hi - score) / (hi - lo) * (lo_grade - hi_grade)
    return bands[-1][1]


def inflesz_band(perspicuity: float) -> str:
    """The INFLESZ band of a Szigriszt-Pazos score (Barrio-Cantalejo et al., 2008): "muy
    difícil" below 40, "algo difícil" from 40, "normal" from 55, "bastante fácil" from 65
    to 80, "muy fácil" above 80."""
    if perspicuity > 80:
        return "muy fácil"
    if perspicuity >= 65:
        return "bastante fácil"
    if perspicuity >= INFLESZ_NORMAL:
        return "normal"
    return "algo difícil" if perspicuity >= 40 else "muy difícil"


def score(found: list[Sentence], language: str) -> Scores | None:
    """Scores for a list of sentences (``None`` for no words or an unscored language)."""
    words = sum(len(s.words) for s in found)
    if not words:
        return None
    syllables = sum(sum(s.syllables) for s in found)
    poly = sum(s.long_words for s in found)
    return _scores(len(found), words, syllables / words, poly, language)


def sentence_score(found: Sentence, language: str, mean_per_word: float) -> Scores | None:
    """The scores of one sentence, its word length weighed against the leaflet's mean."""
    words = len(found.words)
    if not words:
        return None
    per_word = (sum(found.syllables) + PRIOR_WORDS * mean_per_word) / (words + PRIOR_WORDS)
    return _scores(1, words, per_word, found.long_words, language)


def _round(value: float) -> float:
    # Adding 0.0 turns a rounded -0.0 into 0.0.
    return round(value, 1) + 0.0


def _scores(count: int, words: int, per_word: float, poly: int, language: str) -> Scores | None:
    per_sentence = words / count
    lang = base_language(language)
    if lang == "es":
        ease = 206.84 - 60 * per_word - 1.02 * per_sentence
        perspicuity = 206.835 - 62.3 * per_word - per_sentence
        return Scores(
            count,
            words,
            _round(huerta_grade(ease)),
            fernandez_huerta=_round(ease),
            szigriszt_pazos=_round(perspicuity),
            inflesz=inflesz_band(perspicuity),
        )
    if lang != "en":
        return None
    fk = _round(0.39 * per_sentence + 11.8 * per_word - 15.59)
    smog = 1.043 * math.sqrt(poly * 30 / count) + 3.1291
    return Scores(count, words, fk, flesch_kincaid=fk, smog=round(smog, 1))


def measure(handout: Handout, line_of: Callable[[FieldPath], int | None]) -> Readability:
    """Score every part of ``handout`` and the whole, and find its hardest sentences.

    ``line_of`` gives the file line of a field path (for the part and sentence positions).
    """
    language = handout.language
    formula = {"en": "flesch-kincaid", "es": "fernandez-huerta"}.get(
        base_language(language), "none"
    )
    found_in: list[tuple[Unit, list[Sentence]]] = [
        (unit, sentences(plain(unit.text), language)) for unit in text_units(handout)
    ]
    every = [s for _, found in found_in for s in found]
    by_part: dict[FieldPath, tuple[str, list[Sentence]]] = {}
    for unit, found in found_in:
        by_part.setdefault(unit.part_path, (unit.part, []))[1].extend(found)
    parts = []
    for path, (name, found) in by_part.items():
        scores = score(found, language)
        if scores is not None:
            parts.append(PartScores(name, format_path(path), line_of(path), scores))
    hardest = _hardest(found_in, every, language, line_of) if formula != "none" else ()
    return Readability(formula, score(every, language), tuple(parts), hardest)


def _hardest(
    found_in: list[tuple[Unit, list[Sentence]]],
    every: list[Sentence],
    language: str,
    line_of: Callable[[FieldPath], int | None],
) -> tuple[HardSentence, ...]:
    words = sum(len(s.words) for s in every)
    if not words:
        return ()
    mean = sum(sum(s.syllables) for s in every) / words
    ranked = []
    for unit, found in found_in:
        for one in found:
            scores = sentence_score(one, language, mean)
            if scores is None or len(one.words) < RANK_MIN_WORDS:
                continue
            ranked.append(
                HardSentence(
                    one.text,
                    format_path(unit.path),
                    line_of(unit.path),
                    len(one.words),
                    one.long_words,
                    scores.grade,
                )
            )
    ranked.sort(key=lambda h: (-h.grade, -h.words, h.line or 0, h.field, h.text))
    return tuple(ranked[:HARDEST])
