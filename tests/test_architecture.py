"""The package's shape: stages import only earlier stages, no module cycles, one door to ReportLab.

Every import in every module counts: at module level, inside functions, under
``TYPE_CHECKING``, and module names given as strings (lazily imported commands and public
names). The stage order is read from the package docstring (``Stages: ...``), so it is
written down once.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "pdfbuilder"
_MODULE_NAME = re.compile(r"^pdfbuilder(\.[A-Za-z_]\w*)+$")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by its dotted name."""
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage_order() -> list[list[str]]:
    """The stages from the package docstring, earliest first (names in a group: one stage)."""
    doc = ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text())) or ""
    match = re.search(r"Stages:(.*?)(?:\n\s*\n|\Z)", doc, re.S)
    assert match, "the package docstring lists the stages after 'Stages:'"
    return [[n.strip() for n in group.split(",")] for group in match.group(1).split("->")]


def stage_of(module: str) -> str:
    """The stage a module belongs to: its folder, or a top-level module's own name."""
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def _resolve(module: str, node: ast.ImportFrom) -> str:
    is_package = modules()[module].name == "__init__.py"
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(module: str) -> Iterator[tuple[str, int]]:
    """(imported pdfbuilder module, line) for every import in ``module``, wherever it is."""
    known = modules()
    tree = ast.parse(known[module].read_text())
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node) if node.level else (node.module or "")
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.append(sub if sub in known else base)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _MODULE_NAME.match(node.value)
            and node.value in known
        ):
            targets = [node.value]  # importlib.import_module("pdfbuilder....")
        for target in targets:
            if target == "pdfbuilder" or target.startswith("pdfbuilder."):
                while target not in known:  # "pdfbuilder.x.name" -> the module "pdfbuilder.x"
                    target = target.rsplit(".", 1)[0]
                if target != module:
                    yield target, getattr(node, "lineno", 0)


@cache
def graph() -> dict[str, set[str]]:
    return {m: {target for target, _ in imports_of(m)} for m in modules()}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_two_modules_import_each_other_even_through_others() -> None:
    assert _cycles(graph()) == []


def test_cycle_finder_finds_a_hidden_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == [["a", "b", "c"]]


def test_every_folder_and_top_level_module_has_a_place_in_the_stage_order() -> None:
    named = {name for group in stage_order() for name in group}
    stages = {stage_of(m) for m in modules()}
    assert sorted(stages - named) == [], "add new folders to 'Stages:' in pdfbuilder/__init__.py"
    assert sorted(named - stages) == []


def test_no_module_imports_from_a_later_stage() -> None:
    rank = {name: i for i, group in enumerate(stage_order()) for name in group}
    upward = [
        f"{modules()[m].relative_to(ROOT)}:{line}: {m} ({stage_of(m)}) imports {t} ({stage_of(t)})"
        for m in modules()
        for t, line in imports_of(m)
        if rank[stage_of(t)] > rank[stage_of(m)]
    ]
    assert upward == []


def test_the_import_reader_sees_function_level_type_checking_and_string_imports() -> None:
    seen = graph()
    assert "pdfbuilder.cli.check" in seen["pdfbuilder.cli.commands"]  # by name, lazily
    assert "pdfbuilder.output.impose" in seen["pdfbuilder.pipeline"]  # inside build()
    assert "pdfbuilder.pipeline" in seen["pdfbuilder"]  # under TYPE_CHECKING, and by name


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py")))
def test_every_folder_says_what_goes_in_and_what_comes_out(folder: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text()))
    assert doc, f"pdfbuilder/{folder}/__init__.py needs a docstring"
    assert "In:" in doc and "Out:" in doc, f"pdfbuilder/{folder}: say what goes in and out"


#: Private names of objects that are not ReportLab's, used outside ``_rl`` on purpose.
OWN_PRIVATE = {
    ("flowables/columns.py", "here._fixed"),  # a TwoColumns part this module made
    ("layout/model.py", "schema._convert_tuple"),  # pdfbuilder's own schema module
    ("output/impose.py", "writer._root_object"),  # pypdf: no setter for /Lang
}


def test_private_names_of_other_objects_are_used_only_in_rl() -> None:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("_rl/"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
                continue
            value = node.value
            if node.attr.startswith("__") or (
                isinstance(value, ast.Name) and value.id in ("self", "cls")
            ):
                continue
            if isinstance(value, ast.Call) and ast.unparse(value.func) == "super":
                continue
            found.add((rel, ast.unparse(node)))
    assert sorted(found - OWN_PRIVATE) == []


def test_reportlab_is_patched_only_in_rl() -> None:
    """No module outside ``_rl`` assigns to an attribute of something imported from ReportLab."""
    patched = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("_rl/"):
            continue
        tree = ast.parse(path.read_text())
        from_reportlab = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab"):
                from_reportlab |= {a.asname or a.name for a in node.names}
            elif isinstance(node, ast.Import):
                from_reportlab |= {
                    (a.asname or a.name).split(".")[0]
                    for a in node.names
                    if a.name.startswith("reportlab")
                }
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            for target in targets:
                base = target
                while isinstance(base, ast.Attribute):
                    base = base.value
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(base, ast.Name)
                    and base.id in from_reportlab
                ):
                    patched.append(f"{rel}:{node.lineno}: {ast.unparse(target)}")
    assert patched == []
