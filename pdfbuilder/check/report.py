"""A check's result, and its two forms: a report people read, and JSON for machines.

In: the findings and readability scores of one handout (a :class:`Report`).
Out: :meth:`Report.to_dict` (the JSON structure documented in ``docs/check.md``) and
:func:`format_text` (grouped by severity, each line starting ``file:line:``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..errors import HandoutError
from .findings import SEVERITIES, Finding, Severity, Targets
from .readability import Readability, Scores

#: Version of the JSON structure; it changes only when a key is removed or changes meaning.
JSON_FORMAT = 1


@dataclass(frozen=True)
class Report:
    """The result of checking one handout in one layout."""

    file: str
    layout: str
    language: str | None
    targets: Targets
    readability: Readability | None
    findings: tuple[Finding, ...]
    #: For a file that could not be read: its one-line error (also its one ``load`` finding).
    load_error: str | None = None
    #: The built PDF's accessibility check (an ``accessibility.BuiltCheck``), when it ran.
    accessibility: Any = None

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def passed(self, *, strict: bool = False) -> bool:
        """No errors (and, with ``strict``, no warnings either)."""
        return self.count("error") == 0 and not (strict and self.count("warning"))

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data with stable keys, findings in a fixed order."""
        return {
            "file": self.file,
            "layout": self.layout,
            "language": self.language,
            "summary": {
                "errors": self.count("error"),
                "warnings": self.count("warning"),
                "info": self.count("info"),
            },
            "readability": _readability_dict(self.readability, self.targets),
            "accessibility": self.accessibility.to_dict() if self.accessibility else None,
            "findings": [f.to_dict(self.file) for f in self.findings],
        }


def load_failure(file: str, error: HandoutError, layout: str) -> Report:
    """A report for a file that could not be read: one ``load`` error, the HandoutError's own."""
    finding = Finding(
        "load",
        "error",
        error.message,
        error.field or "",
        error.line,
        error.file if error.file and error.file != file else None,
    )
    return Report(file, layout, None, Targets(), None, (finding,), str(error))


def _scores_dict(scores: Scores | None) -> dict[str, Any] | None:
    return None if scores is None else asdict(scores)


def _readability_dict(result: Readability | None, targets: Targets) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "formula": result.formula,
        "target_grade": targets.target_grade,
        "max_grade": targets.max_grade,
        "whole": _scores_dict(result.whole),
        "sections": [
            {"name": p.name, "field": p.field, "line": p.line, **asdict(p.scores)}
            for p in result.parts
        ],
        "hardest_sentences": [asdict(h) for h in result.hardest],
    }


def where(finding: Finding, handout_file: str) -> str:
    """``file:line`` (or just ``file``) for a finding."""
    file = finding.file or handout_file
    return f"{file}:{finding.line}" if finding.line is not None else file


def format_text(report: Report) -> str:
    """The report for people: reading level, hardest sentences, then findings by severity."""
    lines = [f"{report.file}: layout {report.layout}, language {report.language or '?'}"]
    lines.extend(_readability_lines(report))
    if report.accessibility is not None:
        lines.append(report.accessibility.summary())
    for severity in SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        title = {"error": "Errors", "warning": "Warnings", "info": "Notes"}[severity]
        lines.append(f"  {title} ({len(found)})" + (":" if found else ""))
        for f in found:
            field = f"{f.field}: " if f.field else ""
            lines.append(f"    {where(f, report.file)}: {f.rule}: {field}{f.message}")
    return "\n".join(lines)


def _readability_lines(report: Report) -> list[str]:
    result, targets = report.readability, report.targets
    if result is None or result.whole is None:
        return []
    whole = result.whole
    name = {"flesch-kincaid": "Flesch-Kincaid", "fernandez-huerta": "Fernández-Huerta"}
    extra = f", SMOG {whole.smog:g}" if whole.smog is not None else ""
    if whole.fernandez_huerta is not None:
        extra = f", ease {whole.fernandez_huerta:g}{_inflesz(whole)}"
    lines = [
        f"  Reading level ({name.get(result.formula, result.formula)}; target grade "
        f"{targets.target_grade:g}, limit {targets.max_grade:g}): grade {whole.grade:g}{extra}, "
        f"{whole.sentences} sentences, {whole.words} words"
    ]
    for part in result.parts:
        at = f"line {part.line}" if part.line is not None else part.field
        sp = part.scores.szigriszt_pazos
        also = f"  INFLESZ {sp:>5.1f}" if sp is not None else ""
        lines.append(f"    grade {part.scores.grade:>4.1f}{also}  {at:<9} {part.name}")
    if result.hardest:
        lines.append("  Hardest sentences:")
    for hard in result.hardest:
        at = f"{report.file}:{hard.line}" if hard.line is not None else hard.field
        lines.append(
            f"    {at}: grade {hard.grade:g}, {hard.words} words, {hard.long_words} "
            f'long: "{hard.text}"'
        )
    return lines


def _inflesz(scores: Scores) -> str:
    if scores.szigriszt_pazos is None:
        return ""
    return f", INFLESZ {scores.szigriszt_pazos:g} ({scores.inflesz})"
