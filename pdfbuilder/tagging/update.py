"""An incremental update: objects appended after a PDF's last ``%%EOF``, with their xref.

In: the bytes of a PDF with a classic xref table, the bodies of some of its objects
rewritten (by number), and new objects numbered on from its last one, each already
written out (``N 0 obj ... endobj``, PDF syntax in Latin-1, one byte a character). Out:
the same bytes with the update appended: the rewritten objects, the new ones, an xref
section for all of them and a trailer with ``/Prev`` pointing at the previous xref.

The new objects are joined and encoded once, and their offsets are their lengths summed
(``itertools.accumulate``): a tagged leaflet adds about 400 structure elements, and one
Python step per object was most of what writing them cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import accumulate

#: One xref entry; a subsection's entries are formatted in one ``%`` (a format call per
#: entry was a tenth of the pass).
_ENTRY = "%010d 00000 n \n"


def append_update(
    pdf: bytes,
    rewritten: Mapping[int, bytes],
    first: int,
    new: list[str],
    trailer: str,
    prev: int,
) -> bytes:
    """``pdf`` with ``rewritten`` (object bodies by number) and ``new`` (whole objects,
    numbered ``first``, ``first + 1``, ...) appended; ``trailer`` is the trailer
    dictionary's entries but ``/Prev``, which is ``prev`` (where ``pdf``'s xref starts)."""
    parts = [pdf] if pdf.endswith(b"\n") else [pdf, b"\n"]
    at = len(pdf) + (len(parts) - 1)  # where the next object starts
    low = sorted(rewritten)
    offsets = []
    for num in low:
        obj = b"%d 0 obj\n%b\nendobj\n" % (num, rewritten[num])
        parts.append(obj)
        offsets.append(at)
        at += len(obj)
    text = "".join(new)
    starts = list(accumulate(map(len, new), initial=at))
    xref = starts.pop()  # the xref follows the last object
    runs = _runs(low, offsets)
    if runs and runs[-1][0] + len(runs[-1][1]) == first:
        runs[-1][1].extend(starts)  # the new objects continue the last run
    elif new:
        runs.append((first, starts))
    table = ["xref\n"]
    for start, run in runs:
        table.append(f"{start} {len(run)}\n")
        table.append(_ENTRY * len(run) % tuple(run))
    table.append(f"trailer\n<< {trailer} /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n")
    parts.append(text.encode("latin-1"))
    parts.append("".join(table).encode("latin-1"))
    return b"".join(parts)


def _runs(nums: list[int], offsets: Iterable[int]) -> list[tuple[int, list[int]]]:
    """Consecutive object numbers grouped: (first number, offsets) for each xref subsection."""
    runs: list[tuple[int, list[int]]] = []
    for num, offset in zip(nums, offsets, strict=True):
        if runs and runs[-1][0] + len(runs[-1][1]) == num:
            runs[-1][1].append(offset)
        else:
            runs.append((num, [offset]))
    return runs
