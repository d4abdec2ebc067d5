"""The finishing pass: the structure tree, ParentTree and XMP, added after ReportLab saves.

In: the PDF bytes ReportLab wrote (its output, not a rewritten file), the document's root
node and the :class:`~pdfbuilder.tagging.marks.Recorder` of the build. Out: the same PDF
with an incremental update appended that adds

- ``/StructTreeRoot`` with ``/K`` (the tree, in reading order), a ``/ParentTree`` number
  tree (each page's MCIDs → their elements, each link annotation → its Link),
  ``/ParentTreeNextKey`` and, when custom roles are used, ``/RoleMap``;
- in the catalog: ``/MarkInfo <</Marked true>>``, ``/Lang``, ``/ViewerPreferences`` with
  ``/DisplayDocTitle true``, ``/Metadata`` (XMP made from the info dictionary) and
  ``/Version /1.7``;
- on each page with marked content ``/StructParents``, and ``/Tabs /S`` on each page with
  annotations;
- the link annotations the recorder noted (:meth:`Recorder.link`), each with its
  ``/StructParent``, in their pages' ``/Annots``. Written here as text rather than by
  ``canvas.linkURL``: ReportLab's annotation objects cost about 0.08 ms a link to make and
  write, a tenth of that here.

Why an incremental update: ReportLab's bytes stay as they are (fonts and page streams are
not parsed, decoded or recompressed), so the pass costs a fraction of a millisecond per
page; pikepdf only reads the catalog and the pages. The update is plain
PDF 1.4 syntax every reader applies. Nothing in it depends on the time or on chance, so an
``invariant`` build stays byte-identical from run to run.

Errors in how tagging was used (a marked node missing from the tree, a link with no Link
above it, no title, no language) raise :class:`TaggingError`: they are bugs in a builder,
never something a reader should get.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import pikepdf
from reportlab.lib.rl_accel import fp_str

from .marks import LinkAnnotation, Recorder, Ref, TaggingError
from .tree import NEEDS_ALT, STANDARD_ROLES, Node, check_lang
from .xmp import xmp_packet

_INFO_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")
_DATE_KEYS = ("CreationDate", "ModDate")


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(value: str) -> str:
    return bytes(pikepdf.String(value).unparse()).decode("latin-1")


def _ref(num: int) -> str:
    return f"{num} 0 R"


class _Source:
    """What the pass needs from ReportLab's file: object numbers and a few dictionaries."""

    def __init__(self, data: bytes, recorder: Recorder, lang: str | None) -> None:
        self.startxref = int(data[data.rindex(b"startxref") + 9 :].split()[0])
        if data[self.startxref : self.startxref + 4] != b"xref":
            raise TaggingError("finish() takes ReportLab's own output (a classic xref table)")
        # Read as written: no repair of a damaged file, no inherited attributes pushed down
        # into the page dictionaries (which are copied into the update).
        with pikepdf.open(
            io.BytesIO(data), attempt_recovery=False, inherit_page_attributes=False
        ) as pdf:
            trailer = pdf.trailer
            self.size = int(trailer.Size)
            self.root_num = pdf.Root.objgen[0]
            self.info_ref = f" /Info {_ref(trailer.Info.objgen[0])}" if "/Info" in trailer else ""
            self.id = bytes(trailer.ID.unparse()).decode("latin-1") if "/ID" in trailer else ""
            self.info = self._info(trailer.get("/Info"))
            lang = lang or str(pdf.Root.get("/Lang", ""))
            if not lang:
                raise TaggingError("a tagged PDF needs a language (BaseDocTemplate(lang=...))")
            self.lang = check_lang(lang)
            pages = _page_objects(pdf.Root.Pages)
            self.page_nums = [page.objgen[0] for page in pages]
            self.page_bodies, self.page_annots = self._pages(pages, recorder)
            self.catalog = self._catalog(pdf)

    @staticmethod
    def _info(docinfo: Any) -> dict[str, str]:
        keys = {f"/{k}" for k in _INFO_KEYS + _DATE_KEYS}
        items = docinfo.items() if isinstance(docinfo, pikepdf.Dictionary) else []
        info = {str(k)[1:]: str(v) for k, v in items if k in keys}
        if not info.get("Title", "").strip():
            raise TaggingError("a tagged PDF needs a title (BaseDocTemplate(title=...))")
        return info

    @staticmethod
    def _pages(pages: list[Any], recorder: Recorder) -> tuple[dict[int, bytes], dict[int, str]]:
        """The page dictionaries to rewrite, without their ``/Annots`` and closing ``>>``,
        and the annotations already on them (references), by object number."""
        linked = {link.page for link in recorder.links}
        bodies, annots = {}, {}
        for index, obj in enumerate(pages, 1):
            key = recorder.page_keys.get(index)
            has_annots = "/Annots" in obj and len(obj.Annots) > 0
            if key is None and not has_annots and index not in linked:
                continue
            if key is not None:
                obj.StructParents = key
            num = obj.objgen[0]
            if has_annots or index in linked:
                obj.Tabs = pikepdf.Name.S
            if "/Annots" in obj:
                annots[num] = " ".join(
                    _ref(a.objgen[0]) if a.is_indirect else bytes(a.unparse()).decode("latin-1")
                    for a in obj.Annots
                )
                del obj["/Annots"]
            bodies[num] = bytes(obj.unparse(resolved=True)).rstrip()[:-2].rstrip()
        return bodies, annots

    def _catalog(self, pdf: pikepdf.Pdf) -> bytes:
        root = pdf.Root
        for key in ("/StructTreeRoot", "/MarkInfo", "/Metadata"):
            if key in root:
                del root[key]
        preferences = pikepdf.Dictionary()
        existing = root.get("/ViewerPreferences")
        if isinstance(existing, pikepdf.Dictionary):
            for key, value in existing.items():
                preferences[key] = value
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        root.Lang = pikepdf.String(self.lang)
        # /Tabs is PDF 1.5 and PDF/UA-1 builds on PDF 1.7; ReportLab's header says 1.4, and
        # the catalog's /Version overrides it (an update cannot rewrite the header).
        root.Version = pikepdf.Name("/1.7")
        return bytes(root.unparse(resolved=True)).rstrip()[:-2]


