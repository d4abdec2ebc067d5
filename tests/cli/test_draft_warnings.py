"""A draft (or an unreviewed translation) still builds, but the build and the batch say so."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from helpers import BACK_SPASMS, SPANISH, spanish_copy

from pdfbuilder.cli import main


def _draft(tmp_path: Path) -> Path:
    """The Spanish leaflet as a draft, unreviewed, beside its original (the shipped one is
    signed off)."""
    return spanish_copy(
        tmp_path, {"status: final\n": "status: draft\n", "reviewed: true\n": "reviewed: false\n"}
    )


def test_the_shipped_spanish_leaflet_builds_without_a_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["build", str(SPANISH), "-o", str(tmp_path / "es.pdf")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def test_building_a_draft_warns_and_still_builds(runner: CliRunner, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    out = tmp_path / "es.pdf"
    result = runner.invoke(main, ["build", str(draft), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    lines = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(lines) == 2
    assert lines[0].startswith(f"{draft}:") and "review.status: warning: " in lines[0]
    assert "draft" in lines[0] and "status: final" in lines[0]
    assert "translation.reviewed: warning: this translation is not reviewed" in lines[1]


def test_a_final_leaflet_builds_without_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(BACK_SPASMS), "-o", str(tmp_path / "en.pdf")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def test_a_batch_of_a_draft_warns_once(runner: CliRunner, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("file,patient\na,Ana Ruiz\nb,Ben Cho\n", encoding="utf-8")
    out = tmp_path / "out"
    draft = _draft(tmp_path)
    result = runner.invoke(main, ["batch", str(draft), str(people), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("review.status: warning:") == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "b.pdf"]
