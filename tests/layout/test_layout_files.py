"""Layout files: inheritance, listing and showing, and the same one-line errors as content."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import BACK_SPASMS, page_texts

from pdfbuilder import HandoutError, build_pdf, builtin_layout_names, load_layout
from pdfbuilder.cli import main


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clinic_layout_overrides_only_what_it_says(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "clinic.yaml",
        'extends: standard\nname: clinic\ncolours:\n  accent: "#005eb8"\ntype:\n  body: 12\n',
    )
    layout, standard = load_layout(path), load_layout("standard")
    assert layout.colours.accent == "#005eb8" and layout.type.body == 12
    assert layout.colours.text == standard.colours.text  # merged key by key
    assert layout.type.heading == standard.type.heading
    assert layout.description == standard.description
    assert (
        "How to ease the pain and get moving again" in page_texts(build_pdf(BACK_SPASMS, path))[0]
    )


def test_a_layout_can_extend_a_file_that_extends_a_built_in(tmp_path: Path) -> None:
    _write(tmp_path, "base.yaml", "extends: large-print\nname: base\ntype:\n  body: 20\n")
    path = _write(tmp_path, "child.yaml", "extends: base.yaml\nname: child\ncolumns: 1\n")
    layout = load_layout(path)
    assert layout.type.body == 20 and layout.type.minimum == 18 and layout.name == "child"


def test_layouts_that_extend_each_other_in_a_loop_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "extends: b.yaml\nname: a\n")
    path = _write(tmp_path, "b.yaml", "extends: a.yaml\nname: b\n")
    with pytest.raises(HandoutError) as caught:
        load_layout(path)
    assert "extend each other in a loop" in str(caught.value)


def test_a_bad_layout_field_gets_file_line_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "extends: standard\nname: bad\ntype:\n  bodyy: 12\n")
    with pytest.raises(HandoutError) as caught:
        load_layout(path)
    assert str(caught.value) == f'{path}:4:3: type.bodyy: unknown field; did you mean "body"?'


def test_a_wrong_value_in_an_inherited_layout_names_the_child_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "extends: standard\nname: bad\ncolumns: 3\n")
    with pytest.raises(HandoutError) as caught:
        load_layout(path)
    assert str(caught.value) == f"{path}:3:10: columns: must be at most 2, got 3"


def test_unknown_parent_layout_is_reported_at_extends(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "extends: fancy\nname: bad\n")
    with pytest.raises(HandoutError) as caught:
        load_layout(path)
    assert str(caught.value).startswith(f'{path}:1:10: extends: unknown layout "fancy"')


def test_layouts_lists_every_built_in_with_its_audience(runner: CliRunner) -> None:
    result = runner.invoke(main, ["layouts"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == builtin_layout_names()
    assert all(len(line.split(maxsplit=1)[1]) > 20 for line in lines)


@pytest.mark.parametrize("name", builtin_layout_names())
def test_layouts_show_prints_a_complete_layout_that_loads_back(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    result = runner.invoke(main, ["layouts", "show", name])
    assert result.exit_code == 0
    copy = _write(tmp_path, "copy.yaml", result.output)
    assert yaml.safe_load(result.output)["extends"] is None
    assert load_layout(copy) == dataclasses.replace(load_layout(name), extends=None)
