"""The shortcuts that make tagging cheaper write what the long way writes.

Each shortcut (one literal for two marks, a paragraph that marks its own drawing, a group
that finds nodes without walking again) is compared with the long way: the same page
operators, the same record of MCIDs, the same structure tree.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from helpers import ROOT
from leaflet_sample import register_fonts, stretch_drawing
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder import build_pdf, builtin_layout_names
from pdfbuilder import tagging as t
from pdfbuilder.check.pdfua import check_pdfua


def _page_stream(draw: Callable[[Canvas, t.Recorder], None]) -> tuple[str, t.Recorder]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=0)
    recorder = t.Recorder()
    recorder.attach(canvas)
    canvas.setFont(register_fonts()[0], 10)
    draw(canvas, recorder)
    recorder.check_closed()
    canvas.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        return pdf.pages[0].obj.Contents.read_bytes().decode("latin-1"), recorder


def _record(recorder: t.Recorder) -> tuple[Any, ...]:
    return (
        [[n.role for n in nodes] for nodes in recorder.page_nodes.values()],
        [(n.role, refs) for n, refs in recorder.content.items()],
        recorder.page_keys,
    )


@pytest.mark.parametrize(
    "outer", [None, t.LAYOUT, t.Node("Div")], ids=["alone", "in-artifact", "in-node"]
)
def test_switching_marks_writes_what_ending_and_beginning_write(outer: Any) -> None:
    def draw(switch: bool) -> Callable[[Canvas, t.Recorder], None]:
        def run(canvas: Canvas, recorder: t.Recorder) -> None:
            lbl, lbody = t.Node("Lbl"), t.Node("LBody")
            if outer is not None:
                recorder.begin(canvas, outer)
                canvas.drawString(0, 40, "border")
            recorder.begin(canvas, lbl)
            canvas.drawString(0, 30, "1.")
            if switch:
                recorder.switch(canvas, lbody)
            else:
                recorder.end(canvas)
                recorder.begin(canvas, lbody)
            canvas.drawString(10, 30, "body")
            recorder.end(canvas)
            if outer is not None:
                recorder.end(canvas)

        return run

    (short, short_rec), (long, long_rec) = _page_stream(draw(True)), _page_stream(draw(False))
    assert short == long
    assert _record(short_rec) == _record(long_rec)
    assert "/LBody <</MCID" in short


def test_switching_with_no_mark_open_is_refused() -> None:
    def draw(canvas: Canvas, recorder: t.Recorder) -> None:
        recorder.switch(canvas, t.Node("P"))

    with pytest.raises(t.TaggingError, match="without a mark"):
        _page_stream(draw)


def _story_pdf(story: list[Any], root: t.Node) -> tuple[bytes, t.Recorder]:
    from reportlab.platypus import SimpleDocTemplate

    recorder, buffer = t.Recorder(), io.BytesIO()
    doc = SimpleDocTemplate(buffer, title="Warmth", lang="en", displayDocTitle=1, invariant=1)
    doc.build(story, canvasmaker=recorder.canvasmaker())
    return t.finish(buffer.getvalue(), root, recorder), recorder


def _paragraphs(carry: bool) -> tuple[list[Any], t.Node]:
    from leaflet_sample import WORDS, styles

    from pdfbuilder import _rl
    from pdfbuilder.text.para import make_para

    _rl.install()  # the paragraph cache and replay, as a leaflet build has them
    body = styles()["body"]
    texts = [(WORDS * 3, "H1"), (WORDS * 60, "P"), (WORDS * 4, "P")]  # the second splits
    if carry:
        story = [t.tag(make_para(text, body), role) for text, role in texts]
    else:
        story = [t.Tagged(make_para(text, body), t.Node(role)) for text, role in texts]
    return story, t.collect(story)


def test_a_paragraph_carries_its_node_and_draws_the_bytes_a_tagged_wrapper_drew() -> None:
    from pdfbuilder.text.para import Para

    story, _ = _paragraphs(True)
    assert all(isinstance(p, Para) and isinstance(p.node, t.Node) for p in story)
    for _ in range(2):  # the second build replays the paragraphs' remembered drawings
        carried, recorder = _story_pdf(*_paragraphs(True))
        wrapped, _ = _story_pdf(*_paragraphs(False))
        assert carried == wrapped
    split = [n for n, refs in recorder.content.items() if len({page for _, page, _ in refs}) > 1]
    assert [n.role for n in split] == ["P"], "the long paragraph is one P on two pages"
    assert check_pdfua(carried) == []


def test_no_mark_is_remembered_in_a_paragraphs_replayed_drawing() -> None:
    from pdfbuilder._rl import paragraphs

    for _ in range(2):
        _story_pdf(*_paragraphs(True))
    drawn = [d for d in paragraphs._DRAWN.values() if d is not None]
    assert drawn, "the paragraphs' drawings are remembered"
    assert not any("BDC" in op or "EMC" in op for d in drawn for op in d.code)


def test_a_link_or_a_paragraph_as_a_figure_keeps_its_wrapper() -> None:
    from leaflet_sample import styles

    from pdfbuilder.figures.replay import FigureFlowable
    from pdfbuilder.text.para import make_para

    body = styles()["body"]
    link = t.tag(make_para("NHS 111", body), "Link", url="https://111.nhs.uk", contents="NHS 111")
    assert isinstance(link, t.Tagged)
    # A paragraph may split and draws no box: a Figure made of one keeps its wrapper.
    assert isinstance(t.tag(make_para("x", body), "Figure", alt="A cross"), t.Tagged)
    code = FigureFlowable(stretch_drawing(), 40, 40)
    linked = t.tag(code, "Figure", alt="A code", url="https://example.org", contents="Video")
    assert isinstance(linked, t.Tagged), "a link's annotation is the wrapper's to add"


def _figures(carry: bool) -> tuple[list[Any], t.Node]:
    """Paragraphs that fill most of a page, then figures of three kinds, one centred: the
    posed one does not fit what is left of page 1 (a figure never splits) and moves on."""
    from leaflet_sample import WORDS, styles
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.platypus import Spacer

    from pdfbuilder.figures import icon_flowable
    from pdfbuilder.figures.images import DrawingFlowable
    from pdfbuilder.figures.replay import FigureFlowable
    from pdfbuilder.figures.style import FigureStyle
    from pdfbuilder.text.para import make_para

    square = Drawing(30, 30)
    square.add(Rect(2, 2, 26, 26))
    figures = [
        (icon_flowable("walking", 60, FigureStyle()), "A person walking."),
        (DrawingFlowable(square, 30, 30), "A square."),
        (FigureFlowable(stretch_drawing(), 240, 160), "A person leaning."),
    ]
    figures[1][0].hAlign = "CENTER"  # its box is where the frame centres it
    body = styles()["body"]
    story: list[Any] = [t.tag(make_para(WORDS, body), "P"), Spacer(0, 480)]
    for flowable, alt in figures:
        if carry:
            story.append(t.tag(flowable, "Figure", alt=alt))
        else:
            story.append(t.Tagged(flowable, t.Node("Figure", alt=alt)))
    return story, t.collect(story)


def test_a_figure_carries_its_node_and_draws_the_bytes_a_tagged_wrapper_drew() -> None:
    story, _ = _figures(True)
    assert not any(isinstance(f, t.Tagged) for f in story)
    assert [type(f).__name__ for f in story[2:]] == [
        "MarkedFigureFlowable",
        "MarkedDrawingFlowable",
        "MarkedFigureFlowable",
    ]
    carried, recorder = _story_pdf(*_figures(True))
    wrapped, wrapped_recorder = _story_pdf(*_figures(False))
    assert carried == wrapped
    assert _record(recorder) == _record(wrapped_recorder)
    boxes = [(n.alt, box) for n, box in recorder.boxes.items()]
    assert boxes == [(n.alt, box) for n, box in wrapped_recorder.boxes.items()]
    assert [page for _, (page, _) in boxes] == [1, 1, 2], "the last figure moved on whole"
    assert check_pdfua(carried) == []


def test_a_figure_carrying_its_node_draws_unmarked_when_untagged() -> None:
    from reportlab.platypus import SimpleDocTemplate

    def untagged(carry: bool) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(buffer, title="Warmth", invariant=1)
        story, _ = _figures(carry)
        plain = [f if carry else f.flowable if isinstance(f, t.Tagged) else f for f in story]
        doc.build(plain)
        return buffer.getvalue()

    marked = untagged(True)
    assert marked == untagged(False)
    assert b"BDC" not in marked


def test_only_a_flowable_drawn_whole_carries_its_node() -> None:
    """A flowable that may split, or draws itself its own way, keeps its wrapper."""
    from reportlab.platypus import Flowable

    from pdfbuilder.flowables.rows import Stack

    class Drawn(Flowable):  # type: ignore[misc]
        def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
            pass

    class Cut(Flowable):  # type: ignore[misc]
        def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
            return [Flowable(), Flowable()]

    for flowable in (Drawn(), Cut(), Stack([Flowable()])):
        assert isinstance(t.tag(flowable, "Figure", alt="Something"), t.Tagged), flowable
    whole = t.tag(Flowable(), "Figure", alt="Something")
    assert not isinstance(whole, t.Tagged) and isinstance(whole.node, t.Node)
    assert type(t.tag(Flowable(), "P")) is type(whole), "one class made for each class"


def test_grouping_without_a_walk_finds_what_the_walk_finds() -> None:
    """Leaves with a node, arrangements already grouped, arrangements never grouped and
    flowables with no node at all, mixed: the group holds each one's root, in order, once."""
    from leaflet_sample import styles
    from reportlab.platypus import Spacer

    from pdfbuilder.flowables.rows import SideBySide, Stack
    from pdfbuilder.text.para import make_para

    body = styles()["body"]

    def para(role: str) -> Any:
        return t.tag(make_para(role, body), role)

    items = [t.list_entry(make_para(f"item {n}", body), "•", tagged=True) for n in range(3)]
    listed = t.group("L", items)
    boxed = Stack([para("H2"), *items], gap=2)  # holds the list's items: the L joins whole
    beside = SideBySide(para("P"), 100, Stack([para("P"), Spacer(0, 4)]), 6)
    inner = Stack([para("H3")])
    t.group("Div", [inner])  # already grouped: stands for the Div
    flowables = [Spacer(0, 4), para("P"), boxed, beside, inner, items[0], Spacer(0, 4)]
    expected = []
    for node in t.nodes_in(flowables):
        top = node.root()
        if top not in expected:
            expected.append(top)
    sect = t.group("Sect", flowables)
    assert sect.children == [expected[1], *[n for n in expected if n is not expected[1]]]
    assert [n.role for n in sect.children] == ["H2", "P", "L", "P", "P", "Div"]
    assert listed.parent is sect and all(n.parent is sect for n in sect.children)


