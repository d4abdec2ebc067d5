"""Figures: parsing the ``figure:`` mapping, rendering inside the box, images, the gallery."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from pdfbuilder.errors import FigureError
from pdfbuilder.figures import (
    Figure,
    FigureStyle,
    builtin_figure_names,
    builtin_pose_names,
    figure_schema,
    gallery_pdf,
    parse_figure,
    render_figure,
)
from pdfbuilder.figures.render import figure_drawing

REQUIRED = [
    "knee-to-chest",
    "pelvic-tilt",
    "bridge",
    "cat-cow",
    "childs-pose",
    "lower-trunk-rotation",
    "plank-on-knees",
    "standing-back-extension",
]
CARD = (55 * mm, 35 * mm)
LARGE = (80 * mm, 52 * mm)
STYLE = FigureStyle()


def builtin(name: str, **extra: object) -> Figure:
    return parse_figure({"builtin": name, "alt": "A person exercising.", **extra}, None)


def error_of(data: object, base_dir: Path | None = None) -> FigureError:
    with pytest.raises(FigureError) as caught:
        parse_figure(data, base_dir)
    return caught.value


def test_required_builtin_figures_exist() -> None:
    assert set(REQUIRED) <= set(builtin_figure_names())


@pytest.mark.parametrize("name", REQUIRED)
@pytest.mark.parametrize("box", [CARD, LARGE, (40 * mm, 60 * mm)])
def test_every_figure_draws_inside_its_box(name: str, box: tuple[float, float]) -> None:
    figure = builtin(name)
    flowable = render_figure(figure, *box, STYLE)
    assert flowable.wrap(1000, 1000) == box
    x0, y0, x1, y1 = figure_drawing(figure, *box, STYLE).getBounds()
    margin = STYLE.line_width * 2  # half the widest stroke
    assert x0 >= margin and y0 >= margin
    assert x1 <= box[0] - margin and y1 <= box[1]


def test_builtin_figure_takes_alt_and_overrides_label() -> None:
    figure = builtin("knee-to-chest", label="hold 30 s")
    assert figure.alt == "A person exercising."
    assert figure.label == "hold 30 s"
    # A handout shows a label only when it gives one: the card's dose line already says it.
    assert builtin("bridge").label is None
    assert len(builtin("bridge").poses) == 2 and builtin("bridge").arrows


def test_figures_are_hashable_and_rendering_is_cached_and_deterministic() -> None:
    a, b = builtin("bridge"), builtin("bridge")
    assert a == b and hash(a) == hash(b)
    assert figure_drawing(a, *CARD, STYLE) is figure_drawing(b, *CARD, STYLE)
    assert _pdf_of(a) == _pdf_of(b)


def test_unknown_builtin_figure_suggests_the_right_name() -> None:
    error = error_of({"builtin": "brigde", "alt": "x"})
    assert error.message == (
        'unknown built-in figure "brigde"; did you mean "bridge"? '
        "(run `handout figures` to see them all)"
    )
    assert error.path == ("builtin",)


def test_alt_is_required_and_not_empty() -> None:
    assert error_of({"builtin": "bridge"}).path == ("alt",)
    assert error_of({"builtin": "bridge", "alt": "  "}).path == ("alt",)


def test_exactly_one_form() -> None:
    error = error_of({"builtin": "bridge", "image": "a.png", "alt": "x"})
    assert "exactly one of builtin, frames or image" in error.message
    assert "found builtin and image" in error.message
    assert "found none of them" in error_of({"alt": "x"}).message


def test_unknown_key_gets_a_suggestion() -> None:
    error = error_of({"builtin": "bridge", "alt": "x", "lable": "hold"})
    assert 'unknown key "lable"' in error.message and 'did you mean "label"' in error.message
    assert error.path == ("lable",)


def test_own_frames_with_base_pose_and_overrides() -> None:
    figure = parse_figure(
        {
            "alt": "Lifting one arm.",
            "frames": [
                {"pose": "lying-knees-bent"},
                {"pose": {"base": "lying-knees-bent", "angles": {"near_shoulder": 150}}},
            ],
            "arrow": {"follow": "near_hand", "offset": 5},
            "label": "5 times",
        },
        None,
    )
    assert [p.angle("near_shoulder") for p in figure.poses] == [-11, 150]
    assert figure.layout == "overlay" and figure.label == "5 times"
    assert render_figure(figure, *CARD, STYLE).wrap(0, 0) == CARD


def test_invalid_inline_pose_names_pose_joint_and_path() -> None:
    error = error_of(
        {
            "alt": "x",
            "frames": [
                "bridge-down",
                {"pose": {"name": "my-bridge", "base": "bridge-up", "angles": {"near_knee": 200}}},
            ],
        }
    )
    assert error.message == 'pose "my-bridge": joint near_knee at 200° is outside its range 0–160°'
    assert error.path == ("frames", 1, "pose", "angles", "near_knee")


def test_unknown_pose_name_in_frames() -> None:
    error = error_of({"alt": "x", "frames": [{"pose": "cat"}, {"pose": "kow"}]})
    assert 'unknown built-in pose "kow"; did you mean "cow"?' in error.message
    assert error.path == ("frames", 1, "pose")


def test_bad_arrow_is_explained() -> None:
    frames = ["cat", "cow"]
    error = error_of({"alt": "x", "frames": frames, "arrow": {"follow": "nee"}})
    assert error.path == ("arrow", "follow") and "unknown body point" in error.message
    error = error_of({"alt": "x", "frames": frames, "arrow": {"follow": "hip", "to": 4}})
    assert error.path == ("arrow", "to")
    error = error_of({"alt": "x", "frames": frames, "arrow": {"folow": "hip"}})
    assert 'did you mean "follow"' in error.message and error.path == ("arrow", "folow")


def test_too_many_frames() -> None:
    error = error_of({"alt": "x", "frames": ["cat"] * 4})
    assert error.path == ("frames",)


def test_missing_image_says_where_it_looked(tmp_path: Path) -> None:
    error = error_of({"image": "images/x.png", "alt": "x"}, tmp_path)
    assert error.message == f'image file "images/x.png" not found (looked in {tmp_path})'
    assert error.path == ("image",)


def test_unreadable_image_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fake.png").write_text("not a picture")
    error = error_of({"image": "fake.png", "alt": "x"}, tmp_path)
    assert "is not a PNG, JPEG or SVG image" in error.message
    (tmp_path / "bad.svg").write_text("<svg")
    assert "not a readable SVG" in error_of({"image": "bad.svg", "alt": "x"}, tmp_path).message


@pytest.mark.parametrize("suffix", ["png", "jpg", "svg"])
def test_image_figures_render_in_the_box(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"stretch.{suffix}"
    if suffix == "svg":
        path.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
            '<rect x="10" y="10" width="180" height="80" fill="#000"/></svg>'
        )
    else:
        Image.new("RGB", (200, 100), "black").save(path)
    figure = parse_figure({"image": path.name, "alt": "A stretch."}, tmp_path)
    assert figure.image == str(path)
    flowable = render_figure(figure, *CARD, STYLE)
    assert flowable.wrap(500, 500) == CARD
    pixels = _render(flowable)
    assert _count(pixels, lambda r, g, b: r < 60 and g < 60 and b < 60) > 1000
    assert _ink_outside_box(pixels) == 0


def test_schema_describes_the_three_forms() -> None:
    schema = figure_schema()
    forms = schema["oneOf"]
    assert isinstance(forms, list) and len(forms) == 3
    builtin_form = forms[0]["properties"]["builtin"]
    assert set(REQUIRED) <= set(builtin_form["enum"])
    assert all("alt" in form["required"] for form in forms)
    assert "description" in schema


def test_gallery_lists_every_pose_and_figure() -> None:
    data = gallery_pdf()
    assert data == gallery_pdf()  # byte-identical
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) <= 30
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in [*builtin_pose_names(), *builtin_figure_names()]:
        assert name in text
    assert "hold 20 s" in text  # figure labels are drawn
    for region in ("Back", "Neck", "Shoulder", "Hip and knee", "Ankle and foot"):
        assert f"Built-in figures: {region}" in text  # one set of pages per body region
    for view in ("side", "front", "back", "top"):
        assert view in text.split()  # each cell names its view
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert font["/Subtype"] == "/TrueType"  # only the embedded font, never base-14
            assert "AtkinsonHyperlegible" in str(font["/BaseFont"])


# Pixel tests: render at a modest scale with pypdfium2 and look at the ink.

PAD = 20.0


def _pdf_of(figure: Figure, style: FigureStyle = STYLE) -> bytes:
    return _page(render_figure(figure, *CARD, style))


def _page(flowable: object) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(CARD[0] + 2 * PAD, CARD[1] + 2 * PAD), invariant=1)
    flowable.drawOn(canvas, PAD, PAD)  # type: ignore[attr-defined]
    canvas.save()
    return buffer.getvalue()


def _render(flowable: object) -> Image.Image:
    import pypdfium2

    page = pypdfium2.PdfDocument(_page(flowable))[0]
    image: Image.Image = page.render(scale=2).to_pil().convert("RGB")
    return image


def _pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


def _count(image: Image.Image, test: Callable[[int, int, int], bool]) -> int:
    return sum(1 for pixel in _pixels(image) if test(*pixel))


def _ink_outside_box(image: Image.Image) -> int:
    inner = (
        round(PAD * 2) - 1,
        round(PAD * 2) - 1,
        round((PAD + CARD[0]) * 2) + 1,
        round((PAD + CARD[1]) * 2) + 1,
    )
    outside = 0
    for i, pixel in enumerate(_pixels(image)):
        y, x = divmod(i, image.width)
        if not (inner[0] <= x <= inner[2] and inner[1] <= y <= inner[3]):
            outside += sum(pixel) < 700
    return outside


def _accent(r: int, g: int, b: int) -> bool:
    return b > r + 60 and b > g + 30  # the blue of the arrows


@pytest.mark.parametrize("name", REQUIRED)
def test_figure_ink_is_inside_the_frame_and_the_arrow_shows(name: str) -> None:
    figure = builtin(name)
    pixels = _render(render_figure(figure, *CARD, STYLE))
    assert _ink_outside_box(pixels) == 0
    dark = _count(pixels, lambda r, g, b: r < 80 and g < 80 and b < 90)
    assert dark > 1500  # a person, not a few lines
    with_arrow = _count(pixels, _accent)
    bare = _render(render_figure(replace(figure, arrows=()), *CARD, STYLE))
    assert with_arrow > 150
    assert _count(bare, _accent) == 0


def test_grayscale_has_no_hue() -> None:
    style = FigureStyle(grayscale=True)
    pixels = _render(render_figure(builtin("bridge"), *CARD, style))
    assert _count(pixels, lambda r, g, b: max(r, g, b) - min(r, g, b) > 12) == 0


def test_label_is_real_text_in_a_document() -> None:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer)
    labels = {"knee-to-chest": "hold 20 s", "lower-trunk-rotation": "side to side"}
    figures = [builtin(n, label=labels[n]) if n in labels else builtin(n) for n in REQUIRED]
    doc.build([render_figure(f, *CARD, STYLE) for f in figures])
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert "hold 20 s" in text and "side to side" in text


def test_large_print_lines_are_heavier() -> None:
    figure = builtin("bridge")
    small = figure_drawing(figure, *CARD, STYLE)
    large = figure_drawing(figure, *LARGE, FigureStyle(line_width=3.0))

    def widest(drawing: object) -> float:
        widths = [0.0]
        stack = list(drawing.contents)  # type: ignore[attr-defined]
        while stack:
            shape = stack.pop()
            stack.extend(getattr(shape, "contents", []))
            widths.append(getattr(shape, "strokeWidth", 0) or 0)
        return max(widths)

    assert widest(large) > widest(small) * 1.4