def _page_objects(node: Any) -> list[Any]:
    """The page dictionaries under a page tree node, in order."""
    if node.get("/Type") != pikepdf.Name.Pages:
        return [node]
    return [page for kid in node.Kids for page in _page_objects(kid)]


class _Tree:
    """Object numbers and serialisation of the structure elements."""

    def __init__(self, root: Node, recorder: Recorder, role_map: Mapping[str, str], first: int):
        self.recorder, self.role_map = recorder, role_map
        self.tree_root = first  # the StructTreeRoot; the elements follow it
        self.nodes, self.parent = _walk(root)
        self.num = {node: first + 1 + i for i, node in enumerate(self.nodes)}
        if len(self.num) != len(self.nodes):
            raise TaggingError("a node appears twice in the tree: each element is one node")
        self.own = self._own_content()
        plain = STANDARD_ROLES - NEEDS_ALT  # most nodes: nothing to map or check
        for node in self.nodes:
            if node.role not in plain:
                self._standard_role(node)

    def _own_content(self) -> dict[Node, list[Ref]]:
        own: dict[Node, list[Ref]] = {}
        num = self.num
        for node, refs in self.recorder.content.items():
            if node not in num:
                raise TaggingError(f"{node!r} was drawn but is not in the structure tree")
            if all(ref[0] == "mcid" for ref in refs):  # no link: all the node's own
                own.setdefault(node, []).extend(refs)
                continue
            for ref in refs:
                owner = self._link_of(node) if ref[0] == "annot" else node
                own.setdefault(owner, []).append(ref)
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

    def elements(self, pages: list[int], annots: Mapping[int, int]) -> list[str]:
        """Every element's dictionary, in the order of ``nodes`` (their object numbers):
        about 400 a leaflet, in one loop, one pass over each element's content."""
        num, own, parent, boxes = self.num, self.own, self.parent, self.recorder.boxes
        tree_root, out = self.tree_root, []
        for node in self.nodes:
            page, kids = None, []
            for kind, on, value in own.get(node, ()):
                if kind == "annot":
                    if value not in annots:
                        raise TaggingError(f"the annotation of {node!r} is missing from page {on}")
                    obj, pg = annots[value], pages[on - 1]
                    kids.append(f"<< /Type /OBJR /Obj {obj} 0 R /Pg {pg} 0 R >>")
                    continue
                if page is None:
                    page = on  # the element's /Pg: the page of its first marked content
                if on == page:
                    kids.append(str(value))
                else:
                    kids.append(f"<< /Type /MCR /Pg {pages[on - 1]} 0 R /MCID {value} >>")
            for child in node.children:
                kids.append(f"{num[child]} 0 R")
            up = parent.get(node)
            head = (
                f"<< /Type /StructElem /S /{node.role} /P {num[up] if up else tree_root} 0 R"
                + (f" /Pg {pages[page - 1]} 0 R" if page is not None else "")
                + (f" /K [{' '.join(kids)}]" if kids else "")
            )
            plain = node.alt is None and node.actual_text is None and node.lang is None
            if plain and node.title is None and not (node.scope or node.numbering or node in boxes):
                out.append(head + " >>")  # most elements: nothing more
            else:
                out.append(head + self._extra(node) + " >>")
        return out

    def _extra(self, node: Node) -> str:
        """An element's alt text, actual text, language, title and attributes."""
        parts = []
        if node.alt is not None:
            parts.append(f" /Alt {_text(node.alt)}")
        if node.actual_text is not None:
            parts.append(f" /ActualText {_text(node.actual_text)}")
        if node.lang is not None:
            parts.append(f" /Lang {_text(node.lang)}")
        if node.title is not None:
            parts.append(f" /T {_text(node.title)}")
        if node.scope or node.numbering or node in self.recorder.boxes:
            parts.append(self._attributes(node))
        return "".join(parts)

    def _attributes(self, node: Node) -> str:
        attrs = []
        box = self.recorder.boxes.get(node)
        if box is not None:
            bbox = " ".join(_num(v) for v in box[1])
            attrs.append(f"<< /O /Layout /Placement /Block /BBox [{bbox}] >>")
        if node.scope:
            attrs.append(f"<< /O /Table /Scope /{node.scope} >>")
        if node.numbering:
            attrs.append(f"<< /O /List /ListNumbering /{node.numbering} >>")
        if not attrs:
            return ""
        return f" /A {attrs[0]}" if len(attrs) == 1 else f" /A [{' '.join(attrs)}]"

    def parent_tree(self, annots: Mapping[int, int]) -> str:
        entries: dict[int, str] = {}
        for page, nodes in self.recorder.page_nodes.items():
            elements = " ".join(_ref(self.num[node]) for node in nodes)
            entries[self.recorder.page_keys[page]] = f"[{elements}]"
        for owner, refs in self.own.items():
            for kind, _, key in refs:
                if kind == "annot":
                    entries[key] = _ref(self.num[owner])
        nums = " ".join(f"{key} {entries[key]}" for key in sorted(entries))
        return f"<< /Nums [{nums}] >>"


