"""A leaflet-like document built with platypus and tagged with pdfbuilder.tagging.

Used by the tagging tests and by bench/tagging_bench.py. It has what a real leaflet has: a
title, sections whose paragraphs split across pages, a bulleted and a numbered list, a
vector figure with text in it, a photo, a table with header cells, a link, a boxed
"get help" section (border as artifact, children tagged), and a footer with
"Page X of Y" where Y is a form XObject filled in when the document is saved.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table

from pdfbuilder import tagging as t

FONTS = Path(__file__).resolve().parents[2] / "pdfbuilder" / "text" / "fonts"
TOTAL = "tagTestTotal"
WORDS = (
    "A back spasm is a sudden tightening of the muscles in your back. It can hurt a lot, "
    "but it is rarely a sign of something serious, and most people feel better within a "
    "few days to a few weeks. Keep moving gently, and take simple pain relief if you need it. "
)


def register_fonts() -> tuple[str, str]:
    """The regular and bold TrueType fonts (embedded, as PDF/UA needs)."""
    names = ("TagTest", "TagTest-Bold")
    if names[0] not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(names[0], FONTS / "AtkinsonHyperlegible-Regular.ttf"))
        pdfmetrics.registerFont(TTFont(names[1], FONTS / "AtkinsonHyperlegible-Bold.ttf"))
    return names


def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=12, leading=16, spaceAfter=6)
    return {
        "h1": ParagraphStyle("h1", body, fontName=bold, fontSize=24, leading=28, spaceAfter=10),
        "h2": ParagraphStyle("h2", body, fontName=bold, fontSize=16, leading=20, spaceBefore=8),
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=9, leading=11),
    }


class Box(Flowable):  # type: ignore[misc]
    """A bordered, tinted box around flowables (draws its border, then its children)."""

    def __init__(self, content: Sequence[Flowable], padding: float = 8) -> None:
        super().__init__()
        self.content, self.padding = list(content), padding
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = availWidth - 2 * self.padding
        self._heights = [f.wrap(inner, availHeight)[1] for f in self.content]
        self.width, self.height = availWidth, sum(self._heights) + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(colors.darkred)
        c.setFillColor(colors.mistyrose)
        c.roundRect(0, 0, self.width, self.height, 4, stroke=1, fill=1)
        y = self.height - self.padding
        for flowable, height in zip(self.content, self._heights, strict=True):
            y -= height
            flowable.drawOn(c, self.padding, y)


class TotalCanvas(Canvas):  # type: ignore[misc]
    """Defines, as the document is saved, the form that prints the page total."""

    def save(self) -> None:
        regular, _ = register_fonts()
        self.beginForm(TOTAL, lowerx=0, lowery=-3, upperx=40, uppery=12)
        self.setFont(regular, 9)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


def footer(canvas: Any, doc: Any) -> None:
    """'Page N of' + the total form, a rule and the document id: all page furniture."""
    regular, _ = register_fonts()
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.line(doc.leftMargin, 20 * mm, doc.pagesize[0] - doc.rightMargin, 20 * mm)
    canvas.setFont(regular, 9)
    label = f"Page {canvas.getPageNumber()} of "
    canvas.drawString(doc.leftMargin, 15 * mm, label)
    canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 15 * mm, "MSK-001 v1.0")
    canvas.translate(doc.leftMargin + pdfmetrics.stringWidth(label, regular, 9), 15 * mm)
    canvas.doForm(TOTAL)
    canvas.restoreState()


def fold_guide(canvas: Any, doc: Any) -> None:
    """A dashed guide in the margin: layout furniture, drawn in its own artifact."""
    with t.artifact(canvas, t.LAYOUT):
        canvas.saveState()
        canvas.setDash(2, 2)
        canvas.line(5 * mm, doc.pagesize[1] / 2, 10 * mm, doc.pagesize[1] / 2)
        canvas.restoreState()


def on_page(canvas: Any, doc: Any) -> None:
    t.furniture(footer, t.FOOTER)(canvas, doc)
    fold_guide(canvas, doc)


def stretch_drawing() -> Drawing:
    """A small vector figure with a label (text inside a figure is the figure's content)."""
    d = Drawing(120, 80)
    d.add(Circle(30, 60, 8, fillColor=None, strokeColor=colors.black))
    d.add(Line(30, 52, 30, 25))
    d.add(Line(30, 25, 60, 10))
    d.add(String(70, 60, "Start", fontName=register_fonts()[0], fontSize=9))
    return d


def photo() -> Image:
    """A tiny PNG, made here, as an image figure."""
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (200, 120, 60)).save(buffer, "PNG")
    buffer.seek(0)
    return Image(buffer, width=40 * mm, height=30 * mm)


@dataclass
class Leaflet:
    """A built sample: the PDF, its tree and the nodes tests look for."""

    pdf: bytes
    root: t.Node
    recorder: t.Recorder
    nodes: dict[str, t.Node] = field(default_factory=dict)


Hook = Callable[[list[Flowable], t.Node], None]


#: The paragraph class the sample is built with (tests swap in pdfbuilder.para.Para).
PARAGRAPH: list[type[Paragraph]] = [Paragraph]


def _para(text: str, style: ParagraphStyle, node: t.Node, **kw: Any) -> t.Tagged:
    return t.Tagged(PARAGRAPH[0](text, style), node, **kw)


