"""Batch printing, the rows: a CSV file of patients, checked, and a safe file name per row.

In: the CSV file's path; its header names the columns (:data:`COLUMNS`). Out: the data rows
(:class:`Rows`, made one at a time from the file's bytes each time they are read), each with
its line in the file, and, for one PDF per row, an output path inside the output folder
that no cell can steer outside it (:func:`safe_name`, :func:`assign_targets`).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError
from ..source.reader import read_bytes

#: The columns a CSV may have; ``file`` names the output file (see :func:`safe_name`).
COLUMNS = ("file", "patient", "clinician", "date", "follow_up", "note", "exercises", "qr_url")


#: Windows device names: a file called ``con.pdf`` cannot be opened there.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)}


MAX_NAME = 80


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
