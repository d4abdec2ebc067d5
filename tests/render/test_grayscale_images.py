"""Grayscale means no colour: image figures (PNG and SVG) and a clinic's logo are drawn in
gray in a layout that says so, and stay in colour in the others (issue 16 item 5)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import ROOT
from PIL import Image, ImageChops, ImageDraw
from pypdf import PdfReader
from test_layouts import _colour_operands

from pdfbuilder import build_pdf, load_handout
from pdfbuilder.people.clinic import load_clinic

HANDOUT = """\
schema: 1
id: gray-test
language: en
title: Colour pictures
purpose: This leaflet shows pictures that are in colour.
review:
  document_id: GRAY-001
  version: "1.0"
  status: final
  author: Layout Tests
  clinical_reviewer: Dr Test Example (fictional)
  organisation: Test Clinic
  published: 2026-01-01
  reviewed_on: 2026-01-01
  next_review: 2028-01-01
key_takeaways: [Most pain gets better., Keep moving., Know the warning signs.]
sections:
  - heading: What is it?
    body: [Move gently and often through the day.]
exercises:
  - id: png
    name: A picture move
    figure: {image: images/colour.png, alt: A colourful picture.}
    steps: [Do it slowly.]
  - id: svg
    name: A drawing move
    figure: {image: images/colour.svg, alt: A colourful drawing.}
    steps: [Do it slowly.]
  - id: svg-photo
    name: A drawing with a photo in it
    figure: {image: images/photo.svg, alt: A colourful photo in a frame.}
    steps: [Do it slowly.]
seek_help:
  emergency: [You cannot move your legs.]
  urgent: [You have a fever.]
  routine: [It is not better in 6 weeks.]
sources:
  - {title: A guideline, publisher: A publisher, year: 2024}
"""


@pytest.fixture(scope="module")
def handout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gray")
    images = folder / "images"
    images.mkdir()
    picture = Image.new("RGBA", (240, 140), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 10, 130, 130), fill=(220, 40, 40, 255))
    draw.rectangle((110, 30, 230, 120), fill=(30, 120, 220, 255))
    picture.save(images / "colour.png")
    (images / "colour.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="70" viewBox="0 0 120 70">'
        '<circle cx="35" cy="35" r="30" fill="#e03030"/>'
        '<rect x="55" y="15" width="60" height="45" fill="#1f78dc" stroke="#20a040"/></svg>',
        encoding="utf-8",
    )
    (images / "photo.svg").write_text(  # a raster image inside a vector figure
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' width="120" height="70" viewBox="0 0 120 70">'
        '<rect x="1" y="1" width="118" height="68" fill="none" stroke="#e03030"/>'
        '<image x="5" y="5" width="110" height="60" xlink:href="colour.png"/></svg>',
        encoding="utf-8",
    )
    path = folder / "gray.yaml"
    path.write_text(HANDOUT, encoding="utf-8")
    return path


def _image_colours(pdf: bytes) -> list[str]:
    """Each image's colour space, and for RGB ones whether any pixel has colour."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for image in page.images:
            red, green, blue = image.image.convert("RGB").split()
            coloured = any(
                ImageChops.difference(a, b).getextrema()[1] > 8
                for a, b in ((red, green), (green, blue))
            )
            out.append("colour" if coloured else "gray")
    return out


def _build(handout: Path, layout: str) -> bytes:
    clinic = load_clinic(ROOT / "examples" / "clinic.yaml")
    return build_pdf(load_handout(handout), layout, clinic=clinic)


def test_grayscale_draws_image_figures_and_the_logo_in_gray(handout: Path) -> None:
    pdf = _build(handout, "grayscale")
    kinds = _image_colours(pdf)
    assert len(kinds) >= 2 and set(kinds) == {"gray"}  # the PNG, and the one inside an SVG
    found = list(_colour_operands(PdfReader(io.BytesIO(pdf))))
    assert found
    for op, values in found:  # the SVG figure and logo's vector colours too
        if op in ("k", "K"):
            assert values[:3] == [0, 0, 0], (op, values)
        else:
            assert max(values) - min(values) < 1e-3, (op, values)


def test_a_colour_layout_keeps_image_figures_in_colour(handout: Path) -> None:
    assert _image_colours(_build(handout, "standard")).count("colour") >= 2
