"""The check library from Python: rules the file loader already guarantees (so they are
tested on handouts built in code), dates, targets, clinic profiles, labels, and the
formulas underneath."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from helpers import ROOT

from pdfbuilder import load_handout, load_layout
from pdfbuilder.check import RULES, Finding, Targets, check_handout, design, handout_targets
from pdfbuilder.check.design import audience_minimum
from pdfbuilder.check.readability import huerta_grade
from pdfbuilder.check.text import english_syllables, sentences, spanish_syllables, split_sentences
from pdfbuilder.content.labels import Labels, labels_for
from pdfbuilder.content.model import Handout, SeekHelp
from pdfbuilder.layout.contrast import contrast

GOOD = ROOT / "tests" / "data" / "check" / "good.yaml"
TODAY = dt.date(2027, 1, 1)


@pytest.fixture(scope="module")
def good() -> Handout:
    return load_handout(GOOD)


def _found(handout: Handout, rule: str, **kw: Any) -> list[tuple[str, str, str]]:
    layout = kw.pop("layout", None) or load_layout("standard")
    report = check_handout(handout, layout, today=kw.pop("today", TODAY), rules=[rule], **kw)
    return [(f.severity, f.field, f.message) for f in report.findings]


def test_empty_seek_help_tier_is_an_error(good: Handout) -> None:
    handout = dataclasses.replace(good, seek_help=SeekHelp((), ("Fever.",), ("No better.",)))
    assert _found(handout, "content.seek-help") == [
        (
            "error",
            "seek_help.emergency",
            "the emergency tier is empty; list the signs that need emergency help",
        )
    ]


def test_no_sources_is_an_error(good: Handout) -> None:
    assert _found(dataclasses.replace(good, sources=()), "content.sources") == [
        (
            "error",
            "sources",
            "no sources are listed; name the guidelines or reviews the content relies on",
        )
    ]


def test_too_few_key_points_is_an_error(good: Handout) -> None:
    handout = dataclasses.replace(good, key_takeaways=("Keep moving.",))
    assert _found(handout, "content.takeaways") == [
        ("error", "key_takeaways", "the key points summary has 1 points; give 3 to 6")
    ]


def test_figure_without_alt_text_is_an_error(good: Handout) -> None:
    exercise = good.exercises[0]
    bare = dataclasses.replace(exercise, figure=dataclasses.replace(exercise.figure, alt=""))
    handout = dataclasses.replace(good, exercises=(bare,))
    assert _found(handout, "content.figure-alt") == [
        (
            "error",
            "exercises[0].figure.alt",
            'the figure of "Bridge" has no alt text; describe it in one sentence for people who '
            "cannot see it",
        )
    ]


def test_passed_review_date_is_a_warning_for_a_draft(good: Handout) -> None:
    draft = dataclasses.replace(good, review=dataclasses.replace(good.review, status="draft"))
    assert _found(draft, "content.review-date", today=dt.date(2099, 1, 2)) == [
        (
            "warning",
            "review.next_review",
            "the review date 2099-01-01 has passed; review the content and set a new next_review "
            "before printing",
        )
    ]


def test_review_date_within_90_days_is_a_warning(good: Handout) -> None:
    assert _found(good, "content.review-date", today=dt.date(2098, 11, 1)) == [
        (
            "warning",
            "review.next_review",
            "the review date 2099-01-01 is in 61 days; plan the review now",
        )
    ]
    assert _found(good, "content.review-date", today=dt.date(2098, 10, 1)) == []


def test_layout_with_exercise_log_needs_exercises(good: Handout) -> None:
    standard = load_layout("standard")
    with_log = dataclasses.replace(standard, blocks=(*standard.blocks, "exercise_log"))
    no_exercises = dataclasses.replace(good, exercises=())
    assert _found(no_exercises, "content.tangible-tool", layout=with_log) == [
        (
            "warning",
            "exercises",
            'the layout "standard" offers an exercise log, but the handout has no exercises, '
            "so the log is left out and the reader gets nothing to tick off; add exercises "
            "the reader can log",
        )
    ]
    assert _found(good, "content.tangible-tool", layout=with_log) == []


def test_layout_without_exercise_log_notes_no_tangible_tool(good: Handout) -> None:
    standard = load_layout("standard")
    without = dataclasses.replace(
        standard, blocks=tuple(b for b in standard.blocks if b != "exercise_log")
    )
    assert _found(good, "content.tangible-tool", layout=without) == [
        (
            "info",
            "blocks",
            'the layout "standard" offers no tangible tool (no exercise_log block); the reader '
            "gets nothing to fill in or tick off",
        )
    ]


@dataclasses.dataclass
class _Clinic:
    phone: str | None = None
    email: str | None = None
    file: str = "clinic.yaml"


def test_clinic_without_contact_details_is_an_error(good: Handout) -> None:
    assert _found(good, "content.contacts", clinic=_Clinic()) == [
        (
            "error",
            "",
            "the clinic profile gives no phone number, email or website; add one so readers can "
            "ask a question",
        )
    ]
    assert _found(good, "content.contacts", clinic=_Clinic(phone="01234 567890")) == []
    assert _found(good, "content.contacts") == []


def test_tier_labels_must_differ(good: Handout, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {"emergency_heading": "Get help", "urgent_heading": "Get help!", "routine_heading": " "}
    monkeypatch.setattr(design, "labels_for", lambda _lang, _own=(): Labels("en", texts))
    assert _found(good, "design.tier-labels") == [
        (
            "error",
            "routine_heading",
            "the routine tier has no heading words, so only its colour tells it apart; give "
            "routine_heading a heading",
        ),
        (
            "error",
            "urgent_heading",
            'the urgent and emergency tiers have the same heading "Get help!", so only colour '
            "tells them apart; give each its own words",
        ),
    ]


def test_built_in_tier_labels_differ(good: Handout) -> None:
    assert _found(good, "design.tier-labels") == []
    spanish = labels_for("es")
    assert len({spanish(f"{t}_heading") for t in ("emergency", "urgent", "routine")}) == 3


def test_targets_come_from_the_handout_when_it_sets_them(good: Handout) -> None:
    assert handout_targets(good) == Targets(6, 8)

    @dataclasses.dataclass(frozen=True)
    class Own:
        target_grade: float = 5
        max_grade: float | None = None

    class WithTargets:
        readability = Own()

    assert handout_targets(WithTargets()) == Targets(5, 8)  # type: ignore[arg-type]


def test_lower_targets_turn_an_easy_leaflet_into_a_warning(good: Handout) -> None:
    report = check_handout(
        good,
        load_layout("standard"),
        targets=Targets(0, 8),
        today=TODAY,
        rules=["readability.grade"],
    )
    assert [f.severity for f in report.findings] == ["warning"]
    with pytest.raises(ValueError):
        Targets(9, 8)


def test_unknown_rule_is_a_key_error(good: Handout) -> None:
    with pytest.raises(KeyError):
        check_handout(good, load_layout("standard"), rules=["no.such-rule"])


def test_every_rule_id_is_documented() -> None:
    docs = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"`{rule}`" not in docs]
    assert missing == []


def test_findings_sort_by_severity_then_place() -> None:
    found = [
        Finding("b", "info", "m", "x", 1),
        Finding("a", "warning", "m", "x", 9),
        Finding("c", "error", "m", "y", 5),
        Finding("c", "error", "m", "x", 2),
    ]
    ordered = sorted(found, key=Finding.sort_key)
    assert [(f.severity, f.line) for f in ordered] == [
        ("error", 2),
        ("error", 5),
        ("warning", 9),
        ("info", 1),
    ]


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),
        ("#fff", "#0b4f8a", 8.40),
    ],
)
def test_wcag_contrast(foreground: str, background: str, ratio: float) -> None:
    assert contrast(foreground, background) == pytest.approx(ratio, abs=0.01)


def test_audience_minimum_comes_from_the_layout() -> None:
    standard = load_layout("standard")
    assert audience_minimum(standard) == getattr(standard.type, "minimum", 9.0)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("leaflet", 2),
        ("comfortable", 4),
        ("physiotherapist", 5),
        ("every", 3),
        ("ibuprofen", 4),
        ("child's", 1),
        ("30", 1),
        ("gloopiness", 3),
    ],
)
def test_english_syllables(word: str, count: int) -> None:
    assert english_syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("fisioterapeuta", 6),
        ("músculo", 3),
        ("aeropuerto", 5),
        ("río", 2),
        ("guía", 2),
        ("que", 1),
        ("pingüino", 3),
        ("y", 1),
        ("país", 2),
    ],
)
def test_spanish_syllables(word: str, count: int) -> None:
    assert spanish_syllables(word) == count


def test_sentences_split_at_full_stops_not_abbreviations() -> None:
    text = "Keep moving, e.g. walk to the shop. Do not stay in bed! Is it worse? Call 111."
    assert split_sentences(text) == [
        "Keep moving, e.g. walk to the shop.",
        "Do not stay in bed!",
        "Is it worse?",
        "Call 111.",
    ]
    assert [len(s.words) for s in sentences("Knee-to-chest stretch.", "en")] == [4]


def test_huerta_grade_follows_the_bands() -> None:
    assert huerta_grade(70) == 6
    assert huerta_grade(65) == 7
    assert huerta_grade(95) == 3.5
    assert huerta_grade(-20) == 18
    assert huerta_grade(150) == 1
