"""Every built-in leaflet is tagged PDF/UA-1 and reads in the order of its content.

Each built-in layout on A4 and Letter, in English, Spanish and Arabic and for the neck and
ankle leaflets, plus the personalised and clinic-branded leaflets, is built as a user
builds it and read back: the PDF/UA checker (pdfbuilder.check.pdfua) finds nothing, and
the structure tree (read with pdfbuilder.check.structure, text decoded from the page
streams) has the title as H1, headings without skipped levels, every exercise figure with
its alt text from the YAML, the sources as links, the exercise log as a table, and no
footer text anywhere a screen reader would read it.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from helpers import ROOT, assert_same_pdf

from pdfbuilder import (
    build_pdf,
    builtin_layout_names,
    handout_from_text,
    load_handout,
    load_layout,
)
from pdfbuilder.check.pdfua import check_pdfua
from pdfbuilder.check.structure import Shown, elements
from pdfbuilder.compose.selection import select
from pdfbuilder.content.citations import link
from pdfbuilder.errors import HandoutError
from pdfbuilder.people.clinic import load_clinic
from pdfbuilder.people.personal import load_personal
from pdfbuilder.text.markup import plain

HANDOUTS = {
    "en": ROOT / "handouts" / "back-spasms.yaml",
    "es": ROOT / "handouts" / "back-spasms.es.yaml",
    "ar": ROOT / "handouts" / "samples" / "back-spasms.ar.yaml",
    "neck": ROOT / "handouts" / "neck-pain.yaml",
    "ankle": ROOT / "handouts" / "ankle-sprain.yaml",
}
LAYOUTS = builtin_layout_names()
PAPERS = ("a4", "letter")
MATRIX = [
    pytest.param(layout, paper, language, id=f"{layout}-{paper}-{language}")
    for layout in LAYOUTS
    for paper in PAPERS
    for language in HANDOUTS
]
HEADING = re.compile(r"^H([1-6])$")


@functools.cache
def built(layout: str, paper: str | None, language: str, extra: str = "") -> bytes:
    """A leaflet as ``handout build`` makes it (a booklet in reading order)."""
    options: dict[str, Any] = {"paper": paper, "impose": False}
    if "clinic" in extra:
        options["clinic"] = load_clinic(ROOT / "examples" / "clinic.yaml")
    if "personal" in extra:
        options["personal"] = load_personal(ROOT / "examples" / "plan.yaml")
    return build_pdf(HANDOUTS[language], layout, **options)


@functools.cache
def tree(layout: str, paper: str | None, language: str, extra: str = "") -> list[Shown]:
    found = elements(built(layout, paper, language, extra))
    assert found is not None, "the leaflet has no structure tree"
    return found


def _roles(shown: list[Shown], role: str) -> list[Shown]:
    return [e for e in shown if e.role == role]


def _text(shown: list[Shown]) -> str:
    return " ".join(e.text for e in shown if e.text)


@pytest.mark.parametrize(("layout", "paper", "language"), MATRIX)
def test_every_leaflet_passes_the_pdfua_checker(layout: str, paper: str, language: str) -> None:
    assert check_pdfua(built(layout, paper, language)) == []


@pytest.mark.parametrize(("layout", "paper", "language"), MATRIX)
def test_every_leaflet_reads_as_its_content(layout: str, paper: str, language: str) -> None:
    handout = load_handout(HANDOUTS[language])
    shown = tree(layout, paper, language)
    assert shown[0].role == "Document"
    (h1,) = _roles(shown, "H1")
    assert h1.text == plain(handout.title)
    levels = [int(m.group(1)) for e in shown if (m := HEADING.match(e.role))]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    headings = [e.text for e in shown if HEADING.match(e.role)]
    lay = load_layout(layout)
    handout = select(handout, lay.select)  # a short format prints what the content marks
    expected = [plain(section.heading) for section in handout.sections]
    present = [heading for heading in expected if heading in headings]
    if "sections" in lay.select.if_room:  # the last sections may give way for room
        assert present == expected[: len(present)]
    else:
        assert present == expected
    for ex in handout.exercises:
        assert plain(ex.name) in headings  # an H3 under the exercises' H2
    alts = [e.alt for e in _roles(shown, "Figure")]
    assert all(alts), "every Figure says what it shows"
    for ex in handout.exercises:
        assert plain(ex.figure.alt) in alts
    for lbody in _roles(shown, "LBody"):
        assert lbody.text or any(e.role == "Link" for e in shown if e.depth > lbody.depth)


@pytest.mark.parametrize(("layout", "paper", "language"), MATRIX)
def test_sources_are_links_and_the_log_is_a_table(layout: str, paper: str, language: str) -> None:
    handout = load_handout(HANDOUTS[language])
    shown = tree(layout, paper, language)
    lay = load_layout(layout)
    targets = {url for e in _roles(shown, "Link") for _, url in e.links}
    if lay.select.sources != "count":  # a short format says where the sources are instead
        assert {ref.url for ref in handout.sources if ref.url} <= targets
    assert all(description for e in _roles(shown, "Link") for description, _ in e.links)
    handout = select(handout, lay.select)
    if "exercise_log" in lay.select.if_room and not _roles(shown, "Table"):
        return  # the log gave way for room on this sheet
    (table,) = _roles(shown, "Table")
    intro = shown[shown.index(table) - 1]  # read without its blank line for the date
    assert intro.role == "P" and intro.actual_text and "_" not in intro.actual_text
    cells = shown[shown.index(table) + 1 :]
    heads = [e for e in cells if e.role == "TH"]
    assert len(heads) == 9 + len(handout.exercises)  # the header row, and a name per row
    assert all(dict(e.attributes).get("Table/Scope") in ("Column", "Row") for e in heads)
    assert sum(1 for e in heads if dict(e.attributes)["Table/Scope"] == "Row") == len(
        handout.exercises
    )


@pytest.mark.parametrize(("layout", "paper", "language"), MATRIX)
def test_page_furniture_is_never_read(layout: str, paper: str, language: str) -> None:
    handout = load_handout(HANDOUTS[language])
    words = _text(tree(layout, paper, language))
    document_id = handout.review.document_id
    if layout == "trifold":  # no page footer: the document line is printed after the sources
        assert words.count(document_id) == 1
    else:
        assert document_id not in words  # only in the footer, an artifact
    assert not re.search(r"\b\d+\s*(of|de|من)\s*\d+\b", words.replace("1 of 4", ""))


def test_a_paragraph_split_across_pages_is_one_element_on_two_pages(tmp_path: Path) -> None:
    """A paragraph too long for one large-print page is one P with content on each page."""
    content = yaml.safe_load(HANDOUTS["en"].read_text(encoding="utf-8"))
    long = " ".join(f"Point {n} of a long paragraph tells you one more thing." for n in range(40))
    content["sections"][0]["body"].append(long)
    handout = tmp_path / "long.yaml"
    handout.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    pdf = build_pdf(handout, "large-print", paper="a4")
    assert check_pdfua(pdf) == []
    shown = elements(pdf)
    assert shown is not None
    (split,) = [e for e in shown if e.role == "P" and len(set(e.pages)) > 1]
    assert split.role == "P"
    assert split.text == long  # whole, in order, and the footers between its parts not in it
    assert sorted(set(split.pages)) == list(range(split.pages[0], split.pages[-1] + 1))
    assert split.pages == tuple(sorted(split.pages))


def test_the_trifold_reads_cover_then_inside_then_back() -> None:
    handout = load_handout(HANDOUTS["en"])
    headings = [e.text for e in tree("trifold", "a4", "en") if HEADING.match(e.role)]
    shown = select(handout, load_layout("trifold").select)
    order = [
        plain(handout.title),
        "Key points",
        plain(shown.sections[0].heading),
        "Exercises to help your back",
        "My exercise log",
        "When to get help",  # starts inside, ends on the back panel
        "Where this information comes from",  # the back panel, drawn on page 1, read last
    ]
    assert [headings.index(h) for h in order] == sorted(headings.index(h) for h in order)
    pages = {e.text: e.pages[0] for e in tree("trifold", "a4", "en") if e.pages}
    assert pages["Where this information comes from"] == 1 < pages["When to get help"]


def test_the_seek_help_box_reads_each_tier_word_then_its_signs() -> None:
    shown = tree("standard", "a4", "en")
    start = next(i for i, e in enumerate(shown) if e.text == "When to get help")
    box = shown[start - 1]
    assert box.role == "Sect"
    after = shown[start:]
    inside = after[: next((i for i, e in enumerate(after) if e.depth <= box.depth), len(after))]
    tiers = [i for i, e in enumerate(inside) if e.role == "H3"]
    words = ["Emergency: now", "Urgent: today", "Soon: book a visit"]
    assert [inside[i].text for i in tiers] == words
    for i in tiers:
        assert inside[i - 1].role == "Sect"  # each tier a section of its own
        assert inside[i + 1].role == "P" and inside[i + 1].text.startswith(("Call", "Book"))
        assert inside[i + 2].role == "L"


def test_easy_read_rows_read_the_picture_then_its_words() -> None:
    shown = tree("easy-read", "a4", "en")
    figures = [i for i, e in enumerate(shown) if e.role == "Figure"]
    assert len(figures) > 20
    for i in figures:
        after = shown[i + 1]
        assert after.role in ("P", "H3", "L", "Figure") or HEADING.match(after.role), after
    for i, e in enumerate(shown):
        if e.role == "Sect":
            assert HEADING.match(shown[i + 1].role), "a section starts with its heading"


def test_right_to_left_text_is_read_in_logical_order() -> None:
    handout = load_handout(HANDOUTS["ar"])
    shown = tree("standard", "a4", "ar")
    assert shown[1].text == plain(handout.title)
    words = _text(shown)
    for point in handout.key_takeaways:
        assert plain(point) in words
    assert shown[0].lang is None  # the document's language is the catalog's


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_source_in_another_language_is_read_in_that_language(layout: str) -> None:
    """The Spanish leaflet's English sources are LBody elements with /Lang en; the rest
    have none (they are in the document's language, the catalog's /Lang)."""
    if load_layout(layout).select.sources == "count":
        pytest.skip("a short format lists no sources: it says the full leaflet has them")
    handout = load_handout(HANDOUTS["es"])
    shown = tree(layout, "a4", "es")
    lang_of = {
        target: body.lang
        for body, link in itertools.pairwise(shown)
        if body.role == "LBody" and link.role == "Link"
        for _, target in link.links
    }
    assert {link(ref): ref.language for ref in handout.sources} == lang_of  # url, or DOI's
    assert "en" in lang_of.values() and None in lang_of.values()
    assert check_pdfua(built(layout, "a4", "es")) == []


def test_a_source_language_that_is_not_a_language_tag_is_refused_where_it_is_written() -> None:
    text = (
        HANDOUTS["es"]
        .read_text(encoding="utf-8")
        .replace("language: en\n", "language: English\n", 1)
    )
    with pytest.raises(HandoutError) as info:
        handout_from_text(text, "x.yaml")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "language: English" in row)
    column = text.splitlines()[line - 1].index("English") + 1
    assert str(info.value) == (
        f'x.yaml:{line}:{column}: sources[1].language: "English" is not a language tag like en '
        "or en-GB"
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_clinic_branded_personalised_leaflet_passes(layout: str) -> None:
    pdf = built(layout, None, "en", "clinic personal")
    assert check_pdfua(pdf) == []
    shown = tree(layout, None, "en", "clinic personal")
    alts = [e.alt for e in _roles(shown, "Figure")]
    assert "Riverside Physiotherapy Clinic logo" in alts
    assert any(alt and alt.startswith("QR code that opens ") for alt in alts)
    targets = {url for e in _roles(shown, "Link") for _, url in e.links}
    assert "https://riverside-physio.example/leaflets/back-spasms" in targets  # the QR code
    assert "https://www.riverside-physio.example" in targets  # the clinic's website
    headings = [e.text for e in shown if HEADING.match(e.role)]
    assert "Your plan" in headings
    assert "Walk for 10 minutes twice a day." in _text(shown)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_second_opinion_finds_nothing_either(layout: str, tmp_path: Path) -> None:
    """The pdfua package (a small subset; it counts no unmarked paths or forms) agrees
    on the shipped leaflets (English, Arabic, clinic-branded and personalised) and does see
    an untagged one."""
    pdfua = pytest.importorskip("pdfua")
    for name, pdf in (
        ("plain", built(layout, "a4", "en")),
        ("arabic", built(layout, "letter", "ar")),
        ("personal", built(layout, None, "en", "clinic personal")),
    ):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        assert [f.rule_id for f in pdfua.validate(str(path)).findings] == [], name
    untagged = tmp_path / "untagged.pdf"
    untagged.write_bytes(build_pdf(HANDOUTS["en"], layout, tagged=False))
    assert pdfua.validate(str(untagged)).findings


def test_every_link_is_clickable_and_every_page_with_links_tabs_in_structure_order() -> None:
    pdf = built("standard", None, "en", "clinic personal")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        annotated = 0
        for page in document.pages:
            annots = list(page.obj.get("/Annots", []))
            for annot in annots:
                assert annot.Subtype == pikepdf.Name.Link
                assert str(annot.Contents).strip()
                assert str(annot.A.URI).startswith("https://")
                assert "/StructParent" in annot
            if annots:
                annotated += 1
                assert page.obj.Tabs == pikepdf.Name.S
        assert annotated >= 2


def test_the_metadata_says_the_same_as_the_document_information() -> None:
    from xml.etree import ElementTree

    pdf = built("standard", "a4", "es")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        xmp = ElementTree.fromstring(document.Root.Metadata.read_bytes())
        info = document.docinfo
        rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
        title = xmp.find(f".//{{http://purl.org/dc/elements/1.1/}}title/{rdf}Alt/{rdf}li")
        lang = xmp.find(f".//{{http://purl.org/dc/elements/1.1/}}language/{rdf}Bag/{rdf}li")
        part = xmp.find(".//{http://www.aiim.org/pdfua/ns/id/}part")
        assert title is not None and title.text == str(info.Title)
        assert lang is not None and lang.text == str(document.Root.Lang) == "es"
        assert part is not None and part.text == "1"
        assert bool(document.Root.ViewerPreferences.DisplayDocTitle)
        assert bool(document.Root.MarkInfo.Marked)


@pytest.mark.parametrize(
    "make",
    [
        lambda: build_pdf(HANDOUTS["en"], "standard"),
        lambda: build_pdf(HANDOUTS["ar"], "trifold"),
        lambda: build_pdf(HANDOUTS["en"], "easy-read", paper="letter"),
    ],
    ids=["standard", "trifold-ar", "easy-read-letter"],
)
def test_tagged_output_is_byte_identical_run_to_run(make: Callable[[], bytes]) -> None:
    assert_same_pdf(make(), make())