def _section(story: list[Flowable], root: t.Node, s: dict[str, ParagraphStyle], n: int) -> None:
    sect = root.child("Sect")
    story.append(_para(f"What helps, part {n}", s["h2"], sect.child("H2")))
    for i in range(3):
        story.append(_para(WORDS * (3 + 2 * i), s["body"], sect.child("P")))


def _lists(story: list[Flowable], root: t.Node, s: dict[str, ParagraphStyle]) -> None:
    sect = root.child("Sect")
    story.append(_para("Things to try", s["h2"], sect.child("H2")))
    for numbering, labels in (("Disc", ["•"] * 3), ("Decimal", ["1.", "2.", "3."])):
        lst = sect.child("L", numbering=numbering)
        for label in labels:
            item, node = t.list_item(
                PARAGRAPH[0](label, s["body"]), PARAGRAPH[0](WORDS[:90], s["body"]), 8 * mm
            )
            lst.add(node)
            story.append(item)


def _figures_and_table(story: list[Flowable], root: t.Node, s: dict[str, ParagraphStyle]) -> None:
    sect = root.child("Sect")
    story.append(_para("Stretches", s["h2"], sect.child("H2")))
    drawing = t.figure(stretch_drawing(), "A person standing, then leaning to one side.")
    image = t.figure(photo(), "A warm pack resting on a lower back.")
    sect.add(drawing.node, image.node)
    story += [drawing, image]
    table_node = sect.child("Table")
    rows: list[list[Flowable]] = []
    for r, cells in enumerate([("Day", "Done"), ("Monday", "Yes"), ("Tuesday", "")]):
        tr = table_node.child("TR")
        row = []
        for text in cells:
            cell = tr.child("TH", scope="Column") if r == 0 else tr.child("TD")
            row.append(_para(text, s["body"], cell))
        rows.append(row)
    table = Table(rows, colWidths=[60 * mm, 40 * mm], hAlign="LEFT")
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)])
    story.append(t.AsArtifact(table))


def _help_box(story: list[Flowable], root: t.Node, s: dict[str, ParagraphStyle]) -> None:
    sect = root.child("Sect", title="Get help")
    link = t.Node("Link")
    content = [
        _para("When to get help", s["h2"], sect.child("H2")),
        _para("Call 999 if you cannot feel your legs.", s["body"], sect.child("P")),
    ]
    more = sect.child("P")
    more.add(link)
    content.append(_para("Find out more:", s["body"], more))
    url = "https://www.nhs.uk/conditions/back-pain/"
    content.append(
        _para(
            "nhs.uk/conditions/back-pain",
            s["body"],
            link,
            url=url,
            contents="NHS back pain page (opens the web page)",
        )
    )
    story.append(t.AsArtifact(Box(content)))


def build_leaflet(
    *,
    sections: int = 2,
    hook: Hook | None = None,
    tagged: bool = True,
    invariant: int = 1,
    role_map: dict[str, str] | None = None,
) -> Leaflet:
    """Build the sample; ``hook(story, root)`` may add flowables (and nodes) at the end."""
    s = styles()
    root = t.Node("Document")
    story: list[Flowable] = [_para("Back spasms", s["h1"], root.child("H1"))]
    for n in range(1, sections + 1):
        _section(story, root, s, n)
    _lists(story, root, s)
    _figures_and_table(story, root, s)
    story.append(Spacer(1, 6))
    _help_box(story, root, s)
    if hook is not None:
        hook(story, root)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        title="Back spasms",
        author="Example Health Trust",
        subject="Easing a back spasm",
        lang="en-GB",
        displayDocTitle=1,
        invariant=invariant,
        bottomMargin=30 * mm,
    )
    recorder = t.Recorder()
    maker = recorder.canvasmaker(TotalCanvas) if tagged else TotalCanvas
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=maker)
    pdf = buffer.getvalue()
    if tagged:
        pdf = t.finish(pdf, root, recorder, role_map=role_map)
    return Leaflet(pdf, root, recorder)


@dataclass(eq=False)
class Element:
    """A structure element read back from a PDF: role, marked content, children."""

    role: str
    obj: Any
    content: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID), page from 1
    children: list[Element] = field(default_factory=list)
    document: Any = None  # the pikepdf.Pdf, kept open while its objects are in use

    def walk(self) -> list[Element]:
        return [self, *(e for c in self.children for e in c.walk())]

    def outline(self) -> Any:
        """(role, [children...]) nested, for comparing with the expected shape."""
        return (self.role, [c.outline() for c in self.children]) if self.children else self.role


def read_structure(pdf: bytes) -> Element:
    """The document's structure tree, read back with pikepdf (the element under the root)."""
    import pikepdf

    doc = pikepdf.open(io.BytesIO(pdf))
    pages = {page.obj.objgen: n for n, page in enumerate(doc.pages, 1)}

    def read(obj: Any, page: Any) -> Element:
        page = obj.get("/Pg", page)
        element = Element(str(obj.S)[1:], obj, document=doc)
        kids = obj.get("/K", [])
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                element.content.append((pages[page.objgen], kid))
            elif kid.get("/Type") == pikepdf.Name.MCR:
                element.content.append((pages[kid.Pg.objgen], int(kid.MCID)))
            elif "/S" in kid:
                element.children.append(read(kid, page))
        return element

    return read(doc.Root.StructTreeRoot.K, None)
