"""Each command loads only the stages it uses (the cold start of ``handout``).

Run in a fresh process each, as a user runs them: ``handout --version`` and ``handout
layouts`` load neither the content model nor ReportLab's page layout, ``validate`` and
``schema`` not the pipeline, tagging or pikepdf, ``--help`` none of the commands imported
on first use, and ``build`` none of the other commands' stages, nor the standard library's
network modules, nor pikepdf (tagging a leaflet needs no PDF parser).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from helpers import ROOT

from pdfbuilder.cli.commands import HandoutGroup, main

PROBE = """
import json, sys
from pdfbuilder.cli import commands
try:
    commands.main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""

HEAVY = ("pdfbuilder.pipeline", "pdfbuilder.tagging", "pikepdf")
OTHER_COMMANDS = ("pdfbuilder.check", "pdfbuilder.batch", "pdfbuilder.web", "pdfbuilder.cli.check")
NETWORK = ("urllib.request", "http.client", "email", "ssl")


def loaded(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
        timeout=120,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def _none_of(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("args", [("--version",), ("layouts",)])
def test_version_and_layouts_load_no_content_model_and_no_page_layout(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    modules = loaded(*args, cwd=tmp_path)
    assert _none_of(modules, (*HEAVY, "pdfbuilder.content.model", "reportlab.platypus")) == []


@pytest.mark.parametrize("args", [("validate", "back-spasms"), ("schema",)])
def test_validate_and_schema_load_no_pipeline_tagging_or_pikepdf(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    modules = loaded(*args, cwd=tmp_path)
    assert "pdfbuilder.content.model" in modules  # they do read handouts
    assert _none_of(modules, HEAVY) == []


#: What ReportLab itself loads for a page layout: older releases (4.4) import urllib.request
#: (and with it http.client, email and ssl) from reportlab.lib.utils, which is not ours to
#: change; the test holds our own code to loading none of them.
REPORTLAB_OWN = """
import json, sys
import reportlab.lib.utils, reportlab.pdfgen.canvas, reportlab.platypus
print(json.dumps(sorted(sys.modules)))
"""


def test_build_loads_no_other_command_and_no_network_module(tmp_path: Path) -> None:
    handout = ROOT / "handouts" / "back-spasms.yaml"
    modules = loaded("build", str(handout), "-o", str(tmp_path / "out.pdf"), cwd=tmp_path)
    pdf = (tmp_path / "out.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"/StructTreeRoot" in pdf  # tagged, as always
    assert _none_of(modules, OTHER_COMMANDS) == []
    # Tagging ReportLab's own bytes needs no PDF parser: pikepdf (15-45 ms of CPU to load)
    # loads only for a file it must read, a string it must spell, a booklet or a check.
    assert _none_of(modules, ("pikepdf",)) == []
    done = subprocess.run(
        [sys.executable, "-c", REPORTLAB_OWN], capture_output=True, text=True, check=True
    )
    reportlab_own = set(json.loads(done.stdout.splitlines()[-1]))
    assert _none_of(modules - reportlab_own, NETWORK) == []


def test_help_lists_every_command_without_importing_the_lazy_ones(tmp_path: Path) -> None:
    modules = loaded("--help", cwd=tmp_path)
    lazy = tuple(module for module, _, _ in HandoutGroup.LAZY.values())
    assert _none_of(modules, (*lazy, *HEAVY, "pdfbuilder.content.model")) == []


@pytest.mark.parametrize("width", [40, 60, 80, 100, 140, 200])
def test_help_reads_as_click_would_write_it_from_the_commands_themselves(width: int) -> None:
    """The summaries kept in LAZY are the lazy commands' own first sentences."""
    ours, clicks = click.HelpFormatter(width=width), click.HelpFormatter(width=width)
    with click.Context(main) as ctx:
        main.format_commands(ctx, ours)
        click.Group.format_commands(main, ctx, clicks)
    assert ours.getvalue() == clicks.getvalue()
    assert all(name in ours.getvalue() for name in HandoutGroup.LAZY)
