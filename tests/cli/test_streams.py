"""`-` for standard input and output: `cat x.yaml | handout build - -o - | lp`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, page_texts

from pdfbuilder.cli import main
from pdfbuilder.cli.streams import write_stdout
from pdfbuilder.errors import HandoutError
from pdfbuilder.source.files import CAPS

NECK = ROOT / "handouts" / "neck-pain.yaml"


@pytest.fixture
def quiet() -> CliRunner:
    """A runner that keeps standard error apart, so standard output is the PDF alone."""
    return CliRunner()  # click 8.2+: result.stdout and result.stderr are kept apart


def test_a_handout_on_standard_input_becomes_a_pdf_on_standard_output(quiet: CliRunner) -> None:
    result = quiet.invoke(main, ["build", "-", "--layout", "trifold"], input=NECK.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"%PDF-")
    assert "Neck pain" in " ".join(page_texts(result.stdout_bytes))
    assert "standard output" in result.stderr


def test_standard_input_to_a_file_and_a_file_to_standard_output(
    quiet: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "from-stdin.pdf"
    to_file = quiet.invoke(main, ["build", "-", "-o", str(out)], input=NECK.read_bytes())
    assert to_file.exit_code == 0 and out.read_bytes().startswith(b"%PDF-")
    to_stdout = quiet.invoke(main, ["build", "ankle-sprain", "-o", "-"])
    assert to_stdout.exit_code == 0 and to_stdout.stdout_bytes.startswith(b"%PDF-")


def test_bad_standard_input_is_one_located_line_and_no_pdf(quiet: CliRunner) -> None:
    text = NECK.read_text(encoding="utf-8").replace("title: Neck pain", "title: [Neck pain")
    result = quiet.invoke(main, ["build", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 1
    assert result.stdout_bytes == b""
    assert result.stderr.startswith("Error: <stdin>:") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"x" * (CAPS["yaml"] + 10), "larger than"), (b"title: \xff\xfe\n", "not UTF-8")],
)
def test_oversized_or_binary_standard_input_is_refused(
    quiet: CliRunner, data: bytes, words: str
) -> None:
    result = quiet.invoke(main, ["build", "-"], input=data)
    assert result.exit_code == 1 and words in result.stderr and result.stdout_bytes == b""


def test_a_pdf_is_never_written_to_a_terminal() -> None:
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    with pytest.raises(HandoutError, match="standard output is a terminal"):
        write_stdout(b"%PDF-1.7", terminal)
    assert terminal.getvalue() == b""


def test_validate_reads_standard_input_too(quiet: CliRunner) -> None:
    good = quiet.invoke(main, ["validate", "-"], input=NECK.read_bytes())
    assert good.exit_code == 0 and good.stdout == "<stdin>: ok\n"
    bad = quiet.invoke(main, ["validate", "-"], input=b"schema: 1\n")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: <stdin>:1:1: id: required field")
