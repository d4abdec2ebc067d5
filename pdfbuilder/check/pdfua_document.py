"""The document-wide part of the PDF/UA check: catalog, metadata, language, fonts.

In: a PDF opened with pikepdf (and its structure tree, for languages), or the fonts that
show text. Out: (checkpoint, message) pairs; see :mod:`pdfbuilder.check.pdfua`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pikepdf

from .pdfua_tree import Tree

_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_UAID = "{http://www.aiim.org/pdfua/ns/id/}part"
_CJK_COLLECTIONS = {"GB1", "CNS1", "Japan1", "Korea1"}
_NAMED_ENCODINGS = {"/WinAnsiEncoding", "/MacRomanEncoding", "/MacExpertEncoding"}

Found = Iterator[tuple[str, str]]


def document_findings(pdf: pikepdf.Pdf, tree: Tree) -> Found:
    """Findings about the catalog, the XMP packet, languages and security."""
    root = pdf.Root
    mark_info = root.get("/MarkInfo", pikepdf.Dictionary())
    if not _true(mark_info.get("/Marked")):
        yield ("x-markinfo", "the catalog has no /MarkInfo <</Marked true>>")
    if _true(mark_info.get("/Suspects")):
        yield ("01-007", "/MarkInfo says /Suspects true")
    if not tree.present:
        yield ("x-structure", "the document has no structure tree (/StructTreeRoot)")
    yield from _viewer_preferences(root)
    yield from _metadata(root)
    yield from _languages(pdf, tree)
    yield from _optional_content(root)
    yield from _security(pdf)


def _true(value: Any) -> bool:
    return value is True  # pikepdf gives PDF booleans as Python bools


def _viewer_preferences(root: Any) -> Found:
    preferences = root.get("/ViewerPreferences")
    shown = (
        preferences.get("/DisplayDocTitle") if isinstance(preferences, pikepdf.Dictionary) else None
    )
    if shown is None:
        yield ("07-001", "/ViewerPreferences has no /DisplayDocTitle")
    elif not _true(shown):
        yield ("07-002", "/DisplayDocTitle is false: viewers show the file name, not the title")


def _metadata(root: Any) -> Found:
    stream = root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        yield ("06-001", "the catalog has no XMP metadata stream")
        return
    from xml.etree import ElementTree  # only a checked document pays for the import

    try:
        xmp = ElementTree.fromstring(stream.read_bytes())
    except (ElementTree.ParseError, pikepdf.PdfError) as exc:
        yield ("06-001", f"the XMP metadata cannot be read: {exc}")
        return
    parts = [e.text for e in xmp.iter(_UAID)]
    parts += [d.get(_UAID) for d in xmp.iter(f"{_RDF}Description") if d.get(_UAID)]
    if not parts:
        yield ("06-002", "the XMP metadata has no pdfuaid:part (the PDF/UA identifier)")
    elif any((p or "").strip() != "1" for p in parts):
        yield ("06-002", f"pdfuaid:part is {parts[0]!r}, not 1")
    titles = [li.text for t in xmp.iter(f"{_DC}title") for li in t.iter(f"{_RDF}li")]
    if not any((title or "").strip() for title in titles):
        yield ("06-003", "the XMP metadata has no dc:title")


def _languages(pdf: pikepdf.Pdf, tree: Tree) -> Found:
    lang = str(pdf.Root.get("/Lang", "")).strip()
    if lang and not _LANG.match(lang):
        yield ("11-001", f"the document language {lang!r} is not a language tag")
    for element in tree.elements:
        own = element.obj.get("/Lang")
        if own is not None and not _LANG.match(str(own)):
            yield ("11-001", f"a {element.role} has the malformed language {str(own)!r}")
    if lang:
        return
    claimed = set(tree.content.values())
    if not tree.present or any(not e.lang for e in claimed):
        yield ("11-001", "no /Lang in the catalog: the language of the text is unknown")
    described = ("/Alt", "/ActualText", "/E")
    if any(not e.lang and any(k in e.obj for k in described) for e in tree.elements):
        yield ("11-002", "no language for Alt, ActualText or E text")
    if isinstance(pdf.Root.get("/Outlines"), pikepdf.Dictionary) and "/First" in pdf.Root.Outlines:
        yield ("11-003", "no language for the outline (bookmark) entries")
    if "/Metadata" in pdf.Root:
        yield ("11-006", "no language for the document metadata")
    annotated = [
        tree.annotations.get(a.objgen) if a.is_indirect else None
        for page in pdf.pages
        for a in page.obj.get("/Annots", [])
        if "/Contents" in a
    ]
    if any(element is None or not element.lang for element in annotated):
        yield ("11-004", "no language for annotation /Contents")


def _optional_content(root: Any) -> Found:
    properties = root.get("/OCProperties")
    if not isinstance(properties, pikepdf.Dictionary):
        return
    default = properties.get("/D", pikepdf.Dictionary())
    if not str(default.get("/Name", "")).strip():
        yield ("20-002", "the default optional content configuration has no Name")
    configs = list(properties.get("/Configs", []))
    if any(not str(c.get("/Name", "")).strip() for c in configs):
        yield ("20-001", "an optional content configuration has no Name")
    if any("/AS" in c for c in [default, *configs]):
        yield ("20-003", "an optional content configuration has an AS entry")


def _security(pdf: pikepdf.Pdf) -> Found:
    encrypt = pdf.trailer.get("/Encrypt")
    if not isinstance(encrypt, pikepdf.Dictionary):
        return
    if "/P" not in encrypt:
        yield ("26-001", "the file is encrypted without a /P (permissions) entry")
    elif not int(encrypt.P) & (1 << 9):
        yield ("26-002", "the file's permissions forbid assistive technology (bit 10 of /P)")


def font_findings(fonts: Iterable[Any]) -> Found:
    """Findings about the fonts that show text: embedding, CIDToGIDMap, ToUnicode."""
    for font in fonts:
        name = str(font.get("/BaseFont", "/?"))[1:]
        subtype = font.get("/Subtype")
        if subtype == pikepdf.Name.Type3:
            continue  # its glyphs are content streams in the file
        described = font
        if subtype == pikepdf.Name.Type0:
            kids = font.get("/DescendantFonts", [])
            described = kids[0] if len(kids) else pikepdf.Dictionary()
            yield from _cid_font(name, font, described)
        descriptor = described.get("/FontDescriptor", pikepdf.Dictionary())
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            yield ("31-009", f"font {name} shows text but is not embedded")
        if subtype == pikepdf.Name.TrueType and "/ToUnicode" not in font:
            symbolic = int(descriptor.get("/Flags", 0)) & 4
            if symbolic and str(font.get("/Encoding", "")) not in _NAMED_ENCODINGS:
                yield ("31-027", f"symbolic TrueType font {name} has no ToUnicode map")


def _cid_font(name: str, font: Any, cid: Any) -> Found:
    if cid.get("/Subtype") == pikepdf.Name.CIDFontType2:
        mapping = cid.get("/CIDToGIDMap")
        if mapping is None:
            yield ("31-005", f"CID font {name} has no CIDToGIDMap")
        elif mapping != pikepdf.Name.Identity and not isinstance(mapping, pikepdf.Stream):
            yield (
                "31-004",
                f"CID font {name} has a CIDToGIDMap that is neither Identity nor a stream",
            )
    ordering = str(cid.get("/CIDSystemInfo", pikepdf.Dictionary()).get("/Ordering", ""))
    if "/ToUnicode" not in font and ordering not in _CJK_COLLECTIONS:
        yield ("31-027", f"font {name} has no ToUnicode map")
