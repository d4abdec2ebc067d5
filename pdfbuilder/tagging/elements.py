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

from collections.abc import Callable, Mapping

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
    70 strings an Easy Read leaflet. Anything else goes through pikepdf, imported only
    then: a leaflet in plain ASCII is built and tagged without loading it (15-45 ms of
    every ``handout build`` start)."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    import pikepdf

    return bytes(pikepdf.String(value).unparse()).decode("latin-1")


class Tree:
    """Object numbers and serialisation of the structure elements."""

    def __init__(self, root: Node, recorder: Recorder, role_map: Mapping[str, str], first: int):
        self.recorder, self.role_map = recorder, role_map
        self.tree_root = first  # the StructTreeRoot; the elements follow it
        #: The elements in reading order, each one's reference (``N 0 R``, made once: its
        #: parent's /K, its children's /P) and, in the same order, its parent's reference.
        self.nodes, self.ref, self.ups = number(root, first)
        self.own, self.linked = self._own_content()
        plain = STANDARD_ROLES - NEEDS_ALT  # most nodes: nothing to map or check
        for node in [node for node in self.nodes if node.role not in plain]:
            self._standard_role(node)

    def _up(self, node: Node) -> Node | None:
        """``node``'s parent in the tree (the tree's own, whatever ``Node.parent`` says),
        found through the numbers: a map of every node's parent cost more to make than
        the few links a leaflet has take to look up."""
        at = int(self.ref[node].split(" ", 1)[0]) - self.tree_root - 1
        if at == 0:
            return None
        return self.nodes[int(self.ups[at].split(" ", 1)[0]) - self.tree_root - 1]

    def _own_content(self) -> tuple[dict[Node, list[Ref]], dict[Node, list[Ref]]]:
        """Each element's marked content and annotations (a link's goes to its Link), and
        those of the elements that have annotations. Most elements' content is the
        recorder's list as it is (read only from here on); only the elements with a link
        annotation, and their Links, get lists of their own."""
        content, ref = self.recorder.content, self.ref
        if not content.keys() <= ref.keys():
            stray = next(node for node in content if node not in ref)
            raise TaggingError(f"{stray!r} was drawn but is not in the structure tree")
        annotated = [
            node
            for node, refs in content.items()
            if (len(refs) > 1 or refs[0][0] != "mcid") and any(r[0] == "annot" for r in refs)
        ]
        if not annotated:
            return content, {}
        owners = {node: self._link_of(node) for node in annotated}
        involved = set(annotated).union(owners.values())
        # In the recorder's order, as a pass over every element would do it (a Link's own
        # content and the annotations under it keep the order they were recorded in).
        own: dict[Node, list[Ref]] = {}
        for node in [node for node in content if node in involved]:
            refs = content[node]
            if all(r[0] == "mcid" for r in refs):
                own.setdefault(node, []).extend(refs)
                continue
            for r in refs:
                own.setdefault(owners[node] if r[0] == "annot" else node, []).append(r)
        merged = dict(content)
        for node in involved:
            merged.pop(node, None)
        merged.update(own)
        links = set(owners.values())
        return merged, {node: refs for node, refs in own.items() if node in links}

    def _link_of(self, node: Node) -> Node:
        found: Node | None = node
        while found is not None and self._standard_role(found) != "Link":
            found = self._up(found)
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
        own, boxes, child_ref = self.own.get, self.recorder.boxes, self.ref.__getitem__
        page_refs = [f"{page} 0 R" for page in pages]
        on_page = [f" /Pg {page} 0 R" for page in pages]
        digits = DIGITS.upto(max(map(len, self.recorder.page_nodes.values()), default=0))
        out = []
        kids: list[str]  # an element's /K entries, when not the usual single MCID
        first, count = self.tree_root + 1, len(self.nodes)
        heads = HEADS.upto(first + count)[first : first + count]
        for node, up, head in zip(self.nodes, self.ups, heads, strict=True):
            refs = own(node)
            children = node.children
            if refs is not None and len(refs) == 1 and refs[0][0] == "mcid":
                # most elements: one marked content sequence on one page
                _, page, mcid = refs[0]
                pg = on_page[page - 1]
                if children:
                    k = f" /K [{digits[mcid]} {' '.join(map(child_ref, children))}]"
                else:
                    k = f" /K [{digits[mcid]}]"
            else:
                pg, kids = "", []
                if refs is not None:
                    pg, kids = self._content(node, refs, page_refs, annots)
                if children:
                    kids += map(child_ref, children)
                k = f" /K [{' '.join(kids)}]" if kids else ""
            if (
                node.alt is None
                and node.actual_text is None
                and node.lang is None
                and node.title is None
                and not (node.scope or node.numbering or node in boxes)
            ):
                extra = ""  # most elements: nothing more
            else:
                extra = self._extra(node)
            out.append(f"{head}{node.role} /P {up}{pg}{k}{extra} >>\nendobj\n")
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
        keys = self.recorder.page_keys
        for page, nodes in self.recorder.page_nodes.items():
            entries[keys[page]] = f"[{' '.join(map(ref.__getitem__, nodes))}]"
        for owner, refs in self.linked.items():
            for kind, _, key in refs:
                if kind == "annot":
                    entries[key] = ref[owner]
        nums = " ".join(f"{key} {entries[key]}" for key in sorted(entries))
        return f"<< /Nums [{nums}] >>"


