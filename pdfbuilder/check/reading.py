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
from .readability import INFLESZ_NORMAL, LONG_SENTENCE, Scores, text_units
from .text import clip, sentences, words_of

#: A paragraph (or bullet, step, sign) longer than this many words is hard to take in.
LONG_PARAGRAPH = 60

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


def whole_inflesz(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.inflesz``: Spanish below INFLESZ "normal" (Szigriszt-Pazos under 55)."""
    whole = ctx.readability.whole
    if whole is None or whole.szigriszt_pazos is None:
        return
    if whole.szigriszt_pazos < INFLESZ_NORMAL:
        yield Finding(
            "readability.inflesz",
            "warning",
            f"the leaflet's INFLESZ score is {whole.szigriszt_pazos:g} ({whole.inflesz}); "
            f"Spanish health leaflets should reach {INFLESZ_NORMAL:g} (normal) or more; "
            "use shorter sentences and shorter words",
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
                    f'"{clip(found.text)}"; split it in two',
                )


def long_paragraphs(ctx: CheckContext) -> Iterator[Finding]:
    """``readability.paragraph``: no paragraph, bullet, step or sign over 60 words.

    The purpose and key points have limits of their own (``content.purpose``,
    ``content.takeaways``).
    """
    for unit in text_units(ctx.handout):
        if unit.path[0] in ("purpose", "key_takeaways"):
            continue
        count = len(words_of(plain(unit.text)))
        if count > LONG_PARAGRAPH:
            kind, fix = _kind(unit.path)
            yield ctx.finding(
                "readability.paragraph",
                "warning",
                unit.path,
                f"this {kind} has {count} words (more than {LONG_PARAGRAPH}); {fix}",
            )


def _kind(path: tuple[str | int, ...]) -> tuple[str, str]:
    if "bullets" in path:
        return "bullet", "split it into two bullets, or move detail into the paragraph above"
    if "steps" in path:
        return "step", "split it into two steps"
    if path[:2] == ("seek_help", "notes"):
        return "note", "keep the note to the advice the tier needs"
    if path[0] == "seek_help":
        return "sign", "keep one sign to a short sentence"
    return "paragraph", "split it into shorter paragraphs, or make it a list"


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
