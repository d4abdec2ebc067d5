"""Bad input: one clear line naming file, line, column and field; exit 1; no PDF written."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from pdfbuilder.cli import main

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return edit


BOMB = "extra:\n  a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"  {n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcd", "bcde", strict=True)
)

CASES: list[tuple[str, Callable[[str], str], str]] = [
    (
        "not-yaml",
        lambda _: "title: [unclosed\nid: x\n",
        "bad.yaml:2:3: not valid YAML: did not find expected ',' or ']' (while parsing a flow "
        "sequence); check indentation, colons and quotes",
    ),
    (
        "empty",
        lambda _: "",
        "bad.yaml:1:1: the file is empty; a handout starts with `schema: 1`, `id:` and `title:`",
    ),
    (
        "list-for-mapping",
        lambda text: re.sub(r"review:\n(  .*\n)+", "review:\n  - version 1\n", text),
        "bad.yaml:7:3: review: expected a mapping (lines of `key: value`), got a list",
    ),
    (
        "missing-field",
        _replace("title: A small test leaflet\n", ""),
        "bad.yaml:1:1: title: required field is missing; add `title:` here",
    ),
    (
        "wrong-type",
        _replace("reps: 5", "reps: ten"),
        'bad.yaml:32:13: exercises[0].dose.reps: expected a whole number, got "ten"',
    ),
    (
        "unknown-field",
        _replace("    name: Bridge\n", "    name: Bridge\n    stop_iff: Pain.\n"),
        'bad.yaml:25:5: exercises[0].stop_iff: unknown field; did you mean "stop_if"?',
    ),
    (
        "duplicate-key",
        lambda text: text + "title: Again\n",
        'bad.yaml:40:1: title: duplicate key "title" (first given on line 4); keep only one',
    ),
    (
        "python-tag",
        _replace("title: A small", "title: !!python/object/apply:os.system A small"),
        'bad.yaml:4:8: title: custom YAML tag "!!python/object/apply:os.system" is not allowed; '
        "remove the tag and write plain text, numbers, lists and mappings",
    ),
    (
        "alias-bomb",
        lambda text: text + BOMB,
        "bad.yaml:40:1: extra: the document expands to more than 50000 values (too many "
        "aliases); write the text out instead of using anchors (&) and aliases (*)",
    ),
    (
        "dose-below-minimum",
        _replace("reps: 5", "reps: 0"),
        "bad.yaml:32:13: exercises[0].dose.reps: must be at least 1, got 0",
    ),
    (
        "too-few-takeaways",
        _replace("  - Third point.\n", ""),
        "bad.yaml:15:3: key_takeaways: expected at least 3 items, got 2",
    ),
    (
        # Read as written, never as YAML 1.1 guesses: 0x10 is not 16 (an unquoted 0.10 for
        # the text field `version` is kept as "0.10": tests/hostile covers both).
        "hex-number",
        _replace("reps: 5", "reps: 0x10"),
        'bad.yaml:32:13: exercises[0].dose.reps: expected a whole number, got "0x10"',
    ),
    (
        "unknown-figure",
        _replace("builtin: bridge", "builtin: brigde"),
        'bad.yaml:26:16: exercises[0].figure.builtin: unknown built-in figure "brigde"; did you '
        'mean "bridge"? (run `handout figures` to see them all)',
    ),
]


@pytest.mark.parametrize(("name", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_handout_gives_one_line_and_keeps_the_old_pdf(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    edit: Callable[[str], str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text(edit(MINIMAL), encoding="utf-8")
    Path("out.pdf").write_bytes(b"%PDF-earlier good leaflet")
    result = runner.invoke(main, ["build", "bad.yaml", "-o", "out.pdf"])
    assert result.exit_code == 1
    assert result.stderr == "Error: " + expected + "\n"
    assert result.stdout == ""
    assert Path("out.pdf").read_bytes() == b"%PDF-earlier good leaflet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "out.pdf"]


@pytest.mark.parametrize(("name", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_validate_reports_the_same_line(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    edit: Callable[[str], str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text(edit(MINIMAL), encoding="utf-8")
    result = runner.invoke(main, ["validate", "bad.yaml"])
    assert result.exit_code == 1
    assert result.stderr == "Error: " + expected + "\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh current folder holding a valid handout, ok.yaml."""
    monkeypatch.chdir(tmp_path)
    Path("ok.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def test_missing_file(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", "nothing.yaml"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nothing.yaml: file not found; check the path\n"


def test_output_folder_missing(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(main, ["build", "ok.yaml", "-o", "no/such/folder/out.pdf"])
    assert result.exit_code == 1
    assert result.stderr == (
        'Error: no/such/folder/out.pdf: cannot write the PDF: the folder "no/such/folder" does not '
        "exist; create it or choose another -o\n"
    )


def test_output_path_not_writable(runner: CliRunner, workdir: Path) -> None:
    # /proc refuses new files even for root, so this holds on any Linux machine.
    result = runner.invoke(main, ["build", "ok.yaml", "-o", "/proc/out.pdf"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: /proc/out.pdf: cannot write the PDF: ")
    assert result.stderr.endswith("; choose a folder you can write to with -o\n")
    assert result.stderr.count("\n") == 1


def test_output_is_a_folder(runner: CliRunner, workdir: Path) -> None:
    Path("folder").mkdir()
    result = runner.invoke(main, ["build", "ok.yaml", "-o", "folder"])
    assert result.exit_code == 1
    assert result.stderr == "Error: folder: is a folder; give a file name such as leaflet.pdf\n"


def test_unknown_layout_name(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(main, ["build", "ok.yaml", "--layout", "fancy"])
    assert result.exit_code == 1
    assert result.stderr.startswith('Error: layout: unknown layout "fancy"; built-in layouts are: ')
    assert "standard" in result.stderr
    assert not Path("ok.pdf").exists()


def test_every_error_starts_with_error_like_clicks_own(runner: CliRunner, workdir: Path) -> None:
    """click's usage errors and the command's own (a file, an option value) share one prefix,
    never doubled; a good build prints none."""
    Path("bad.yaml").write_text("schema: 1\n", encoding="utf-8")
    runs = {
        "click's own": ["build", "ok.yaml", "--no-such-option"],
        "a file": ["build", "bad.yaml"],
        "an option value": ["build", "ok.yaml", "--date", "2026-13-01"],
        "validate": ["validate", "bad.yaml"],
    }
    for what, argv in runs.items():
        result = runner.invoke(main, argv)
        assert result.exit_code in (1, 2), what
        last = result.stderr.splitlines()[-1]
        assert last.startswith("Error: "), (what, result.stderr)
        assert not last.startswith("Error: Error:"), what
    built = runner.invoke(main, ["build", "ok.yaml"])
    assert built.exit_code == 0 and "Error" not in built.stderr


def test_good_build_writes_the_pdf(runner: CliRunner, workdir: Path) -> None:
    result = runner.invoke(main, ["build", "ok.yaml"])
    assert result.exit_code == 0, result.output
    assert Path("ok.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in workdir.iterdir()) == ["ok.pdf", "ok.yaml"]
