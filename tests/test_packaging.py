"""`pip install .` (not only editable) ships what the package needs at run time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from helpers import ROOT, page_texts

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
    *(
        f"pdfbuilder/_builtin_handouts/{name}.yaml"
        for name in ("back-spasms", "back-spasms.es", "neck-pain", "ankle-sprain")
    ),
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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once for the tests here."""
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"pip wheel failed: {done.stderr[-500:]}")
    return next(out.glob("*.whl"))


def test_the_wheel_holds_layouts_poses_fonts_and_labels(wheel: Path) -> None:
    files = _installed_files()
    if files is None:  # an editable install: look inside the wheel
        files = set(zipfile.ZipFile(wheel).namelist())
    assert [f for f in NEEDED if f not in files] == []


def test_the_installed_package_lists_and_builds_its_handouts_from_any_folder(
    wheel: Path, tmp_path: Path
) -> None:
    """As a nurse after `pip install`: no checkout, another folder, a handout by its id."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The unpacked wheel first on the path, ahead of this checkout's editable install.
    env = {**os.environ, "PYTHONPATH": str(site)}

    def handout(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pdfbuilder", *args]
        return subprocess.run(
            command, cwd=elsewhere, env=env, capture_output=True, text=True, check=False
        )

    where = handout("list")
    assert where.returncode == 0, where.stderr
    ids = [line.split()[0] for line in where.stdout.splitlines()[1:]]
    assert {"back-spasms", "neck-pain", "ankle-sprain", "back-spasms-es"} <= set(ids)
    built = handout("build", "neck-pain")
    assert built.returncode == 0, built.stderr
    pdf = (elsewhere / "neck-pain.pdf").read_bytes()
    assert "Neck pain" in page_texts(pdf)[0]
    listed = handout("exercises", "ankle-sprain")
    assert listed.stdout.split()[0] == "ankle-pumps"
    # It was the unpacked wheel that ran, not this checkout.
    probe = subprocess.run(
        [sys.executable, "-c", "import pdfbuilder; print(pdfbuilder.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(site))


def test_the_command_is_installed() -> None:
    entry = [e for e in metadata.entry_points(group="console_scripts") if e.name == "handout"]
    assert entry and entry[0].value == "pdfbuilder.cli:run"
