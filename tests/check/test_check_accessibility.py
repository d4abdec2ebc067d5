"""`handout check` builds the leaflet and checks its PDF for PDF/UA-1 (accessibility.pdfua).

Content cannot make the built PDF fail, so the failing cases swap the build for an untagged
one (what every leaflet was before tagging) or one that cannot be placed on the page.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import ROOT

from pdfbuilder import build, load_handout, load_layout
from pdfbuilder.check import accessibility, check_handout
from pdfbuilder.cli.commands import main
from pdfbuilder.errors import HandoutError
from pdfbuilder.pipeline import BuildOptions

GOOD = str(ROOT / "tests" / "data" / "check" / "good.yaml")
RULE = ["accessibility.pdfua"]


def _untagged(handout: Any, layout: Any, clinic: Any = None) -> bytes:
    return build(handout, layout, BuildOptions(clinic=clinic, impose=False, tagged=False))


def test_a_leaflet_passes_and_the_report_says_so(runner: CliRunner) -> None:
    report = check_handout(load_handout(GOOD), load_layout("standard"), rules=RULE)
    assert report.findings == ()
    assert report.accessibility.pages >= 2 and report.accessibility.findings == ()
    result = runner.invoke(main, ["check", "--strict", GOOD])
    assert result.exit_code == 0, result.output
    assert "  Accessibility (PDF/UA-1, the built PDF on a4): " in result.stdout
    assert "page(s), tagged, no problems found\n" in result.stdout


def test_an_untagged_pdf_gives_a_warning_per_problem_and_page(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(accessibility, "built_pdf", _untagged)
    report = check_handout(load_handout(GOOD), load_layout("standard"), rules=RULE)
    messages = [f.message for f in report.findings]
    assert (
        "the built PDF fails PDF/UA-1 x-markinfo the catalog has no /MarkInfo <</Marked true>>"
        in (messages)
    )
    pages = [f.message for f in report.findings if " 01-005 page " in f.message]
    assert len(pages) == report.accessibility.pages  # every page has unmarked drawing
    assert all(f.rule == "accessibility.pdfua" and f.severity == "warning" for f in report.findings)
    plain = runner.invoke(main, ["check", GOOD])
    assert plain.exit_code == 0, plain.output  # warnings: the words are fine
    strict = runner.invoke(main, ["check", "--strict", GOOD])
    assert strict.exit_code == 1
    assert f"    {GOOD}: accessibility.pdfua: the built PDF fails PDF/UA-1 01-005 page 1: " in (
        strict.stdout
    )
    data = json.loads(runner.invoke(main, ["check", "--format", "json", GOOD]).stdout)
    (entry,) = data["files"]
    assert entry["accessibility"]["problems"] == len(report.findings) > 0
    assert {f["rule"] for f in entry["findings"]} >= {"accessibility.pdfua"}


def test_a_leaflet_that_does_not_build_is_an_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def overflowing(*_: Any) -> bytes:
        raise HandoutError(
            "the when-to-get-help box is 300 mm tall but a page holds 256 mm", field="seek_help"
        )

    monkeypatch.setattr(accessibility, "built_pdf", overflowing)
    report = check_handout(load_handout(GOOD), load_layout("standard"), rules=RULE)
    (finding,) = report.findings
    assert (finding.severity, finding.field) == ("error", "seek_help")
    assert finding.message.startswith("the leaflet cannot be built in the layout 'standard'")
    result = runner.invoke(main, ["check", GOOD])
    assert result.exit_code == 1
    assert "not checked, the leaflet does not build" in result.stdout


def test_a_booklet_is_checked_in_reading_order() -> None:
    layout = load_layout("booklet")
    report = check_handout(load_handout(GOOD), layout, rules=RULE)
    assert report.findings == ()
    pdf = report.accessibility.pdf
    assert b"/StructTreeRoot" in pdf  # the --no-impose file, not the print shop's sheets


def test_structure_shows_the_leaflet_as_a_screen_reader_meets_it(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--structure", "--layout", "trifold", GOOD])
    assert result.exit_code == 0, result.output
    text = result.stdout
    start = text.index("  Structure (reading order, as a screen reader meets it):\n    Document\n")
    tree = text[start:]
    assert tree.index('      H1 "') < tree.index("H2") < tree.index("Figure [alt: ")
    data = json.loads(
        runner.invoke(main, ["check", "--format", "json", "--structure", GOOD]).stdout
    )
    (entry,) = data["files"]
    assert entry["structure"][0] == "Document"
    assert entry["structure"][1].startswith('  H1 "')
