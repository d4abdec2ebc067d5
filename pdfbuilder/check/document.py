"""Completeness rules: the parts a leaflet must not go to print without.

In: a :class:`~.context.CheckContext`.
Out: findings for: figures without alt text, no tangible tool, a seek-help tier left empty
or saying "None", no sources, a review date that has passed or is close, a draft, an
unreviewed translation, and missing contact details.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..content.model import Bullets, Handout, Paragraph
from ..errors import FieldPath
from ..figures import Figure
from ..text.markup import plain
from .content import REVIEW_SOON_DAYS
from .context import CheckContext
from .findings import Finding, Severity
from .text import clip, words_of
from .writing import conventions

#: The layout block that prints a tangible tool (an exercise log to tick off).
TOOL_BLOCK = "exercise_log"
#: Alt text shorter than this many words rarely describes the movement.
ALT_MIN_WORDS = 4
TIERS = ("emergency", "urgent", "routine")
_EDGES = re.compile(r"^[\s\W_]+|[\s\W_]+$")


def figure_alt(ctx: CheckContext) -> Iterator[Finding]:
    """``content.figure-alt``: every figure has alt text that describes it."""
    for path, name, figure in _figures(ctx.handout):
        alt = plain(figure.alt or "").strip()
        if not alt:
            yield ctx.finding(
                "content.figure-alt",
                "error",
                path,
                f'the figure of "{name}" has no alt text; describe it in one '
                "sentence for people who cannot see it",
            )
        elif alt.lower().rstrip(".") == name.lower() or len(words_of(alt)) < ALT_MIN_WORDS:
            yield ctx.finding(
                "content.figure-alt",
                "warning",
                path,
                f'the alt text of "{name}" is too short to describe the '
                'figure; say what the person does ("A person lies on their '
                'back, ...")',
            )


def _figures(handout: Handout) -> Iterator[tuple[FieldPath, str, Figure]]:
    """Every figure with the path of its alt text and a name for messages: the exercises',
    then those beside a paragraph or bullet (named by their text)."""
    for i, ex in enumerate(handout.exercises):
        yield ("exercises", i, "figure", "alt"), ex.name, ex.figure
    for i, section in enumerate(handout.sections):
        for j, block in enumerate(section.body):
            here: FieldPath = ("sections", i, "body", j)
            if isinstance(block, Paragraph) and block.figure is not None:
                yield (*here, "figure", "alt"), clip(plain(block.text)), block.figure
            elif isinstance(block, Bullets):
                for k, figure in enumerate(block.figures):
                    if figure is not None:
                        where = (*here, "bullets", k, "figure", "alt")
                        yield where, clip(plain(block.bullets[k])), figure


def tangible_tool(ctx: CheckContext) -> Iterator[Finding]:
    """``content.tangible-tool``: a tool the reader can use, where the layout offers one.

    A layout that prints an exercise log leaves it out when the handout has no exercises,
    so the reader gets no tangible tool (PEMAT-P): a warning. A layout that offers no tool
    (one of the reader's own making) gets a note only.
    """
    if TOOL_BLOCK in ctx.layout.blocks:
        if not ctx.handout.exercises:
            yield ctx.finding(
                "content.tangible-tool",
                "warning",
                ("exercises",),
                f'the layout "{ctx.layout.name}" offers an exercise log, but the handout has '
                "no exercises, so the log is left out and the reader gets nothing to tick "
                "off; add exercises the reader can log",
            )
        return
    yield Finding(
        "content.tangible-tool",
        "info",
        f'the layout "{ctx.layout.name}" offers no tangible tool (no {TOOL_BLOCK} '
        "block); the reader gets nothing to fill in or tick off",
        "blocks",
        None,
        _layout_ref(ctx),
    )


def seek_help(ctx: CheckContext) -> Iterator[Finding]:
    """``content.seek-help``: all three tiers (emergency, urgent, routine) list real signs.

    A tier that is empty, or whose only words are a placeholder ("None", "N/A", "-"), is an
    error: the reader is left without the signs that tier is for.
    """
    placeholders = conventions(ctx.handout.language).placeholders
    for tier in TIERS:
        items = getattr(ctx.handout.seek_help, tier)
        if not items:
            yield ctx.finding(
                "content.seek-help",
                "error",
                ("seek_help", tier),
                f"the {tier} tier is empty; list the signs that need {tier} help",
            )
        for i, text in enumerate(items):
            words = plain(text).strip()
            path = ("seek_help", tier, i)
            if not words:
                yield ctx.finding(
                    "content.seek-help",
                    "error",
                    path,
                    f"sign {i + 1} of the {tier} tier is empty; write it or remove it",
                )
            elif is_placeholder(words, placeholders):
                yield ctx.finding(
                    "content.seek-help", "error", path, _placeholder_message(ctx, tier, i, words)
                )


def is_placeholder(text: str, placeholders: frozenset[str]) -> bool:
    """Whether ``text`` says "nothing here" ("None.", "N/A", "-") rather than a sign."""
    core = _EDGES.sub("", text.lower())
    return not any(c.isalnum() for c in core) or " ".join(core.split()) in placeholders


def _placeholder_message(ctx: CheckContext, tier: str, index: int, text: str) -> str:
    said = f'sign {index + 1} of the {tier} tier says "{text}"'
    if tier == "emergency":
        number = ctx.handout.contacts.emergency
        return (
            f"{said}; every leaflet needs the signs that need {number} or A&E now (for "
            "example chest pain, collapse, severe bleeding, or the signs that this condition "
            "has become dangerous); list them"
        )
    need = "same-day help" if tier == "urgent" else "a routine appointment"
    return f"{said}; list the signs that need {need}, or ask a clinician which belong here"


def draft(ctx: CheckContext) -> Iterator[Finding]:
    """``content.status``: a draft is not ready for patients."""
    if ctx.handout.review.status == "draft":
        yield ctx.finding(
            "content.status",
            "warning",
            ("review", "status"),
            "the leaflet is a draft (review.status: draft); have the clinical reviewer sign "
            "it off, then set status: final before giving it to patients",
        )


def translation(ctx: CheckContext) -> Iterator[Finding]:
    """``content.translation``: a translation is checked by a qualified translator."""
    done = ctx.handout.translation
    if done is None:
        return
    if not done.reviewed:
        yield ctx.finding(
            "content.translation",
            "warning",
            ("translation", "reviewed"),
            f'this translation of "{done.of}" has not been reviewed (translation.reviewed: '
            "false); have a qualified translator check it against the original, then set "
            "reviewed: true and name them in translation.translator",
        )
    elif not (done.translator or "").strip():
        yield ctx.finding(
            "content.translation",
            "warning",
            ("translation",),
            "the translation is marked reviewed but names no one; say who reviewed it in "
            "translation.translator",
        )


def sources(ctx: CheckContext) -> Iterator[Finding]:
    """``content.sources``: the sources of the content are listed."""
    if not ctx.handout.sources:
        yield ctx.finding(
            "content.sources",
            "error",
            ("sources",),
            "no sources are listed; name the guidelines or reviews the content relies on",
        )


def review_date(ctx: CheckContext) -> Iterator[Finding]:
    """``content.review-date``: the review date has not passed, and is not close.

    A passed date is an error for a ``final`` leaflet (it must not be printed) and a warning
    for a draft; a date within 90 days is a warning.
    """
    review = ctx.handout.review
    path = ("review", "next_review")
    days = (review.next_review - ctx.today).days
    when = review.next_review.isoformat()
    if days < 0:
        severity: Severity = "error" if review.status == "final" else "warning"
        yield ctx.finding(
            "content.review-date",
            severity,
            path,
            f"the review date {when} has passed; review the content and set a "
            "new next_review before printing",
        )
    elif days <= REVIEW_SOON_DAYS:
        yield ctx.finding(
            "content.review-date",
            "warning",
            path,
            f"the review date {when} is in {days} days; plan the review now",
        )


def contacts(ctx: CheckContext) -> Iterator[Finding]:
    """``content.contacts``: with a clinic profile, the leaflet has contact details to print.

    Clinic profiles are read by ``pdfbuilder.clinic`` (not yet in this version): until then
    the rule says, as a note, that it was not checked.
    """
    if ctx.clinic is None:
        return
    phones = [getattr(ctx.clinic, name, None) for name in ("phone", "email", "website")]
    if hasattr(ctx.clinic, "phone") or hasattr(ctx.clinic, "email"):
        if not any(isinstance(p, str) and p.strip() for p in phones):
            yield Finding(
                "content.contacts",
                "error",
                "the clinic profile gives no phone number, email or website; add "
                "one so readers can ask a question",
                "",
                None,
                _clinic_ref(ctx),
            )
        return
    yield Finding(
        "content.contacts",
        "info",
        "contact details not checked: this version cannot read clinic profiles yet",
        "",
        None,
        _clinic_ref(ctx),
    )


def _layout_ref(ctx: CheckContext) -> str:
    return f"layout {ctx.layout.name}"


def _clinic_ref(ctx: CheckContext) -> str | None:
    file = getattr(ctx.clinic, "file", None) or getattr(ctx.clinic, "path", None)
    return str(file) if file else None
