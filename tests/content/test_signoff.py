"""`status: final` needs a named clinical reviewer and the day they signed it off."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, page_texts

from pdfbuilder import build_pdf
from pdfbuilder.cli import main
from pdfbuilder.content.model import handout_from_text, load_handout
from pdfbuilder.errors import HandoutError

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def _with_review(*lines: str, reviewer: str = "Dr Alex Example (fictional)") -> str:
    """The minimal handout with its reviewer replaced and ``lines`` added under review:."""
    text = MINIMAL.replace("  clinical_reviewer: Tests\n", f"  clinical_reviewer: {reviewer}\n")
    extra = "".join(f"  {line}\n" for line in lines)
    return text.replace("  organisation: Test clinic\n", "  organisation: Test clinic\n" + extra)


def _error(text: str) -> str:
    with pytest.raises(HandoutError) as caught:
        handout_from_text(text, "x.yaml")
    return str(caught.value)


def test_a_final_leaflet_with_a_name_and_a_date_loads() -> None:
    h = handout_from_text(_with_review("status: final", "reviewed_on: 2025-12-15"))
    assert h.review.status == "final"
    assert str(h.review.reviewed_on) == "2025-12-15"


def test_a_draft_may_leave_the_reviewer_open() -> None:
    assert handout_from_text(MINIMAL).review.status == "draft"
    assert handout_from_text(_with_review(reviewer="TBC")).review.clinical_reviewer == "TBC"


def test_final_without_a_review_date_is_refused_at_its_line() -> None:
    message = _error(_with_review("status: final"))
    assert message.startswith("x.yaml:")
    assert "review.reviewed_on" in message
    assert "reviewed_on: YYYY-MM-DD" in message and "status: draft" in message


@pytest.mark.parametrize(
    ("reviewer", "why"),
    [
        ("Tests", "is not a full name"),
        ("Consultant Physiotherapist", 'names a role or team ("Consultant")'),
        ("Patient Information Team", "names a role or team"),
        ("MSK physiotherapy team", "names a role or team"),
        ("TBC", "is not a full name"),
        ("To be confirmed TBD", "names a role or team"),
    ],
)
def test_final_with_a_role_or_placeholder_for_a_name_is_refused(reviewer: str, why: str) -> None:
    message = _error(_with_review("status: final", "reviewed_on: 2025-12-15", reviewer=reviewer))
    assert ":10:" in message.split(" ")[0]  # the clinical_reviewer line
    assert "review.clinical_reviewer" in message and why in message
    assert "clinical_reviewer_role" in message


def test_a_sign_off_after_publication_is_refused() -> None:
    message = _error(_with_review("status: final", "reviewed_on: 2026-02-01"))
    assert "review.reviewed_on" in message and "after `published` (2026-01-01)" in message


def test_validate_refuses_final_without_a_sign_off_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "final.yaml"
    path.write_text(_with_review("status: final"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output
    assert f"{path}:" in lines[0] and "reviewed_on" in lines[0]


@pytest.mark.parametrize("path", sorted(ROOT.glob("handouts/*.yaml")), ids=lambda p: p.name)
def test_every_shipped_final_leaflet_is_signed_off(path: Path) -> None:
    h = load_handout(path)
    if h.review.status == "final":
        assert h.review.reviewed_on is not None
        assert "fictional" in h.review.clinical_reviewer or "ficticio" in h.review.clinical_reviewer


def test_the_leaflet_prints_the_reviewer_with_their_role() -> None:
    h = handout_from_text(
        _with_review(
            "status: final",
            "reviewed_on: 2025-12-15",
            "clinical_reviewer_role: Consultant Physiotherapist",
        )
    )
    text = " ".join(page_texts(build_pdf(h, "standard")))
    assert "Dr Alex Example (fictional), Consultant Physiotherapist" in text
