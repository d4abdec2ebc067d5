"""QR codes: they decode to their address, are big enough to scan, and say the address."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2
import pytest
from helpers import BACK_SPASMS, ROOT, page_texts
from reportlab.lib.units import mm

from pdfbuilder import HandoutError, build_pdf, handout_from_text, load_handout
from pdfbuilder.content.urls import check_url, shown_url
from pdfbuilder.flowables.qr import MIN_SIZE, QrFlowable
from pdfbuilder.people.clinic import load_clinic
from pdfbuilder.people.personal import Personal

zxingcpp = pytest.importorskip("zxingcpp")

URL = "https://example.org/leaflets/back-spasms"


def _decoded(pdf: bytes) -> list[str]:
    """Every QR code found on the leaflet's pages, rendered at 150 dpi."""
    found: list[str] = []
    document = pypdfium2.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=150 / 72).to_pil()
        found += [r.text for r in zxingcpp.read_barcodes(image)]
    document.close()
    return found


def test_qr_code_from_the_command_line_decodes_to_its_url() -> None:
    pdf = build_pdf(BACK_SPASMS, personal=Personal(qr_url=URL))
    assert _decoded(pdf) == [URL]
    assert "example.org/leaflets/back-spasms" in " ".join(page_texts(pdf))  # in words too


def test_content_online_url_and_exercise_videos_each_get_a_code() -> None:
    handout = load_handout(BACK_SPASMS)
    video = "https://example.org/videos/bridge"
    exercises = tuple(
        dataclasses.replace(ex, video_url=video) if ex.id == "bridge" else ex
        for ex in handout.exercises
    )
    handout = dataclasses.replace(handout, online_url=URL, exercises=exercises)
    pdf = build_pdf(handout)
    assert sorted(_decoded(pdf)) == sorted([URL, video])
    assert "Video: Bridge" in " ".join(page_texts(pdf))


def test_clinic_url_is_used_and_the_option_wins() -> None:
    clinic = load_clinic(ROOT / "examples" / "clinic.yaml")
    assert clinic.online_url == "https://riverside-physio.example/leaflets/{id}"
    own = ["https://riverside-physio.example/leaflets/back-spasms"]
    assert _decoded(build_pdf(BACK_SPASMS, clinic=clinic)) == own
    neck = build_pdf(ROOT / "handouts" / "neck-pain.yaml", layout="trifold", clinic=clinic)
    assert _decoded(neck) == ["https://riverside-physio.example/leaflets/neck-pain"]
    both = build_pdf(BACK_SPASMS, clinic=clinic, personal=Personal(qr_url=URL))
    assert _decoded(both) == [URL]


def test_the_handouts_own_address_beats_a_clinic_page_for_all_leaflets() -> None:
    """The order: --qr-url, the clinic's {id} address, the handout's own, the clinic's page."""
    example = load_clinic(ROOT / "examples" / "clinic.yaml")
    index = dataclasses.replace(example, online_url="https://clinic.example/leaflets")
    mine = "https://example.org/neck"
    neck = dataclasses.replace(load_handout(ROOT / "handouts" / "neck-pain.yaml"), online_url=mine)
    assert _decoded(build_pdf(neck, layout="trifold", clinic=index)) == [mine]
    plain = dataclasses.replace(neck, online_url=None)
    assert _decoded(build_pdf(plain, layout="trifold", clinic=index)) == [index.online_url]
    assert _decoded(build_pdf(neck, layout="trifold", clinic=example)) == [
        "https://riverside-physio.example/leaflets/neck-pain"
    ]


def test_no_address_no_code() -> None:
    assert _decoded(build_pdf(BACK_SPASMS)) == []


def test_code_is_never_smaller_than_20_mm() -> None:
    assert pytest.approx(20 * mm) == MIN_SIZE
    assert QrFlowable(URL, 5 * mm).wrap(500, 500) == (MIN_SIZE, MIN_SIZE)


@pytest.mark.parametrize("bad", ["example.org", "ftp://example.org/x", "javascript:alert(1)"])
def test_only_web_addresses_are_accepted(bad: str) -> None:
    with pytest.raises(HandoutError, match="expected a web address starting with https://"):
        check_url(bad)


def test_bad_online_url_in_content_is_located(tmp_path: Path) -> None:
    text = BACK_SPASMS.read_text(encoding="utf-8") + "online_url: www.example.org\n"
    with pytest.raises(HandoutError) as info:
        handout_from_text(text, "x.yaml")
    line = text.count("\n")
    assert str(info.value) == (
        f"x.yaml:{line}:13: online_url: expected a web address starting with https://, "
        'got "www.example.org"'
    )


def test_address_is_printed_without_the_scheme() -> None:
    assert (
        shown_url("https://www.nhs.uk/conditions/back-pain/") == "www.nhs.uk/conditions/back-pain"
    )