def number(root: Node, first: int) -> tuple[list[Node], dict[Node, str], list[str]]:
    """``root`` and every node below it in reading order (``Node.walk``, as a list), each
    one's reference (``N 0 R``, numbered on from ``first``) and, in the same order, its
    parent's reference in the tree (the tree's own, whatever ``Node.parent`` says; the
    root's parent is object ``first``, the StructTreeRoot)."""
    found: list[Node] = []
    parents: list[Node] = []  # the root's own is itself, then replaced
    try:  # a call a node: no list or iterator made for each parent, as a stack would
        _visit(root, root, found.append, parents.append)
    except RecursionError:  # a tree deeper than Python's call stack
        found, parents = _walk(root)
    count = len(found)
    refs = REFS.upto(first + 1 + count)
    ref = dict(zip(found, refs[first + 1 : first + 1 + count], strict=True))
    if len(ref) != count:
        raise TaggingError("a node appears twice in the tree: each element is one node")
    ups = list(map(ref.__getitem__, parents))
    ups[0] = refs[first]
    return found, ref, ups


def _visit(
    node: Node, parent: Node, add: Callable[[Node], None], up: Callable[[Node], None]
) -> None:
    add(node)
    up(parent)
    for child in node.children:
        _visit(child, node, add, up)


def _walk(root: Node) -> tuple[list[Node], list[Node]]:
    """What :func:`_visit` finds, without recursion."""
    found: list[Node] = []
    parents: list[Node] = []
    stack: list[tuple[Node, Node]] = [(root, root)]
    while stack:
        node, parent = stack.pop()
        found.append(node)
        parents.append(parent)
        stack.extend((child, node) for child in reversed(node.children))
    return found, parents


class Numbered:
    """Texts made from the numbers 0, 1, 2, ... with one format (``"{} 0 R"``), each made
    once a process: a leaflet's ~400 references cost more to format (an int made text is
    a third of a microsecond here) than to look up. Grown by replacing the list, never
    changing it, so threads building at once see a whole list."""

    def __init__(self, form: str) -> None:
        self.form = form
        self.texts: list[str] = []

    def upto(self, stop: int) -> list[str]:
        """The texts of 0 to at least ``stop - 1`` (index = number)."""
        texts = self.texts
        if len(texts) < stop:
            more = range(len(texts), max(stop, 2 * len(texts), 64))
            texts = self.texts = texts + list(map(self.form.format, more))
        return texts


#: ``N 0 R`` for each object number N, the start of element N's object, and each number
#: as text (MCIDs).
REFS = Numbered("{} 0 R")
HEADS = Numbered("{} 0 obj\n<< /Type /StructElem /S /")
DIGITS = Numbered("{}")
