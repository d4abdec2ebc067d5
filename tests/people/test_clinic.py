"""Clinic profiles: strict loading, contrast refusal, and what the clinic changes in the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import BACK_SPASMS, ROOT, page_texts

from pdfbuilder import HandoutError, build_pdf, load_layout
from pdfbuilder.cli import main
from pdfbuilder.layout.contrast import contrast
from pdfbuilder.people.clinic import brand_layout, clinic_json_schema, load_clinic

EXAMPLE = ROOT / "examples" / "clinic.yaml"


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clinic.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_profile_loads_with_its_logo() -> None:
    clinic = load_clinic(EXAMPLE)
    assert clinic.name == "Riverside Physiotherapy Clinic"
    assert clinic.logo == str((ROOT / "examples" / "logo.svg").resolve())
    assert clinic.file == str(EXAMPLE)
    assert clinic.contact_parts()[0] == ("phone", "01632 960 123")


def test_back_spasms_builds_with_and_without_a_clinic() -> None:
    plain = " ".join(page_texts(build_pdf(BACK_SPASMS)))
    branded = " ".join(page_texts(build_pdf(BACK_SPASMS, clinic=load_clinic(EXAMPLE))))
    assert "Riverside" not in plain
    assert "Riverside Physiotherapy Clinic" in branded
    assert "01632 960 123" in branded
    assert "part of Riverside Community Health" in branded  # the footer line


def test_clinic_emergency_number_replaces_999_in_the_seek_help_box(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name: Clinica\nemergency: "112"\nurgent: the nurse line\n')
    text = " ".join(page_texts(build_pdf(BACK_SPASMS, clinic=load_clinic(path))))
    assert "Call 112 or go to A&E now" in text
    assert "or the nurse line today" in text
    assert "Call 999" not in text
    assert "Call 999" in " ".join(page_texts(build_pdf(BACK_SPASMS)))


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    path = _profile(tmp_path, "name: A clinic\nphnoe: 0123\n")
    with pytest.raises(HandoutError) as info:
        load_clinic(path)
    assert str(info.value) == f'{path}:2:1: phnoe: unknown field; did you mean "phone"?'


def test_missing_logo_is_located(tmp_path: Path) -> None:
    path = _profile(tmp_path, "name: A clinic\nlogo: nowhere.png\n")
    with pytest.raises(HandoutError) as info:
        load_clinic(path)
    assert str(info.value).startswith(f'{path}:2:7: logo: image file "nowhere.png" not found')


def test_bad_colour_value_is_refused(tmp_path: Path) -> None:
    path = _profile(tmp_path, "name: A clinic\ncolours:\n  accent: teal\n")
    with pytest.raises(HandoutError) as info:
        load_clinic(path)
    assert str(info.value) == (
        f'{path}:3:11: colours.accent: expected a colour like #0b4f8a, got "teal"; quote it'
    )


def test_low_contrast_brand_colour_is_refused_with_pair_and_ratio(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name: A clinic\ncolours:\n  accent: "#7fb3e0"\n')
    with pytest.raises(HandoutError) as info:
        load_clinic(path)
    ratio = contrast("#7fb3e0", "#ffffff")
    assert ratio < 4.5
    assert str(info.value) == (
        f"{path}:3:11: colours.accent: colours.accent #7fb3e0 on white paper #ffffff "
        f"(headings and dose lines) has contrast {ratio:.2f}:1; text needs at least 4.5:1, "
        "so make colours.accent darker"
    )


def test_dark_tint_under_text_is_refused(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name: A clinic\ncolours:\n  tint: "#555555"\n')
    with pytest.raises(HandoutError) as info:
        load_clinic(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3:9: colours.tint: colours.text #1a1a1a on colours.tint")
    assert message.endswith("so make colours.tint lighter")


def test_title_text_on_brand_accent_is_checked(tmp_path: Path) -> None:
    path = _profile(
        tmp_path, 'name: A clinic\ncolours:\n  accent: "#00585e"\n  on_accent: "#6fa0a3"\n'
    )
    with pytest.raises(HandoutError) as info:
        load_clinic(path)
    assert "colours.on_accent #6fa0a3 on colours.accent #00585e (the title" in str(info.value)


def test_brand_colours_override_the_layout() -> None:
    standard = load_layout("standard")
    branded = brand_layout(standard, load_clinic(EXAMPLE))
    assert branded.colours.accent == "#00585e"
    assert branded.colours.tint == "#e6f2f2"
    assert branded.colours.emergency == standard.colours.emergency  # safety colours stay
    assert brand_layout(standard, None) is standard


def test_clinic_option_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "leaflet.pdf"
    result = runner.invoke(
        main, ["build", str(BACK_SPASMS), "--clinic", str(EXAMPLE), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "01632 960 123" in " ".join(page_texts(out.read_bytes()))


def test_bad_profile_is_one_line_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name: A clinic\ncolours:\n  accent: "#ffff00"\n')
    result = runner.invoke(main, ["build", str(BACK_SPASMS), "--clinic", str(path)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"Error: {path}:3:11: colours.accent: colours.accent #ffff00")


def test_check_reads_the_clinic_profile(runner: CliRunner, tmp_path: Path) -> None:
    path = _profile(tmp_path, "name: A clinic\n")
    result = runner.invoke(main, ["check", "--clinic", str(path), str(BACK_SPASMS)])
    assert "the clinic profile gives no phone number, email or website" in result.stdout


def test_clinic_schema_lists_every_field() -> None:
    schema = clinic_json_schema()
    assert schema["required"] == ["name"]
    assert set(schema["properties"]) >= {"logo", "phone", "emergency", "urgent", "colours"}


def test_clinic_footer_line_is_on_every_page() -> None:
    clinic = load_clinic(EXAMPLE)
    assert clinic.footer
    pages = page_texts(build_pdf(BACK_SPASMS, clinic=clinic))
    assert len(pages) > 1
    assert all(" ".join(clinic.footer.split()) in text for text in pages)
