"""Translations are linked to their original by id: `handout validate` warns when one lags."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from pdfbuilder.cli import main
from pdfbuilder.content.model import load_handout
from pdfbuilder.content.translations import find_original, translation_warnings

ROOT = Path(__file__).resolve().parents[2]
ORIGINAL = ROOT / "handouts" / "back-spasms.yaml"
SPANISH = ROOT / "handouts" / "back-spasms.es.yaml"


def _pair(tmp_path: Path, edit: dict[str, str] | None = None) -> Path:
    """The original and an (edited) Spanish translation side by side in ``tmp_path``."""
    shutil.copy(ORIGINAL, tmp_path / "back-spasms.yaml")
    text = SPANISH.read_text(encoding="utf-8")
    for old, new in (edit or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    target = tmp_path / "back-spasms.es.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def _where(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of the value after ``needle`` in the file."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n, line.index(needle) + len(needle) + 1
    raise AssertionError(needle)


def test_up_to_date_translation_has_no_warnings(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--strict", str(SPANISH)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert find_original(load_handout(SPANISH), SPANISH.parent) == load_handout(ORIGINAL)


def test_old_source_version_warns_in_one_line_and_exits_0(
    runner: CliRunner, tmp_path: Path
) -> None:
    file = _pair(tmp_path, {'source_version: "2.1"': 'source_version: "0.9"'})
    result = runner.invoke(main, ["validate", str(file)])
    assert result.exit_code == 0, result.output
    line, col = _where(file, "source_version: ")
    assert result.stderr == (
        f"{file}:{line}:{col}: translation.source_version: warning: translates version 0.9 "
        'of "back-spasms", which is now at version 2.1; update the translation and its '
        "source_version\n"
    )
    assert result.stdout == f"{file}: ok (1 warning(s))\n"


def test_strict_turns_warnings_into_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    file = _pair(tmp_path, {'source_version: "2.1"': 'source_version: "0.9"'})
    assert runner.invoke(main, ["validate", "--strict", str(file)]).exit_code == 1


def test_published_before_the_original_warns(tmp_path: Path) -> None:
    file = _pair(
        tmp_path,
        {
            "published: 2026-12-01": "published: 2026-01-02",
            "reviewed_on: 2026-12-01": "reviewed_on: 2026-01-02",
        },
    )
    (warning,) = translation_warnings(load_handout(file))
    assert re.match(rf"{re.escape(str(file))}:\d+:\d+: review\.published: warning: ", warning)
    assert "before the original" in warning


def test_missing_section_exercise_and_red_flag_each_warn(tmp_path: Path) -> None:
    text = SPANISH.read_text(encoding="utf-8")
    last_section = text[
        text.index("  - heading: ¿Cómo puedo evitar") : text.index("exercises_intro")
    ]
    bridge = text[text.index("  - id: bridge") : text.index("  - id: cat-cow")]
    file = _pair(
        tmp_path,
        {
            last_section: "",
            bridge: "",
            "    - El dolor va a peor.\n": "",
        },
    )
    warnings = translation_warnings(load_handout(file))
    fields = [w.split(": ")[1] for w in warnings]
    assert fields == ["sections", "exercises", "seek_help.routine"]
    assert "has 5 sections, the original" in warnings[0]
    assert 'lacks the exercise(s) bridge of the original "back-spasms"' in warnings[1]
    assert "lists 3 routine sign(s)" in warnings[2]


def test_a_missing_tier_note_warns(tmp_path: Path) -> None:
    text = SPANISH.read_text(encoding="utf-8")
    notes = text[text.index("  notes:\n") : text.index("contacts:")]
    file = _pair(tmp_path, {notes: ""})
    (warning,) = translation_warnings(load_handout(file))
    assert re.match(rf"{re.escape(str(file))}:\d+:\d+: seek_help: warning: ", warning)
    assert "ends its emergency tier with a note (seek_help.notes.emergency); translate it" in (
        warning
    )


def test_original_not_found_warns(runner: CliRunner, tmp_path: Path) -> None:
    lonely = tmp_path / "only" / "x.es.yaml"
    lonely.parent.mkdir()
    shutil.copy(SPANISH, lonely)
    result = runner.invoke(main, ["validate", str(lonely)])
    assert result.exit_code == 0
    assert 'translation.of: warning: no handout with id "back-spasms"' in result.stderr


def test_original_is_not_a_translation_so_gets_no_warnings() -> None:
    assert translation_warnings(load_handout(ORIGINAL)) == []
