"""`handout schema` exports JSON Schemas that editors can use: valid, and true to the loader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT
from jsonschema import Draft202012Validator

from pdfbuilder.cli import main

HANDOUTS = [*sorted(ROOT.glob("handouts/**/*.yaml")), ROOT / "tests" / "data" / "minimal.yaml"]
LAYOUTS = sorted(ROOT.glob("layouts/*.yaml"))


def _schema(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(main, ["schema", *args])
    assert result.exit_code == 0
    schema: dict[str, Any] = json.loads(result.output)
    Draft202012Validator.check_schema(schema)
    return schema


def _as_json(path: Path) -> Any:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML dates are strings with "format": "date" in JSON Schema.
    return json.loads(
        json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    )


@pytest.mark.parametrize("path", HANDOUTS, ids=lambda p: p.name)
def test_every_shipped_handout_matches_the_exported_schema(runner: CliRunner, path: Path) -> None:
    validator = Draft202012Validator(_schema(runner))
    assert [e.message for e in validator.iter_errors(_as_json(path))] == []


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_every_built_in_layout_matches_the_layout_schema(runner: CliRunner, path: Path) -> None:
    validator = Draft202012Validator(_schema(runner, "--layout"))
    assert [e.message for e in validator.iter_errors(_as_json(path))] == []


def test_the_schema_rejects_what_the_loader_rejects(runner: CliRunner) -> None:
    validator = Draft202012Validator(_schema(runner))
    good = _as_json(ROOT / "tests" / "data" / "minimal.yaml")
    typo = {**good, "titel": "x"}
    wrong_type = json.loads(json.dumps(good))
    wrong_type["exercises"][0]["dose"]["reps"] = "ten"
    missing = {k: v for k, v in good.items() if k != "seek_help"}
    for bad in (typo, wrong_type, missing):
        assert list(validator.iter_errors(bad)), bad
