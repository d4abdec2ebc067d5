"""Helpers the tests in every folder share: where things are, and built PDFs read back.

A plain module (not ``conftest.py``), so that a folder may have a ``conftest.py`` of its own
without hiding these: ``from helpers import ROOT, page_texts``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BACK_SPASMS = ROOT / "handouts" / "back-spasms.yaml"
SPANISH = ROOT / "handouts" / "back-spasms.es.yaml"


def spanish_copy(tmp_path: Path, edits: dict[str, str]) -> Path:
    """The shipped Spanish leaflet with ``edits`` (each old text must be there; first
    occurrence replaced), written beside a copy of its English original in ``tmp_path``, so
    the translation checks find the original as they would in handouts/."""
    (tmp_path / BACK_SPASMS.name).write_text(
        BACK_SPASMS.read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = SPANISH.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    copy = tmp_path / SPANISH.name
    copy.write_text(text, encoding="utf-8")
    return copy


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces."""
    return [" ".join((p.extract_text() or "").split()) for p in read(pdf).pages]


def squash(text: str) -> str:
    """Text as the PDF shows it: markup markers gone, whitespace single."""
    return " ".join(text.replace("**", "").split())


def _plain_reason() -> str | None:
    from pdfbuilder import _rl

    return _rl.plain_reason()


#: For tests of the patches in ``pdfbuilder._rl``: skipped, saying why, when ReportLab is left
#: plain (``PDFBUILDER_PLAIN_REPORTLAB=1``, or a ReportLab version the patches were not
#: tested with); every other test runs either way.
requires_rl = pytest.mark.skipif(
    _plain_reason() is not None,
    reason=f"tests pdfbuilder's ReportLab patches, not installed here: {_plain_reason()}",
)


def bench_json(script: str) -> Any:
    """What ``bench/<script> --smoke --json`` prints, run as a user runs it (fails if it fails)."""
    done = subprocess.run(
        [sys.executable, f"bench/{script}", "--smoke", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)
