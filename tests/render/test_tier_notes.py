"""A seek-help tier's note (``seek_help.notes``) is advice, not one more sign.

Read back from the built PDF in every built-in layout: the note prints after the last sign of
its tier (later in the page text, below the sign in the same column, before the next tier's
heading), it is a ``P`` after the list inside the tier's section of the structure tree (never
a list item), and ``handout check`` reads it: an emergency sign in a lower tier's note is an
error, in the emergency tier's own note it is not.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from helpers import ROOT

from pdfbuilder import build_pdf, builtin_layout_names, load_handout, load_layout
from pdfbuilder.check import check_handout
from pdfbuilder.check.structure import Shown, elements
from pdfbuilder.content.fields import seek_help_texts

GOOD = ROOT / "tests" / "data" / "check" / "good.yaml"
LAYOUTS = builtin_layout_names()
NOTES = {
    "emergency": "Zebra note: go even if the signs come and go.",
    "urgent": "Yak note: if the surgery is shut, call the advice line.",
    "routine": "Walrus note: bring a list of your medicines.",
}
#: The last sign of each tier of good.yaml (its urgent tier has two: "hot", "red and swollen").
LAST_SIGN = {
    "emergency": "You cannot stand on your leg at all.",
    "urgent": "red and swollen.",
    "routine": "It is no better after 6 weeks.",
}
HEADINGS = {"emergency": "Emergency", "urgent": "Urgent", "routine": "Soon"}


def _with_notes(tmp: Path, notes: dict[str, object], name: str = "notes.yaml") -> Path:
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    data["seek_help"]["notes"] = notes
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def noted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _with_notes(tmp_path_factory.mktemp("notes"), NOTES)


@functools.cache
def _built(path: Path, layout: str) -> bytes:
    return build_pdf(path, layout, impose=False)


class _Text:
    """A PDF's text as one string, white space collapsed (a line break reads as a space),
    each character traced to its page and its box there."""

    def __init__(self, data: bytes) -> None:
        pdf = pdfium.PdfDocument(data)
        self.flat, self.where = "", []
        self.texts: list[pdfium.PdfTextPage] = []
        for number in range(len(pdf)):
            page = pdf[number].get_textpage()
            for i, char in enumerate(page.get_text_range()):
                if char.isspace():
                    if self.flat and not self.flat.endswith(" "):
                        self.flat += " "
                        self.where.append((number, None))
                    continue
                self.flat += char
                self.where.append((number, i))
            self.texts.append(page)

    def find(self, phrase: str) -> tuple[int, int, tuple[float, ...]]:
        """(page index, position in the whole text, box of the phrase's first character)."""
        at = self.flat.find(" ".join(phrase.split()))
        assert at >= 0, f"{phrase!r} is not in the PDF"
        number, index = self.where[at]
        assert index is not None
        return number, at, self.texts[number].get_charbox(index)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_note_prints_after_its_tiers_signs(noted: Path, layout: str) -> None:
    text = _Text(_built(noted, layout))
    order = []
    for tier, note in NOTES.items():
        sign_page, sign_at, sign_box = text.find(LAST_SIGN[tier])
        note_page, note_at, note_box = text.find(note)
        assert note_at > sign_at, f"{tier}: the note comes before the last sign"
        assert note_page >= sign_page
        if note_page == sign_page:
            left, _, _, top = sign_box
            assert note_box[3] < top, f"{tier}: the note is not below the last sign"
            # the same column: the note starts within a bullet's indent of the sign
            assert abs(note_box[0] - left) < 40, tier
        order.append(note_at)
    assert order == sorted(order)  # emergency's note, then urgent's, then routine's
    for earlier, later in (("emergency", "urgent"), ("urgent", "routine")):
        note = text.find(NOTES[earlier])[1]
        assert note < text.find(LAST_SIGN[later])[1], f"{earlier}'s note after the {later} tier"


def _tier_sections(shown: list[Shown]) -> dict[str, list[Shown]]:
    """Each tier's section (the Sect holding its H3), its elements in reading order."""
    found: dict[str, list[Shown]] = {}
    for i, e in enumerate(shown):
        tier = next((t for t, h in HEADINGS.items() if e.text.startswith(h)), None)
        if e.role != "H3" or tier is None:
            continue
        start = max(j for j in range(i) if shown[j].role == "Sect" and shown[j].depth < e.depth)
        depth = shown[start].depth
        rest = shown[start + 1 :]
        end = next((j for j, x in enumerate(rest) if x.depth <= depth), len(rest))
        found.setdefault(tier, []).extend(rest[:end])
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_note_is_a_paragraph_after_the_list_in_its_tiers_section(
    noted: Path, layout: str
) -> None:
    shown = elements(_built(noted, layout))
    assert shown is not None
    sections = _tier_sections(shown)
    assert set(sections) == set(NOTES)
    for tier, inside in sections.items():
        words = NOTES[tier].split(":")[0]
        paragraphs = [e for e in inside if words in e.text]
        assert [e.role for e in paragraphs] == ["P"], f"{tier}: {paragraphs}"
        note = inside.index(paragraphs[0])
        lists = [i for i, e in enumerate(inside) if e.role == "L"]
        assert lists and max(lists) < note, f"{tier}: the note is not after the list"
        assert paragraphs[0].depth == inside[max(lists)].depth  # beside the list, not in it
        assert not any(words in e.text for e in inside if e.role in ("LI", "LBody", "Lbl"))


def test_the_note_of_a_tier_split_over_pages_prints_once_after_its_last_sign(
    tmp_path: Path,
) -> None:
    """A tier taller than a page goes on by signs; its note follows the last one only."""
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    signs = [
        f"Sign number {n}: you cannot stand on your leg at all, even with help." for n in range(40)
    ]
    data["seek_help"]["emergency"] = signs
    data["seek_help"]["notes"] = {"emergency": NOTES["emergency"]}
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for layout in ("standard", "large-print", "easy-read"):
        text = _Text(_built(path, layout))
        assert text.flat.count(NOTES["emergency"]) == 1, layout
        note_page, note_at, _ = text.find(NOTES["emergency"])
        last_page, last_at, _ = text.find(signs[-1])
        assert last_page == note_page and last_at < note_at, layout
        assert text.find(signs[0])[0] < note_page, layout  # the tier really is split


def _red_flags(path: Path) -> list[tuple[str, str, str]]:
    handout = load_handout(path)
    report = check_handout(handout, load_layout("standard"), rules=["content.red-flags"])
    return [(f.severity, f.field, f.message) for f in report.findings]


def test_the_check_reads_every_note(noted: Path) -> None:
    handout = load_handout(noted)
    read = [(path, text) for _, path, text in seek_help_texts(handout.seek_help)]
    for tier, note in NOTES.items():
        assert (("seek_help", "notes", tier), note) in read


def test_an_emergency_sign_in_the_emergency_note_is_not_misplaced(tmp_path: Path) -> None:
    note = "You cannot control when you pee or poo: go to A&E even if it comes and goes."
    assert _red_flags(_with_notes(tmp_path, {"emergency": note})) == []


@pytest.mark.parametrize("tier", ["urgent", "routine"])
def test_an_emergency_sign_in_a_lower_tiers_note_is_an_error(tmp_path: Path, tier: str) -> None:
    note = "If you cannot control when you pee or poo, tell the GP."
    found = _red_flags(_with_notes(tmp_path, {tier: note}))
    assert len(found) == 1
    severity, field, message = found[0]
    assert (severity, field) == ("error", f"seek_help.notes.{tier}")
    assert re.search(rf"move it from the {tier} tier's note to the emergency tier", message)


def test_the_check_cli_locates_a_misplaced_note(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pdfbuilder.cli import main

    path = _with_notes(tmp_path, {"routine": "Numbness around your genitals or bottom."})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if "seek_help.notes.routine" in line]
    written = path.read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(written) if "Numbness around" in text)
    assert lines and f"notes.yaml:{line}: content.red-flags" in lines[0], lines


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (
            {"emergncy": "Go now."},
            'seek_help.notes.emergncy: unknown field; did you mean "emergency"?',
        ),
        ({"urgent": ["Go.", "Now."]}, "seek_help.notes.urgent: expected text, got a list"),
        ({"routine": ""}, "seek_help.notes.routine: is empty; write some text or remove the field"),
        (
            {"urgent": "x" * 601},
            "seek_help.notes.urgent: is 601 characters long; this field holds at most 600",
        ),
    ],
    ids=["misspelt-tier", "a-list", "empty", "too-long"],
)
def test_a_wrong_note_is_refused_in_one_located_line(
    tmp_path: Path, notes: dict[str, object], expected: str
) -> None:
    from click.testing import CliRunner

    from pdfbuilder.cli import main

    path = _with_notes(tmp_path, notes)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert re.match(rf"Error: {re.escape(str(path))}:\d+:\d+: ", line), line
    assert expected in line
