"""Batch printing: one personalised leaflet per row of a CSV file, on every core.

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
import csv
import dataclasses
import difflib
import gc
import io
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.model import load_handout
from ..errors import HandoutError
from ..layout.files import load_layout
from ..output.write import write_atomic
from ..people.clinic import load_clinic
from ..people.personal import personal_from_strings
from ..pipeline import BuildOptions, build
from ..source.reader import read_bytes

#: The columns a CSV may have; ``file`` names the output file (see :func:`safe_name`).
COLUMNS = ("file", "patient", "clinician", "date", "follow_up", "note", "exercises", "qr_url")
#: Windows device names: a file called ``con.pdf`` cannot be opened there.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)}
MAX_NAME = 80


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
    name_column: str = "file"
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass(frozen=True)
class Row:
    """One CSV row: its number among the data rows, its line in the file, its cells."""

    number: int
    line: int
    values: dict[str, str]
    target: str | None = None
    #: Cells beyond the header's columns (a stray comma): the row is refused.
    extra: int = 0


@dataclass(frozen=True)
class RowResult:
    """What became of one row: ``path`` or ``pdf`` on success, ``error`` on failure."""

    number: int
    path: str | None = None
    pdf: bytes | None = None
    error: str | None = None


# --- reading the CSV ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rows:
    """The data rows of a checked CSV file, made one at a time each time they are read.

    The file is read and checked once (:func:`read_rows`); a pass over the rows then makes
    each :class:`Row` as it is needed, so a long file never sits in memory as row objects,
    and forked workers do not inherit them. With ``targets`` set, each row carries its
    output path (see :func:`assign_targets`).
    """

    file: str
    raw: bytes = field(repr=False)  # the file as read, UTF-8 checked: the rows' one source
    count: int
    #: (output folder, name column, fallback stem) for one PDF per row.
    targets: tuple[Path, str, str] | None = None

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Row]:
        rows = _parse_rows(self.raw, self.file)
        if self.targets is None:
            return rows
        return assign_targets(rows, *self.targets)


def read_rows(path: str | Path) -> Rows:
    """The data rows of the CSV at ``path``; a bad header or file is a HandoutError."""
    name = str(path)
    raw = read_bytes(path)
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HandoutError("the file is not UTF-8 text; save it as UTF-8 CSV", file=name) from None
    count = sum(1 for _ in _parse_rows(raw, name))  # every error surfaces here, before a build
    return Rows(name, raw, count)


def _parse_rows(raw: bytes, name: str) -> Iterator[Row]:
    # Decoded a little at a time: a whole file of text would be held (four bytes a
    # character, in a StringIO) for as long as the batch runs.
    text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise HandoutError(
            "the file is empty; the first line names the columns", file=name
        ) from None
    _check_header(header, name)
    number = 0
    line = reader.line_num
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                values = {h: c.strip() for h, c in zip(header, cells, strict=False) if h}
                extra = max(0, len(cells) - len(header))
                number += 1
                yield Row(number, line + 1, values, extra=extra)
            line = reader.line_num
    except csv.Error as exc:
        raise HandoutError(f"not valid CSV: {exc}", file=name, line=reader.line_num) from None


def _check_header(header: list[str], file: str) -> None:
    seen: set[str] = set()
    for i, column in enumerate(header, 1):
        if column in seen:
            raise HandoutError(f'column "{column}" is given twice', file=file, line=1, column=i)
        seen.add(column)
        if column and column not in COLUMNS:
            close = difflib.get_close_matches(column, COLUMNS, n=1, cutoff=0.6)
            hint = f'did you mean "{close[0]}"?' if close else f"columns are: {', '.join(COLUMNS)}"
            raise HandoutError(f'unknown column "{column}"; {hint}', file=file, line=1, column=i)


# --- output file names ----------------------------------------------------------------------


def safe_name(value: str, fallback: str) -> str:
    """A file name from a cell that stays inside the output folder on any system.

    Path separators, ``..``, control and other unsafe characters become hyphens; reserved
    device names get a ``_`` prefix; long names are cut; an empty result uses ``fallback``.
    """
    stem = unicodedata.normalize("NFKC", value).strip()
    if stem.lower().endswith(".pdf"):
        stem = stem[:-4]
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE)
    stem = re.sub(r"[-.]{2,}", "-", stem).strip("-._ ")
    stem = stem[:MAX_NAME].rstrip("-._ ")
    if not stem:
        stem = fallback
    if stem.split(".")[0].lower() in _RESERVED:
        stem = "_" + stem
    return stem + ".pdf"


def assign_targets(rows: Iterable[Row], out_dir: Path, column: str, stem: str) -> Iterator[Row]:
    """The rows with unique, safe output paths inside ``out_dir`` (compared ignoring case)."""
    folder = out_dir.resolve()
    used: set[str] = set()
    for row in rows:
        fallback = f"{stem}-{row.number:04d}"
        name = safe_name(row.values.get(column, ""), fallback)
        base, n = name[:-4], 2
        while name.lower() in used:
            name, n = f"{base}-{n}.pdf", n + 1
        used.add(name.lower())
        target = (folder / name).resolve()
        if target.parent != folder:  # pragma: no cover - safe_name makes this impossible
            raise HandoutError(f'row {row.number}: unsafe file name "{name}"')
        yield Row(row.number, row.line, row.values, str(target), row.extra)


# --- building -------------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _init_worker(job: BatchJob) -> None:
    """Load the handout, layout and clinic once per worker process."""
    _worker["job"] = job
    _worker["handout"] = load_handout(job.handout)
    _worker["layout"] = load_layout(job.layout)
    clinic = load_clinic(job.clinic) if job.clinic else None
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
                f"the row has {row.extra} more cells than the header has columns; "
                "put text with commas in double quotes"
            )
        values = {k: v for k, v in row.values.items() if k in COLUMNS and k != job.name_column}
        values.pop("file", None)
        personal = personal_from_strings(values)
        options = BuildOptions(paper=job.paper, clinic=_worker["options"].clinic, personal=personal)
        pdf = build(_worker["handout"], _worker["layout"], options)
        if row.target is None:
            return RowResult(row.number, pdf=pdf)
        write_atomic(row.target, pdf)
        return RowResult(row.number, path=row.target)
    except HandoutError as exc:
        return RowResult(row.number, error=_row_error(job.csv, row, exc))


def _row_error(csv_file: str, row: Row, exc: HandoutError) -> str:
    where = (exc.field or "").lstrip("-").replace("-", "_")
    where = "exercises" if where == "exercise" else where
    prefix = f"row {row.number}: {where}: " if where else f"row {row.number}: "
    return f"{csv_file}:{row.line}: {prefix}{exc.message}"


def _warm_up() -> None:
    """Build one leaflet with made-up details before the workers start: forked workers
    inherit what it loads and caches (fonts, figures, styles, parsed text) instead of each
    paying for it. Invented details only; nothing is written."""
    personal = personal_from_strings({"patient": "A", "note": "A", "date": "2026-01-01"})
    options = dataclasses.replace(_worker["options"], personal=personal)
    with contextlib.suppress(HandoutError):  # the rows will report it
        build(_worker["handout"], _worker["layout"], options)


def prepare(job: BatchJob) -> Rows:
    """Check the inputs once, before any worker starts (a bad handout or CSV fails here, not
    in every row); the rows, with their output paths when writing one PDF per row."""
    _init_worker(job)
    rows = read_rows(job.csv)
    _warm_up()
    if job.out_dir is not None:
        folder = Path(job.out_dir)
        if not folder.is_dir():
            raise HandoutError(
                "the output folder does not exist; create it first", file=job.out_dir
            )
        rows = dataclasses.replace(rows, targets=(folder, job.name_column, Path(job.handout).stem))
    return rows


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
    """Appends leaflets, in order, into one PDF for the printer."""

    def __init__(self) -> None:
        from pypdf import PdfWriter  # only combined runs need it

        self.writer = PdfWriter()
        self.count = 0

    def add(self, pdf: bytes) -> None:
        """Append every page of one leaflet."""
        from pypdf import PdfReader

        self.writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
        self.count += 1

    def pdf(self) -> bytes:
        """The combined file's bytes."""
        out = io.BytesIO()
        self.writer.write(out)
        return out.getvalue()
