"""The tagging core on its own: nodes refuse what a reader would suffer from, marks never
nest or cross pages, the finishing pass refuses a tree that does not match the drawing, and
the reading order is the tree's, not the drawing's."""

from __future__ import annotations

import io
import re
from typing import Any

import pikepdf
import pytest
from leaflet_sample import WORDS, read_structure, register_fonts, styles
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, SimpleDocTemplate

from pdfbuilder import tagging as t
from pdfbuilder.check.pdfua import check_pdfua
from pdfbuilder.tagging.xmp import xmp_packet


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: t.Node("Figure"), "needs alt text"),
        (lambda: t.Node("TH"), "scope"),
        (lambda: t.Node("TD", scope="Row"), "only a TH"),
        (lambda: t.Node("P", numbering="Decimal"), "for an L"),
        (lambda: t.Node("H 1"), "plain name"),
        (lambda: t.Node("P", lang="english!"), "language tag"),
    ],
)
def test_nodes_refuse_what_a_reader_would_suffer_from(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def _canvas() -> tuple[Canvas, t.Recorder, io.BytesIO]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    recorder = t.Recorder()
    recorder.attach(canvas)
    canvas.setFont(register_fonts()[0], 10)
    return canvas, recorder, buffer


def _operators(buffer: io.BytesIO, page: int = 0) -> list[str]:
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        stream = pdf.pages[page].obj.Contents.read_bytes().decode("latin-1")
    return re.findall(r"/\w+ <<[^>]*>> BDC|EMC|\(\w+\) Tj", stream)


def test_a_mark_opened_inside_another_closes_and_reopens_it() -> None:
    canvas, recorder, buffer = _canvas()
    outer, inner = t.Node("P"), t.Node("Span")
    with t.marked(canvas, t.LAYOUT):
        canvas.drawString(0, 0, "border")
        with t.marked(canvas, outer):
            canvas.drawString(0, 10, "before")
            with t.marked(canvas, inner):
                canvas.drawString(0, 20, "inside")
            canvas.drawString(0, 30, "after")
    canvas.save()
    assert _operators(buffer) == [
        "/Artifact <</Type /Layout>> BDC", "(border) Tj", "EMC",
        "/P <</MCID 0>> BDC", "(before) Tj", "EMC",
        "/Span <</MCID 1>> BDC", "(inside) Tj", "EMC",
        "/P <</MCID 2>> BDC", "(after) Tj", "EMC",
        "/Artifact <</Type /Layout>> BDC", "EMC",
    ]  # fmt: skip
    assert recorder.content[outer] == [("mcid", 1, 0), ("mcid", 1, 2)]
    assert recorder.page_nodes[1] == [outer, inner, outer]


def test_a_mark_never_spans_a_page_break() -> None:
    canvas, recorder, _ = _canvas()
    recorder.begin(canvas, t.Node("P"))
    canvas.showPage()
    with pytest.raises(t.TaggingError, match="still open on page 2"):
        recorder.begin(canvas, t.Node("P"))


def test_no_mcid_goes_into_a_form_xobject() -> None:
    canvas, recorder, _ = _canvas()
    with (
        pytest.raises(t.TaggingError, match="form XObject"),
        recorder.form(canvas, "total"),
        t.marked(canvas, t.Node("P")),
    ):
        canvas.drawString(0, 0, "3")


def test_a_second_pass_starts_the_record_afresh() -> None:
    """Two-pass builds (a page total guessed wrong) make a new canvas: nothing carries over."""
    node = t.Node("P")
    recorder = t.Recorder()
    make = recorder.canvasmaker()
    for _ in range(2):
        canvas = make(io.BytesIO())
        with t.marked(canvas, node):
            canvas.drawString(0, 0, "x")
    assert recorder.content[node] == [("mcid", 1, 0)]
    assert recorder.next_key == 1


def test_an_untagged_canvas_draws_tagged_flowables_exactly_as_the_plain_ones() -> None:
    def build(wrap: bool) -> bytes:
        buffer = io.BytesIO()
        body = styles()["body"]
        story = [Paragraph(WORDS * 8, body) for _ in range(4)]
        if wrap:
            story = [t.Tagged(p, t.Node("P")) for p in story]
        SimpleDocTemplate(buffer, invariant=1).build(story)
        return buffer.getvalue()

    assert build(True) == build(False)


def _two_panels(story_order: list[tuple[str, t.Node]], tree: t.Node, recorder: t.Recorder) -> bytes:
    """One landscape page, two frames; the story fills the left frame first."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(297 * mm, 210 * mm), title="Panels", lang="en",
                          displayDocTitle=1, invariant=1)  # fmt: skip
    frames = [Frame(x * mm, 10 * mm, 138 * mm, 190 * mm) for x in (10, 149)]
    doc.addPageTemplates([PageTemplate("panels", frames)])
    from reportlab.platypus import FrameBreak

    story: list[Any] = []
    for text, node in story_order:
        story += [t.Tagged(Paragraph(text, styles()["body"]), node), FrameBreak()]
    doc.build(story[:-1], canvasmaker=recorder.canvasmaker())
    return t.finish(buffer.getvalue(), tree, recorder)


def test_reading_order_is_the_trees_not_the_drawings() -> None:
    cover, back = t.Node("H1"), t.Node("P", title="back panel")
    root = t.Node("Document", [cover, back])  # read: cover, then back
    recorder = t.Recorder()
    pdf = _two_panels([("Back panel: who we are", back), ("Back spasms", cover)], root, recorder)
    assert recorder.content[back] == [("mcid", 1, 0)]  # drawn first...
    assert read_structure(pdf).outline() == ("Document", ["H1", "P"])  # ...read last
    assert check_pdfua(pdf) == []


def test_flowables_copied_by_reportlab_keep_their_nodes() -> None:
    """ImageAndFlowables (text beside a picture) deep-copies a paragraph to try a split;
    the parts drawn are copies, and they share the original's node."""
    from leaflet_sample import photo
    from reportlab.platypus import ImageAndFlowables

    body = styles()["body"]
    nodes = [t.Node("P") for _ in range(3)]
    figure = t.figure(photo(), "A warm pack on a lower back.")
    beside = [t.Tagged(Paragraph(WORDS * 2, body), n) for n in nodes]
    root = t.Node("Document", [t.Node("H1"), figure.node, *nodes])
    recorder, buffer = t.Recorder(), io.BytesIO()
    story = [
        t.Tagged(Paragraph("Warmth", styles()["h1"]), root.children[0]),
        ImageAndFlowables(figure, beside, imageSide="left"),
    ]
    doc = SimpleDocTemplate(buffer, title="Warmth", lang="en", displayDocTitle=1, invariant=1)
    doc.build(story, canvasmaker=recorder.canvasmaker())
    pdf = t.finish(buffer.getvalue(), root, recorder)
    assert all(recorder.content[n] for n in nodes)
    assert check_pdfua(pdf) == []


def test_a_list_item_splits_with_its_label_on_the_first_part_only() -> None:
    body = styles()["body"]
    item, li = t.list_item(Paragraph("1.", body), Paragraph(WORDS * 15, body), 8 * mm)
    root = t.Node("Document", [t.Node("H1"), t.Node("L", [li], numbering="Decimal")])
    recorder, buffer = t.Recorder(), io.BytesIO()
    story = [t.Tagged(Paragraph("Steps", styles()["h1"]), root.children[0]), item]
    doc = SimpleDocTemplate(buffer, title="Steps", lang="en", displayDocTitle=1, invariant=1)
    doc.build(story, canvasmaker=recorder.canvasmaker())
    pdf = t.finish(buffer.getvalue(), root, recorder)
    lbl, lbody = li.children
    assert [page for _, page, _ in recorder.content[lbl]] == [1]
    assert [page for _, page, _ in recorder.content[lbody]] == [1, 2]
    assert check_pdfua(pdf) == []


def _document(story_nodes: list[tuple[str, t.Node]], root: t.Node, **doc: Any) -> bytes:
    recorder, buffer = t.Recorder(), io.BytesIO()
    kwargs = {"title": "T", "lang": "en", "displayDocTitle": 1, "invariant": 1, **doc}
    story = [t.Tagged(Paragraph(text, styles()["body"]), node) for text, node in story_nodes]
    SimpleDocTemplate(buffer, **kwargs).build(story, canvasmaker=recorder.canvasmaker())
    return t.finish(buffer.getvalue(), root, recorder)


def test_finish_refuses_a_tree_that_does_not_match_the_drawing() -> None:
    stray = t.Node("P")
    with pytest.raises(t.TaggingError, match="not in the structure tree"):
        _document([("x", stray)], t.Node("Document"))
    twice = t.Node("P")
    with pytest.raises(t.TaggingError, match="appears twice"):
        _document([("x", twice)], t.Node("Document", [twice, twice]))


def test_finish_refuses_a_link_outside_any_link_node() -> None:
    node = t.Node("P")
    recorder, buffer = t.Recorder(), io.BytesIO()
    story = [t.Tagged(Paragraph("x", styles()["body"]), node, url="https://example.org/")]
    SimpleDocTemplate(buffer, title="T", lang="en", invariant=1).build(
        story, canvasmaker=recorder.canvasmaker()
    )
    with pytest.raises(t.TaggingError, match="no Link node"):
        t.finish(buffer.getvalue(), t.Node("Document", [node]), recorder)


def test_finish_needs_a_title_and_a_language() -> None:
    node = t.Node("P")
    with pytest.raises(t.TaggingError, match="title"):
        _document([("x", node)], t.Node("Document", [node]), title="")
    node = t.Node("P")
    with pytest.raises(t.TaggingError, match="language"):
        _document([("x", node)], t.Node("Document", [node]), lang="")


def test_finish_takes_only_reportlabs_own_output() -> None:
    node = t.Node("P")
    pdf = _document([("x", node)], t.Node("Document", [node]))
    rewritten = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.save(rewritten, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    with pytest.raises(t.TaggingError, match="ReportLab's own output"):
        t.finish(rewritten.getvalue(), t.Node("Document"), t.Recorder())


def test_the_incremental_update_reads_the_same_in_pypdf() -> None:
    h1, p = t.Node("H1"), t.Node("P", lang="es")
    pdf = _document([("Title", h1), ("Hola", p)], t.Node("Document", [h1, p]))
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    kids = root["/StructTreeRoot"]["/K"].get_object()["/K"]
    assert [k.get_object()["/S"] for k in kids] == ["/H1", "/P"]
    assert kids[1].get_object()["/Lang"] == "es"


def test_undrawn_lists_the_leaves_a_builder_forgot_to_wrap() -> None:
    drawn, forgotten = t.Node("P"), t.Node("P")
    recorder = t.Recorder()
    canvas, _, _ = _canvas()
    recorder.attach(canvas)
    with t.marked(canvas, drawn):
        canvas.drawString(0, 0, "x")
    assert t.undrawn(t.Node("Document", [drawn, forgotten]), recorder) == [forgotten]


def test_the_xmp_packet_escapes_and_keeps_every_script() -> None:
    from xml.etree import ElementTree

    title = "Dolor de espalda & <espasmos> — تشنج الظهر"
    packet = xmp_packet({"Title": title, "CreationDate": "D:20261121093000+01'00'"}, "ar")
    xmp = ElementTree.fromstring(packet)
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert "".join(xmp.find(f".//{dc}title").itertext()) == title  # type: ignore[union-attr]
    assert b"<xmp:CreateDate>2026-11-21T09:30:00+01:00</xmp:CreateDate>" in packet
