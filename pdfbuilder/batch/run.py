"""Batch printing, the run: one personalised leaflet per row of a CSV file, on every core.

In: a handout, a layout, an optional clinic profile and a CSV file whose header names the
columns (:data:`COLUMNS`). Out: :func:`run_batch` yields a :class:`RowResult` per row as it
finishes: the file written (one PDF per row), or the PDF bytes (for one combined file), or
the one-line reason the row failed. A bad row never stops the others.

Each worker process loads the handout, layout and clinic once, builds its rows and writes
each PDF as soon as it is built, so memory does not grow with the number of rows. Nothing
personal is written anywhere but the output PDFs, and nothing is printed: the CLI does that.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import io
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.model import load_handout
from ..errors import HandoutError, one_line
from ..layout.files import load_layout
from ..output.write import check_target, write_atomic
from ..people.clinic import load_clinic
from ..people.personal import personal_from_strings
from ..pipeline import BuildOptions, build, input_files
from ..source.files import FileId, recording
from .rows import COLUMNS, Row, Rows, read_rows


@dataclass(frozen=True)
class BatchJob:
    """What to build: paths and names, so each worker can load them itself."""

    handout: str
    csv: str
    layout: str = "standard"
    clinic: str | None = None
    paper: str | None = None
    out_dir: str | None = None  # one PDF per row here, or
    combined: bool = False  # PDF bytes back to the caller, in row order
    #: Combined: a blank page after each leaflet with an odd page count (duplex printing).
    pad: bool = True
    name_column: str = "file"
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: Replace PDFs that already exist (otherwise a run that would is refused up front).
    overwrite: bool = False
    #: Folders where files named inside the inputs may lie (``--root``).
    root: tuple[str, ...] = ()
    #: Every file the run reads, so that no output can be one of them (set by prepare).
    inputs: tuple[FileId, ...] = ()


@dataclass(frozen=True)
class RowResult:
    """What became of one row: ``path`` or ``pdf`` on success, ``error`` on failure."""

    number: int
    path: str | None = None
    pdf: bytes | None = None
    error: str | None = None
    #: The leaflet's bookmark in a combined file: the row's name column (or its number).
    title: str | None = None


_worker: dict[str, Any] = {}


def _init_worker(job: BatchJob) -> None:
    """Load the handout, layout and clinic once per worker process."""
    _worker["job"] = job
    _worker["handout"] = load_handout(job.handout, root=job.root)
    _worker["layout"] = load_layout(job.layout, root=job.root)
    clinic = load_clinic(job.clinic, root=job.root) if job.clinic else None
    _worker["options"] = BuildOptions(paper=job.paper, clinic=clinic)


def _start_worker(job: BatchJob) -> None:
    """A pool worker: load the handout, layout and clinic once, for every row it builds."""
    _init_worker(job)


def build_row(row: Row) -> RowResult:
    """Build (and, with a target, write) one row's leaflet; a HandoutError becomes the
    row's one-line reason."""
    job: BatchJob = _worker["job"]
    try:
        if row.extra:
            raise HandoutError(
                f"the row has {row.extra} more {'cell' if row.extra == 1 else 'cells'} than "
                "the header has columns; "
                "put text with commas in double quotes"
            )
        if row.problem:
            raise HandoutError(row.problem)
        values = {k: v for k, v in row.values.items() if k in COLUMNS and k != "file"}
        personal = personal_from_strings(values)
        # One combined file is for the printer: its pages are copied without their
        # structure trees, so they are built untagged; each row's own file is tagged.
        options = BuildOptions(
            paper=job.paper,
            clinic=_worker["options"].clinic,
            personal=personal,
            tagged=not job.combined,
        )
        pdf = build(_worker["handout"], _worker["layout"], options)
        if row.target is None:
            title = row.values.get(job.name_column, "").strip() or f"Row {row.number}"
            return RowResult(row.number, pdf=pdf, title=title)
        write_atomic(row.target, pdf, inputs=job.inputs, overwrite=job.overwrite)
        return RowResult(row.number, path=row.target)
    except HandoutError as exc:
        return RowResult(row.number, error=_row_error(job.csv, row, exc))


def _row_error(csv_file: str, row: Row, exc: HandoutError) -> str:
    where = (exc.field or "").lstrip("-").replace("-", "_")
    where = "exercises" if where == "exercise" else where
    prefix = f"row {row.number}: {where}: " if where else f"row {row.number}: "
    return one_line(f"{csv_file}:{row.line}: {prefix}{exc.message}")


