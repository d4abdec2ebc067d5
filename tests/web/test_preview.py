"""The preview's pages: exactly the pixels of the PDF that prints, as PNG.

The preview is built without the structure tree (a picture does not need one) and encoded
by :mod:`pdfbuilder.web.png`; both are checked here against the tagged PDF rendered the
usual way, decoded by Pillow, pixel for pixel, in every built-in layout.
"""

from __future__ import annotations

import io
import zlib

import pypdfium2
import pytest
from PIL import Image, ImageChops

from pdfbuilder.content.shipped import shipped_dir
from pdfbuilder.layout.files import builtin_layout_names
from pdfbuilder.people.personal import personal_from_strings
from pdfbuilder.pipeline import build_pdf
from pdfbuilder.web import png, worker

DETAILS = {"patient": "Robin Example", "clinician": "Dr Ada Test", "note": "Walk daily."}
LEAFLET = shipped_dir() / "back-spasms.yaml"


def _pages(pdf: bytes) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    return [page.render(scale=worker.PREVIEW_SCALE).to_pil() for page in document]


def _decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("layout", builtin_layout_names())
def test_preview_pages_are_the_printed_pages_pixel_for_pixel(layout: str) -> None:
    personal = personal_from_strings(DETAILS)
    printed = build_pdf(LEAFLET, layout, personal=personal)
    previewed = build_pdf(LEAFLET, layout, personal=personal, tagged=False)
    *pngs, count = worker._render(previewed, 99, worker.PREVIEW_SCALE)
    expected = _pages(printed)
    assert int(count) == len(expected) == len(pngs)
    for number, (data, want) in enumerate(zip(pngs, expected, strict=True), 1):
        got = _decoded(data)
        assert got.mode == "RGB" and got.size == want.size, number
        assert ImageChops.difference(got, want.convert("RGB")).getbbox() is None, number


def test_png_rows_with_padding_decode_to_the_same_pixels() -> None:
    width, height, stride = 5, 3, 20  # 15 bytes of pixels, 5 of padding per row
    rows: list[bytes] = []
    pixels = bytearray()
    for y in range(height):
        row = bytes(v for x in range(width) for v in (x * 40 + y, 255 - x * 7, y * 90))
        rows.append(row)
        pixels += row + b"\xee" * (stride - len(row))
    image = _decoded(png.encode_rgb(bytes(pixels), width, height, stride))
    assert image.mode == "RGB" and image.size == (width, height)
    assert image.tobytes() == b"".join(rows)


def test_png_chunks_are_well_formed() -> None:
    data = png.encode_rgb(b"\xff" * 12, 2, 2, 6)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, kinds = 8, []
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        crc = int.from_bytes(data[at + 8 + length : at + 12 + length], "big")
        assert crc == zlib.crc32(kind + body), kind
        kinds.append(kind)
        at += 12 + length
    assert kinds == [b"IHDR", b"IDAT", b"IEND"]


@pytest.mark.parametrize(
    ("pixels", "width", "height", "stride"),
    [(b"\0" * 12, 0, 2, 6), (b"\0" * 12, 2, 2, 5), (b"\0" * 11, 2, 2, 6)],
)
def test_png_refuses_a_buffer_that_is_not_the_image(
    pixels: bytes, width: int, height: int, stride: int
) -> None:
    with pytest.raises(ValueError):
        png.encode_rgb(pixels, width, height, stride)


def test_preview_json_is_what_the_json_encoder_would_write() -> None:
    import base64
    import json

    from starlette.responses import JSONResponse

    from pdfbuilder.web.app import _preview_json

    pages = [bytes(range(256)) * 3, b"\x89PNG\r\n\x1a\n\xff\x00", b"2"]  # the count comes last
    rest = {"total": 2, "errors": [{"id": "f-patient", "message": "Añadir «nombre»"}]}
    rest["general"] = ['a "quoted" \\ line']
    urls = ["data:image/png;base64," + base64.b64encode(p).decode() for p in pages[:-1]]
    expected = JSONResponse({"pages": urls, **rest}, 422)
    got = _preview_json(pages, rest, 422)
    assert got.body == expected.body
    assert got.status_code == 422 and got.media_type == "application/json"
    assert json.loads(got.body)["pages"] == urls
    empty = _preview_json([], {}, 200)
    assert json.loads(empty.body) == {"pages": []}
