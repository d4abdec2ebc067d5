"""Which preview pages the browser already shows: an id for what each page is drawn from.

In: the bytes of a preview build (a PDF as ReportLab writes it: one cross-reference table,
one page tree node) and a secret key. Out: one id per page (32 hex digits), or None when
the file is not laid out that way (then the caller draws every page, as before).

The live preview is built again each time a field changes, but a change to the patient's
name or the note touches one page of five: drawing every page again took half of a
preview's time. So each preview answer carries an id for each page, the page sends the ids
of the pictures it shows with its next request, and the worker draws only the pages whose
id changed (pdfbuilder/web/worker.py).

A page's id is a keyed BLAKE2b digest of everything pdfium reads to draw it: the page's
own object and its content stream, byte for byte, and every other object in the file
except the other pages and their content streams (fonts, images, annotations, the page
tree; :func:`page_ids` refuses a page that shares its content with another). So the same id
means the same bytes in, hence the same pixels out; any change outside the pages (a font
subset that gained a letter) changes every id, which only costs drawing again. The caller
mixes in how it draws (scale, pdfium's version) through ``salt``.

The key is made at random when the server starts and shared only with its build processes
(:func:`new_key`): an id is not a fingerprint of a patient's details that anyone could
check a guess against, and means nothing after a restart. Nothing is kept on the server:
the ids live in the browser, beside the pictures they describe.
"""

from __future__ import annotations

import hashlib
import re
import secrets

#: ``startxref`` and the end of the file, at the end of the file.
_END = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")
#: The cross-reference table's header: one subsection from object 0.
_XREF = re.compile(rb"xref\r?\n0 (\d+)\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s{1,2}")
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_KIDS = re.compile(rb"/Kids\s*\[((?:\s*\d+ 0 R)*)\s*\]")
_REF = re.compile(rb"(\d+) 0 R")
_CONTENTS = re.compile(rb"/Contents\s+(\d+) 0 R")
#: Objects in a preview: about 40 (a long large-print leaflet, a few hundred).
MAX_OBJECTS = 100_000


def new_key() -> bytes:
    """A fresh secret key for the ids of one server's previews."""
    return secrets.token_bytes(32)


def page_ids(pdf: bytes, key: bytes, salt: bytes = b"") -> list[str] | None:
    """The id of each page of ``pdf`` in page order (see the module docstring), or None."""
    spans = _objects(pdf)
    if spans is None:
        return None
    pages = _page_order(spans)
    if pages is None:
        return None
    own: list[tuple[int, int]] = []
    for page in pages:
        found = _CONTENTS.findall(spans[page])
        if len(found) != 1 or int(found[0]) not in spans:
            return None  # no content, or an array of streams: not ReportLab's way
        own.append((page, int(found[0])))
    taken = [number for pair in own for number in pair]
    if len(set(taken)) != len(taken):
        return None  # two pages drawn from one stream
    shared = hashlib.blake2b(key=key, digest_size=32)
    shared.update(salt)
    omitted = set(taken)
    for number in sorted(spans):
        if number not in omitted:
            shared.update(b"%d:%d:" % (number, len(spans[number])))
            shared.update(spans[number])
    common = shared.digest()
    ids = []
    for page, content in own:
        digest = hashlib.blake2b(common, key=key, digest_size=16)
        for part in (spans[page], spans[content]):
            digest.update(b"%d:" % len(part))
            digest.update(part)
        ids.append(digest.hexdigest())
    return ids


def _objects(pdf: bytes) -> dict[int, bytes] | None:
    """Each object's bytes (``N 0 obj`` to the next object or the table), by number."""
    end = _END.search(pdf, max(0, len(pdf) - 64))
    if end is None or pdf.count(b"startxref") != 1:
        return None  # an incremental update, or not a PDF as ReportLab writes one
    table = int(end.group(1))
    header = _XREF.match(pdf, table)
    if header is None or not 1 < int(header.group(1)) <= MAX_OBJECTS:
        return None
    count, at = int(header.group(1)), header.end()
    offsets: dict[int, int] = {}
    for number in range(count):
        entry = _ENTRY.match(pdf, at)
        if entry is None:
            return None
        at = entry.end()
        if entry.group(3) == b"n":
            if entry.group(2) != b"00000":
                return None
            offsets[number] = int(entry.group(1))
    starts = sorted(set(offsets.values()))
    if len(starts) != len(offsets) or (starts and starts[-1] >= table):
        return None
    following = dict(zip(starts, [*starts[1:], table], strict=True))
    spans = {}
    for number, start in offsets.items():
        span = pdf[start : following[start]]
        if not span.startswith(b"%d 0 obj" % number):
            return None
        spans[number] = span
    return spans


def _page_order(spans: dict[int, bytes]) -> list[int] | None:
    """The page objects in the one page tree node's order, or None for any other tree."""
    nodes = [number for number, span in spans.items() if _PAGES.search(span)]
    if len(nodes) != 1:
        return None
    kids = _KIDS.search(spans[nodes[0]])
    if kids is None:
        return None
    pages = [int(n) for n in _REF.findall(kids.group(1))]
    if not pages or len(set(pages)) != len(pages):
        return None
    for page in pages:
        span = spans.get(page)
        if span is None or not _PAGE.search(span) or _PAGES.search(span):
            return None
    return pages
