"""A plain ReportLab rendering of the back-spasm content: the yardstick for bench.py.

It reads the same YAML with ``yaml.safe_load`` (no validation, no positions), sets the same
text in the same embedded font with stock platypus flowables (Paragraph, Table, a small
Drawing per exercise), and returns the PDF bytes. It is what a developer would write by
hand for one leaflet, with none of the project's checks, layouts or figures.

Run on its own: ``python bench/baseline.py [N]`` builds it N times (default 1).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import yaml
from reportlab.graphics.shapes import Circle, Drawing, Line
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "pdfbuilder" / "text" / "fonts"
_registered = False


def _fonts() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(
            TTFont("BaseRegular", str(FONTS / "AtkinsonHyperlegible-Regular.ttf"))
        )
        pdfmetrics.registerFont(TTFont("BaseBold", str(FONTS / "AtkinsonHyperlegible-Bold.ttf")))
        pdfmetrics.registerFontFamily(
            "Base",
            normal="BaseRegular",
            bold="BaseBold",
            italic="BaseRegular",
            boldItalic="BaseBold",
        )
        _registered = True


def _md(text: str | dict[str, str]) -> str:
    if isinstance(text, dict):  # a paragraph or bullet with an Easy Read picture
        text = text["text"]
    out = text.replace("&", "&amp;").replace("<", "&lt;")
    while "**" in out:
        out = out.replace("**", "<b>", 1).replace("**", "</b>", 1)
    return out


def _figure() -> Drawing:
    d = Drawing(58 * mm, 34 * mm)
    d.add(Line(0, 4, 58 * mm, 4, strokeColor=colors.grey))
    d.add(Circle(20, 20, 6, fillColor=colors.black))
    d.add(Line(26, 20, 120, 20, strokeWidth=4, strokeLineCap=1))
    d.add(Line(120, 20, 140, 50, strokeWidth=4, strokeLineCap=1))
    return d


def _citation(source: dict[str, Any]) -> str:
    """A plain citation: who, title, where, when (the fields a source has)."""
    who = ", ".join(source.get("authors", [])) or source.get("publisher", "")
    where = source.get("journal") or ""
    when = source.get("year") or source.get("accessed") or ""
    return ". ".join(str(p) for p in (who, source["title"], where, when) if p) + "."


def build(data: dict[str, Any]) -> bytes:
    """Render the leaflet content with stock ReportLab flowables."""
    _fonts()
    body = ParagraphStyle("b", fontName="BaseRegular", fontSize=11, leading=15)
    head = ParagraphStyle(
        "h",
        parent=body,
        fontName="BaseBold",
        fontSize=15,
        leading=18,
        textColor=colors.HexColor("#0b4f8a"),
        spaceBefore=10,
    )
    title = ParagraphStyle("t", parent=head, fontSize=26, leading=30)
    story: list[Any] = [Paragraph(_md(data["title"]), title), Paragraph(_md(data["purpose"]), body)]
    story += [Paragraph("Key points", head)]
    story += [Paragraph(_md(t), body, bulletText="•") for t in data["key_takeaways"]]
    for section in data["sections"]:
        story.append(Paragraph(_md(section["heading"]), head))
        for block in section["body"]:
            if isinstance(block, str) or "text" in block:
                story.append(Paragraph(_md(block), body))
            else:
                story += [Paragraph(_md(b), body, bulletText="•") for b in block["bullets"]]
    for ex in data.get("exercises", []):
        steps = [Paragraph(_md(s), body, bulletText=f"{n}.") for n, s in enumerate(ex["steps"], 1)]
        steps += [
            Paragraph(_md(ex.get("feel", "")), body),
            Paragraph(_md(ex.get("stop_if", "")), body),
        ]
        card = Table(
            [[Paragraph(_md(ex["name"]), head), ""], [_figure(), steps]], colWidths=[62 * mm, None]
        )
        card.setStyle(
            TableStyle(
                [("BOX", (0, 0), (-1, -1), 1, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            )
        )
        story += [Spacer(0, 6), card]
    tiers = [
        [Paragraph(f"<b>{name}</b>", body)]
        + [Paragraph(_md(i), body, bulletText="•") for i in items]
        for name, items in data["seek_help"].items()
    ]
    box = Table([tiers], colWidths=[58 * mm] * 3)
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 1, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [Paragraph("When to get help", head), box]
    story += [Paragraph(_md(_citation(s)), body) for s in data["sources"]]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, leftMargin=16 * mm, rightMargin=16 * mm).build(
        story
    )
    return out.getvalue()


def load(path: Path = ROOT / "handouts" / "back-spasms.yaml") -> dict[str, Any]:
    """The handout as plain data."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for _ in range(runs):
        build(load())
