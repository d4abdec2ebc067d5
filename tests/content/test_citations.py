"""Sources with their citation fields, checked when read and printed as citations."""

from __future__ import annotations

import re

import pytest
from helpers import BACK_SPASMS, ROOT, page_texts

from pdfbuilder import build_pdf
from pdfbuilder.content.citations import citation
from pdfbuilder.content.labels import labels_for
from pdfbuilder.content.model import handout_from_text, load_handout
from pdfbuilder.errors import HandoutError

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
PLAIN = "  - {title: A source, publisher: Someone, year: 2020}\n"


def _with_sources(*entries: str) -> str:
    assert PLAIN in MINIMAL
    return MINIMAL.replace(PLAIN, "".join(f"  - {e}\n" for e in entries))


def _cite(entry: str, language: str = "en") -> str:
    h = handout_from_text(_with_sources(entry))
    return citation(h.sources[0], labels_for(language))


def test_a_journal_article_prints_in_vancouver_style() -> None:
    entry = (
        '{title: "Noninvasive treatments for low back pain", '
        "authors: [Qaseem A, Wilt TJ, McLean RM, Forciea MA], journal: Ann Intern Med, "
        'year: 2017, volume: "166", issue: "7", pages: 514-530, doi: 10.7326/M16-2367, '
        'url: "https://doi.org/10.7326/M16-2367"}'
    )
    assert _cite(entry) == (
        "Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for low back pain. "
        "Ann Intern Med. 2017;166(7):514–530. doi:10.7326/M16-2367"
    )


def test_more_than_six_authors_become_et_al() -> None:
    names = ", ".join(f"Author{c} A" for c in "ABCDEFG")
    text = _cite(f"{{title: T, authors: [{names}], journal: J, year: 2001}}")
    assert text.startswith(
        "AuthorA A, AuthorB A, AuthorC A, AuthorD A, AuthorE A, AuthorF A, et al. T."
    )
    assert "AuthorG" not in text
    assert _cite("{title: T, authors: [Smith J, et al.], journal: J, year: 2001}").startswith(
        "Smith J, et al. T. J. 2001."
    )


def test_a_guideline_prints_its_first_year_and_its_update() -> None:
    entry = (
        '{title: "Low back pain (NG59)", publisher: NICE, year: 2016, updated: 2020, '
        'url: "https://www.nice.org.uk/guidance/ng59"}'
    )
    assert (
        _cite(entry)
        == "NICE. Low back pain (NG59). 2016, updated 2020. www.nice.org.uk/guidance/ng59"
    )
    assert "2016, actualizado en 2020." in _cite(entry, "es")


def test_a_web_page_prints_its_dates_in_the_leaflet_language() -> None:
    entry = (
        "{title: Back pain, publisher: NHS, last_reviewed: 2023-05-02, accessed: 2026-12-01, "
        'url: "https://www.nhs.uk/conditions/back-pain/"}'
    )
    assert _cite(entry) == (
        "NHS. Back pain. Last reviewed 2 May 2023; accessed 1 December 2026. "
        "www.nhs.uk/conditions/back-pain"
    )
    only_accessed = "{title: Back pain, publisher: NHS, accessed: 2026-12-01}"
    assert _cite(only_accessed) == "NHS. Back pain. Accessed 1 December 2026."
    assert "Back pain. Consultado el 1 de diciembre de 2026." in _cite(only_accessed, "es")


@pytest.mark.parametrize(
    ("entry", "field", "words"),
    [
        ("{title: T, year: 2020}", "sources[0]", "say who published it"),
        ("{title: T, publisher: P}", "sources[0]", "give it a date"),
        (
            "{title: T, publisher: P, year: 2020, doi: 'https://doi.org/10.1/x'}",
            "sources[0].doi",
            "leave out https://doi.org/",
        ),
        (
            "{title: T, publisher: P, year: 2020, updated: 2019}",
            "sources[0].updated",
            "is before `year` (2020)",
        ),
        (
            "{title: T, publisher: P, year: 2020, volume: '3'}",
            "sources[0].volume",
            "only a journal has volumes",
        ),
        (
            "{title: T, publisher: P, year: 2020, acessed: 2026-01-01}",
            "sources[0].acessed",
            "unknown field",
        ),
    ],
)
def test_a_source_that_cannot_be_cited_is_refused_at_its_line(
    entry: str, field: str, words: str
) -> None:
    with pytest.raises(HandoutError) as caught:
        handout_from_text(_with_sources(entry), "x.yaml")
    message = str(caught.value)
    assert re.match(r"x\.yaml:\d+:\d+: ", message), message
    assert f" {field}: " in message and words in message


def test_the_back_spasm_leaflet_prints_its_citations_correctly() -> None:
    h = load_handout(BACK_SPASMS)
    text = " ".join(page_texts(build_pdf(h, "standard")))
    for expected in (
        # NICE NG59: first published 2016, last updated 2020.
        "NICE. Low back pain and sciatica in over 16s: assessment and management (NG59). "
        "2016, updated 2020; accessed 1 December 2026. www.nice.org.uk/guidance/ng59",
        # ACP guideline: its four authors, its journal, volume, issue and pages.
        "Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, "
        "subacute, and chronic low back pain: a clinical practice guideline from the "
        "American College of Physicians. Ann Intern Med. 2017;166(7):514–530. "
        "doi:10.7326/M16-2367",
        "Pengel LHM, Herbert RD, Maher CG, Refshauge KM. Acute low back pain: systematic "
        "review of its prognosis. BMJ. 2003;327(7410):323. doi:10.1136/bmj.327.7410.323",
        "NHS. Back pain. Accessed 1 December 2026. www.nhs.uk/conditions/back-pain",
    ):
        assert expected in text, expected
    # A web page is dated by when it was read or reviewed, never by a bare year of printing.
    assert "NHS website, 2026" not in text and "NHS, 2026" not in text
