"""Flawed handouts for every new check rule, and leaflets on other topics (a knee, an ankle,
a chest infection, headaches, back pain in pregnancy; English, Spanish and Arabic), driven
by tests/data/check/flawed.yaml.

Each flawed handout must give exactly the errors and warnings listed for it, and fail
``handout check --strict`` with each message on its own ``file:line:`` line. Each good one
must pass ``--strict`` in every built-in layout: the rules must not cry wolf.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT
from test_check_rules import CASES

from pdfbuilder import builtin_layout_names, load_handout, load_layout
from pdfbuilder.check import RULES, check_handout
from pdfbuilder.cli.commands import main

DATA = ROOT / "tests" / "data" / "check"
MANIFEST: dict[str, Any] = yaml.safe_load((DATA / "flawed.yaml").read_text(encoding="utf-8"))
TODAY = dt.date.fromisoformat(MANIFEST["today"])
FLAWED: list[dict[str, Any]] = MANIFEST["flawed"]
GOOD: list[str] = [entry["file"] for entry in MANIFEST["good"]]


def _found(file: str, layout: str = "standard") -> list[dict[str, Any]]:
    report = check_handout(load_handout(DATA / file), load_layout(layout), today=TODAY)
    return [
        {
            "rule": f.rule,
            "severity": f.severity,
            "line": f.line,
            "field": f.field,
            "message": f.message,
        }
        for f in report.findings
        if f.severity != "info"
    ]


@pytest.mark.parametrize("case", FLAWED, ids=[c["file"] for c in FLAWED])
def test_flawed_handout_gives_exactly_its_findings(case: dict[str, Any]) -> None:
    assert case["expect"], "a flawed handout must be expected to fail"
    key = lambda f: (f["line"] or 0, f["rule"], f["message"])  # noqa: E731
    assert sorted(_found(case["file"]), key=key) == sorted(case["expect"], key=key)


@pytest.mark.parametrize("case", FLAWED, ids=[c["file"] for c in FLAWED])
def test_flawed_handout_fails_strict_with_its_messages(
    runner: CliRunner, case: dict[str, Any]
) -> None:
    path = str(DATA / case["file"])
    result = runner.invoke(main, ["check", "--strict", "--today", MANIFEST["today"], path])
    assert result.exit_code == 1, result.output
    for f in case["expect"]:
        where = f"{path}:{f['line']}" if f["line"] is not None else path
        field = f"{f['field']}: " if f["field"] else ""
        assert f"    {where}: {f['rule']}: {field}{f['message']}\n" in result.stdout


@pytest.mark.parametrize("layout", builtin_layout_names())
@pytest.mark.parametrize("file", GOOD)
def test_good_handout_passes_strict_in_every_layout(
    runner: CliRunner, file: str, layout: str
) -> None:
    args = ["check", "--strict", "--today", MANIFEST["today"], "--layout", layout]
    result = runner.invoke(main, [*args, str(DATA / file)])
    assert result.exit_code == 0, result.output


def test_every_rule_has_a_flawed_handout() -> None:
    """Each rule fails at least one handout (here or in test_check_rules.CASES)."""
    covered = {f["rule"] for case in FLAWED for f in case["expect"]}
    covered |= {finding[0] for _, _, expected in CASES for finding in expected}
    # Tested in code (tests/test_check_api.py): the file loader already refuses a handout
    # with no sources; contacts and tier labels are about a clinic profile and the labels
    # files; the tangible-tool warning depends on the layout; readability.language is a note;
    # accessibility.pdfua is about the built PDF, which content cannot break
    # (tests/check/test_check_accessibility.py).
    not_by_file = {
        "accessibility.pdfua",
        "content.sources",
        "content.contacts",
        "design.tier-labels",
        "content.tangible-tool",
        "readability.language",
    }
    assert set(RULES) - covered == not_by_file
