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
page. The pages' object numbers and dictionaries come from the document that saved them
(:func:`~pdfbuilder._rl.saved.saved_pages`, through the recorder's canvas) and are copied
as ReportLab wrote them, with the entries above added; the trailer, the catalog and the
info dictionary are read as text (:func:`~.written.read_written`: ReportLab's plainest
syntax only). Only when either is not sure (plain ReportLab, other bytes, a value written
any other way) does pikepdf open the file and read them. The update is plain
PDF 1.4 syntax every reader applies. Nothing in it depends on the time or on chance, so an
``invariant`` build stays byte-identical from run to run.

Errors in how tagging was used (a marked node missing from the tree, a link with no Link
above it, no title, no language) raise :class:`TaggingError`: they are bugs in a builder,
never something a reader should get.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reportlab.lib.rl_accel import fp_str

from .._rl.saved import saved_pages
from .elements import Tree, pdf_text
from .marks import LinkAnnotation, Recorder, TaggingError
from .tree import Node, check_lang
from .update import append_update
from .written import Written, read_written
from .xmp import xmp_packet

if TYPE_CHECKING:
    import pikepdf

_INFO_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")
_DATE_KEYS = ("CreationDate", "ModDate")
#: Catalog entries the pass writes itself (the rest are kept as they are).
_REPLACED = ("/StructTreeRoot", "/MarkInfo", "/Metadata")


def _ref(num: int) -> str:
    return f"{num} 0 R"


class _Source:
    """What the pass needs from ReportLab's file: object numbers and a few dictionaries."""

    def __init__(self, data: bytes, recorder: Recorder, lang: str | None) -> None:
        self.startxref = int(data[data.rindex(b"startxref") + 9 :].split()[0])
        if data[self.startxref : self.startxref + 4] != b"xref":
            raise TaggingError("finish() takes ReportLab's own output (a classic xref table)")
        self.page_annots: dict[int, str] = {}
        saved = saved_pages(recorder.canvas, data)
        written = None
        if saved is not None:
            nums = [num for num, _ in saved]
            written = read_written(data, self.startxref, nums, _INFO_KEYS + _DATE_KEYS)
        if saved is not None and written is not None:
            self._from_written(written, lang)
            self.page_nums = nums
            self.page_bodies = _saved_pages(saved, recorder)
        else:  # not sure what the file says without a PDF parser: pikepdf reads it
            self._from_pikepdf(data, recorder, lang, saved)

    def _from_written(self, written: Written, lang: str | None) -> None:
        """Trailer, info and catalog as :func:`~.written.read_written` read them."""
        self.size, self.root_num = written.size, written.root_num
        self.info_ref = f" /Info {_ref(written.info_num)}" if written.info_num else ""
        self.id = written.id
        self.info = _checked_info(written.info)
        self.lang = _checked_lang(lang or written.lang)
        entries = {k: v for k, v in written.catalog.items() if k not in _REPLACED}
        preferences = {**written.preferences, "/DisplayDocTitle": "true"}
        entries["/ViewerPreferences"] = f"<< {_entries(preferences)}>>"
        entries["/Lang"] = pdf_text(self.lang)  # a checked tag: plain ASCII
        entries["/Version"] = "/1.7"  # as in _catalog() below
        self.catalog = f"<< {_entries(entries)}".encode("latin-1")

    def _from_pikepdf(self, data: bytes, recorder: Recorder, lang: str | None, saved: Any) -> None:
        import pikepdf  # only here: a build of ReportLab's own bytes never loads it

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
            self.lang = _checked_lang(lang or str(pdf.Root.get("/Lang", "")))
            if saved is not None and len(saved) == int(pdf.Root.Pages.Count):
                self.page_nums = [num for num, _ in saved]
                self.page_bodies = _saved_pages(saved, recorder)
            else:  # not ReportLab's own bytes as its document knows them: read the pages
                pages = [page.obj for page in pdf.pages]  # in the page tree's order
                self.page_nums = [page.objgen[0] for page in pages]
                self.page_bodies, self.page_annots = self._pages(pages, recorder)
            self.catalog = self._catalog(pdf)

    @staticmethod
    def _info(docinfo: Any) -> dict[str, str]:
        import pikepdf

        keys = {f"/{k}" for k in _INFO_KEYS + _DATE_KEYS}
        items = docinfo.items() if isinstance(docinfo, pikepdf.Dictionary) else []
        return _checked_info({str(k)[1:]: str(v) for k, v in items if k in keys})

    @staticmethod
    def _pages(pages: list[Any], recorder: Recorder) -> tuple[dict[int, bytes], dict[int, str]]:
        """The page dictionaries to rewrite, without their ``/Annots`` and closing ``>>``,
        and the annotations already on them (references), by object number."""
        import pikepdf

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
        import pikepdf

        root = pdf.Root
        for key in _REPLACED:
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


def _checked_info(info: dict[str, str]) -> dict[str, str]:
    if not info.get("Title", "").strip():
        raise TaggingError("a tagged PDF needs a title (BaseDocTemplate(title=...))")
    return info


def _checked_lang(lang: str) -> str:
    if not lang:
        raise TaggingError("a tagged PDF needs a language (BaseDocTemplate(lang=...))")
    return check_lang(lang)


def _entries(entries: Mapping[str, str]) -> str:
    """A dictionary's entries as pikepdf writes them: sorted, each followed by a space."""
    return "".join(f"{key} {entries[key]} " for key in sorted(entries))


def _saved_pages(saved: list[tuple[int, bytes]], recorder: Recorder) -> dict[int, bytes]:
    """The pages to rewrite, as ReportLab wrote them (:func:`~.._rl.saved.saved_pages`: no
    annotations of their own) with ``/StructParents`` and ``/Tabs`` added, by number."""
    linked = {link.page for link in recorder.links}
    bodies = {}
    for index, (num, body) in enumerate(saved, 1):
        key = recorder.page_keys.get(index)
        if key is None and index not in linked:
            continue
        entries = (f" /StructParents {key}" if key is not None else "") + (
            " /Tabs /S" if index in linked else ""
        )
        bodies[num] = body + entries.encode("latin-1")
    return bodies


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
    tree = Tree(root, recorder, role_map, tree_root)
    metadata = tree_root + 1 + len(tree.nodes)
    first_annot = metadata + 1  # then the link annotations
    annots = {link.key: first_annot + i for i, link in enumerate(recorder.links)}
    role_entries = " ".join(f"/{k} /{v}" for k, v in sorted(role_map.items()))
    new = [
        f"{tree_root} 0 obj\n<< /Type /StructTreeRoot /K {tree.ref[root]} "
        f"/ParentTree {tree.parent_tree(annots)} /ParentTreeNextKey {recorder.next_key}"
        + (f" /RoleMap << {role_entries} >>" if role_map else "")
        + " >>\nendobj\n",
        *tree.objects(source.page_nums, annots),
    ]
    # The packet is UTF-8; as Latin-1 text each byte is one character, written back as is.
    xmp = xmp_packet(source.info, source.lang).decode("latin-1")
    new.append(
        f"{metadata} 0 obj\n<< /Type /Metadata /Subtype /XML /Length {len(xmp)} >>\n"
        f"stream\n{xmp}\nendstream\nendobj\n"
    )
    rewritten = {
        source.root_num: source.catalog
        + (
            f" /MarkInfo << /Marked true >> /StructTreeRoot {_ref(tree_root)} "
            f"/Metadata {_ref(metadata)} >>"
        ).encode("latin-1")
    }
    on_page: dict[int, list[str]] = {}
    for link in recorder.links:
        num = annots[link.key]
        new.append(f"{num} 0 obj\n{_link_annotation(link)}\nendobj\n")
        on_page.setdefault(source.page_nums[link.page - 1], []).append(_ref(num))
    for num, page_body in source.page_bodies.items():
        refs = " ".join(filter(None, [source.page_annots.get(num, ""), *on_page.get(num, [])]))
        rewritten[num] = page_body + (f" /Annots [{refs}] >>" if refs else " >>").encode("latin-1")
    size = first_annot + len(annots)
    ids = f" /ID {source.id}" if source.id else ""
    trailer = f"/Size {size} /Root {_ref(source.root_num)}{source.info_ref}{ids}"
    return append_update(pdf, rewritten, tree_root, new, trailer, source.startxref)


def _link_annotation(link: LinkAnnotation) -> str:
    """A link annotation as ``canvas.linkURL`` makes it (no border), with its StructParent."""
    rect = fp_str(*link.rect)
    return (
        f"<< /Type /Annot /Subtype /Link /Rect [{rect}] /Border [0 0 0] "
        f"/Contents {pdf_text(link.contents)} /StructParent {link.key} "
        f"/A << /Type /Action /S /URI /URI {pdf_text(link.url)} >> >>"
    )


def undrawn(root: Node, recorder: Recorder) -> list[Node]:
    """Leaf nodes in the tree that got no content: usually a flowable left unwrapped."""
    return [n for n in root.walk() if not n.children and n not in recorder.content]
