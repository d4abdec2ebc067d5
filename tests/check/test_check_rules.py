"""One small bad handout (or layout) per check rule, each producing its exact message.

Each file in tests/data/check/ is tests/data/check/good.yaml with one thing wrong. A case
lists every error and warning the file must produce; no other rule may fire (apart from
the no-tangible-tool warning, which every layout without an exercise log gives).
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import ROOT

from pdfbuilder import load_handout, load_layout
from pdfbuilder.check import Finding, check_handout

DATA = ROOT / "tests" / "data" / "check"
TODAY = dt.date(2027, 1, 1)
NO_TOOL = "content.tangible-tool"
ADVICE = "use shorter sentences and everyday words (start with the hardest sentences listed)"

Expected = tuple[str, str, str, int | None, str]

CASES: list[tuple[str, str, list[Expected]]] = [
    ("good.yaml", "standard", []),
    (
        "readability-grade.yaml",
        "standard",
        [
            (
                "readability.grade",
                "error",
                "",
                None,
                f"the leaflet reads at grade 12.6 (Flesch-Kincaid), above the limit of grade 8; "
                f"{ADVICE}",
            ),
            (
                "readability.smog",
                "warning",
                "",
                None,
                "the leaflet's SMOG grade is 12.4, above the limit of grade 8; use fewer words of "
                "three or more syllables",
            ),
            (
                "content.action",
                "warning",
                "key_takeaways",
                18,
                'no key point tells the reader what to do; make at least one an action ("Keep '
                'moving as much as you can.")',
            ),
            (
                "readability.section-grade",
                "warning",
                "key_takeaways",
                18,
                '"Key points" reads at grade 24.9 (Flesch-Kincaid), above the limit of grade 8',
            ),
            (
                "readability.section-grade",
                "warning",
                "sections[0]",
                22,
                '"What can I do at home?" reads at grade 20.6 (Flesch-Kincaid), above the limit of '
                "grade 8",
            ),
        ],
    ),
    (
        "readability-es.yaml",
        "standard",
        [
            (
                "readability.grade",
                "error",
                "",
                None,
                "the leaflet reads at about grade 16.9 (Fernández-Huerta ease 16.3), above the "
                f"limit of grade 8; {ADVICE}",
            ),
            (
                "readability.inflesz",
                "warning",
                "",
                None,
                "the leaflet's INFLESZ score is 9.4 (muy difícil); Spanish health leaflets should "
                "reach 55 (normal) or more; use shorter sentences and shorter words",
            ),
            (
                "content.action",
                "warning",
                "key_takeaways",
                18,
                'no key point tells the reader what to do; make at least one an action ("Keep '
                'moving as much as you can.")',
            ),
            (
                "content.action",
                "warning",
                "sections[0].heading",
                22,
                'the section "¿Qué puedo hacer en casa?" promises things to do but gives no '
                'action; start a sentence with what to do ("Keep moving.", "Ask a pharmacist...")',
            ),
            (
                "readability.section-grade",
                "warning",
                "key_takeaways",
                18,
                '"Lo más importante" reads at about grade 18 (Fernández-Huerta ease -58), '
                "above the limit of grade 8",
            ),
            (
                "readability.section-grade",
                "warning",
                "sections[0]",
                22,
                '"¿Qué puedo hacer en casa?" reads at about grade 18 '
                "(Fernández-Huerta ease -60.1), above the limit of grade 8",
            ),
        ],
    ),
    (
        "readability-long-sentence.yaml",
        "standard",
        [
            (
                "readability.long-sentence",
                "warning",
                "sections[0].body[0]",
                24,
                'a sentence of 30 words (more than 25): "Rest your knee for a day or two and then '
                'walk a little more…"; split it in two',
            ),
        ],
    ),
    ("readability-language.yaml", "standard", []),
    (
        "content-purpose.yaml",
        "standard",
        [
            (
                "content.purpose",
                "warning",
                "purpose",
                6,
                "the purpose is more than one sentence; say it in one",
            )
        ],
    ),
    (
        "content-takeaways.yaml",
        "standard",
        [
            (
                "content.takeaways",
                "warning",
                "key_takeaways[2]",
                20,
                "key point 3 has 30 words; keep each under 26",
            )
        ],
    ),
    (
        "content-heading.yaml",
        "standard",
        [
            (
                "content.heading",
                "warning",
                "sections[0].heading",
                22,
                'the heading "Introduction" does not say what the section is about; ask the '
                'reader\'s question, e.g. "How can I ease the pain?"',
            ),
            (
                "content.heading",
                "warning",
                "sections[1].heading",
                25,
                'the heading "Ice" is a single word; say what the section tells the reader',
            ),
            (
                "content.heading",
                "warning",
                "sections[2].heading",
                28,
                'the heading "Section 2" does not say what the section is about; ask the '
                'reader\'s question, e.g. "How can I ease the pain?"',
            ),
            (
                "content.heading",
                "warning",
                "sections[3].heading",
                31,
                'the heading "Introduction" does not say what the section is about; ask the '
                'reader\'s question, e.g. "How can I ease the pain?"',
            ),
            (
                "content.heading",
                "warning",
                "sections[3].heading",
                31,
                'the heading "Introduction" repeats sections[0]; make each heading different',
            ),
        ],
    ),
    (
        "content-step-voice.yaml",
        "standard",
        [
            (
                "content.step-voice",
                "warning",
                "exercises[0].steps[1]",
                36,
                'step 2 of "Bridge" is not written to the reader; start with a verb ("Lift your '
                'hips") or say "you"',
            )
        ],
    ),
    (
        "content-step-number.yaml",
        "standard",
        [
            (
                "content.step-number",
                "warning",
                "exercises[0].steps[0]",
                35,
                'step 1 of "Bridge" starts with its own number or bullet; remove it, the leaflet '
                "numbers the steps",
            )
        ],
    ),
    (
        "content-action.yaml",
        "standard",
        [
            (
                "content.action",
                "error",
                "sections",
                22,
                'the leaflet gives the reader nothing to do; add at least one clear action ("Keep '
                'moving.", "Ask a pharmacist...") or an exercise',
            ),
            (
                "content.action",
                "warning",
                "sections[0].heading",
                22,
                'the section "What can I do at home?" promises things to do but gives no action; '
                'start a sentence with what to do ("Keep moving.", "Ask a pharmacist...")',
            ),
        ],
    ),
    (
        "content-figure-alt.yaml",
        "standard",
        [
            (
                "content.figure-alt",
                "warning",
                "exercises[0].figure.alt",
                33,
                'the alt text of "Bridge" is too short to describe the figure; say what the person '
                'does ("A person lies on their back, ...")',
            )
        ],
    ),
    (
        "content-review-date.yaml",
        "standard",
        [
            (
                "content.review-date",
                "error",
                "review.next_review",
                16,
                "the review date 2020-06-01 has passed; review the content and set a new "
                "next_review before printing",
            )
        ],
    ),
    (
        "good.yaml",
        "layouts/low-contrast.yaml",
        [
            (
                "design.contrast",
                "error",
                "colours.muted",
                None,
                "colours.muted on white (footer, sources and small text at 9 pt) has contrast "
                "2.85:1; it needs at least 4.5:1",
            ),
            (
                "design.contrast",
                "error",
                "colours.routine",
                None,
                "colours.routine on white (the routine tier's border and icon) has contrast "
                "1.34:1; it needs at least 3:1",
            ),
        ],
    ),
    (
        "good.yaml",
        "layouts/small-type.yaml",
        [
            (
                "design.type-size",
                "error",
                "type.small",
                None,
                "type.small is 7 pt, below the 9 pt minimum for this layout's audience; make it at "
                "least 9 pt",
            )
        ],
    ),
]


def _failing(findings: tuple[Finding, ...]) -> list[Expected]:
    return [
        (f.rule, f.severity, f.field, f.line, f.message)
        for f in findings
        if f.severity != "info" and f.rule != NO_TOOL
    ]


@pytest.mark.parametrize(
    ("name", "layout", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_bad_handout_gives_its_rule_and_message(
    name: str, layout: str, expected: list[Expected]
) -> None:
    ref = str(DATA / layout) if layout.endswith(".yaml") else layout
    report = check_handout(load_handout(DATA / name), load_layout(ref), today=TODAY)
    assert sorted(_failing(report.findings), key=str) == sorted(expected, key=str)


def test_language_without_a_formula_is_a_note() -> None:
    report = check_handout(
        load_handout(DATA / "readability-language.yaml"), load_layout("standard"), today=TODAY
    )
    notes = [
        (f.rule, f.field, f.line, f.message)
        for f in report.findings
        if f.severity == "info" and f.rule == "readability.language"
    ]
    assert notes == [
        (
            "readability.language",
            "language",
            4,
            'no readability formula for language "fr"; reading level not measured '
            "(English and Spanish are)",
        )
    ]
    assert report.readability is not None and report.readability.whole is None


def test_layout_findings_name_the_layout() -> None:
    layout = load_layout(str(DATA / "layouts" / "small-type.yaml"))
    report = check_handout(load_handout(DATA / "good.yaml"), layout, today=TODAY)
    sizes = [f for f in report.findings if f.rule == "design.type-size"]
    assert [f.file for f in sizes] == ["layout small-type"]
