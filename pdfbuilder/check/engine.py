"""Run every rule over a handout in a layout, and collect a :class:`~.report.Report`.

In: a :class:`~pdfbuilder.model.Handout`, a :class:`~pdfbuilder.layout.Layout`, and optional
targets, clinic profile and date. Out: a :class:`~.report.Report`. Nothing is printed and
nothing exits; a rule that finds a problem yields a finding, it does not raise.

:data:`RULES` is the registry: rule id to a function ``(ctx) -> Iterable[Finding]``. Each
function yields findings of its own rule id only.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..content.model import Handout
from ..layout.model import Layout
from . import accessibility, acronyms, actions, content, design, document, reading, triage
from .context import CheckContext, handout_line
from .findings import Finding, Targets
from .readability import measure
from .report import Report

Rule = Callable[[CheckContext], Iterable[Finding]]

RULES: Mapping[str, Rule] = {
    "readability.grade": reading.whole_grade,
    "readability.smog": reading.whole_smog,
    "readability.section-grade": reading.part_grades,
    "readability.long-sentence": reading.long_sentences,
    "readability.language": reading.unscored_language,
    "readability.inflesz": reading.whole_inflesz,
    "readability.paragraph": reading.long_paragraphs,
    "readability.acronym": acronyms.acronyms,
    "readability.capitals": acronyms.capitals,
    "content.purpose": content.purpose,
    "content.takeaways": content.takeaways,
    "content.heading": content.headings,
    "content.step-number": content.step_numbers,
    "content.step-voice": content.step_voice,
    "content.action": actions.action,
    "content.figure-alt": document.figure_alt,
    "content.tangible-tool": document.tangible_tool,
    "content.seek-help": document.seek_help,
    "content.red-flags": triage.red_flags,
    "content.sources": document.sources,
    "content.review-date": document.review_date,
    "content.status": document.draft,
    "content.translation": document.translation,
    "content.contacts": document.contacts,
    "design.contrast": design.colour_contrast,
    "design.type-size": design.type_sizes,
    "design.tier-labels": design.tier_labels,
    "accessibility.pdfua": accessibility.pdfua,
}


def handout_targets(handout: Handout) -> Targets:
    """The handout's own reading targets (a ``readability:`` block, when the content model
    has one), else the defaults: grade 6 to aim for, 8 as the limit."""
    own: Any = getattr(handout, "readability", None)
    if own is None:
        return Targets()
    default = Targets()
    target = getattr(own, "target_grade", None)
    limit = getattr(own, "max_grade", None)
    return Targets(
        target if target is not None else default.target_grade,
        limit if limit is not None else default.max_grade,
    )


def check_handout(
    handout: Handout,
    layout: Layout,
    *,
    clinic: Any = None,
    targets: Targets | None = None,
    today: dt.date | None = None,
    rules: Iterable[str] | None = None,
    acronyms: Iterable[str] = (),
) -> Report:
    """Check ``handout`` for reading level, completeness and, in ``layout``, design.

    ``targets`` defaults to the handout's own (see :func:`handout_targets`); ``today`` to
    the current date (for the review-date rule); ``rules`` to every rule in :data:`RULES`.
    ``acronyms`` are abbreviations readers know (a clinic's own), never flagged as unexplained.
    Returns a :class:`Report` whose findings are sorted by severity, file and line.
    Raises ``KeyError`` for an unknown rule id.
    """
    targets = targets or handout_targets(handout)
    names = list(rules if rules is not None else RULES)
    built = None
    if accessibility.RULE in names:
        built = accessibility.build_and_check(handout, layout, clinic)
    ctx = CheckContext(
        handout=handout,
        layout=layout,
        targets=targets,
        today=today or dt.date.today(),
        readability=measure(handout, functools.partial(handout_line, handout)),
        clinic=clinic,
        acronyms=frozenset(acronyms),
        built=built,
    )
    selected = [RULES[name] for name in names]
    findings = sorted((f for rule in selected for f in rule(ctx)), key=Finding.sort_key)
    file = handout.origin.file if handout.origin is not None else handout.id
    return Report(
        file, layout.name, handout.language, targets, ctx.readability, tuple(findings), None, built
    )
