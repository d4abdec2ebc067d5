"""The documentation keeps up with the code: every command, layout field and format field."""

from __future__ import annotations

from helpers import ROOT

from pdfbuilder.cli.commands import main
from pdfbuilder.content.model import handout_json_schema
from pdfbuilder.layout.model import layout_json_schema


def _fields(schema: dict, props: dict, prefix: str = "") -> list[str]:  # type: ignore[type-arg]
    out = []
    for name, spec in props.items():
        ref = spec.get("$ref")
        if ref:
            inner = schema["$defs"][ref.rsplit("/", 1)[1]]["properties"]
            out += _fields(schema, inner, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def test_every_layout_field_is_in_docs_layouts() -> None:
    schema = layout_json_schema()
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    missing = [f for f in _fields(schema, schema["properties"]) if f"`{f}`" not in text]
    assert missing == []


def test_every_content_field_is_in_docs_content_format() -> None:
    schema = handout_json_schema()
    text = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
    leaves = {f.rsplit(".", 1)[-1] for f in _fields(schema, schema["properties"])}
    missing = sorted(name for name in leaves if f"`{name}`" not in text)
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = main.list_commands(None)  # type: ignore[arg-type]
    assert commands
    assert [c for c in commands if f"handout {c}" not in readme] == []


def test_every_built_in_layout_is_documented() -> None:
    from pdfbuilder import builtin_layout_names

    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    assert [n for n in builtin_layout_names() if f"`{n}`" not in text] == []


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if "pytest" in line and "pip install" in line
    )
    assert command.strip() in [line.strip() for line in ci.splitlines()]


def _named_in(text: str) -> set[str]:
    """The ``pdfbuilder.x.y`` names and ``pdfbuilder/...`` paths a page names in backticks."""
    import re

    names = set(re.findall(r"`(pdfbuilder(?:\.\w+)+)`", text))
    names |= set(re.findall(r"`(pdfbuilder/[\w./<>-]+)`", text))
    return names


def _exists(name: str) -> bool:
    import importlib

    if "/" in name:
        return (ROOT / name.split("<")[0]).exists()
    module, _, attribute = name.rpartition(".")
    for candidate, attr in ((name, ""), (module, attribute)):
        try:
            found = importlib.import_module(candidate)
        except ImportError:
            continue
        if not attr or hasattr(found, attr):
            return True
    return False


def test_every_module_and_file_the_docs_name_exists() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if page.name == "architecture.md":  # its table's first column names the old modules
            text = "\n".join(
                line.split("|", 2)[2] if line.startswith("| `pdfbuilder.") else line
                for line in text.splitlines()
            )
        missing += [f"{page.name}: {n}" for n in sorted(_named_in(text)) if not _exists(n)]
    assert missing == []
