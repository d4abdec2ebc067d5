"""Outputs that cannot destroy, and special files that cannot hang a run.

An output path equal to any kind of input of the same run (the handout, the layout and the
layout it extends, the clinic profile and its logo, a plan file, a figure image, the CSV)
is refused and the input is unchanged, whether it is named by the same path, a symlink or
a hard link. A FIFO given as input or as output makes the real ``handout`` command return
within seconds. Everything is made in a temporary folder; nothing real is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile.makers import handout, png

from pdfbuilder.cli import main
from pdfbuilder.errors import HandoutError
from pdfbuilder.pipeline import build_file

INPUTS = ["h.yaml", "mine.yaml", "base.yaml", "clinic.yaml", "logo.png", "plan.yaml", "pic.png"]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A handout with an image figure, a layout that extends another, a clinic with a
    logo, a plan file: every kind of input a build reads."""
    (tmp_path / "pic.png").write_bytes(png(40, 20))
    (tmp_path / "logo.png").write_bytes(png(30, 10))
    (tmp_path / "h.yaml").write_text(handout([], image="pic.png"), encoding="utf-8")
    (tmp_path / "base.yaml").write_text("extends: standard\nname: base\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text("extends: base.yaml\nname: mine\n", encoding="utf-8")
    (tmp_path / "clinic.yaml").write_text("name: Test Clinic\nlogo: logo.png\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text("patient: Ann Example\n", encoding="utf-8")
    return tmp_path


def _build(work: Path, output: str) -> tuple[int, str]:
    argv = ["build", "h.yaml", "--layout", "mine.yaml", "--clinic", "clinic.yaml"]
    argv += ["--personal", "plan.yaml", "-o", output]
    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    return result.exit_code, result.stderr


@pytest.mark.parametrize("name", INPUTS)
@pytest.mark.parametrize("how", ["same-path", "symlink", "hard-link"])
def test_an_output_onto_any_input_is_refused(
    work: Path, monkeypatch: pytest.MonkeyPatch, name: str, how: str
) -> None:
    monkeypatch.chdir(work)
    before = (work / name).read_bytes()
    target = name
    if how == "symlink":
        os.symlink(work / name, work / "link.pdf")
        target = "link.pdf"
    elif how == "hard-link":
        os.link(work / name, work / "link.pdf")
        target = "link.pdf"
    code, stderr = _build(work, target)
    assert code == 1
    assert stderr == (
        f"Error: {target}: is an input of this build ({work / name}); writing the PDF there would "
        "destroy it: choose another output path\n"
    )
    assert (work / name).read_bytes() == before


def test_the_same_inputs_build_when_the_output_is_elsewhere(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(work)
    code, stderr = _build(work, "out.pdf")
    # The test handout is a draft: the build says so, and nothing else.
    assert (code, [line for line in stderr.splitlines() if ": warning: " not in line]) == (0, [])
    assert (work / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_build_file_refuses_its_own_handout_even_when_loaded_before(work: Path) -> None:
    from pdfbuilder import load_handout

    loaded = load_handout(work / "h.yaml")  # read now, so the build itself reads nothing
    before = (work / "h.yaml").read_bytes()
    with pytest.raises(HandoutError, match="is an input of this build"):
        build_file(loaded, work / "h.yaml")
    with pytest.raises(HandoutError, match="is an input of this build"):
        build_file(loaded, work / "pic.png")  # its figure image
    assert (work / "h.yaml").read_bytes() == before


def test_batch_output_onto_an_input_is_refused(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(work)
    (work / "people.csv").write_text("file,patient\nh.yaml,Ann\n", encoding="utf-8")
    before = (work / "h.yaml").read_bytes()
    # A row whose file is "clinic" would be written as clinic.pdf: make that the clinic.
    os.link(work / "clinic.yaml", work / "clinic.pdf")
    (work / "people.csv").write_text("file,patient\nclinic,Ann\n", encoding="utf-8")
    argv = ["batch", "h.yaml", "people.csv", "-o", ".", "--clinic", "clinic.yaml", "-j", "1"]
    argv.append("--overwrite")
    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    assert result.exit_code == 1
    assert "is an input of this build" in result.stderr
    assert (work / "h.yaml").read_bytes() == before
    assert (work / "clinic.yaml").read_text(encoding="utf-8").startswith("name: Test Clinic")


def _handout_command(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from pdfbuilder.cli import run; run()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    "args",
    [
        ["build", "fifo.yaml", "-o", "out.pdf"],
        ["build", "h.yaml", "--layout", "fifo.yaml", "-o", "out.pdf"],
        ["build", "h.yaml", "--clinic", "fifo.yaml", "-o", "out.pdf"],
        ["build", "h.yaml", "--personal", "fifo.yaml", "-o", "out.pdf"],
        ["build", "h.yaml", "-o", "fifo.yaml"],
        ["validate", "fifo.yaml"],
        ["check", "fifo.yaml"],
        ["batch", "h.yaml", "fifo.yaml", "-o", "out", "-j", "1"],
        ["batch", "h.yaml", "people.csv", "--combined", "fifo.yaml", "-j", "1"],
    ],
    ids=lambda args: "-".join(a for a in args if not a.startswith("-"))[:40],
)
def test_a_fifo_as_input_or_output_returns_within_seconds(work: Path, args: list[str]) -> None:
    os.mkfifo(work / "fifo.yaml")
    (work / "people.csv").write_text("patient\nAnn\n", encoding="utf-8")
    start = time.monotonic()
    done = _handout_command(args, work)
    assert time.monotonic() - start < 30
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.strip().splitlines()[-1:]) == 1
    assert "fifo.yaml" in done.stderr and "Traceback" not in done.stderr
    assert (work / "fifo.yaml").is_fifo()  # never replaced
