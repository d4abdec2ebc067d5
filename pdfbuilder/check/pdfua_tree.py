"""The structure tree as a checker reads it: elements, roles, and what they point at.

In: a PDF opened with pikepdf. Out: a :class:`Tree` – the structure elements in reading
order with their standard roles (after the RoleMap), the marked content and annotations
each one claims, the ParentTree as a dictionary, and the findings about roles, headings,
tables, lists, alternative text and notes (Matterhorn 02, 09, 13, 14, 15, 17, 19).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf

from pdfbuilder.tagging.tree import STANDARD_ROLES

STANDARD = STANDARD_ROLES  # ISO 32000-1 14.8.4, shared with the tagger
_HEADINGS = {f"H{n}": n for n in range(1, 7)}
# Which parents each table or list element may have (ISO 32000-1, Tables 336 and 337).
_PARENTS = {
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "TH": {"TR"},
    "TD": {"TR"},
    "THead": {"Table"},
    "TBody": {"Table"},
    "TFoot": {"Table"},
    "LI": {"L"},
    "Lbl": {"LI"},
    "LBody": {"LI"},
}
_CHILDREN = {
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"},
    "TBody": {"TR"},
    "TFoot": {"TR"},
    "TR": {"TH", "TD"},
    "L": {"LI", "L", "Caption"},
    "LI": {"Lbl", "LBody"},
}
_TABLE_ROLES = {"Table", "THead", "TBody", "TFoot", "TR", "TH", "TD"}

#: A marked-content reference: (objgen of the page or form stream, MCID).
ContentKey = tuple[tuple[int, int], int]


@dataclass(eq=False)
class Element:
    """One structure element as found in the file."""

    obj: Any
    role: str
    standard: str | None
    parent: Element | None
    lang: str | None
    children: list[Element] = field(default_factory=list)


@dataclass
class Tree:
    """What the structure tree says, and what is wrong with it."""

    present: bool = False
    elements: list[Element] = field(default_factory=list)
    content: dict[ContentKey, Element] = field(default_factory=dict)
    annotations: dict[tuple[int, int], Element] = field(default_factory=dict)
    parent_tree: dict[int, Any] = field(default_factory=dict)
    findings: list[tuple[str, str]] = field(default_factory=list)

    def by_objgen(self) -> dict[tuple[int, int], Element]:
        return {e.obj.objgen: e for e in self.elements if e.obj.is_indirect}


def read_tree(pdf: pikepdf.Pdf) -> Tree:
    """The structure tree of ``pdf`` (``present`` False when there is none)."""
    tree = Tree()
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return tree
    tree.present = True
    role_map = root.get("/RoleMap", pikepdf.Dictionary())
    resolve = _RoleResolver(role_map, tree.findings)
    _Reader(tree, resolve).kids(root.get("/K"), None, None, str(pdf.Root.get("/Lang", "")) or None)
    tree.parent_tree = _number_tree(root.get("/ParentTree"), set())
    _check_headings(tree)
    _check_groups(tree)
    _check_elements(tree)
    return tree


class _RoleResolver:
    def __init__(self, role_map: Any, findings: list[tuple[str, str]]) -> None:
        self.map = {str(k)[1:]: str(v)[1:] for k, v in role_map.items()}
        self.findings = findings
        self.cache: dict[str, str | None] = {}
        for role in sorted(set(self.map) & STANDARD):
            findings.append(("02-004", f"standard role {role} is remapped to {self.map[role]}"))

    def __call__(self, role: str) -> str | None:
        if role not in self.cache:
            self.cache[role] = self._resolve(role)
        return self.cache[role]

    def _resolve(self, role: str) -> str | None:
        seen = [role]
        while role not in STANDARD:
            if role not in self.map:
                self.findings.append(("02-001", f"role {seen[0]} does not map to a standard role"))
                return None
            role = self.map[role]
            if role in seen:
                self.findings.append(("02-003", f"role mapping loops: {' → '.join([*seen, role])}"))
                return None
            seen.append(role)
        return role


class _Reader:
    def __init__(self, tree: Tree, resolve: _RoleResolver) -> None:
        self.tree, self.resolve = tree, resolve
        self.seen: set[tuple[int, int]] = set()

    def kids(self, k: Any, element: Element | None, page: Any, lang: str | None) -> None:
        items = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
        for item in items:
            self.kid(item, element, page, lang)

    def kid(self, item: Any, element: Element | None, page: Any, lang: str | None) -> None:
        if isinstance(item, int) and not isinstance(item, bool):
            if element is not None and page is not None:
                self.tree.content[(page.objgen, item)] = element
            return
        if not isinstance(item, pikepdf.Dictionary):
            return
        kind = item.get("/Type")
        if kind == pikepdf.Name.MCR:
            owner = item.get("/Stm") or item.get("/Pg") or page
            if element is not None and owner is not None and "/MCID" in item:
                self.tree.content[(owner.objgen, int(item.MCID))] = element
        elif kind == pikepdf.Name.OBJR:
            if element is not None and "/Obj" in item:
                self.tree.annotations[item.Obj.objgen] = element
        elif "/S" in item:
            self.element(item, element, page, lang)

    def element(self, obj: Any, parent: Element | None, page: Any, lang: str | None) -> None:
        if obj.is_indirect:
            if obj.objgen in self.seen:
                self.tree.findings.append(("x-structure", "the structure tree has a loop"))
                return
            self.seen.add(obj.objgen)
        role = str(obj.S)[1:]
        lang = str(obj.get("/Lang")) if "/Lang" in obj else lang
        element = Element(obj, role, self.resolve(role), parent, lang)
        self.tree.elements.append(element)
        if parent is not None:
            parent.children.append(element)
        self.kids(obj.get("/K"), element, obj.get("/Pg", page), lang)


def _number_tree(node: Any, seen: set[tuple[int, int]]) -> dict[int, Any]:
    """A number tree's entries (/Nums in the node and its /Kids)."""
    entries: dict[int, Any] = {}
    if not isinstance(node, pikepdf.Dictionary):
        return entries
    if node.is_indirect:
        if node.objgen in seen:
            return entries
        seen.add(node.objgen)
    nums = list(node.get("/Nums", []))
    for key, value in zip(nums[::2], nums[1::2], strict=False):
        entries[int(key)] = value
    for kid in node.get("/Kids", []):
        entries.update(_number_tree(kid, seen))
    return entries


