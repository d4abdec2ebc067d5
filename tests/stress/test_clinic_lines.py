"""Every fixed line a clinic adds, in every layout, language and paper: inside its frame or
panel, no type under the layout's minimum, each label on the line of its value, and numbers
and addresses read as written (left to right, also in a right-to-left leaflet).

The example profile and one with a long name, e-mail address and footer: a narrow trifold
panel once printed the Arabic leaflet's e-mail address outside the panel.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from checks import Region, regions, text_outside, type_too_small
from helpers import ROOT

from pdfbuilder import build_pdf, builtin_layout_names, load_handout, load_layout
from pdfbuilder.content.labels import labels_for
from pdfbuilder.people.clinic import Clinic, load_clinic

HANDOUTS = {
    "en": ROOT / "handouts" / "back-spasms.yaml",
    "ar": ROOT / "handouts" / "samples" / "back-spasms.ar.yaml",
}
LONG = """\
name: Saint Bartholomew-on-the-Marsh Community Musculoskeletal Physiotherapy Service
logo: {logo}
address: |
  Unit 14, The Old Tannery Business Park
  Long Causeway Industrial Estate, Riverside RS12 9ZZ
phone: 01632 960 987
website: www.saint-bartholomew-on-the-marsh-physiotherapy.example
email: appointments.and.enquiries@saint-bartholomew-physiotherapy.example
footer: >-
  Saint Bartholomew-on-the-Marsh Community Musculoskeletal Physiotherapy Service is part of
  the Riverside and District Community Health Partnership. Questions? Call 01632 960 987.
"""


@pytest.fixture(scope="module")
def clinics(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Clinic]:
    folder = tmp_path_factory.mktemp("clinic")
    (folder / "logo.svg").write_bytes((ROOT / "examples" / "logo.svg").read_bytes())
    (folder / "long.yaml").write_text(LONG.format(logo="logo.svg"), encoding="utf-8")
    return {
        "example": load_clinic(ROOT / "examples" / "clinic.yaml"),
        "long": load_clinic(folder / "long.yaml"),
    }


def _lines(found: list[Region]) -> list[str]:
    """Each drawn line's characters, left to right (one page's baseline, to the point)."""
    rows: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for r in found:
        for c in r.chars:
            rows.setdefault((r.page, round(float(c["matrix"][5]))), []).append(c)
    return ["".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])) for row in rows.values()]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("layout_name", builtin_layout_names())
@pytest.mark.parametrize("language", list(HANDOUTS))
@pytest.mark.parametrize("which", ["example", "long"])
def test_every_clinic_line_fits_and_reads_as_written(
    clinics: dict[str, Clinic], which: str, language: str, layout_name: str, paper: str
) -> None:
    if which == "long" and paper == "a4" and layout_name not in ("trifold", "easy-read"):
        pytest.skip("the long profile on A4: the narrow layouts only (Letter has them all)")
    clinic, layout = clinics[which], load_layout(layout_name)
    labels = labels_for(load_handout(HANDOUTS[language]).language)
    pdf = build_pdf(HANDOUTS[language], layout, paper=paper, clinic=clinic, impose=False)
    found = regions(pdf, layout, paper, labels.rtl)
    assert text_outside(found) + type_too_small(found, layout) == []
    lines = _lines(found)
    phone = clinic.phone.replace(" ", "")
    assert any(phone in line.replace(" ", "") for line in lines), "the phone reads as written"
    for kind, value in clinic.contact_parts():
        label = Counter(ch for ch in labels(f"clinic_{kind}") if ch.isalpha())
        start = value.replace(" ", "")[:5]  # "help@": a long value may break after it
        beside = [
            line for line in lines if start in line.replace(" ", "") and not label - Counter(line)
        ]
        assert beside, f"{kind}: {value!r} is not on the line of its label"