def finish(
    pdf: bytes,
    root: Node,
    recorder: Recorder,
    *,
    lang: str | None = None,
    role_map: Mapping[str, str] | None = None,
) -> bytes:
    """``pdf`` (ReportLab's bytes) tagged with the tree under ``root``.

    ``lang`` overrides the catalog's /Lang (which ReportLab writes from
    ``BaseDocTemplate(lang=...)``); ``role_map`` maps custom roles to standard ones.
    """
    recorder.check_closed()
    role_map = dict(role_map or {})
    source = _Source(pdf, recorder, lang)
    tree_root = source.size
    tree = _Tree(root, recorder, role_map, tree_root)
    metadata = tree_root + 1 + len(tree.nodes)
    first_annot = metadata + 1  # then the link annotations
    annots = {link.key: first_annot + i for i, link in enumerate(recorder.links)}
    objects: dict[int, bytes | str] = {}
    role_entries = " ".join(f"/{k} /{v}" for k, v in sorted(role_map.items()))
    objects[tree_root] = (
        f"<< /Type /StructTreeRoot /K {_ref(tree.num[root])} "
        f"/ParentTree {tree.parent_tree(annots)} /ParentTreeNextKey {recorder.next_key}"
        + (f" /RoleMap << {role_entries} >>" if role_map else "")
        + " >>"
    )
    elements = tree.elements(source.page_nums, annots)
    objects.update(zip(range(tree_root + 1, metadata), elements, strict=True))
    xmp = xmp_packet(source.info, source.lang)
    objects[metadata] = (
        b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(xmp)
        + xmp
        + b"\nendstream"
    )
    objects[source.root_num] = source.catalog + (
        f" /MarkInfo << /Marked true >> /StructTreeRoot {_ref(tree_root)} "
        f"/Metadata {_ref(metadata)} >>"
    ).encode("latin-1")
    on_page: dict[int, list[str]] = {}
    for link in recorder.links:
        objects[annots[link.key]] = _link_annotation(link)
        on_page.setdefault(source.page_nums[link.page - 1], []).append(_ref(annots[link.key]))
    for num, page_body in source.page_bodies.items():
        refs = " ".join(filter(None, [source.page_annots.get(num, ""), *on_page.get(num, [])]))
        objects[num] = page_body + (f" /Annots [{refs}] >>" if refs else " >>").encode("latin-1")
    return _append_update(pdf, objects, source, max(source.size, first_annot + len(annots)))


