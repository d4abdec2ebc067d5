"""ReportLab's trailer, catalog and info, read as text by the pass (or by pikepdf when unsure).

``tagging.written`` reads what pikepdf used to read for the pass (``/Size``, ``/Root``,
``/Info``, ``/ID``, the info dictionary's text, the catalog) from the bytes as ReportLab
writes them, and says None whenever the syntax is anything else. Both ways must give the
same file byte for byte, and the text values must be what a PDF reader reads, in any
language: a wrong title in the XMP packet, or a wrong /Lang, would be silent.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder import _rl, pipeline
from pdfbuilder.check.pdfua import check_pdfua
from pdfbuilder.tagging import finishing
from pdfbuilder.tagging.written import Written, _text, read_written

KEYS = finishing._INFO_KEYS + finishing._DATE_KEYS


def _startxref(pdf: bytes) -> int:
    return int(pdf[pdf.rindex(b"startxref") + 9 :].split()[0])


def _pages(pdf: bytes) -> list[int]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [page.obj.objgen[0] for page in doc.pages]


def _read(pdf: bytes) -> Written | None:
    return read_written(pdf, _startxref(pdf), _pages(pdf), KEYS)


def _as_pikepdf_reads(pdf: bytes) -> dict[str, Any]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        info = doc.trailer.Info
        return {
            "size": int(doc.trailer.Size),
            "root_num": doc.Root.objgen[0],
            "info_num": info.objgen[0],
            "id": bytes(doc.trailer.ID.unparse()).decode("latin-1"),
            "info": {str(k)[1:]: str(v) for k, v in info.items() if str(k)[1:] in KEYS},
            "lang": str(doc.Root.get("/Lang", "")),
        }


def _canvas_pdf(title: str, **info: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, lang="en")
    canvas.setTitle(title)
    canvas.setAuthor(info.get("author", "A. Author"))
    canvas.setSubject(info.get("subject", "A subject"))
    canvas.drawString(72, 720, "x")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


TITLES = [
    "Back spasms",
    "Call 999 (or 112) \\ now",
    "Espasmos en la espalda: cómo aliviarlos",
    "Ñandú, pingüino, ¿qué?",
    "تشنجات الظهر",
    "Back spasms 😀 (emoji beyond the BMP)",
    "« guillemets » and ÿ",
    "What’s a back spasm? – “a cramp” • 10 €",  # PDFDocEncoding is not Latin-1 here
]


@pytest.mark.parametrize("title", TITLES)
def test_info_is_read_as_pikepdf_reads_it(title: str) -> None:
    pdf = _canvas_pdf(title, author="Dr Ø. Ærø (fictional)", subject="Ayuda – ¿cuándo?")
    found = _read(pdf)
    assert found is not None, title  # all of these are ReportLab's plain syntax
    expected = _as_pikepdf_reads(pdf)
    assert {k: getattr(found, k) for k in expected} == expected
    assert found.info["Title"] == title


def test_pdfdoc_bytes_are_read_as_pikepdf_reads_them() -> None:
    """Every byte, alone and in a title: what the reader says, or None."""
    for byte in range(256):
        value = b"A title " + bytes([byte])
        text = _text(value)
        if text is not None:
            assert text == str(pikepdf.String(value)), hex(byte)
        else:
            assert byte < 0x20 or byte in (0x7F, 0x9F, 0xAD), hex(byte)
    assert _text(b"\xfe\xff" + "تشنجات 😀".encode("utf-16-be")) == "تشنجات 😀"
    assert _text(b"\xfe\xff\xd8\x00") is None  # a lone surrogate


@pytest.mark.parametrize(
    "title",
    [
        "tab\there",  # a control character: PDFDocEncoding and Latin-1 may differ
        "soft\xadhyphen",  # undefined in PDFDocEncoding
        "\xef\xbb\xbfBOM-like",  # some readers take these bytes for a UTF-8 mark
    ],
)
def test_text_where_readers_may_differ_is_left_to_pikepdf(title: str) -> None:
    assert _read(_canvas_pdf(title)) is None


def _same_length(pdf: bytes, old: bytes, new: bytes) -> bytes:
    """``pdf`` with ``old`` replaced by ``new`` padded to its length (offsets stay right)."""
    assert old in pdf and len(new) <= len(old)
    return pdf.replace(old, new.ljust(len(old)))


def test_other_syntax_is_left_to_pikepdf() -> None:
    pdf = _canvas_pdf("Back spasms")
    assert _read(pdf) is not None
    pages = _pages(pdf)
    cases = {
        "an update after ReportLab's": pdf + b"1 0 obj\n<< >>\nendobj\n",
        "a real number": _same_length(pdf, b"/Trapped /False", b"/Trapped 1.5"),
        "a nested dictionary": _same_length(pdf, b"/Trapped /False", b"/Trapped <<>>"),
        "a null": _same_length(pdf, b"/Trapped /False", b"/Trapped null"),
        "an indirect title": _same_length(pdf, b"/Title (Back spasms)", b"/Title 1 0 R"),
        "a name for a title": _same_length(pdf, b"/Title (Back spasms)", b"/Title /Back"),
        "a raw parenthesis": _same_length(pdf, b"/Title (Back spasms)", b"/Title (Back(spasms)"),
        "a key given twice": _same_length(pdf, b"/Trapped /False", b"/Title (X)"),
        "another trailer key": pdf.replace(b"/Size", b"/Sizf"),
        "a catalog of another type": _same_length(pdf, b"/Type /Catalog", b"/Type /Catalgo"),
        "an offset one byte off": b"%" + pdf,
    }
    for what, changed in cases.items():
        assert read_written(changed, _startxref(changed), pages, KEYS) is None, what
    assert read_written(pdf, _startxref(pdf), [pages[0] + 1], KEYS) is None  # other pages
    assert read_written(pdf, _startxref(pdf), pages * 2, KEYS) is None


@pytest.fixture(scope="module")
def finished() -> dict[str, tuple[bytes, bytes, bool]]:
    """Each language's standard leaflet finished both ways: (text read, pikepdf read, and
    whether the text reader took the file)."""
    if not _rl.install():
        pytest.skip("ReportLab is left plain here: the pass always reads with pikepdf")
    results: dict[str, tuple[bytes, bytes, bool]] = {}
    original = pipeline.finish
    current = [""]

    def both(pdf: bytes, root: Any, recorder: Any, **kwargs: Any) -> bytes:
        fast = original(pdf, root, recorder, **kwargs)
        reader = finishing.read_written
        finishing.read_written = lambda *a: None  # type: ignore[assignment]
        try:
            read = original(pdf, root, recorder, **kwargs)
        finally:
            finishing.read_written = reader
        results[current[0]] = (fast, read, _read(pdf) is not None)
        return fast

    pipeline.finish = both  # type: ignore[assignment]
    try:
        for name in LEAFLETS:
            current[0] = name
            pipeline.build_pdf(name, "standard")
    finally:
        pipeline.finish = original  # type: ignore[assignment]
    return results


LEAFLETS = (
    "handouts/back-spasms.yaml",
    "handouts/back-spasms.es.yaml",
    "handouts/samples/back-spasms.ar.yaml",
)


def test_both_ways_give_the_same_bytes(finished: dict[str, tuple[bytes, bytes, bool]]) -> None:
    assert set(finished) == set(LEAFLETS)
    for name, (fast, read, taken) in finished.items():
        assert taken, name  # ReportLab's own leaflets are read as text
        assert fast == read, name
        assert check_pdfua(fast) == [], name


def test_the_xmp_packet_says_what_the_info_says(
    finished: dict[str, tuple[bytes, bytes, bool]],
) -> None:
    for name, (fast, _, _) in finished.items():
        with pikepdf.open(io.BytesIO(fast)) as doc:
            title, lang = str(doc.docinfo.Title), str(doc.Root.Lang)
            meta = doc.open_metadata()
            assert title.strip() and meta["dc:title"] == title, name
            assert str(doc.docinfo.Author) == meta["dc:creator"][0], name
        expected = {"back-spasms.yaml": "en", "es.yaml": "es", "ar.yaml": "ar"}
        assert lang == next(v for k, v in expected.items() if name.endswith(k)), name
