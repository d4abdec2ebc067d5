"""What a check produces: findings, and the reading-grade targets they are judged against.

A :class:`Finding` is one problem (or note) a rule found: which rule, how serious, where
(file, line, field path) and what to do. Rules yield findings; they never print, exit or
raise for content problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

#: Severities from the most to the least serious; reports list them in this order.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One result of a rule.

    ``field`` is the path of the field in the handout (or, with ``file`` set, in the layout
    or labels file) the finding is about, as ``sections[2].heading``; ``line`` is 1-based,
    or ``None`` when the finding is about the file as a whole. ``file`` is ``None`` for the
    handout being checked.
    """

    rule: str
    severity: Severity
    message: str
    field: str = ""
    line: int | None = None
    file: str | None = None

    def sort_key(self) -> tuple[int, str, int, str, str, str]:
        """Order: severity, then file, line, field, rule and message (deterministic)."""
        return (
            SEVERITIES.index(self.severity),
            self.file or "",
            self.line if self.line is not None else 0,
            self.field,
            self.rule,
            self.message,
        )

    def to_dict(self, handout_file: str) -> dict[str, Any]:
        """The finding as JSON-ready data, with ``file`` filled in."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file or handout_file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
        }


@dataclass(frozen=True)
class Targets:
    """Reading-grade goals: a grade to aim for and a grade never to pass."""

    target_grade: float = 6
    max_grade: float = 8

    def __post_init__(self) -> None:
        if self.max_grade < self.target_grade:
            raise ValueError("max_grade must not be below target_grade")
