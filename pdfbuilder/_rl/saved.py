"""Where a saved ReportLab document put its pages: object numbers and dictionaries as written.

In: a canvas after ``save()`` and the bytes it wrote. Out: each page's object number and
the text of its dictionary without the closing ``>>``, in page order, read from the
canvas's document (``_doc``: its object numbers ``idToObjectNumberAndVersion``, offsets
``idToOffset`` and ``pageCounter``, names ``Page1``, ``Page2``, ...) instead of parsing
the file again. The tagging pass (:mod:`pdfbuilder.tagging.finishing`) adds
``/StructParents``, ``/Tabs`` and ``/Annots`` to these dictionaries.

Only when ReportLab is patched (:func:`~pdfbuilder._rl.installed`, a tested version) and
only when the bytes are what the document says: every page's ``N 0 obj`` at its offset, a
dictionary ending in ``>>``, with none of the entries the pass adds. Otherwise None, and
the pass reads the pages with pikepdf as before.
"""

from __future__ import annotations

from typing import Any

#: Entries the tagging pass adds to a page; a page that has one is left to pikepdf.
_ADDED = (b"/Annots", b"/StructParents", b"/Tabs")


def saved_pages(canvas: Any, pdf: bytes) -> list[tuple[int, bytes]] | None:
    """(object number, dictionary text without its closing ``>>``) of each page of the
    document ``canvas`` saved as ``pdf``, in page order; None unless sure (see above)."""
    from . import installed

    if canvas is None or not installed():
        return None
    doc = getattr(canvas, "_doc", None)
    numbers = getattr(doc, "idToObjectNumberAndVersion", None)
    offsets = getattr(doc, "idToOffset", None)
    count = getattr(doc, "pageCounter", None)
    if not isinstance(numbers, dict) or not isinstance(offsets, dict) or not isinstance(count, int):
        return None
    pages = []
    for index in range(1, count):  # pageCounter is the number the next page would get
        name = f"Page{index}"
        number, at = numbers.get(name), offsets.get(name)
        if number is None or at is None or number[1] != 0:
            return None
        head = b"%d 0 obj\n" % number[0]
        end = pdf.find(b"\nendobj", at)
        if not pdf.startswith(head, at) or end < 0:
            return None
        body = pdf[at + len(head) : end].rstrip()
        if not body.endswith(b">>") or any(key in body for key in _ADDED):
            return None
        pages.append((number[0], body[:-2].rstrip()))
    return pages