def _check_headings(tree: Tree) -> None:
    numbered = [e for e in tree.elements if e.standard in _HEADINGS]
    plain = [e for e in tree.elements if e.standard == "H"]
    if numbered and plain:
        tree.findings.append(("14-007", "the document uses both H and H1-H6 headings"))
    if numbered and numbered[0].standard != "H1":
        tree.findings.append(("14-002", f"the first heading is {numbered[0].standard}, not H1"))
    for before, after in itertools.pairwise(numbered):
        a, b = _HEADINGS[before.standard or ""], _HEADINGS[after.standard or ""]
        if b > a + 1:
            tree.findings.append(("14-003", f"{after.standard} follows {before.standard}"))
    for element in tree.elements:
        if sum(c.standard == "H" for c in element.children) > 1:
            tree.findings.append(("14-006", f"a {element.role} holds more than one H"))


def _check_groups(tree: Tree) -> None:
    for e in tree.elements:
        allowed = _PARENTS.get(e.standard or "")
        parent = e.parent.standard if e.parent else None
        if allowed is not None and parent not in allowed:
            checkpoint = "09-004" if e.standard in _TABLE_ROLES else "09-005"
            tree.findings.append((checkpoint, f"a {e.standard} inside a {parent}"))
        kids = _CHILDREN.get(e.standard or "")
        for child in e.children if kids is not None else []:
            if child.standard not in (kids or set()) and child.standard not in _PARENTS:
                checkpoint = "09-004" if e.standard in _TABLE_ROLES else "09-005"
                tree.findings.append((checkpoint, f"a {child.standard} inside a {e.standard}"))


def _attributes(element: Element) -> Iterator[Any]:
    attrs = element.obj.get("/A")
    for attr in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
        if isinstance(attr, pikepdf.Dictionary):
            yield attr


def _check_elements(tree: Tree) -> None:
    note_ids: set[str] = set()
    for e in tree.elements:
        has_alt = "/Alt" in e.obj or "/ActualText" in e.obj
        if e.standard == "Figure" and not has_alt:
            tree.findings.append(("13-004", "a Figure has neither Alt nor ActualText"))
        if e.standard == "Formula" and "/Alt" not in e.obj:
            tree.findings.append(("17-002", "a Formula has no Alt"))
        if e.standard == "Note":
            note_id = str(e.obj.get("/ID", ""))
            if not note_id:
                tree.findings.append(("19-003", "a Note has no ID"))
            elif note_id in note_ids:
                tree.findings.append(("19-004", f"Note ID {note_id!r} is used twice"))
            note_ids.add(note_id)
        if e.standard == "Table":
            _check_table(tree, e)


def _check_table(tree: Tree, table: Element) -> None:
    cells = [e for e in _below(table) if e.standard in ("TH", "TD")]
    headers = [c for c in cells if c.standard == "TH"]
    if not headers:
        tree.findings.append(("x-table-header", "a Table has no TH header cells"))
    if any("/Headers" in a for c in cells for a in _attributes(c)):
        return  # organised with Headers and IDs: Scope is not required
    for cell in headers:
        if not any("/Scope" in a for a in _attributes(cell)):
            tree.findings.append(("15-003", "a TH has no Scope attribute"))


def _below(element: Element) -> Iterator[Element]:
    for child in element.children:
        yield child
        yield from _below(child)
