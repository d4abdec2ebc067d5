"""A tagged PDF's structure tree as a screen reader meets it: elements in reading order.

In: PDF bytes. Out: one line per structure element, indented by depth, with its role, its
alternative text, its link's description and target, and the text of its own marked
content (decoded through the fonts' ToUnicode maps)::

    Document
      H1 "Back spasms"
      P "How to ease a back spasm at home and when to get help."
      Sect
        H2 "Key points"
        L
          LI
            Lbl "•"
            LBody "Most back spasms get better within a few weeks."

Read it through to judge what no checker can: is the order sensible, does every picture
say what it shows, is anything read twice or in the middle of a sentence. Used by
``handout check --structure``; ``tools/structure_dump.py`` dumps any PDF.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf

_HEX = re.compile(r"<([0-9A-Fa-f]+)>")
_TEXT_OPS = frozenset({"Tj", "TJ", "'", '"'})
_LINE_OPS = frozenset({"T*", "Td", "TD", "'", '"'})  # not Tm: shaped text places each glyph


@dataclass(frozen=True)
class Shown:
    """One structure element as a reader meets it."""

    depth: int
    role: str
    text: str  # the text of its own marked content, in order
    pages: tuple[int, ...]  # the pages its own content is on (1-based), in order
    alt: str | None = None
    actual_text: str | None = None
    lang: str | None = None
    links: tuple[tuple[str, str], ...] = ()  # (description, address) of its annotations
    attributes: tuple[tuple[str, str], ...] = ()  # (owner/key, value): Scope, ListNumbering...

    def line(self, width: int | None = 100) -> str:
        """The element as one indented line: role, [alt], "text", [link]."""
        parts = [self.role]
        for name, value in (("alt", self.alt), ("actual text", self.actual_text)):
            if value is not None:
                parts.append(f"[{name}: {_cut(value, width)}]")
        if self.lang is not None:
            parts.append(f"[lang: {self.lang}]")
        if self.text:
            parts.append(f'"{_cut(self.text, width)}"')
        parts += [f"[link: {_cut(c, width)} -> {target}]" for c, target in self.links]
        return "  " * self.depth + " ".join(parts)


def structure_lines(data: bytes, *, width: int | None = 100) -> list[str]:
    """The structure tree of ``data``, one line per element (texts cut to ``width``)."""
    shown = elements(data)
    if shown is None:
        return ["(no structure tree: the PDF is not tagged)"]
    return [element.line(width) for element in shown]


def elements(data: bytes) -> list[Shown] | None:
    """Every structure element of ``data`` in reading order (None: not a tagged PDF)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if not isinstance(root, pikepdf.Dictionary):
            return None
        reader = _Reader(pdf)
        for kid in _kids(root.get("/K")):
            if isinstance(kid, pikepdf.Dictionary):
                reader.element(kid, 0, None)
        return reader.found


def _kids(k: Any) -> list[Any]:
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


class _Reader:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.texts = _Texts(pdf)
        self.numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, 1)}
        self.found: list[Shown] = []
        self.seen: set[Any] = set()

    def element(self, obj: Any, depth: int, page: Any) -> None:
        if obj.is_indirect:
            if obj.objgen in self.seen:
                return  # a loop (the checker reports it)
            self.seen.add(obj.objgen)
        page = obj.get("/Pg", page)
        own: list[str] = []
        pages: list[int] = []
        links: list[tuple[str, str]] = []
        children = []
        for kid in _kids(obj.get("/K")):
            where, mcid = None, None
            if isinstance(kid, int):
                where, mcid = page, kid
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
                where, mcid = kid.get("/Pg", page), int(kid.MCID)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.OBJR:
                links.append(_annotation(kid.get("/Obj")))
            elif isinstance(kid, pikepdf.Dictionary):
                children.append(kid)
            if where is not None and mcid is not None:
                own.append(self.texts.of(where, mcid))
                pages.append(self.numbers.get(where.objgen, 0))
        self.found.append(
            Shown(
                depth,
                str(obj.S)[1:],
                " ".join(t for t in own if t),
                tuple(pages),
                _string(obj, "/Alt"),
                _string(obj, "/ActualText"),
                _string(obj, "/Lang"),
                tuple(links),
                tuple(_attributes(obj)),
            )
        )
        for child in children:
            self.element(child, depth + 1, page)