def _link_annotation(link: LinkAnnotation) -> str:
    """A link annotation as ``canvas.linkURL`` makes it (no border), with its StructParent."""
    rect = fp_str(*link.rect)
    return (
        f"<< /Type /Annot /Subtype /Link /Rect [{rect}] /Border [0 0 0] "
        f"/Contents {_text(link.contents)} /StructParent {link.key} "
        f"/A << /Type /Action /S /URI /URI {_text(link.url)} >> >>"
    )


def _append_update(
    pdf: bytes, objects: dict[int, bytes | str], source: _Source, size: int
) -> bytes:
    """``pdf`` with ``objects`` (by number) appended as an incremental update.

    Objects given as text (the structure elements, links: PDF syntax in Latin-1, one byte a
    character) are joined and encoded together, so their offsets are their lengths summed.
    """
    parts = [pdf] if pdf.endswith(b"\n") else [pdf, b"\n"]
    at = len(pdf) + (len(parts) - 1)  # where the next object starts
    nums = sorted(objects)
    offsets, texts = [], []
    for num in nums:
        offsets.append(at)
        body = objects[num]
        if isinstance(body, str):
            text = f"{num} 0 obj\n{body}\nendobj\n"
            texts.append(text)
            at += len(text)
            continue
        if texts:
            parts.append("".join(texts).encode("latin-1"))
            texts = []
        obj = b"%d 0 obj\n%b\nendobj\n" % (num, body)
        parts.append(obj)
        at += len(obj)
    if texts:
        parts.append("".join(texts).encode("latin-1"))
    xref = at
    table = ["xref\n"]
    start = 0
    while start < len(nums):
        end = start
        while end + 1 < len(nums) and nums[end + 1] == nums[end] + 1:
            end += 1
        table.append(f"{nums[start]} {end - start + 1}\n")
        table += [f"{offset:010d} 00000 n \n" for offset in offsets[start : end + 1]]
        start = end + 1
    ids = f" /ID {source.id}" if source.id else ""
    table.append(
        f"trailer\n<< /Size {size} /Root {_ref(source.root_num)}{source.info_ref}{ids} "
        f"/Prev {source.startxref} >>\nstartxref\n{xref}\n%%EOF\n"
    )
    parts.append("".join(table).encode("latin-1"))
    return b"".join(parts)


def _walk(root: Node) -> tuple[list[Node], dict[Node, Node]]:
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


def undrawn(root: Node, recorder: Recorder) -> list[Node]:
    """Leaf nodes in the tree that got no content: usually a flowable left unwrapped."""
    return [n for n in root.walk() if not n.children and n not in recorder.content]
