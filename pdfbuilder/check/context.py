"""The context every rule reads: the handout, the layout, targets, today's date, and the
handout's measured readability (computed once, shared by the readability rules)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..content.model import Handout
from ..errors import FieldPath, format_path
from ..layout.model import Layout
from .findings import Finding, Severity, Targets
from .readability import Readability


def handout_line(handout: Handout, path: FieldPath) -> int | None:
    """The line in the handout's file where ``path`` is (``None`` if not read from a file)."""
    if handout.origin is None:
        return None
    return handout.origin.where(path)[0]


@dataclass(frozen=True)
class CheckContext:
    """What a rule may look at. ``clinic`` is a clinic profile, or ``None`` when none is given;
    ``acronyms`` are abbreviations the caller allows without explanation."""

    handout: Handout
    layout: Layout
    targets: Targets
    today: dt.date
    readability: Readability
    clinic: Any = None
    acronyms: frozenset[str] = frozenset()
    #: The built leaflet's PDF/UA check (an ``accessibility.BuiltCheck``), made once.
    built: Any = None

    def line_of(self, path: FieldPath) -> int | None:
        """The line in the handout file where ``path`` is (``None`` if not read from a file)."""
        return handout_line(self.handout, path)

    def finding(self, rule: str, severity: Severity, path: FieldPath, message: str) -> Finding:
        """A finding about the handout field at ``path``, located in the handout's file."""
        return Finding(rule, severity, message, format_path(path), self.line_of(path))
