"""The red-flag lexicon (pdfbuilder/check/red_flags.yaml) and the content.red-flags rule:
which phrases name which sign, in English, Spanish and Arabic; negations and qualifiers; and
the shipped leaflets' own warning signs, each caught when moved to a lower tier."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from helpers import BACK_SPASMS, ROOT

from pdfbuilder import load_handout, load_layout
from pdfbuilder.check import check_handout
from pdfbuilder.check.lexicon import TIERS, all_signs, languages, normalise, signs_in, source_ids
from pdfbuilder.content.model import Handout, SeekHelp

TODAY = dt.date(2027, 1, 1)
SHIPPED = [
    BACK_SPASMS,
    ROOT / "handouts" / "back-spasms.es.yaml",
    ROOT / "handouts" / "samples" / "back-spasms.ar.yaml",
]

# (language, text, the most urgent sign it must name, or None for none)
PHRASES = [
    # The cauda equina card's signs, in its own words and in plain ones.
    (
        "en",
        "Loss of feeling or pins and needles between your inner thighs or genitals",
        "saddle-numbness",
    ),
    ("en", "Numbness in or around your back passage or buttocks", "saddle-numbness"),
    ("en", "Altered feeling when using toilet paper to wipe yourself", "saddle-numbness"),
    ("en", "Your INNER-THIGH feels Numb", "saddle-numbness"),
    ("en", "Increasing difficulty when you try to urinate", "cannot-pee"),
    ("en", "You have not had a pee for 12 hours", "cannot-pee"),
    ("en", "Leaking urine or recent need to use pads", "bladder-bowel-control"),
    ("en", "You can no longer control your bladder", "bladder-bowel-control"),
    ("en", "Your pee or poo comes out without you feeling it", "bladder-bowel-control"),
    ("en", "Not knowing when your bladder is either full or empty", "bladder-sensation"),
    ("en", "Loss of sensation when you pass a bowel motion", "bladder-sensation"),
    ("en", "Change in ability to achieve an erection or ejaculate", "sexual-function"),
    ("en", "Both of your legs feel numb", "both-legs"),
    ("en", "Your legs feel weak or heavy", "both-legs"),
    # Other emergencies, on any topic.
    ("en", "Crushing pain in your chest", "chest-pain"),
    ("en", "You collapse", "collapse"),
    (
        "en",
        "Sudden severe pain in your tummy and you feel faint or sweaty",
        "sudden-severe-pain-faint",
    ),
    ("en", "A fever and new weakness in your legs", "both-legs"),
    ("en", "A high temperature with a stiff neck", "fever-nerve"),
    ("en", "Severe difficulty breathing", "breathing"),
    ("en", "Your face has dropped on one side", "stroke"),
    ("en", "You cannot lift both arms", "stroke"),
    ("en", "A sudden, very bad headache", "thunderclap-headache"),
    ("en", "Your lips or tongue swell up", "allergic-reaction"),
    ("en", "You are being sick with blood in it", "severe-bleeding"),
    ("en", "You have a seizure", "seizure"),
    # Same-day signs.
    ("en", "Your foot has started to drop or drag when you walk", "limb-weakness"),
    ("en", "You have a high temperature", "fever"),
    ("en", "You have lost weight and you do not know why", "weight-loss"),
    ("en", "The pain wakes you at night", "night-pain"),
    ("en", "You take steroid tablets", "infection-risk"),
    ("en", "Your baby is moving less than usual", "baby-movements"),
    ("en", "You feel short of breath", "breathless"),
    # Not signs: negated, qualified, or simply something else.
    ("en", "You have no numbness, no bladder problems and no fever", None),
    ("en", "You do not have a fever, and the pain is no better", None),
    ("en", "You can control your bladder as usual", None),
    ("en", "You have chest pain that comes and goes", None),
    ("en", "You feel faint when you stand up quickly", None),
    ("en", "You feel short of breath when you walk uphill", None),
    ("en", "You have pins and needles in your fingers at night", None),
    ("en", "You need to pee more often than usual", None),
    ("en", "You want help to lose weight", None),
    ("en", "Your pain is no better after 6 weeks", None),
    ("en", "Your ankle still gives way when you walk on rough ground", None),
    ("en", "Numbness or tingling in your arms or legs", "limb-weakness"),
    ("en", "You're coughing up a lot of blood", "severe-bleeding"),
    ("en", "You've been sick and there's blood in it", "severe-bleeding"),
    ("en", "A rash that does not fade when you roll a glass over it", "meningitis-sepsis"),
    ("en", "You get chest pain when you exercise that goes away when you rest", None),
    # Negation never hides a sign it does not reach.
    ("en", "You have no fever, but you cannot pee", "cannot-pee"),
    ("en", "You have no fever and cannot pee", "cannot-pee"),
    # Spanish: accents or none, word forms, clitics.
    ("es", "Pérdida de sensibilidad entre los muslos o en los genitales", "saddle-numbness"),
    ("es", "Perdida de sensibilidad en la zona genital", "saddle-numbness"),
    ("es", "Nota distinto el papel higiénico al limpiarse", "saddle-numbness"),
    ("es", "Le cuesta cada vez más orinar", "cannot-pee"),
    ("es", "Se le escapan la orina o las heces sin poder controlarlo", "bladder-bowel-control"),
    ("es", "No sabe cuándo tiene la vejiga llena", "bladder-sensation"),
    ("es", "Tiene las dos piernas dormidas", "both-legs"),
    ("es", "Tiene dolor en el pecho", "chest-pain"),
    ("es", "Le cuesta mucho respirar", "breathing"),
    ("es", "Tiene la cara torcida o habla arrastrando las palabras", "stroke"),
    ("es", "Está perdiendo peso sin proponérselo", "weight-loss"),
    ("es", "No tiene fiebre, pero el dolor no mejora", None),
    ("es", "Tiene hormigueo en los dedos por la noche", None),
    ("es", "Ha tenido un año difícil", None),  # "año" is not "ano"
    ("es", "Se le hinchan los labios o la lengua", "allergic-reaction"),
    ("es", "Ha perdido peso sin saber por qué", "weight-loss"),
    ("es", "El bebé se mueve menos", "baby-movements"),
    ("es", "Tiene la rodilla hinchada", None),
    # Arabic: short vowels, hamza forms and proclitics do not hide a word.
    ("ar", "تشعر بخدر حول الأعضاء التناسلية", "saddle-numbness"),
    ("ar", "لا تستطيع التحكم في البول", "bladder-bowel-control"),
    ("ar", "تجد صعوبة بالتبول", "cannot-pee"),
    ("ar", "تشعر بضعف في الساقين كلتيهما", "both-legs"),
    ("ar", "لديك أَلَم في الصَّدر", "chest-pain"),
    ("ar", "لديك حمى", "fever"),
    ("ar", "ليس لديك حمى", None),
    ("ar", "تتقيأ دما", "severe-bleeding"),
    ("ar", "فقدت وزنك دون سبب", "weight-loss"),
    ("ar", "ركبتك حمراء ومتورمة", "hot-swollen"),
    ("ar", "لم يتحسن الألم بعد بضعة أسابيع", None),
]


@pytest.mark.parametrize(("language", "text", "sign"), PHRASES, ids=[p[1][:40] for p in PHRASES])
def test_phrase_names_its_sign(language: str, text: str, sign: str | None) -> None:
    found = signs_in(text, language)
    assert (found[0].id if found else None) == sign


def test_every_sign_has_terms_in_every_language_and_real_sources() -> None:
    sources = source_ids()
    for sign in all_signs():
        assert sign.tier in TIERS[:2], sign.id
        assert sign.sources and set(sign.sources) <= set(sources), sign.id
        assert sign.languages == ("ar", "en", "es"), sign.id
    assert languages() == ["ar", "en", "es"]


def test_every_sign_and_source_is_documented() -> None:
    docs = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    missing = [s.id for s in all_signs() if f"| `{s.id}` | {s.tier} | {s.about} |" not in docs]
    missing += [s for s in source_ids() if f"- `{s}`: " not in docs]
    assert missing == []


def test_normalise_folds_case_accents_hyphens_and_arabic_forms() -> None:
    assert normalise("INNER-Thigh, Pérdida") == "inner thigh, perdida"
    assert normalise("año") == "año"
    assert normalise("أَلَم إِبرة آلام مؤخرة حمّى") == "الم ابره الام موخره حمي"


def _moved_to_routine(handout: Handout, text: str) -> Handout:
    rest = tuple(t for t in handout.seek_help.emergency if t != text) or ("Call 999.",)
    routine = (*handout.seek_help.routine, text)
    return dataclasses.replace(handout, seek_help=SeekHelp(rest, handout.seek_help.urgent, routine))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_each_shipped_emergency_sign_is_caught_in_the_routine_tier(path: object) -> None:
    """The failure issue 17 found: the shipped signs, moved to "routine", must not pass."""
    handout = load_handout(path)  # type: ignore[arg-type]
    for text in handout.seek_help.emergency:
        moved = _moved_to_routine(handout, text)
        report = check_handout(
            moved, load_layout("standard"), today=TODAY, rules=["content.red-flags"]
        )
        index = len(moved.seek_help.routine) - 1
        flagged = [f for f in report.findings if f.field == f"seek_help.routine[{index}]"]
        assert flagged, f"{text!r} moved to routine is not caught"


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_tiers_are_in_order(path: object) -> None:
    handout = load_handout(path)  # type: ignore[arg-type]
    report = check_handout(
        handout, load_layout("standard"), today=TODAY, rules=["content.red-flags"]
    )
    assert report.findings == ()


def test_language_without_a_lexicon_is_a_note() -> None:
    handout = load_handout(ROOT / "tests" / "data" / "check" / "readability-language.yaml")
    report = check_handout(
        handout, load_layout("standard"), today=TODAY, rules=["content.red-flags"]
    )
    assert [(f.severity, f.message) for f in report.findings] == [
        (
            "info",
            'no red-flag lexicon for language "fr": warning signs in the wrong tier are not '
            "caught (the lexicon covers ar, en, es); have a clinician check the tiers",
        )
    ]