def test_release_unlinks_every_node_from_its_parent_and_forgets_the_drawing() -> None:
    leaves = [t.Node("P"), t.Node("Lbl"), t.Node("LBody"), t.Node("H2")]
    li = t.Node("LI", leaves[1:3])
    root = t.Node("Document", [leaves[0], t.Node("Sect", [leaves[3], t.Node("L", [li])])])
    everyone = list(root.walk())
    recorder = t.Recorder()
    recorder.first_drawn[leaves[0]] = 0
    t.release(root, recorder)
    assert all(n.parent is None for n in everyone)
    assert [n.role for n in root.walk()] == [n.role for n in everyone], "children kept"
    assert recorder.first_drawn == {}


SHIPPED = sorted([*ROOT.glob("handouts/*.yaml"), *ROOT.glob("handouts/samples/*.yaml")])


@pytest.mark.parametrize("layout", builtin_layout_names())
@pytest.mark.parametrize("handout", SHIPPED, ids=lambda p: p.stem)
def test_every_group_of_a_shipped_leaflet_holds_what_a_plain_walk_finds(
    handout: Path, layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each group a leaflet's compose makes (found through nodes already grouped, roots
    gathered in one loop) holds the roots of what a plain walk of all its flowables finds,
    in order, each once, its first heading first; and the leaflet checks clean."""
    from pdfbuilder.tagging import structure

    adopt, groups = structure.adopt, []

    def checked(node: t.Node, flowables: Any) -> t.Node:
        flowables = list(flowables)
        expected = []
        for found in t.nodes_in(flowables):
            top = found.root()
            if top is not node and top not in expected:
                expected.append(top)
        if node.role in structure.SECTIONS:
            heading = next((n for n in expected if n.role in structure.HEADINGS), None)
            if heading is not None:
                expected = [heading, *[n for n in expected if n is not heading]]
        adopt(node, flowables)
        assert node.children == expected, f"{node!r} in {layout}"
        groups.append(node)
        return node

    monkeypatch.setattr(structure, "adopt", checked)
    pdf = build_pdf(handout, layout, impose=False)
    assert len(groups) > 5, "the compose grouped its content"
    assert check_pdfua(pdf) == []


class _Watched:
    """Mixed into a flowable class: counts every read of an instance's ``__dict__``
    attribute (which makes CPython keep the instance's attributes in a dictionary of their
    own from then on, slowing every later read of them)."""

    reads = 0

    @property  # type: ignore[misc]
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        _Watched.reads += 1
        return object.__getattribute__(self, "__dict__")  # type: ignore[no-any-return]


def test_the_structure_walk_reads_no_flowables_own_dictionary() -> None:
    """Boxes, stacks, a side-by-side, plain leaves and leaves with a node, in groups inside
    groups: every node is found in reading order and no flowable's ``__dict__`` is read."""
    from leaflet_sample import styles
    from reportlab.platypus import Flowable, Spacer

    from pdfbuilder.flowables.rows import SideBySide, Stack

    class Leaf(_Watched, Flowable):  # type: ignore[misc]
        def __init__(self, node: t.Node | None = None) -> None:
            super().__init__()
            if node is not None:
                self.node = node

    class WatchedStack(_Watched, Stack):  # type: ignore[misc]
        pass

    class WatchedSide(_Watched, SideBySide):  # type: ignore[misc]
        pass

    assert styles()  # (the sample's fonts registered, as for the other tests here)
    nodes = [t.Node("H2"), t.Node("P"), t.Node("P"), t.Node("P"), t.Node("H3")]
    inner = WatchedStack([Leaf(nodes[2]), Leaf(), Spacer(0, 2)], gap=1)
    beside = WatchedSide(Leaf(nodes[1]), 100, inner, 6)
    flowables = [Leaf(), Leaf(nodes[0]), beside, WatchedStack([Leaf(nodes[3])], gap=1)]
    _Watched.reads = 0
    assert list(t.nodes_in(flowables)) == nodes[:4]
    div = t.group("Div", [beside])
    sect = t.group("Sect", [*flowables, Leaf(nodes[4])])
    assert _Watched.reads == 0
    assert div.children == nodes[1:3] and div.parent is sect
    assert [n.role for n in sect.children] == ["H2", "Div", "P", "H3"]


def test_a_flowable_that_forwards_attributes_is_read_from_its_own_dictionary() -> None:
    """A wrapper forwards a missing attribute to what it wraps, and a class may have an
    attribute named like a part (``body``, ``node``): such classes are read from the
    instance's own dictionary, so nothing is found twice or taken from the class."""
    from reportlab.platypus import Flowable

    inner = t.Tagged(Flowable(), t.Node("P"))
    wrapped = t.AsArtifact(inner)  # wrapped.node would forward to inner.node

    class WithClassPart(Flowable):  # type: ignore[misc]
        body = Flowable()  # a class attribute, not a part of any instance
        node = None

    class Slotted(Flowable):  # type: ignore[misc]
        __slots__ = ("node",)  # (Flowable's own instances still have a dictionary)

    slotted = Slotted()
    slotted.node = t.Node("Span")
    found = list(t.nodes_in([wrapped, WithClassPart(), slotted]))
    assert found == [inner.node, slotted.node]
