"""`pip install .` (not only editable) ships what the package needs at run time."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from helpers import ROOT

from pdfbuilder import builtin_layout_names

NEEDED = [
    *(f"pdfbuilder/_builtin_layouts/{name}.yaml" for name in builtin_layout_names()),
    "pdfbuilder/figures/poses.yaml",
    *(
        f"pdfbuilder/figures/pose_library/{region}.yaml"
        for region in ("ankle", "daily", "hip-knee", "neck", "shoulder")
    ),
    "pdfbuilder/text/fonts/AtkinsonHyperlegible-Regular.ttf",
    "pdfbuilder/text/fonts/OFL.txt",
    "pdfbuilder/content/labels/en.yaml",
    "pdfbuilder/content/labels/es.yaml",
    "pdfbuilder/check/red_flags.yaml",
    "pdfbuilder/check/writing.yaml",
    "pdfbuilder/web/templates/index.html",  # handout serve
    "pdfbuilder/web/static/style.css",
    "pdfbuilder/web/static/app.js",
]


def _installed_files() -> set[str] | None:
    """The files of the installed distribution, or None for an editable install."""
    dist = metadata.distribution("clinic-handouts")
    direct = dist.read_text("direct_url.json")
    if direct and json.loads(direct).get("dir_info", {}).get("editable"):
        return None
    return {str(f) for f in dist.files or []}


def test_the_wheel_holds_layouts_poses_fonts_and_labels(tmp_path: Path) -> None:
    files = _installed_files()
    if files is None:  # an editable install: build the wheel to look inside it
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "-q",
                "-w",
                str(tmp_path),
                str(ROOT),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(f"pip wheel failed: {done.stderr[-500:]}")
        wheel = next(tmp_path.glob("*.whl"))
        files = set(zipfile.ZipFile(wheel).namelist())
    assert [f for f in NEEDED if f not in files] == []


def test_the_command_is_installed() -> None:
    entry = [e for e in metadata.entry_points(group="console_scripts") if e.name == "handout"]
    assert entry and entry[0].value == "pdfbuilder.cli:run"