def _warm_up() -> None:
    """Build one leaflet with made-up details before the workers start: forked workers
    inherit what it loads and caches (fonts, figures, styles, parsed text) instead of each
    paying for it. Invented details only; nothing is written."""
    personal = personal_from_strings({"patient": "A", "note": "A", "date": "2026-01-01"})
    options = dataclasses.replace(_worker["options"], personal=personal)
    with contextlib.suppress(HandoutError):  # the rows will report it
        build(_worker["handout"], _worker["layout"], options)


def prepare(job: BatchJob) -> tuple[BatchJob, Rows]:
    """Check the inputs once, before any worker starts (a bad handout or CSV fails here, not
    in every row); the job with the files it reads noted, and the rows, with their output
    paths when writing one PDF per row (the folder is made if it is missing)."""
    with recording() as inputs:
        _init_worker(job)
        rows = read_rows(job.csv)
    inputs += input_files(_worker["handout"], _worker["layout"], _worker["options"].clinic)
    job = dataclasses.replace(job, inputs=tuple(inputs))
    _worker["job"] = job
    if job.name_column != "file" and job.name_column not in rows.header:
        raise HandoutError(
            f'--name-column "{job.name_column}" is not a column of the file; its columns '
            f"are: {', '.join(h for h in rows.header if h)}",
            file=job.csv,
            line=1,
        )
    _warm_up()
    if job.out_dir is not None:
        folder = make_folder(Path(job.out_dir))
        rows = dataclasses.replace(rows, targets=(folder, job.name_column, Path(job.handout).stem))
        check_targets(job, rows)
    return job, rows


def make_folder(folder: Path) -> Path:
    """The output folder, made (with its parents) if it is missing."""
    if folder.exists() and not folder.is_dir():
        raise HandoutError("is a file, not a folder; choose a folder for -o", file=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandoutError(
            f"cannot make the output folder: {(exc.strerror or str(exc)).lower()}",
            file=str(folder),
        ) from None
    return folder


def check_targets(job: BatchJob, rows: Rows) -> None:
    """Refuse the run before anything is built if a row's PDF would replace an input, or
    (without ``--overwrite``) a file that is already there."""
    existing = []
    for row in rows:
        assert row.target is not None
        check_target(row.target, job.inputs)
        if Path(row.target).exists():
            existing.append(row.target)
    if existing and not job.overwrite:
        raise HandoutError(
            f"{len(existing)} of the {len(rows)} PDFs already exist (the first is "
            f"{existing[0]}); pass --overwrite to replace them, or choose another folder",
            file=job.out_dir,
        )


def run_batch(job: BatchJob, rows: Rows) -> Iterator[RowResult]:
    """Build every row, on ``job.jobs`` processes; results come as rows finish (in row
    order when ``job.combined``, so the combined file follows the CSV)."""
    workers = max(1, min(job.jobs, len(rows)))
    if workers == 1:
        _init_worker(job)
        yield from map(build_row, rows)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(16, len(rows) // (workers * 8)))
    # Forked workers share the warmed-up heap; frozen, the garbage collector never walks it
    # (which would also copy its pages into every worker).
    gc.freeze()
    try:
        with context.Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
            run = pool.imap if job.combined else pool.imap_unordered
            yield from run(build_row, rows, chunksize=chunk)
    finally:
        gc.unfreeze()


class Combiner:
    """Appends leaflets, in order, into one PDF for the printer: each under a top-level
    bookmark with its own bookmarks nested inside, and (``pad``) each padded with a blank
    page to an even page count, so that on a duplex printer every leaflet starts on a new
    sheet instead of on the back of the one before."""

    def __init__(self, pad: bool = True) -> None:
        from pypdf import PdfWriter  # only combined runs need it

        self.writer = PdfWriter()
        self.pad = pad
        self.count = 0

    def add(self, pdf: bytes, title: str | None = None) -> None:
        """Append every page of one leaflet, under a bookmark ``title``."""
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(pdf))
        name = title or f"Leaflet {self.count + 1}"
        self.writer.append(reader, outline_item=name, import_outline=True)
        if self.pad and len(reader.pages) % 2:
            box = reader.pages[-1].mediabox
            self.writer.add_blank_page(width=float(box.width), height=float(box.height))
        self.count += 1

    def pdf(self) -> bytes:
        """The combined file's bytes."""
        out = io.BytesIO()
        self.writer.write(out)
        return out.getvalue()
