"""``handout batch``: one personalised leaflet per CSV row, with a progress bar.

A thin click layer over :mod:`pdfbuilder.batch`: it parses options, shows progress on
standard error, reports each bad row (row number and reason) once the run is done, prints a
summary, and exits 1 if any row failed. Imported only when the command is used.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from ..batch.run import BatchJob, Combiner, RowResult, prepare, run_batch
from ..content.drafts import draft_warnings
from ..content.model import load_handout
from ..output.write import check_target, write_atomic
from .messages import echo_error
from .options import clinic_option, layout_options, root_option


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("handout_file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("csv_file", metavar="PEOPLE.csv", type=click.Path(dir_okay=False, path_type=Path))
@layout_options
@clinic_option
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write one PDF per row into this folder (made if it is missing).",
)
@click.option(
    "--combined",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE.pdf",
    help="Write every leaflet, in row order, into this one PDF instead.",
)
@click.option(
    "--pad/--no-pad",
    default=True,
    show_default=True,
    help="With --combined: a blank page after each leaflet with an odd page count, so a "
    "duplex printer starts every leaflet on a new sheet.",
)
@click.option(
    "--name-column",
    default="file",
    show_default=True,
    help="The column that names each row's PDF (made safe; default names use the row number).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Processes (default: all cores)."
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace PDFs that already exist (without it, a run that would is refused).",
)
@root_option
def batch(
    handout_file: Path,
    csv_file: Path,
    layout: str,
    paper: str | None,
    clinic: Path | None,
    output_dir: Path | None,
    combined: Path | None,
    pad: bool,
    name_column: str,
    jobs: int | None,
    overwrite: bool,
    root: tuple[Path, ...],
) -> None:
    """Build one leaflet of FILE per row of PEOPLE.csv (columns: file, patient, clinician,
    date, follow_up, note, exercises, qr_url). Bad rows are reported; the rest still build."""
    if (output_dir is None) == (combined is None):
        raise click.UsageError("give either -o DIR (one PDF per row) or --combined FILE.pdf")
    job = BatchJob(
        str(handout_file),
        str(csv_file),
        layout=layout,
        clinic=str(clinic) if clinic else None,
        paper=paper,
        out_dir=str(output_dir) if output_dir else None,
        combined=combined is not None,
        pad=pad,
        name_column=name_column,
        overwrite=overwrite,
        root=tuple(str(r) for r in root),
    )
    if jobs:
        job = dataclasses.replace(job, jobs=jobs)
    job, rows = prepare(job)
    for warning in draft_warnings(load_handout(job.handout, root=job.root)):
        click.echo(warning, err=True)  # every leaflet of the run is a draft: say so once
    if combined is not None:  # refused now, not after every row is built
        check_target(combined, job.inputs, overwrite=overwrite)
    failures: list[RowResult] = []
    joined = Combiner(pad=job.pad) if combined is not None else None
    with click.progressbar(length=len(rows), label="Building", file=sys.stderr) as bar:
        for result in run_batch(job, rows):
            if result.error is not None:
                failures.append(result)
            elif joined is not None and result.pdf is not None:
                joined.add(result.pdf, result.title)
            bar.update(1)
    for failure in sorted(failures, key=lambda r: r.number):
        echo_error(failure.error or "")
    built = len(rows) - len(failures)
    where: Path | str | None = output_dir
    if joined is not None and combined is not None:
        if failures:  # a partial file would pass for the whole run: keep the earlier one
            where = None
            kept = " (the earlier file is kept)" if combined.exists() else ""
            echo_error(f"{combined}: not written because rows failed{kept}")
        elif joined.count:
            where = write_atomic(combined, joined.pdf(), inputs=job.inputs, overwrite=overwrite)
    click.echo(
        f"built {built} of {len(rows)} leaflets"
        + (f" into {where}" if built and where else "")
        + (f"; {_rows(len(failures))} failed (listed above)" if failures else ""),
        err=True,
    )
    if failures:
        sys.exit(1)


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"
