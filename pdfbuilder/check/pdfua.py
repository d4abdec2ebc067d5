"""A PDF/UA-1 checker: the machine-checkable failure conditions of the Matterhorn Protocol.

In: PDF bytes. Out: a list of :class:`UaFinding` (checkpoint, message, page), empty when
nothing machine-checkable is wrong. ``checkpoint`` is the Matterhorn Protocol 1.1 failure
condition (``"01-005"``), or an ``x-`` id for a Tagged PDF rule the protocol leaves to
ISO 32000 (listed below). One finding per problem and page, with counts in the message,
so a leaflet with a hundred unmarked lines gets one line per page, not a hundred::

    from pdfbuilder.check.pdfua import check_pdfua

    for finding in check_pdfua(pdf_bytes):
        print(finding.checkpoint, finding.page, finding.message)

Covered (machine-checkable, Matterhorn 1.1):

- 01-003, 01-004, 01-005: artifacts inside tagged content, tagged content inside artifacts,
  and text, paths, images, inline images and shadings outside both, in page streams and in
  the form XObjects they draw (a form drawn inside a mark inherits it); marked content
  whose MCID the structure tree and ParentTree do not reach counts as unmarked (01-005).
- 01-007 Suspects true; 02-001, 02-003, 02-004 role mapping; 06-001, 06-002, 06-003 XMP,
  ``pdfuaid:part`` 1 and ``dc:title``; 07-001, 07-002 DisplayDocTitle.
- 09-004, 09-005 table and list element nesting; 13-004 Figure without Alt or ActualText;
  14-002, 14-003, 14-006, 14-007 headings; 15-003 TH without Scope; 17-002 Formula Alt;
  19-003, 19-004 Note IDs.
- 11-001, 11-002, 11-003, 11-004, 11-006: language not determinable (no catalog /Lang and
  no /Lang on the elements concerned), or a malformed language tag.
- 20-001, 20-002, 20-003 optional content configurations; 26-001, 26-002 encryption.
- 28-002, 28-004, 28-007, 28-008, 28-009, 28-010, 28-011, 28-012, 28-017 annotations and
  their place in the tree; 30-001 reference XObjects; 30-002 a form with MCIDs drawn twice.
- 31-004, 31-005 CIDToGIDMap; 31-009 a font that shows text is not embedded; 31-027 no
  ToUnicode where one is needed (Type 0 fonts outside the Adobe collections, symbolic
  TrueType fonts).

Extension ids (Tagged PDF rules of ISO 32000-1 with no Matterhorn number):
``x-markinfo`` (no /MarkInfo Marked true), ``x-structure`` (no structure tree, or a loop),
``x-parent-tree`` (a page or form with MCIDs but no /StructParents, ParentTree entries that
point at nothing or at the wrong element, duplicate MCIDs), ``x-nesting`` (tagged
sequences inside each other, EMC without BDC, unclosed sequences, marks overlapping a
BT/ET text object), ``x-table-header`` (a Table with no TH at all), ``x-syntax``.

Not checked here: every condition marked human in the protocol (01-001, 01-002, 01-006,
09-001…09-003, 13-001…13-003, 13-005…13-008, 14-001, 14-004, 14-005, 15-001, 15-002,
15-004, 15-005, 16-*, 18-*, 19-001, 19-002, 28-001, 28-003 and the rest), and these
machine ones that need the font program, the Adobe Glyph List or parts leaflets never
have: 09-006…09-008 (TOC, Ruby, Warichu), 10-001 and 17-003 (code to Unicode for every
glyph drawn), 21-001 and 28-016 (embedded files), 25-001 (XFA), 28-005 and 28-006 (form
fields, unknown annotation types), 28-014, 28-015 (media clips), 28-018 (PrinterMark
appearances), 31-001…31-003, 31-006…31-008, 31-011…31-026 except as above, 31-028…31-030.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pikepdf

from .pdfua_content import Content, Walker
from .pdfua_document import document_findings, font_findings
from .pdfua_tree import Element, Tree, read_tree


@dataclass(frozen=True)
class UaFinding:
    """One PDF/UA-1 failure: Matterhorn condition (or x- id), what is wrong, page (1-based)."""

    checkpoint: str
    message: str
    page: int | None = None

    def __str__(self) -> str:
        where = f"page {self.page}: " if self.page else ""
        return f"{self.checkpoint} {where}{self.message}"


def check_pdfua(data: bytes) -> list[UaFinding]:
    """Every machine-checkable PDF/UA-1 failure found in ``data`` (see the module doc)."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        return [UaFinding("x-syntax", f"the file cannot be read as a PDF: {exc}")]
    with pdf:
        checker = _Checker(pdf)
        checker.run()
        return sorted(set(checker.found), key=lambda f: (f.page or 0, f.checkpoint, f.message))


