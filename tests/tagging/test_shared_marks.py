"""The operators and refs a recorder shares between builds (marks._PAGE_REFS, marks._BDC)
are the ones it would make afresh: within the tables' limits, past them, on many pages
and for many roles, whatever order builds ask for them in; and a recorder using them
notes what noting each mark, link and region change by hand gives."""

from __future__ import annotations

import io
import random

import pytest
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder.tagging import marks
from pdfbuilder.tagging.tree import Node


@pytest.fixture
def small_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables small enough for a test to run past their limits, empty to begin with."""
    monkeypatch.setattr(marks, "_PAGE_REFS", {})
    monkeypatch.setattr(marks, "_BDC", {})
    monkeypatch.setattr(marks, "_SHARED_KEYS", 3)
    monkeypatch.setattr(marks, "_SHARED_MCIDS", 40)


@pytest.mark.usefixtures("small_tables")
def test_shared_refs_and_operators_are_those_made_afresh() -> None:
    # Out of order, past the MCID limit, on more pages and roles than the tables keep.
    for mcid in [5, 0, 39, 40, 41, 17, 200, 1]:
        for page in range(1, 6):
            assert marks.mcid_ref(page, mcid) == ("mcid", page, mcid)
        for role in ["P", "H1", "LBody", "Span", "Figure"]:
            assert marks.bdc(role, mcid) == f"/{role} <</MCID {mcid}>> BDC"
    assert len(marks._PAGE_REFS) == 3 and len(marks._BDC) == 3
    assert all(len(refs) <= 40 for refs in marks._PAGE_REFS.values())
    assert all(len(made) <= 40 for made in marks._BDC.values())


@pytest.mark.usefixtures("small_tables")
def test_a_recorder_notes_the_same_marks_with_and_without_shared_tables() -> None:
    def draw() -> tuple[str, dict[Node, list[marks.Ref]], dict[int, list[Node]]]:
        buffer = io.BytesIO()
        canvas, recorder = Canvas(buffer), marks.Recorder()
        recorder.attach(canvas)
        for page in range(5):  # more pages than the table keeps, more marks than a list
            for i in range(45 + page):
                recorder.begin(canvas, nodes[(i * 7 + page) % len(nodes)])
                canvas.drawString(0, i, "x")
                if i % 3:
                    recorder.begin(canvas, marks.LAYOUT)  # interrupts: a node mark resumes
                    recorder.end(canvas)
                recorder.end(canvas)
            canvas.showPage()
        canvas.setPageCompression(0)
        canvas.save()
        return buffer.getvalue().decode("latin-1"), recorder.content, recorder.page_nodes

    nodes = [Node(role) for role in ["P", "H2", "Span", "LBody", "Lbl", "TD"]]
    first = draw()  # fills the tables
    again = draw()  # reads them
    marks._PAGE_REFS.clear()
    marks._BDC.clear()
    marks._SHARED_KEYS = 0  # nothing shared: every ref and operator made afresh
    fresh = draw()
    assert first[1:] == again[1:] == fresh[1:]
    # The page streams are the same (the files differ only in their dates and ids).
    streams = [text[: text.index("xref")].split("stream")[1::2] for text in (first[0], fresh[0])]
    assert len(streams[0]) == 5 and streams[0] == streams[1]
    expected = [("mcid", page, mcid) for page in range(1, 6) for mcid in range(0, 2)]
    assert all(ref in [r for refs in fresh[1].values() for r in refs] for ref in expected)


@pytest.mark.usefixtures("small_tables")
@pytest.mark.parametrize("seed", range(40))
def test_a_recorder_notes_marks_links_and_regions_as_they_happen(seed: int) -> None:
    """Marks (some nested), links and region changes in a random order over a few pages
    (more marks than the shared lists hold), against what noting them by hand gives."""
    rng = random.Random(seed)
    canvas, recorder = Canvas(io.BytesIO()), marks.Recorder()
    recorder.attach(canvas)
    nodes = [Node(rng.choice(["P", "Span", "Link", "Figure"]), alt="a picture") for _ in range(12)]
    content: dict[Node, list[marks.Ref]] = {}
    first: dict[Node, int] = {}
    on_page: dict[int, int] = {}  # MCIDs so far on each page
    region = 0

    def noted(node: Node) -> None:  # as the recorder noted each mark before notes.py
        page = canvas.getPageNumber()
        mcid = on_page.get(page, 0)
        on_page[page] = mcid + 1
        content.setdefault(node, []).append(("mcid", page, mcid))
        first.setdefault(node, region * marks.REGION + len(first))

    for _ in range(rng.randrange(0, 150)):
        action = rng.random()
        if action < 0.5:
            node, inner = rng.choice(nodes), rng.choice(nodes)
            recorder.begin(canvas, node)
            noted(node)
            if action < 0.1:  # a nested mark: the outer one resumes after it
                recorder.begin(canvas, inner)
                noted(inner)
                recorder.end(canvas)
                noted(node)
            recorder.end(canvas)
        elif action < 0.7:
            node = rng.choice(nodes)
            recorder.link(canvas, node, "https://example.org/", (0, 0, 10, 10), "an example")
            content.setdefault(node, []).append(
                ("annot", canvas.getPageNumber(), recorder.links[-1].key)
            )
        elif action < 0.85:
            region = rng.randrange(3)
            recorder.region = region  # as reading_region sets it
        else:
            canvas.showPage()
        if rng.random() < 0.1:  # asked for mid-drawing: what is drawn later still counts
            assert recorder.content == content
    assert recorder.content == content
    assert recorder.first_drawn == first
