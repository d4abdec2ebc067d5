"""``handout check``: catch a hard-to-read or incomplete leaflet before it is printed.

In: a handout, a layout, and optionally reading targets, a clinic profile and a date.
Out: a :class:`Report` of :class:`Finding` objects (errors, warnings, notes) and readability
scores. The library never prints or exits; ``pdfbuilder.check.cli`` does that::

    from pdfbuilder import load_handout, load_layout
    from pdfbuilder.check import check_handout

    report = check_handout(load_handout("handouts/back-spasms.yaml"), load_layout("standard"))
    if not report.passed(strict=True):
        for finding in report.findings:
            print(finding.rule, finding.line, finding.message)
"""

from __future__ import annotations

from .engine import RULES, check_handout, handout_targets
from .findings import SEVERITIES, Finding, Severity, Targets
from .readability import Readability, Scores
from .report import JSON_FORMAT, Report, format_text

__all__ = [
    "JSON_FORMAT",
    "RULES",
    "SEVERITIES",
    "Finding",
    "Readability",
    "Report",
    "Scores",
    "Severity",
    "Targets",
    "check_handout",
    "format_text",
    "handout_targets",
]
