"""Leaflets in other languages: every built-in label comes from the language's data file."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml
from helpers import page_texts

from pdfbuilder import build_pdf, load_layout
from pdfbuilder.content.labels import LABEL_DIR, labels_for
from pdfbuilder.content.model import load_handout
from pdfbuilder.layout.files import builtin_layout_names

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ROOT / "handouts" / "back-spasms.yaml"
SPANISH = ROOT / "handouts" / "back-spasms.es.yaml"
LANGUAGES = sorted(p.stem for p in LABEL_DIR.glob("*.yaml"))


def _labels(language: str) -> dict[str, object]:
    data = yaml.safe_load((LABEL_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@functools.cache
def _text(path: Path, layout: str) -> str:
    return " ".join(" ".join(page_texts(build_pdf(path, layout))).split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_file_has_every_english_label(language: str) -> None:
    english, other = _labels("en"), _labels(language)
    assert sorted(set(english) - set(other)) == []
    for key, value in english.items():
        if isinstance(value, str):  # the same {placeholders}, so filling them never fails
            assert sorted(_fields(value)) == sorted(_fields(str(other[key]))), key


def _fields(text: str) -> list[str]:
    return [part.split("}")[0] for part in text.split("{")[1:]]


@pytest.mark.parametrize("layout", builtin_layout_names())
def test_spanish_leaflet_has_spanish_labels_and_no_english_ones(layout: str) -> None:
    # The words each leaflet prints: the built-in labels with the leaflet's own laid over them.
    english = {**_labels("en"), **dict(load_handout(ENGLISH).labels)}
    spanish = {**_labels("es"), **dict(load_handout(SPANISH).labels)}
    en_text, es_text = _text(ENGLISH, layout), _text(SPANISH, layout)
    # A short format leaves out its `if_room` blocks when the (longer) Spanish text fills it.
    left_out = tuple(
        block
        for block in load_layout(layout).select.if_room
        if str(spanish.get(block, "\0")) not in es_text and value_in(english, block, en_text)
    )
    checked = 0
    for key, value in english.items():
        if not isinstance(value, str) or "{" in value or key in ("language", "pdf_keywords"):
            continue
        if len(value.split()) < 2 or value not in en_text or key.startswith(left_out or "\0"):
            continue  # a label this layout does not print (or one word, too easy to meet)
        checked += 1
        assert str(spanish[key]) in es_text, f"{layout}: {key}"
        assert value not in es_text, f"{layout}: English {key!r} in the Spanish leaflet"
    assert checked >= 3
    assert "Page 1 of" not in es_text
    if load_layout(layout).footer:
        assert "Página 1 de" in es_text


def value_in(labels: dict[str, object], key: str, text: str) -> bool:
    return key in labels and str(labels[key]) in text


def test_a_language_tag_with_a_region_falls_back_to_the_language() -> None:
    assert labels_for("es-MX")("key_takeaways") == "Lo más importante"
    assert labels_for("ar")("key_takeaways") == "أهم النقاط"
    assert labels_for("ar").rtl and not labels_for("es").rtl
