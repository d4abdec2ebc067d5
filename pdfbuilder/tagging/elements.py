"""The structure elements as PDF objects: numbered, checked and written out as text.

In: the document's root node, the build's :class:`~pdfbuilder.tagging.marks.Recorder`, the
role map and the first free object number. Out: each element's object (``N 0 obj <<
/Type /StructElem ... >> endobj``), numbered in reading order after the StructTreeRoot,
and the ParentTree (each page's MCIDs → their elements, each link annotation → its Link).

Most of a leaflet's ~400 elements are a P, an LI, an Lbl or an LBody with one marked
content sequence on one page and nothing else to say: they are written in one expression
each, with each element's reference (``N 0 R``) made once and reused by its parent's
``/K`` and its children's ``/P``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pikepdf

from .marks import Recorder, Ref, TaggingError
from .tree import NEEDS_ALT, STANDARD_ROLES, Node


def num_text(value: float) -> str:
    """A coordinate as the update writes it: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pdf_text(value: str) -> str:
    """``value`` as a PDF string literal (or hex string), as pikepdf writes it.

    Printable ASCII (most alt texts and addresses) is written here, as pikepdf would write
    it (``\\``, ``(`` and ``)`` escaped): pikepdf takes a few microseconds a string, about
    70 strings an Easy Read leaflet. Anything else goes through pikepdf."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    return bytes(pikepdf.String(value).unparse()).decode("latin-1")


class Tree:
    """Object numbers and serialisation of the structure elements."""

    def __init__(self, root: Node, recorder: Recorder, role_map: Mapping[str, str], first: int):
        self.recorder, self.role_map = recorder, role_map
        self.tree_root = first  # the StructTreeRoot; the elements follow it
        self.nodes, self.parent = walk(root)
        #: Each element's reference, ``N 0 R``, made once (its parent's /K, its children's /P).
        numbers = range(first + 1, first + 1 + len(self.nodes))
        self.ref = dict(zip(self.nodes, map("{} 0 R".format, numbers), strict=True))
        if len(self.ref) != len(self.nodes):
            raise TaggingError("a node appears twice in the tree: each element is one node")
        self.own = self._own_content()
        plain = STANDARD_ROLES - NEEDS_ALT  # most nodes: nothing to map or check
        for node in self.nodes:
            if node.role not in plain:
                self._standard_role(node)

    def _own_content(self) -> dict[Node, list[Ref]]:
        """Each element's marked content and annotations (a link's goes to its Link)."""
        own: dict[Node, list[Ref]] = {}
        ref = self.ref
        for node, refs in self.recorder.content.items():
            if node not in ref:
                raise TaggingError(f"{node!r} was drawn but is not in the structure tree")
            if (len(refs) == 1 and refs[0][0] == "mcid") or all(r[0] == "mcid" for r in refs):
                # no link (most: one sequence): all the node's own
                if node in own:
                    own[node].extend(refs)
                else:
                    own[node] = refs  # read only from here on
                continue
            for r in refs:
                owner = self._link_of(node) if r[0] == "annot" else node
                mine = own.get(owner)
                if mine is None or mine is self.recorder.content.get(owner):
                    mine = own[owner] = list(mine or ())  # never the recorder's own list
                mine.append(r)
        return own

    def _link_of(self, node: Node) -> Node:
        found: Node | None = node
        while found is not None and self._standard_role(found) != "Link":
            found = self.parent.get(found)
        if found is None:
            raise TaggingError(f"the link drawn for {node!r} has no Link node at or above it")
        return found

    def _standard_role(self, node: Node) -> str:
        role, seen = node.role, set()
        while role not in STANDARD_ROLES:
            if role in seen or role not in self.role_map:
                raise TaggingError(f"role {node.role!r} does not map to a standard role")
            seen.add(role)
            role = self.role_map[role]
        if role in NEEDS_ALT and not (node.alt or node.actual_text):
            raise TaggingError(f"{node!r} is a {role} and needs alt text")
        return role

    def objects(self, pages: list[int], annots: Mapping[int, int]) -> list[str]:
        """Every element's object, whole (``N 0 obj`` to ``endobj``), in the order of
        ``nodes`` (their object numbers); ``pages`` are the pages' object numbers and
        ``annots`` the link annotations' (by ParentTree key)."""
        ref, own, parent, boxes = self.ref, self.own, self.parent, self.recorder.boxes
        page_refs = [f"{page} 0 R" for page in pages]
        top = f"{self.tree_root} 0 R"  # the root element's parent
        out = []
        kids: list[str]  # an element's /K entries, when not the usual single MCID
        num = self.tree_root
        for node in self.nodes:
            num += 1
            refs = own.get(node)
            children = node.children
            up = parent.get(node)
            if refs is not None and len(refs) == 1 and refs[0][0] == "mcid":
                # most elements: one marked content sequence on one page
                pg = f" /Pg {page_refs[refs[0][1] - 1]}"
                if children:
                    k = f" /K [{refs[0][2]} {' '.join([ref[child] for child in children])}]"
                else:
                    k = f" /K [{refs[0][2]}]"
            else:
                pg, kids = "", []
                if refs is not None:
                    pg, kids = self._content(node, refs, page_refs, annots)
                if children:
                    kids += [ref[child] for child in children]
                k = f" /K [{' '.join(kids)}]" if kids else ""
            plain = node.alt is None and node.actual_text is None and node.lang is None
            if plain and node.title is None and not (node.scope or node.numbering or node in boxes):
                extra = ""  # most elements: nothing more
            else:
                extra = self._extra(node)
            out.append(
                f"{num} 0 obj\n<< /Type /StructElem /S /{node.role} "
                f"/P {ref[up] if up else top}{pg}{k}{extra} >>\nendobj\n"
            )
        return out

    @staticmethod
    def _content(
        node: Node, refs: list[Ref], page_refs: list[str], annots: Mapping[int, int]
    ) -> tuple[str, list[str]]:
        """An element's ``/Pg`` (the page of its first marked content) and the ``/K``
        entries of its own content: MCIDs on that page, MCRs on others, OBJRs of links."""
        page, kids = None, []
        for kind, on, value in refs:
            if kind == "annot":
                if value not in annots:
                    raise TaggingError(f"the annotation of {node!r} is missing from page {on}")
                kids.append(f"<< /Type /OBJR /Obj {annots[value]} 0 R /Pg {page_refs[on - 1]} >>")
                continue
            if page is None:
                page = on
            if on == page:
                kids.append(str(value))
            else:
                kids.append(f"<< /Type /MCR /Pg {page_refs[on - 1]} /MCID {value} >>")
        return ("" if page is None else f" /Pg {page_refs[page - 1]}"), kids

    def _extra(self, node: Node) -> str:
        """An element's alt text, actual text, language, title and attributes."""
        parts = []
        if node.alt is not None:
            parts.append(f" /Alt {pdf_text(node.alt)}")
        if node.actual_text is not None:
            parts.append(f" /ActualText {pdf_text(node.actual_text)}")
        if node.lang is not None:
            parts.append(f" /Lang {pdf_text(node.lang)}")
        if node.title is not None:
            parts.append(f" /T {pdf_text(node.title)}")
        if node.scope or node.numbering or node in self.recorder.boxes:
            parts.append(self._attributes(node))
        return "".join(parts)

    def _attributes(self, node: Node) -> str:
        attrs = []
        box = self.recorder.boxes.get(node)
        if box is not None:
            bbox = " ".join(num_text(v) for v in box[1])
            attrs.append(f"<< /O /Layout /Placement /Block /BBox [{bbox}] >>")
        if node.scope:
            attrs.append(f"<< /O /Table /Scope /{node.scope} >>")
        if node.numbering:
            attrs.append(f"<< /O /List /ListNumbering /{node.numbering} >>")
        if not attrs:
            return ""
        return f" /A {attrs[0]}" if len(attrs) == 1 else f" /A [{' '.join(attrs)}]"

    def parent_tree(self, annots: Mapping[int, int]) -> str:
        ref = self.ref
        entries: dict[int, str] = {}
        for page, nodes in self.recorder.page_nodes.items():
            entries[self.recorder.page_keys[page]] = f"[{' '.join([ref[n] for n in nodes])}]"
        for owner, refs in self.own.items():
            for kind, _, key in refs:
                if kind == "annot":
                    entries[key] = ref[owner]
        nums = " ".join(f"{key} {entries[key]}" for key in sorted(entries))
        return f"<< /Nums [{nums}] >>"


def walk(root: Node) -> tuple[list[Node], dict[Node, Node]]:
    """``root`` and every node below it, in reading order (``Node.walk``, as a list), and
    each node's parent in the tree (the tree's own, whatever ``Node.parent`` says)."""
    found, parent, stack = [], {}, [root]
    while stack:
        node = stack.pop()
        found.append(node)
        children = node.children
        if children:
            for child in children:
                parent[child] = node
            stack.extend(reversed(children))
    return found, parent
