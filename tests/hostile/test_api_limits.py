"""The limits hold however a value reaches a build: read from a file, given as text, or made
in Python with ``dataclasses.replace``. Values made in Python skip the file's checks, so the
build checks them again before any layout work (whose time grows faster than the text)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from typing import Any

import pytest
from helpers import ROOT

from pdfbuilder import build_pdf, handout_from_text, load_handout
from pdfbuilder.content.model import Handout, Paragraph
from pdfbuilder.errors import HandoutError
from pdfbuilder.people.clinic import load_clinic
from pdfbuilder.people.personal import Personal
from pdfbuilder.source.files import read_stream

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def _minimal() -> Handout:
    return load_handout(MINIMAL)


def test_a_fifty_megabyte_title_made_in_python_is_refused_before_layout() -> None:
    h = dataclasses.replace(_minimal(), title="Lift " * 10_000_000)
    with pytest.raises(HandoutError) as caught:
        build_pdf(h)
    assert str(caught.value) == (
        f"{MINIMAL}:4:8: title: is 50,000,000 characters long; this field holds at most 200; "
        "shorten it"
    )


def test_a_megabyte_paragraph_made_in_python_is_refused_before_layout() -> None:
    h = _minimal()
    section = dataclasses.replace(h.sections[0], body=(Paragraph("Walk. " * 170_000),))
    with pytest.raises(HandoutError, match=r"sections\[0\]\.body\[0\]: is 1,020,000 characters"):
        build_pdf(dataclasses.replace(h, sections=(section,)))


def test_a_fifty_megabyte_text_is_refused_before_it_is_parsed() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("A small test leaflet", "x" * 50_000_000)
    with pytest.raises(HandoutError) as caught:
        handout_from_text(text, "big.yaml")
    assert str(caught.value) == (
        "big.yaml: the text is longer than 1,048,576 characters, the most this tool reads; "
        "use a smaller file"
    )


def test_print_time_details_made_in_python_are_checked() -> None:
    with pytest.raises(HandoutError, match="is 2,000 characters long; at most 1,000 fit"):
        build_pdf(_minimal(), personal=Personal(note="n" * 2000))
    with pytest.raises(HandoutError, match="must come after the visit date"):
        day = dt.date(2026, 3, 10)
        build_pdf(_minimal(), personal=Personal(date=day, follow_up=day - dt.timedelta(days=9)))


def test_a_clinic_made_in_python_is_bounded() -> None:
    huge = dataclasses.replace(load_clinic(ROOT / "examples" / "clinic.yaml"), name="C" * 10**6)
    with pytest.raises(HandoutError, match=r"name: is 1,000,000 characters long, more than"):
        build_pdf(_minimal(), clinic=huge)


class _Endless(io.RawIOBase):
    """A stream that never ends, like standard input fed from /dev/zero; counts what is read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[:] = b"\0" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_an_endless_stream_is_refused_after_its_cap_not_read_whole() -> None:
    endless = _Endless()
    with pytest.raises(HandoutError) as caught:
        read_stream(io.BufferedReader(endless), "yaml")
    assert str(caught.value) == (
        "-: the YAML file is larger than 1 MB, the most this tool reads; use a smaller file"
    )
    assert endless.given < 3 * 1024 * 1024
    assert read_stream(io.BytesIO(b"schema: 1\n"), "yaml") == b"schema: 1\n"
