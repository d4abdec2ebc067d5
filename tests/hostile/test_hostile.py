"""The hostile-input corpus: every case in ``cases.yaml``, one expected line and exit code.

Each case makes its files in a temporary folder (``work/`` is where the handout lives,
``outside/`` is beside it, never inside), runs one ``handout`` command there, and checks
that standard error is exactly the one expected line (``file:line:col: field: what is
wrong and what to do``), the exit code, that no PDF was left behind on failure, that the
files it names are unchanged, and (for cases that must build) what the PDF says. A case
that would hang is stopped after :data:`TIMEOUT` seconds and fails.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import page_texts
from hostile.makers import make

from pdfbuilder.cli import main

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
TIMEOUT = 30

#: Values too big to write in cases.yaml, by the name the cases use.
BIG = {
    "{big}": "x" * 1_000_000,  # a one-megabyte paragraph
    "{many}": ", ".join(["a"] * 201),  # 201 bullets
    "{digits}": "9" * 5000,  # a 5,000-digit number
    "{longnote}": "n" * 1200,  # a note over its 1,000 characters
    "{tallnote}": "Walk a lot and rest. " * 47,  # a note taller than a page in huge type
    "{longtitle}": "Long title " * 90 + "and more..",  # a 1,000-character title
    "{tall_title}": "Long words here " * 12,  # 192 characters: within its limit, too tall
    # 40 paragraphs of 2,591 characters, each within its limit: 103,640 in all
    "{forty_paragraphs}": "\n      - ".join([("Walk a bit. " * 216).strip()] * 40),
}


def _fill(value: Any, tmp: Path) -> Any:
    """``value`` with the names in :data:`BIG` and ``{tmp}`` replaced by their values."""
    if isinstance(value, str):
        for name, big in {**BIG, "{tmp}": str(tmp)}.items():
            value = value.replace(name, big)
        return value
    if isinstance(value, list):
        return [_fill(v, tmp) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, tmp) for k, v in value.items()}
    return value


def _ids() -> list[str]:
    return [case["name"] for case in CASES]


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail, rather than hang, if a command does not return within TIMEOUT seconds."""

    def stop(_signum: int, _frame: Any) -> None:
        raise TimeoutError(f"the command did not return within {TIMEOUT} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(TIMEOUT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _snapshot(root: Path, names: list[str]) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in names}


@pytest.mark.parametrize("case", CASES, ids=_ids())
def test_hostile_input(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm: None
) -> None:
    for name, spec in case.get("files", {}).items():
        make(tmp_path, name, _fill(spec, tmp_path))
    (tmp_path / "work").mkdir(exist_ok=True)
    (tmp_path / "outside").mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    kept = _snapshot(tmp_path, case.get("unchanged", []))
    pdfs_before = set(tmp_path.rglob("*.pdf"))
    argv = [_fill(arg, tmp_path) for arg in case["run"]]
    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    expected = case["expect"].replace("{tmp}", str(tmp_path))
    # The batch progress bar's label is not a message, nor is the warning that the test
    # handout is a draft (it builds all the same).
    lines = [
        line
        for line in result.stderr.splitlines()
        if line != "Building" and "review.status: warning:" not in line
    ]
    if case["exit"] == 0:
        assert result.exit_code == 0, result.stderr
    else:
        assert lines and lines[0] == "Error: " + expected, result.stderr
        assert len(lines) == case.get("lines", 1), result.stderr
        assert result.exit_code == case["exit"], result.stderr
        assert "Traceback" not in result.output + result.stderr
        assert " at 0x" not in result.stderr and "Flowable" not in result.stderr
        new_pdfs = set(tmp_path.rglob("*.pdf")) - pdfs_before
        assert not new_pdfs - {tmp_path / p for p in case.get("may_write", [])}
    assert _snapshot(tmp_path, case.get("unchanged", [])) == kept
    for name, text in case.get("pdf_has", {}).items():
        shown = " ".join(page_texts((tmp_path / name).read_bytes()))
        assert text in shown, f"{text!r} not in {name}"
    for name in case.get("still_fifo", []):
        assert (tmp_path / name).is_fifo()


def test_every_family_is_attacked() -> None:
    """The corpus covers each family of the issue, several cases each."""
    families: dict[str, int] = {}
    for case in CASES:
        families[case["family"]] = families.get(case["family"], 0) + 1
    expected = {"confined", "special-file", "output", "bounded", "as-written", "one-line"}
    assert set(families) == expected
    assert min(families.values()) >= 4, families