class _Checker:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf, self.root = pdf, pdf.Root
        self.found: list[UaFinding] = []
        self.tree: Tree = read_tree(pdf)
        self.walker = Walker()

    def add(self, checkpoint: str, message: str, page: int | None = None) -> None:
        self.found.append(UaFinding(checkpoint, message, page))

    def run(self) -> None:
        for checkpoint, message in document_findings(self.pdf, self.tree):
            self.add(checkpoint, message)
        for checkpoint, message in self.tree.findings:
            self.add(checkpoint, message)
        fonts: dict[tuple[int, int], Any] = {}
        forms: dict[tuple[int, int], int] = {}
        for number, page in enumerate(self.pdf.pages, 1):
            content = self.walker.page(page)
            self._content(number, page.obj, content)
            self._annotations(number, page.obj)
            fonts.update(content.fonts)
            for objgen, uses in content.forms.items():
                forms[objgen] = forms.get(objgen, 0) + uses
        self._forms(forms)
        for checkpoint, message in font_findings(fonts.values()):
            self.add(checkpoint, message)

    def _content(self, number: int, owner: Any, content: Content) -> None:
        for checkpoint, message in sorted(set(content.problems)):
            count = content.problems.count((checkpoint, message))
            self.add(checkpoint, message + (f" ({count} times)" if count > 1 else ""), number)
        if content.unmarked:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(content.unmarked.items()))
            self.add("01-005", f"drawing outside any tagged content or artifact: {kinds}", number)
        self._reachable(number, owner, content.mcids)

    def _reachable(self, number: int | None, owner: Any, mcids: Any) -> None:
        """Each MCID drawn must be claimed by an element, and the ParentTree must agree."""
        if not mcids:
            return
        doubled = sorted(m for m, n in mcids.items() if n > 1)
        if doubled:
            self.add("x-parent-tree", f"MCIDs used more than once: {doubled}", number)
        claimed = {m for m in mcids if (owner.objgen, m) in self.tree.content}
        if len(claimed) < len(mcids):
            lost = sorted(set(mcids) - claimed)
            self.add("01-005", f"marked content no structure element claims: MCIDs {lost}", number)
        if "/StructParents" not in owner:
            self.add("x-parent-tree", "marked content but no /StructParents", number)
            return
        entry = self.tree.parent_tree.get(int(owner.StructParents))
        if not isinstance(entry, pikepdf.Array):
            self.add("x-parent-tree", "the ParentTree has no array for these MCIDs", number)
            return
        wrong = []
        for mcid in sorted(claimed):
            element = self.tree.content[(owner.objgen, mcid)].obj
            if mcid >= len(entry) or not _same(entry[mcid], element):
                wrong.append(mcid)
        if wrong:
            self.add("x-parent-tree", f"ParentTree entries for MCIDs {wrong} are wrong", number)
        extra = [i for i in range(len(entry)) if i not in mcids and _is_element(entry[i])]
        if extra:
            self.add("x-parent-tree", f"ParentTree entries for absent MCIDs {extra}", number)

    def _forms(self, uses: dict[tuple[int, int], int]) -> None:
        for (objgen, _), tally in self.walker.form_tallies.items():
            if not tally.mcids:
                continue
            form = self.walker.form_objects[objgen]
            if uses.get(objgen, 0) > 1:
                self.add("30-002", f"a form XObject with MCIDs is drawn {uses[objgen]} times")
            self._reachable(None, form, tally.mcids)

    def _annotations(self, number: int, page: Any) -> None:
        annots = [a for a in page.get("/Annots", []) if isinstance(a, pikepdf.Dictionary)]
        if not annots:
            return
        tabs = page.get("/Tabs")
        if tabs is None:
            self.add("28-008", "a page with annotations has no /Tabs", number)
        elif tabs != pikepdf.Name.S:
            self.add("28-009", f"/Tabs is {tabs}, not /S", number)
        for annot in annots:
            for checkpoint, message in _annotation(annot, self.tree):
                self.add(checkpoint, message, number)


def _annotation(annot: Any, tree: Tree) -> list[tuple[str, str]]:
    subtype = str(annot.get("/Subtype", "/?"))[1:]
    element = tree.annotations.get(annot.objgen) if annot.is_indirect else None
    role = element.standard if element else None
    found = []
    if subtype == "TrapNet":
        found.append(("28-007", "a TrapNet annotation"))
    if subtype == "PrinterMark":
        if element is not None:
            found.append(("28-017", "a PrinterMark annotation is in the structure tree"))
        return found
    if subtype == "Link" and role != "Link":
        found.append(("28-011", "a link annotation is not inside a Link element"))
    elif subtype == "Widget" and role != "Form":
        found.append(("28-010", "a widget annotation is not inside a Form element"))
    elif subtype not in ("Link", "Widget", "Popup") and role != "Annot":
        found.append(("28-002", f"a {subtype} annotation is not inside an Annot element"))
    contents = str(annot.get("/Contents", "")).strip()
    if subtype == "Link" and not contents:
        found.append(("28-012", "a link annotation has no /Contents"))
    elif subtype not in ("Link", "Widget", "Popup") and not contents and not _has_alt(element):
        found.append(("28-004", f"a {subtype} annotation has neither /Contents nor Alt"))
    if element is not None and "/StructParent" in annot:
        entry = tree.parent_tree.get(int(annot.StructParent))
        if not _same(entry, element.obj):
            found.append(
                ("x-parent-tree", "the ParentTree does not lead to the annotation's element")
            )
    elif element is not None:
        found.append(("x-parent-tree", f"a {subtype} annotation in the tree has no /StructParent"))
    return found


def _has_alt(element: Element | None) -> bool:
    return element is not None and "/Alt" in element.obj


def _same(a: Any, b: Any) -> bool:
    return (
        isinstance(a, pikepdf.Object)
        and isinstance(b, pikepdf.Object)
        and a.is_indirect
        and b.is_indirect
        and a.objgen == b.objgen
    )


def _is_element(value: Any) -> bool:
    return isinstance(value, pikepdf.Dictionary) and "/S" in value
