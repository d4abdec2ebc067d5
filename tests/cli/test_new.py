"""`handout new TOPIC`: a starter that validates and builds as written, and never overwrites."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import page_texts

from pdfbuilder import build_pdf
from pdfbuilder.cli import main
from pdfbuilder.content.model import load_handout
from pdfbuilder.content.starter import starter_text


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("topic", "file", "title"),
    [
        ("tennis-elbow", "tennis-elbow.yaml", "Tennis elbow"),
        (
            "Plantar fasciitis: first steps",
            "plantar-fasciitis-first-steps.yaml",
            "Plantar fasciitis: first steps",
        ),
        ("COPD # breathing", "copd-breathing.yaml", "COPD # breathing"),
    ],
)
def test_the_starter_validates_and_builds_as_written(
    runner: CliRunner, here: Path, topic: str, file: str, title: str
) -> None:
    result = runner.invoke(main, ["new", topic])
    assert result.exit_code == 0, result.output
    text = (here / file).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=handout.schema.json\n")
    h = load_handout(here / file)
    assert h.title == title and h.id == file.removesuffix(".yaml")
    assert h.review.status == "draft" and h.review.published == dt.date.today()
    assert runner.invoke(main, ["validate", file]).exit_code == 0
    pages = page_texts(build_pdf(here / file))
    assert title in pages[0]


def test_the_starter_is_commented_and_names_no_body_part() -> None:
    text = starter_text("x", dt.date(2026, 2, 28), "x.yaml")
    assert text.count("\n#") >= 15  # the author is told what each part is for
    words = set(re.findall(r"[a-z]+", text.lower()))
    assert not words & {"back", "spine", "neck", "knee", "ankle", "spasm", "sciatica"}


def test_new_never_replaces_a_file(runner: CliRunner, here: Path) -> None:
    (here / "tennis-elbow.yaml").write_text("my work\n", encoding="utf-8")
    result = runner.invoke(main, ["new", "tennis elbow"])
    assert result.exit_code == 1
    assert "already exists" in result.output and "-o" in result.output
    assert (here / "tennis-elbow.yaml").read_text(encoding="utf-8") == "my work\n"
    other = runner.invoke(main, ["new", "tennis elbow", "-o", "te.yaml"])
    assert other.exit_code == 0 and (here / "te.yaml").is_file()


def test_a_topic_with_no_letters_is_refused_in_one_line(runner: CliRunner, here: Path) -> None:
    result = runner.invoke(main, ["new", "!!!"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert list(here.iterdir()) == []


def test_a_leap_day_gets_a_review_date_three_years_on() -> None:
    text = starter_text("x", dt.date(2028, 2, 29), "x.yaml")
    assert "next_review: 2031-02-28" in text
