"""Readability rules: the measured reading grades (see :mod:`.readability`) against targets.

In: a :class:`~.context.CheckContext` (its ``readability`` is already measured).
Out: findings. The whole leaflet above the limit grade is an error and above the target a
warning; a part above the limit is a warning and above the target a note; a sentence of
more than 25 words is a warning; SMOG above the limit is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..text.markup import plain
from .context import CheckContext
from .findings import Finding, Severity
from .readability import LONG_SENTENCE, Scores, text_units
from .text import sentences

_ADVICE = "use shorter sentences and everyday words (start with the hardest sentences listed)"


def describe(scores: Scores) -> str:
    """The score in words: ``grade 7.2 (Flesch-Kincaid)`` or, for Spanish, the ease score too."""
    if scores.fernandez_huerta is not None:
        return f"about grade {scores.grade:g} (Fernández-Huerta ease {scores.fernandez_huerta:g})"
    return f"grade {scores.grade:g} (Flesch-Kincaid)"


def whole_grade(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.grade``: the whole leaflet against the target and the limit."""
    whole = ctx.readability.whole
    if whole is None:
        return
    target, limit = ctx.targets.target_grade, ctx.targets.max_grade
    if whole.grade > limit:
        yield Finding(
            "readability.grade",
            "error",
            f"the leaflet reads at {describe(whole)}, above the limit of grade {limit:g}; "
            f"{_ADVICE}",
        )
    elif whole.grade > target:
        yield Finding(
            "readability.grade",
            "warning",
            f"the leaflet reads at {describe(whole)}, above the target of grade {target:g}; "
            f"{_ADVICE}",
        )


def whole_smog(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.smog``: SMOG (English) against the limit; it reads higher than FK."""
    whole = ctx.readability.whole
    if whole is None or whole.smog is None:
        return
    if whole.smog > ctx.targets.max_grade:
        yield Finding(
            "readability.smog",
            "warning",
            f"the leaflet's SMOG grade is {whole.smog:g}, above the limit of grade "
            f"{ctx.targets.max_grade:g}; use fewer words of three or more syllables",
        )


def part_grades(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.section-grade``: each part (section, key points, exercises...) on its own."""
    target, limit = ctx.targets.target_grade, ctx.targets.max_grade
    for part in ctx.readability.parts:
        severity: Severity
        if part.scores.grade > limit:
            severity, bound = "warning", f"the limit of grade {limit:g}"
        elif part.scores.grade > target:
            severity, bound = "info", f"the target of grade {target:g}"
        else:
            continue
        yield Finding(
            "readability.section-grade",
            severity,
            f'"{part.name}" reads at {describe(part.scores)}, above {bound}',
            part.field,
            part.line,
        )


def long_sentences(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.long-sentence``: any sentence of more than 25 words."""
    if ctx.readability.formula == "none":
        return
    for unit in text_units(ctx.handout):
        for found in sentences(plain(unit.text), ctx.handout.language):
            if len(found.words) > LONG_SENTENCE:
                yield ctx.finding(
                    "readability.long-sentence",
                    "warning",
                    unit.path,
                    f"a sentence of {len(found.words)} words (more than {LONG_SENTENCE}): "
                    f'"{_clip(found.text)}"; split it in two',
                )


def unscored_language(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.language``: a note when there is no reading formula for the language."""
    if ctx.readability.formula == "none":
        yield ctx.finding(
            "readability.language",
            "info",
            ("language",),
            f'no readability formula for language "{ctx.handout.language}"; '
            "reading level not measured (English and Spanish are)",
        )


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
