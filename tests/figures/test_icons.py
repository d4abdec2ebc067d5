"""Easy Read pictograms: names, boxes, ink, colours, grayscale, caching, errors and the gallery."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from pdfbuilder.errors import FigureError
from pdfbuilder.figures import (
    FigureStyle,
    builtin_icon_names,
    gallery_pdf,
    icon_drawing,
    icon_flowable,
)
from pdfbuilder.figures.style import to_color

NAMES = [
    "back-pain",
    "muscle",
    "why",
    "lifting",
    "walking",
    "heat",
    "medicine",
    "sleep",
    "calendar",
    "water",
    "sitting-break",
    "exercise",
    "doctor",
    "phone",
    "ambulance",
    "clock",
    "check",
    "warning",
    "book",
    "scan",
    "neck",
    "shoulder",
    "back",
    "hip",
    "knee",
    "ankle-foot",
    "wrist-hand",
    "rest",
    "ice",
    "raise",
    "pharmacy",
]
REGIONS = ["neck", "shoulder", "back", "hip", "knee", "ankle-foot", "wrist-hand"]
SIZE = 30 * mm
STYLE = FigureStyle()
GRAY = FigureStyle(grayscale=True)
PAD = 10.0  # pt of blank page round the icon
SCALE = 2  # render scale: pixels per pt


def _render(name: str, style: FigureStyle, size: float = SIZE) -> Image.Image:
    import pypdfium2

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(size + 2 * PAD, size + 2 * PAD), invariant=1)
    icon_flowable(name, size, style).drawOn(canvas, PAD, PAD)
    canvas.save()
    page = pypdfium2.PdfDocument(buffer.getvalue())[0]
    image: Image.Image = page.render(scale=SCALE).to_pil().convert("RGB")
    return image


def _colours(drawing: Drawing) -> set[tuple[float, float, float]]:
    """Every fill and stroke colour used in a drawing, as rounded RGB."""
    found: set[tuple[float, float, float]] = set()
    stack = list(drawing.contents)
    while stack:
        shape = stack.pop()
        stack.extend(getattr(shape, "contents", []))
        for attr in ("fillColor", "strokeColor"):
            colour = getattr(shape, attr, None)
            if isinstance(colour, Color):
                found.add((round(colour.red, 3), round(colour.green, 3), round(colour.blue, 3)))
    return found


def _palette(style: FigureStyle) -> set[tuple[float, float, float]]:
    names = ("ink", "far_ink", "accent", "prop", "prop_fill")
    colours = [to_color(getattr(style, n), style.grayscale) for n in names]
    rgb = {(round(c.red, 3), round(c.green, 3), round(c.blue, 3)) for c in colours}
    return rgb | {(1.0, 1.0, 1.0)}  # paper


def _clipped_bounds(drawing: Drawing) -> tuple[float, float, float, float]:
    """Bounds of a drawing, a close-up cut off by its clipping path counting as that path."""
    boxes = []
    for item in drawing.contents:
        inner = getattr(item, "contents", [])
        clip = next((s for s in inner if isinstance(s, Path) and s.isClipPath), None)
        boxes.append((clip or item).getBounds())
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def test_names_are_the_easy_read_set() -> None:
    assert builtin_icon_names() == NAMES


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", [25 * mm, SIZE, 40 * mm])
def test_icon_is_exactly_its_box_and_every_shape_is_inside(name: str, size: float) -> None:
    drawing = icon_drawing(name, size, STYLE)
    assert (drawing.width, drawing.height) == (size, size)
    assert icon_flowable(name, size, STYLE).wrap(500, 500) == (size, size)
    x0, y0, x1, y1 = _clipped_bounds(drawing)
    margin = size * 0.02  # room for half a stroke
    assert margin <= x0 < x1 <= size - margin
    assert margin <= y0 < y1 <= size - margin


@pytest.mark.parametrize("name", NAMES)
def test_icon_has_visible_ink_inside_its_box_only(name: str) -> None:
    image = _render(name, STYLE).convert("L")
    data = image.tobytes()
    inner = range(round(PAD * SCALE), round((PAD + SIZE) * SCALE))
    inside = outside = 0
    for i, value in enumerate(data):
        if value < 200:
            y, x = divmod(i, image.width)
            if x in inner and y in inner:
                inside += 1
            else:
                outside += 1
    assert outside == 0
    share = inside / len(inner) ** 2
    assert 0.04 < share < 0.6  # a picture, not a blank or a filled box


@pytest.mark.parametrize("name", NAMES)
def test_grayscale_icon_has_no_hue(name: str) -> None:
    image = _render(name, GRAY)
    data = image.tobytes()
    hues = sum(1 for i in range(0, len(data), 3) if max(data[i : i + 3]) - min(data[i : i + 3]) > 2)
    assert hues == 0


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("style", [STYLE, GRAY, FigureStyle(ink="#000000", accent="#aa0000")])
def test_icon_uses_only_the_style_colours(name: str, style: FigureStyle) -> None:
    assert _colours(icon_drawing(name, SIZE, style)) <= _palette(style)


def test_colour_icons_use_the_accent() -> None:
    accent = to_color(STYLE.accent, False)
    key = (round(accent.red, 3), round(accent.green, 3), round(accent.blue, 3))
    with_accent = [n for n in NAMES if key in _colours(icon_drawing(n, SIZE, STYLE))]
    assert len(with_accent) >= len(NAMES) - 4


def test_drawing_is_cached_per_name_size_and_style() -> None:
    first = icon_drawing("heat", SIZE, STYLE)
    assert icon_drawing("heat", SIZE, FigureStyle()) is first
    assert icon_drawing("heat", SIZE, GRAY) is not first
    assert icon_drawing("heat", 40 * mm, STYLE) is not first
    assert icon_flowable("heat", SIZE, STYLE).drawing is first


def test_heavier_style_lines_make_heavier_icons() -> None:
    def widest(drawing: Drawing) -> float:
        widths = [0.0]
        stack = list(drawing.contents)
        while stack:
            shape = stack.pop()
            stack.extend(getattr(shape, "contents", []))
            widths.append(getattr(shape, "strokeWidth", 0) or 0)
        return max(widths)

    thin = icon_drawing("phone", SIZE, STYLE)
    thick = icon_drawing("phone", SIZE, FigureStyle(line_width=3.0))
    assert widest(thick) > widest(thin) * 1.4


def test_unknown_name_suggests_the_nearest() -> None:
    with pytest.raises(FigureError) as caught:
        icon_drawing("back-pian", SIZE, STYLE)
    assert 'unknown pictogram "back-pian"; did you mean "back-pain"?' in str(caught.value)
    assert caught.value.path == ()
    with pytest.raises(FigureError):
        icon_flowable("xyzzy", SIZE, STYLE)


def test_icons_flow_in_a_document() -> None:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([icon_flowable(n, SIZE, STYLE) for n in NAMES])
    assert len(PdfReader(io.BytesIO(buffer.getvalue())).pages) >= 2


def test_gallery_has_a_pictogram_page_naming_every_icon() -> None:
    reader = PdfReader(io.BytesIO(gallery_pdf()))
    pages = [page.extract_text() for page in reader.pages]
    pictograms = "\n".join(text for text in pages if text.startswith("Pictograms"))
    assert pictograms
    for name in NAMES:
        assert name in pictograms.split()


@pytest.mark.parametrize("name", REGIONS)
def test_body_region_pictograms_mark_the_region_in_the_accent(name: str) -> None:
    """A region is shown close up with an accent ring round it: blue on the page."""
    image = _render(name, STYLE)
    data = image.tobytes()
    blue = sum(
        1
        for i in range(0, len(data), 3)
        if data[i + 2] > data[i] + 60 and data[i + 2] > data[i + 1] + 30
    )
    assert blue > 400
    gray = _render(name, GRAY).convert("L").tobytes()
    assert sum(1 for v in gray if v < 200) > 0.05 * len(gray)  # still a picture in grayscale


def test_people_in_pictograms_are_the_exercise_figures_person() -> None:
    """The region pictograms draw the pose model's person: its head is a circle the same size
    relative to the body as in the exercise figures."""
    from reportlab.graphics.shapes import Circle

    def circles(drawing: Drawing) -> list[float]:
        out, stack = [], list(drawing.contents)
        while stack:
            shape = stack.pop()
            stack.extend(getattr(shape, "contents", []))
            if isinstance(shape, Circle) and shape.fillColor == to_color(STYLE.ink, False):
                out.append(shape.r)
        return out

    for name in ("neck", "shoulder", "back"):
        assert circles(icon_drawing(name, SIZE, STYLE)), name
