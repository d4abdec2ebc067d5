"""The ``handout check`` command: a thin click layer over :func:`pdfbuilder.check.check_handout`.

It loads the layout and each file, checks them, prints the text report (or JSON with
``--format json``) and exits 0 when every file passes, 1 when one has errors (or warnings,
with ``--strict``) or cannot be read. A file that cannot be read is reported as its one-line
error, never a traceback; the other files are still checked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..check.engine import check_handout, handout_targets
from ..check.findings import Targets
from ..check.report import JSON_FORMAT, Report, format_text, load_failure
from ..content.model import load_handout
from ..content.shipped import handout_path
from ..errors import HandoutError
from ..layout.files import load_layout
from ..layout.model import Layout
from ..people.clinic import load_clinic
from .messages import echo_error
from .options import layout_option, root_option


@dataclass(frozen=True)
class CheckOptions:
    """The command's options, as one value."""

    layout: Layout
    target: float | None
    limit: float | None
    clinic: Any
    today: dt.date | None
    acronyms: tuple[str, ...] = ()
    root: tuple[Path, ...] = ()


def _load_clinic(path: Path | None, root: tuple[Path, ...] = ()) -> Any:
    if path is None:
        return None
    return load_clinic(path, root=root)


def _targets(options: CheckOptions, own: Targets) -> Targets:
    changes = {"target_grade": options.target, "max_grade": options.limit}
    try:
        return dataclasses.replace(own, **{k: v for k, v in changes.items() if v is not None})
    except ValueError:
        raise click.UsageError(
            "--grade-limit must not be below --grade-target "
            f"(the handout's own: target {own.target_grade:g}, limit {own.max_grade:g})"
        ) from None


def check_one(file: Path, options: CheckOptions) -> Report:
    """Check one file; a file that cannot be read gives a report with one ``load`` error."""
    try:
        handout = load_handout(file, root=options.root)
    except HandoutError as exc:
        echo_error(str(exc))
        return load_failure(str(file), exc, options.layout.name)
    return check_handout(
        handout,
        options.layout,
        clinic=options.clinic,
        targets=_targets(options, handout_targets(handout)),
        today=options.today,
        acronyms=options.acronyms,
    )


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@layout_option("The layout whose design to check. ")
@click.option(
    "--grade-target",
    type=click.FloatRange(1, 20),
    default=None,
    help="Reading grade to aim for (default: the handout's own, else 6).",
)
@click.option(
    "--grade-limit",
    type=click.FloatRange(1, 20),
    default=None,
    help="Reading grade that is an error (default: the handout's own, else 8).",
)
@click.option(
    "--clinic",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="A clinic profile: check its contact details too.",
)
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Judge review dates as if today were this date (default: today).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A report for people, or JSON for machines.",
)
@click.option(
    "--allow-acronym",
    "acronyms",
    multiple=True,
    metavar="WORD",
    callback=lambda _ctx, _param, value: _acronyms(value),
    help="An abbreviation your readers know (e.g. your clinic's own), never flagged as "
    "unexplained. Repeat for more.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@root_option
@click.option(
    "--structure",
    is_flag=True,
    help="Also show the built PDF's structure tree in reading order, with each element's "
    "text: the leaflet as a screen reader meets it.",
)
def check(
    files: tuple[Path, ...],
    layout: str,
    grade_target: float | None,
    grade_limit: float | None,
    clinic: Path | None,
    today: dt.datetime | None,
    fmt: str,
    acronyms: tuple[str, ...],
    strict: bool,
    root: tuple[Path, ...],
    structure: bool,
) -> None:
    """Check handout FILES for reading level, completeness and layout design.

    Exits 0 when every file passes, 1 when one has errors (or warnings, with --strict).
    """
    options = CheckOptions(
        load_layout(layout, root=root),
        grade_target,
        grade_limit,
        _load_clinic(clinic, root),
        today.date() if today else None,
        acronyms,
        root,
    )
    reports = [check_one(handout_path(file), options) for file in files]  # a path or an id
    passed = all(r.passed(strict=strict) for r in reports)
    if fmt == "json":
        entries = [r.to_dict() for r in reports]
        if structure:
            for entry, report in zip(entries, reports, strict=True):
                entry["structure"] = _structure(report)
        data = {"format": JSON_FORMAT, "strict": strict, "passed": passed, "files": entries}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        # A file that could not be read was reported on stderr, in its one line.
        texts = [
            format_text(r) + ("\n" + _structure_text(r) if structure else "")
            for r in reports
            if r.load_error is None
        ]
        click.echo("\n\n".join(texts))
        click.echo(_verdict(reports, strict))
    if not passed:
        sys.exit(1)


def _structure(report: Report) -> list[str] | None:
    """The built PDF's structure tree, one line per element (None: it did not build)."""
    built = report.accessibility
    if built is None or not built.pdf:
        return None
    from ..check.structure import structure_lines

    return structure_lines(built.pdf)


def _structure_text(report: Report) -> str:
    lines = _structure(report)
    if lines is None:
        return "  Structure: none (the leaflet does not build)"
    return "\n".join(
        ["  Structure (reading order, as a screen reader meets it):"]
        + ["    " + line for line in lines]
    )


def _acronyms(values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        word = value.strip()
        if not word or any(c.isspace() for c in word) or not any(c.isalpha() for c in word):
            raise click.BadParameter(
                f'"{value}" is not an abbreviation; give one word such as MSK',
                param_hint="'--allow-acronym'",
            )
    return tuple(v.strip() for v in values)


def _verdict(reports: list[Report], strict: bool) -> str:
    errors = sum(r.count("error") for r in reports)
    warnings = sum(r.count("warning") for r in reports)
    failed = sum(1 for r in reports if not r.passed(strict=strict))
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if failed:
        why = " (--strict: warnings fail)" if strict and warnings else ""
        return f"\nFAILED: {failed} of {len(reports)} file(s); {counts}{why}"
    return f"\npassed: {len(reports)} file(s); {counts}"
