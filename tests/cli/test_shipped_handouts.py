"""Shipped handouts found by id: `handout list`, `handout build ID`, `handout exercises`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, page_texts

from pdfbuilder.cli import main
from pdfbuilder.content.model import load_handout
from pdfbuilder.content.shipped import handout_path, shipped_handouts

SHIPPED = sorted(ROOT.glob("handouts/**/*.yaml"))


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with no handouts in it, as the current folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_list_shows_every_shipped_handout_with_its_language_status_and_review_date(
    runner: CliRunner,
) -> None:
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header.split() == ["id", "language", "status", "review", "by", "title"]
    assert len(lines) == len(SHIPPED)
    for path in SHIPPED:
        h = load_handout(path)
        line = next(line for line in lines if line.split()[0] == h.id)
        assert line.split()[1:4] == [h.language, h.review.status, str(h.review.next_review)]
        assert line.endswith(h.title)


def test_build_by_id_from_another_folder_writes_there(runner: CliRunner, elsewhere: Path) -> None:
    result = runner.invoke(main, ["build", "ankle-sprain", "--layout", "trifold"])
    assert result.exit_code == 0, result.output
    pdf = (elsewhere / "ankle-sprain.pdf").read_bytes()
    assert "Sprained ankle" in " ".join(page_texts(pdf))


def test_a_file_that_exists_wins_over_a_shipped_id(elsewhere: Path) -> None:
    own = elsewhere / "neck-pain"
    own.write_text((ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8"))
    assert handout_path("neck-pain") == Path("neck-pain")
    assert load_handout(handout_path("neck-pain")).id == "minimal"


def test_a_folder_of_the_same_name_does_not_hide_the_id(elsewhere: Path) -> None:
    (elsewhere / "ankle-sprain").mkdir()
    assert handout_path("ankle-sprain").name == "ankle-sprain.yaml"


def test_an_unknown_id_is_one_line_with_the_nearest_id(runner: CliRunner, elsewhere: Path) -> None:
    result = runner.invoke(main, ["build", "nek-pain"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert 'did you mean "neck-pain"?' in result.output and "handout list" in result.output
    assert not list(elsewhere.iterdir())
    missing = runner.invoke(main, ["build", "gone/neck-pain.yaml"])
    assert missing.exit_code == 1 and "file not found; check the path" in missing.output


def test_exercises_lists_each_exercise_id_with_its_name(runner: CliRunner) -> None:
    for item in shipped_handouts():
        result = runner.invoke(main, ["exercises", item.id])
        assert result.exit_code == 0, result.output
        h = load_handout(item.path)
        rows = [line.split(None, 1) for line in result.output.splitlines()]
        assert rows == [[ex.id, ex.name] for ex in h.exercises] or not h.exercises


def test_the_listed_exercise_ids_are_the_ones_build_takes(
    runner: CliRunner, tmp_path: Path
) -> None:
    ids = [
        line.split()[0]
        for line in runner.invoke(main, ["exercises", "neck-pain"]).output.splitlines()
    ]
    out = tmp_path / "two.pdf"
    result = runner.invoke(
        main, ["build", "neck-pain", "--exercise", ids[0], "--exercise", ids[-1], "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(page_texts(out.read_bytes()))
    names = {ex.id: ex.name for ex in load_handout(ROOT / "handouts" / "neck-pain.yaml").exercises}
    assert names[ids[0]] in text and names[ids[-1]] in text
    assert names[ids[1]] not in text


def test_exercises_of_a_file_path_and_validate_by_id(runner: CliRunner) -> None:
    by_path = runner.invoke(main, ["exercises", str(ROOT / "handouts" / "back-spasms.yaml")])
    assert by_path.output.split()[0] == "knee-to-chest"
    assert runner.invoke(main, ["validate", "back-spasms", "neck-pain"]).exit_code == 0


def test_the_web_page_serves_the_shipped_handouts_when_no_folder_is_here(elsewhere: Path) -> None:
    pytest.importorskip("starlette")
    from pdfbuilder.content.shipped import shipped_dir
    from pdfbuilder.web.config import default_config

    assert default_config(elsewhere).handouts == (str(shipped_dir()),)
    (elsewhere / "handouts").mkdir()
    assert default_config(elsewhere).handouts == (str(elsewhere / "handouts"),)
