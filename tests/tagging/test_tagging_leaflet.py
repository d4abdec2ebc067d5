"""A leaflet-like document tagged with pdfbuilder.tagging passes PDF/UA-1 and reads right.

Every check reads the built PDF back (pikepdf): the structure tree, the ParentTree, the
annotations, the XMP packet and the page streams.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from leaflet_sample import PARAGRAPH, Leaflet, build_leaflet, read_structure, stretch_drawing

from pdfbuilder import _rl
from pdfbuilder import tagging as t
from pdfbuilder._rl import paragraphs
from pdfbuilder.check.pdfua import check_pdfua
from pdfbuilder.text.para import Para


@pytest.fixture(scope="module")
def leaflet() -> Leaflet:
    return build_leaflet()


def _open(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))


def test_the_tagged_leaflet_has_no_pdfua_findings(leaflet: Leaflet) -> None:
    assert check_pdfua(leaflet.pdf) == []


def test_the_untagged_leaflet_is_reported_page_by_page() -> None:
    found = check_pdfua(build_leaflet(tagged=False).pdf)
    assert {f.checkpoint for f in found} == {"01-005", "06-001", "x-markinfo", "x-structure"}
    assert sorted(f.page for f in found if f.checkpoint == "01-005") == [1, 2, 3, 4]


def test_the_tree_follows_the_content_model(leaflet: Leaflet) -> None:
    section = ("Sect", ["H2", "P", "P", "P"])
    item = ("LI", ["Lbl", "LBody"])
    table = ("Table", [("TR", ["TH", "TH"]), ("TR", ["TD", "TD"]), ("TR", ["TD", "TD"])])
    assert read_structure(leaflet.pdf).outline() == (
        "Document",
        [
            "H1",
            section,
            section,
            ("Sect", ["H2", ("L", [item] * 3), ("L", [item] * 3)]),
            ("Sect", ["H2", "Figure", "Figure", table]),
            ("Sect", ["H2", "P", ("P", ["Link"])]),
        ],
    )


def test_a_paragraph_split_across_pages_is_one_p_with_content_on_both(leaflet: Leaflet) -> None:
    tree = read_structure(leaflet.pdf)
    paragraphs = [e for e in tree.walk() if e.role == "P"]
    assert len(paragraphs) == 6 + 2  # as composed: parts of a split never add elements
    split = [p for p in paragraphs if len({page for page, _ in p.content}) == 2]
    assert split, "the sample is meant to split a paragraph across a page break"
    for p in split:
        (page1, _), (page2, _) = p.content
        assert page2 == page1 + 1
        assert "/MCR" in str(p.obj.K)  # the second page's MCID names its page


def test_every_mcid_reaches_its_element_through_the_parent_tree(leaflet: Leaflet) -> None:
    pdf = _open(leaflet.pdf)
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    parents = dict(zip(nums[::2], nums[1::2], strict=True))
    claimed = {}
    for element in read_structure(leaflet.pdf).walk():
        for ref in element.content:
            claimed[ref] = element.obj.objgen
    for number, page in enumerate(pdf.pages, 1):
        stream = page.obj.Contents.read_bytes().decode("latin-1")
        mcids = [int(m) for m in re.findall(r"<</MCID (\d+)>> BDC", stream)]
        assert mcids == list(range(len(mcids)))  # one series per page, none repeated
        entry = parents[int(page.obj.StructParents)]
        assert [entry[m].objgen for m in mcids] == [claimed[(number, m)] for m in mcids]
    assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(parents) + 1


def test_the_link_is_a_clickable_annotation_in_a_link_element(leaflet: Leaflet) -> None:
    pdf = _open(leaflet.pdf)
    pages = [p for p in pdf.pages if "/Annots" in p.obj]
    assert len(pages) == 1 and pages[0].obj.Tabs == pikepdf.Name.S
    (annot,) = pages[0].obj.Annots
    assert annot.A.URI == "https://www.nhs.uk/conditions/back-pain/"
    assert str(annot.Contents) == "NHS back pain page (opens the web page)"
    link = next(e for e in read_structure(leaflet.pdf).walk() if e.role == "Link")
    objr = [k for k in link.obj.K if isinstance(k, pikepdf.Dictionary)]
    assert objr[0].Type == pikepdf.Name.OBJR and objr[0].Obj.objgen == annot.objgen
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    assert dict(zip(nums[::2], nums[1::2], strict=True))[int(annot.StructParent)].objgen == (
        link.obj.objgen
    )
    assert link.content  # the link's printed text is its content too


def test_figures_carry_alt_text_and_their_box_on_the_page(leaflet: Leaflet) -> None:
    figures = [e for e in read_structure(leaflet.pdf).walk() if e.role == "Figure"]
    assert [str(f.obj.Alt) for f in figures] == [
        "A person standing, then leaning to one side.",
        "A warm pack resting on a lower back.",
    ]
    x0, y0, x1, y1 = (float(v) for v in figures[1].obj.A.BBox)
    assert (round(x1 - x0), round(y1 - y0)) == (113, 85)  # 40 x 30 mm
    assert round((x0 + x1) / 2) == round(595.28 / 2)  # centred, as the photo is drawn
    assert str(figures[0].obj.A.O) == "/Layout"


def test_table_headers_have_a_scope_and_lists_a_numbering(leaflet: Leaflet) -> None:
    elements = read_structure(leaflet.pdf).walk()
    assert {str(e.obj.A.Scope) for e in elements if e.role == "TH"} == {"/Column"}
    assert [str(e.obj.A.ListNumbering) for e in elements if e.role == "L"] == [
        "/Disc",
        "/Decimal",
    ]


def test_page_furniture_is_marked_as_artifacts(leaflet: Leaflet) -> None:
    pdf = _open(leaflet.pdf)
    stream = pdf.pages[0].obj.Contents.read_bytes().decode("latin-1")
    footer = stream.index("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
    assert "(Page 1 of ) Tj" in stream[footer : stream.index("EMC", footer)]
    assert "/FormXob.tagTestTotal Do" in stream[footer : stream.index("EMC", footer)]
    assert "/Artifact <</Type /Layout>> BDC" in stream  # the fold guide


def test_catalog_and_xmp_agree_with_the_document_info(leaflet: Leaflet) -> None:
    pdf = _open(leaflet.pdf)
    root = pdf.Root
    assert root.MarkInfo.Marked is True
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(root.Lang) == "en-GB"
    assert str(root.Version) == "/1.7"  # overrides the 1.4 in ReportLab's header
    with pdf.open_metadata() as meta:
        assert meta["dc:title"] == str(pdf.docinfo.Title) == "Back spasms"
        assert meta["dc:creator"] == [str(pdf.docinfo.Author)]
        assert meta["dc:description"] == str(pdf.docinfo.Subject)
        assert list(meta["dc:language"]) == ["en-GB"]
        assert meta["pdf:Producer"] == str(pdf.docinfo.Producer)
        assert meta["xmp:CreateDate"].startswith("2000-01-01")  # ReportLab's invariant date
        assert meta["pdfuaid:part"] == "1"


def test_builds_are_byte_identical_run_to_run_and_across_threads(leaflet: Leaflet) -> None:
    assert build_leaflet().pdf == leaflet.pdf
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(build_leaflet().pdf)) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [leaflet.pdf, leaflet.pdf]


def test_without_invariant_the_finishing_pass_adds_no_time_or_randomness() -> None:
    pdf = _open(build_leaflet(invariant=0).pdf)
    with pdf.open_metadata() as meta:
        assert meta["xmp:CreateDate"][:10] == _xmp_date(str(pdf.docinfo.CreationDate))


def _xmp_date(pdf_date: str) -> str:
    return f"{pdf_date[2:6]}-{pdf_date[6:8]}-{pdf_date[8:10]}"


@pytest.fixture
def project_paragraphs() -> Iterator[None]:
    """Build the sample with the project's caching paragraph (records and replays draws)."""
    if not _rl.install():
        pytest.skip(f"the paragraph cache is off: {_rl.plain_reason()}")
    plain = PARAGRAPH[0]
    PARAGRAPH[0] = Para
    try:
        yield
    finally:
        PARAGRAPH[0] = plain