def _string(obj: Any, key: str) -> str | None:
    return str(obj[key]) if key in obj else None


def _attributes(obj: Any) -> Iterator[tuple[str, str]]:
    attrs = obj.get("/A")
    for attr in _kids(attrs):
        if isinstance(attr, pikepdf.Dictionary):
            owner = str(attr.get("/O", "/?"))[1:]
            for key, value in attr.items():
                if key != "/O":
                    yield f"{owner}/{str(key)[1:]}", str(value).lstrip("/")


def _annotation(annot: Any) -> tuple[str, str]:
    if not isinstance(annot, pikepdf.Dictionary):
        return "", ""
    action = annot.get("/A", pikepdf.Dictionary())
    return str(annot.get("/Contents", "")), str(action.get("/URI", ""))


def _cut(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


@dataclass
class _Page:
    """The text of each MCID on one page (or in one form)."""

    by_mcid: dict[int, list[str]] = field(default_factory=dict)


class _Texts:
    """Decodes and remembers the text of each page's marked content."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pages: dict[Any, _Page] = {}
        self.maps: dict[Any, dict[int, str]] = {}

    def of(self, page: Any, mcid: int) -> str:
        if page is None:
            return ""
        read = self.pages.get(page.objgen)
        if read is None:
            read = self.pages[page.objgen] = self._read(page)
        return "".join(read.by_mcid.get(mcid, [])).strip()

    def _read(self, page: Any) -> _Page:
        result = _Page()
        fonts = page.get("/Resources", pikepdf.Dictionary()).get("/Font", pikepdf.Dictionary())
        stack: list[int | None] = []
        font: dict[int, str] = {}
        pending_space = False
        for instruction in pikepdf.parse_content_stream(page):
            op, operands = str(instruction.operator), instruction.operands
            if op in ("BDC", "BMC"):
                props = operands[1] if len(operands) > 1 else None
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append(int(mcid) if mcid is not None else None)
            elif op == "EMC" and stack:
                stack.pop()
            elif op == "Tf":
                font = self._map(fonts.get(operands[0]))
            elif op in ("BT", *_LINE_OPS):
                pending_space = True
            if op in _TEXT_OPS:
                owner = next((m for m in reversed(stack) if m is not None), None)
                if owner is None or (stack and stack[-1] is None):
                    continue  # an artifact, or text outside any mark
                chunks = result.by_mcid.setdefault(owner, [])
                if pending_space and chunks and not chunks[-1].endswith(" "):
                    chunks.append(" ")
                pending_space = False
                chunks.append(_decode(operands, font))
        return result

    def _map(self, font: Any) -> dict[int, str]:
        if not isinstance(font, pikepdf.Dictionary):
            return {}
        key = font.objgen
        if key not in self.maps:
            stream = font.get("/ToUnicode")
            self.maps[key] = _cmap(stream.read_bytes()) if stream is not None else {}
        return self.maps[key]


def _cmap(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's single-byte mappings (bfchar and bfrange)."""
    text = data.decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        values = _HEX.findall(block)
        for code, uni in zip(values[::2], values[1::2], strict=False):
            mapping[int(code, 16)] = _unicode(uni)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        values = _HEX.findall(block)
        for start, end, uni in zip(values[::3], values[1::3], values[2::3], strict=False):
            first = int(uni, 16)
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _unicode(hex_text: str) -> str:
    units = [int(hex_text[i : i + 4], 16) for i in range(0, len(hex_text), 4)]
    raw = b"".join(u.to_bytes(2, "big") for u in units)
    return "" if units == [0] else raw.decode("utf-16-be", errors="replace")


def _decode(operands: Any, font: dict[int, str]) -> str:
    out = []
    for operand in operands:
        items = list(operand) if isinstance(operand, pikepdf.Array) else [operand]
        for item in items:
            if isinstance(item, pikepdf.String):
                out.append("".join(font.get(b, chr(b)) for b in bytes(item)))
            elif isinstance(item, int | float) and item < -200:
                out.append(" ")  # a wide gap in a TJ array is a word space
    return "".join(out)
