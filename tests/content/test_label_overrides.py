"""Topic-neutral built-in labels, and a handout's own words for them (``labels:``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, page_texts

from pdfbuilder import build_pdf
from pdfbuilder.check import check_handout
from pdfbuilder.content.label_overrides import settable_labels
from pdfbuilder.content.labels import LABEL_DIR
from pdfbuilder.content.model import handout_from_text, handout_json_schema, load_handout
from pdfbuilder.content.translations import translation_warnings
from pdfbuilder.errors import HandoutError
from pdfbuilder.layout.files import load_layout

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")

#: Words for body parts and conditions, per language, that a built-in label must never use.
#: Matched as whole words (Arabic: as the start of a word, after an optional "al-").
BODY_WORDS = {
    "en": "back backs spine spinal neck leg legs arm arms knee knees ankle ankles foot feet "
    "shoulder shoulders hip hips hand hands wrist head chest bladder bowel muscle muscles "
    "joint joints bone bones pain sore spasm spasms sprain sciatica injury",
    "es": "espalda columna cuello pierna piernas brazo brazos rodilla tobillo pie pies hombro "
    "cadera mano muñeca cabeza pecho vejiga intestino músculo músculos hueso dolor espasmo "
    "esguince ciática lesión",
    "ar": "ظهر ظهرك رقبه رقبتك عنق ساق ذراع ركبه كاحل قدم كتف ورك يد معصم راس صدر مثانه "
    "امعاء عضله عظم الم تشنج التواء",
}


def _label_texts(language: str) -> list[tuple[str, str]]:
    data = yaml.safe_load((LABEL_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    out = []
    for key, value in data.items():
        for text in value if isinstance(value, list) else [value]:
            out.append((key, str(text)))
    return out


def _arabic_words(text: str) -> list[str]:
    text = text.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    return [w.removeprefix("ال") for w in re.findall(r"\w+", text)]


@pytest.mark.parametrize("language", sorted(BODY_WORDS))
def test_no_built_in_label_names_a_body_part_or_condition(language: str) -> None:
    banned = set(BODY_WORDS[language].split())
    found = []
    for key, text in _label_texts(language):
        if key.startswith("picture_"):
            continue  # a pictogram's alt text says what it shows ("a neck"); it frames nothing
        if key.startswith("panel_"):
            continue  # the trifold's panels: "the back panel" is the paper's back
        words = _arabic_words(text) if language == "ar" else re.findall(r"\w+", text.lower())
        found += [f"{key}: {w}" for w in words if w in banned]
    assert found == []


def test_the_body_word_test_would_catch_the_old_wording() -> None:
    old = "تمارين تساعد ظهرك"
    assert set(_arabic_words(old)) & set(BODY_WORDS["ar"].split())
    assert "back" in re.findall(r"\w+", "Exercises to help your back".lower())


def test_the_neutral_defaults_frame_any_topic() -> None:
    pdf = build_pdf(handout_from_text(MINIMAL), "standard")
    text = " ".join(page_texts(pdf))
    assert "Call 999 or go to A&E now if you have any of these:" in text
    assert "Call your GP surgery or NHS 111 today if you have any of these:" in text
    assert "back pain" not in text and "your back" not in text.replace("Lie on your back", "")


def _with_labels(block: str) -> str:
    return MINIMAL + "labels:\n" + block


def test_a_handout_sets_its_own_words_in_every_layout() -> None:
    handout = handout_from_text(
        _with_labels(
            "  exercises: Moves for your wrist\n"
            '  emergency_lead: "Ring {emergency} at once if your wrist and:"\n'
            "  key_takeaways: The main things\n"
            "  seek_help: Getting help\n"
        )
    )
    for layout in ("standard", "trifold", "easy-read", "large-print", "booklet"):
        text = " ".join(page_texts(build_pdf(handout, layout, impose=False)))
        assert "Moves for your wrist" in text, layout
        assert "Ring 999 at once if your wrist and:" in text, layout
        assert "Getting help" in text, layout
        assert "Exercises to help you" not in text, layout


def test_a_clinic_number_fills_a_handout_lead_in(tmp_path: Path) -> None:
    from pdfbuilder.people.clinic import load_clinic

    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: Test Clinic\nemergency: '112'\n", encoding="utf-8")
    handout = handout_from_text(_with_labels('  emergency_lead: "Call {emergency} if:"\n'))
    text = " ".join(page_texts(build_pdf(handout, clinic=load_clinic(clinic))))
    assert "Call 112 if:" in text


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            "  exercise: Moves\n",
            ':41:3: labels.exercise: unknown label "exercise"; did you mean "exercises"?',
        ),
        (
            '  emergency_lead: "Call 999 now if:"\n',
            ":41:19: labels.emergency_lead: keep {emergency} in it: the tool fills in the "
            "number to call there",
        ),
        (
            '  urgent_lead: "Call {urgnt} today if:"\n',
            ":41:16: labels.urgent_lead: unknown placeholder {urgnt}; this label's "
            "placeholders are: {emergency}, {urgent}",
        ),
        (
            '  exercises: "Moves {for} you"\n',
            ":41:14: labels.exercises: unknown placeholder {for}; this label's placeholders "
            "are: none",
        ),
        (
            '  exercises: "Moves { you"\n',
            ":41:14: labels.exercises: a brace { or } that is not a placeholder such as "
            "{emergency}; write {{ or }} to print a brace",
        ),
        (
            "  direction: rtl\n",
            ':41:3: labels.direction: "direction" belongs to the language file, not to a '
            "handout; remove it here",
        ),
        (
            "  exercises: [a, b]\n",
            ":41:14: labels.exercises: expected the label's text, got a list",
        ),
        ("  - exercises\n", ":41:3: labels: expected a mapping of label names to text, got a list"),
    ],
)
def test_a_wrong_label_is_one_located_line(block: str, message: str) -> None:
    with pytest.raises(HandoutError) as caught:
        handout_from_text(_with_labels(block), "x.yaml")
    assert str(caught.value) == "x.yaml" + message


def test_the_schema_lists_every_settable_label_with_its_default() -> None:
    schema = handout_json_schema()["properties"]["labels"]
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(settable_labels())
    assert "emergency_lead" in schema["properties"]
    assert "months" not in schema["properties"] and "direction" not in schema["properties"]
    assert "any of these" in schema["properties"]["emergency_lead"]["description"]


def test_shipped_leaflets_keep_and_name_their_topic() -> None:
    expect = {
        "back-spasms.yaml": ["Exercises to help your back", "if you have back pain and:"],
        "back-spasms.es.yaml": ["Ejercicios para ayudar a su espalda", "dolor de espalda y:"],
        "neck-pain.yaml": ["Exercises to help your neck", "if you have neck pain and:"],
        "ankle-sprain.yaml": ["Exercises to help your ankle", "if you have any of these:"],
    }
    for name, phrases in expect.items():
        text = " ".join(page_texts(build_pdf(ROOT / "handouts" / name, "standard")))
        assert [p for p in phrases if p not in text] == [], name
        assert "back pain" not in text or name.startswith("back"), name


def test_a_translation_is_warned_when_it_drops_the_originals_labels(tmp_path: Path) -> None:
    original = (ROOT / "handouts" / "back-spasms.yaml").read_text(encoding="utf-8")
    (tmp_path / "back-spasms.yaml").write_text(original, encoding="utf-8")
    spanish = (ROOT / "handouts" / "back-spasms.es.yaml").read_text(encoding="utf-8")
    cut = re.sub(r"\nlabels:\n(  .*\n)+", "\n", spanish)
    assert cut != spanish
    (tmp_path / "es.yaml").write_text(cut, encoding="utf-8")
    warnings = translation_warnings(load_handout(tmp_path / "es.yaml"))
    assert any(
        'the original "back-spasms" sets its own words for the label(s) emergency_lead, '
        "exercises, routine_lead, urgent_lead" in w
        for w in warnings
    ), warnings
    assert translation_warnings(load_handout(ROOT / "handouts" / "back-spasms.es.yaml")) == []


def test_the_check_reads_a_handouts_own_tier_headings() -> None:
    handout = handout_from_text(_with_labels('  urgent_heading: "Emergency: now"\n'), "same.yaml")
    report = check_handout(handout, load_layout("standard"), rules=["design.tier-labels"])
    assert [(f.field, f.line) for f in report.findings] == [("labels.urgent_heading", 41)]