def test_replayed_paragraphs_never_replay_mcids(
    project_paragraphs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    replays: list[bool] = []
    fits = paragraphs.Drawing.fits
    monkeypatch.setattr(
        paragraphs.Drawing, "fits", lambda d, doc: replays.append(fits(d, doc)) or replays[-1]
    )
    paragraphs.REPLAY = False
    try:
        fresh = build_leaflet(sections=3).pdf
    finally:
        paragraphs.REPLAY = True
    recorded = build_leaflet(sections=3).pdf
    replayed = build_leaflet(sections=3).pdf
    assert recorded == replayed == fresh
    assert replays.count(True) > 20  # the paragraphs' drawings did come from the cache
    assert check_pdfua(replayed) == []


def test_pdfua_package_agrees_as_a_second_opinion(leaflet: Leaflet, tmp_path: Path) -> None:
    pdfua = pytest.importorskip("pdfua")
    tagged, untagged = tmp_path / "tagged.pdf", tmp_path / "untagged.pdf"
    tagged.write_bytes(leaflet.pdf)
    untagged.write_bytes(build_leaflet(tagged=False).pdf)
    assert [f.rule_id for f in pdfua.validate(str(tagged)).findings] == []
    assert pdfua.validate(str(untagged)).findings  # and it does see what is missing


def test_replayed_figure_and_qr_operators_carry_no_marks() -> None:
    """The project's figure and QR flowables append cached operators; the marks stay outside."""
    from reportlab.lib.units import mm

    from pdfbuilder.figures.replay import FigureFlowable
    from pdfbuilder.flowables.qr import QrFlowable

    url = "https://example.org/back"

    def hook(story: list[Any], root: t.Node) -> None:
        sect = root.child("Sect")
        figure = t.figure(FigureFlowable(stretch_drawing(), 120, 80), "A person leaning.")
        code = t.Node("Figure", alt="QR code for the video of this exercise")
        sect.add(figure.node, t.Node("Link", [code]))
        story += [figure, t.Tagged(QrFlowable(url, 25 * mm), code, url=url)]

    first, second = build_leaflet(hook=hook).pdf, build_leaflet(hook=hook).pdf
    assert first == second
    assert check_pdfua(second) == []
    link = [e for e in read_structure(second).walk() if e.role == "Link"][-1]
    assert [c.role for c in link.children] == ["Figure"]
    assert str(link.children[0].obj.Alt) == "QR code for the video of this exercise"
