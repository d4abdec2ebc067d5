"""Batch printing, the rows: a CSV file of patients, checked, and a safe file name per row.

In: the CSV file's path; its header names the columns (:data:`COLUMNS`). Out: the data rows
(:class:`Rows`, made one at a time from the file's bytes each time they are read), each with
its line in the file, and, for one PDF per row, an output path inside the output folder
that no cell can steer outside it (:func:`safe_name`, :func:`assign_targets`).
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import HandoutError
from ..source.reader import read_bytes
from ..source.scalars import bad_character, character_message, line_and_column

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
    #: Why the row cannot be trusted (fewer cells than columns, a line break in a cell),
    #: or None. Such a row is refused; its values never reach a leaflet.
    problem: str | None = None


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
    #: The column names, in order.
    header: tuple[str, ...] = ()

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Row]:
        rows = _parse_rows(self.raw, self.file)
        if self.targets is None:
            return rows
        return assign_targets(rows, *self.targets)


def read_rows(path: str | Path) -> Rows:
    """The data rows of the CSV at ``path``; a bad header or file is a HandoutError.

    The file is read strictly: an unclosed quote or a stray quote stops the run (with the
    line it starts on) before anything is built, and a row whose cells do not line up with
    the header, or whose cell holds a line break, is refused on its own."""
    name = str(path)
    raw = read_bytes(path, "csv")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise HandoutError(
            "the file is not UTF-8 text; save it as UTF-8 CSV", file=name, line=line
        ) from None
    bad = bad_character(text)
    if bad is not None:
        line, column = line_and_column(text, bad)
        raise HandoutError(character_message(text[bad]), file=name, line=line, column=column)
    del text
    count = sum(1 for _ in _parse_rows(raw, name))  # every error surfaces here, before a build
    if count == 0:  # a run that builds nothing must not look like a run that worked
        raise HandoutError(
            "the file names its columns but has no rows; add one row per patient", file=name
        )
    return Rows(name, raw, count, header=tuple(_header(raw, name)))


def _reader(raw: bytes) -> Any:
    # Decoded a little at a time: a whole file of text would be held (four bytes a
    # character, in a StringIO) for as long as the batch runs.
    text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", newline="")
    return csv.reader(text, strict=True)


def _header(raw: bytes, name: str) -> list[str]:
    try:
        return [h.strip() for h in next(_reader(raw))]
    except (StopIteration, csv.Error):
        raise HandoutError(
            "the file is empty; the first line names the columns", file=name
        ) from None


def _parse_rows(raw: bytes, name: str) -> Iterator[Row]:
    reader = _reader(raw)
    header = _header(raw, name)
    next(reader)
    _check_header(header, name)
    number = 0
    line = reader.line_num
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                values = {h: c.strip() for h, c in zip(header, cells, strict=False) if h}
                extra = max(0, len(cells) - len(header))
                number += 1
                problem = _row_problem(header, cells, line + 1, reader.line_num)
                yield Row(number, line + 1, values, extra=extra, problem=problem)
            line = reader.line_num
    except csv.Error as exc:
        raise HandoutError(
            f"not valid CSV ({exc}): check the quotes in the row that starts on line {line + 1}; "
            "a cell that holds a quote or comma is written in double quotes, with quotes doubled",
            file=name,
            line=line + 1,
        ) from None


def _row_problem(header: list[str], cells: list[str], first: int, last: int) -> str | None:
    """Why a row's cells cannot be trusted, or None."""
    if len(cells) < len(header):
        missing = len(header) - len(cells)
        return (
            f"the row has {len(cells)} cells but the header has {len(header)} columns "
            f"({missing} missing); give every column a cell, empty if need be"
        )
    for column, cell in zip(header, cells, strict=False):
        if "\n" in cell or "\r" in cell:
            return (
                f"the {column or 'unnamed'} cell runs over lines {first}-{last}: a quote is "
                "probably not closed; close it (a cell is one line)"
            )
    return None


def _check_header(header: list[str], file: str) -> None:
    seen: set[str] = set()
    for i, column in enumerate(header, 1):
        if column in seen:
            raise HandoutError(
                f'column "{column}" is given twice; keep one', file=file, line=1, column=i
            )
        seen.add(column)
        if len(header) == 1 and column not in COLUMNS:
            _check_separator(column, file)
        if column and column not in COLUMNS:
            close = difflib.get_close_matches(column, COLUMNS, n=1, cutoff=0.6)
            hint = f'did you mean "{close[0]}"?' if close else f"columns are: {', '.join(COLUMNS)}"
            raise HandoutError(f'unknown column "{column}"; {hint}', file=file, line=1, column=i)


def _check_separator(header: str, file: str) -> None:
    """A header of one unknown column that holds ``;`` or a tab: a file saved with another
    separator (as spreadsheets in many countries save "CSV"), which would be read wrongly."""
    for mark, words in ((";", "semicolons (;)"), ("\t", "tabs")):
        if mark in header:
            raise HandoutError(
                f"the first line has no commas but {words} between its columns; save the file "
                "as CSV with commas between the cells (comma-separated values)",
                file=file,
                line=1,
            )


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
        yield dataclasses.replace(row, target=str(target))
