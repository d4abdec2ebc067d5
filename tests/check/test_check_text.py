"""Sentences, syllables and words under the check: the abbreviation lists, the syllable
counter (it is right, so the hardest-sentence grades were wrong for another reason),
Szigriszt-Pazos with INFLESZ, the hardest sentences of a plain leaflet, and what makes a
sentence an action or a heading a promise of things to do."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from helpers import BACK_SPASMS, ROOT

from pdfbuilder import load_handout, load_layout
from pdfbuilder.check import check_handout
from pdfbuilder.check.actions import is_action
from pdfbuilder.check.readability import inflesz_band, score
from pdfbuilder.check.text import sentences, spanish_syllables, split_sentences
from pdfbuilder.check.writing import actions_for
from pdfbuilder.cli.commands import main

SPANISH = ROOT / "handouts" / "back-spasms.es.yaml"
DATA = ROOT / "tests" / "data" / "check"
TODAY = dt.date(2027, 1, 1)

SPLITS = [
    ("en", "Do not twist. Turn with your feet.", 2),
    ("en", "Stretch your arms. Then rest.", 2),
    ("en", "Say no. Then walk away.", 2),
    ("en", "Check with the pharmacist first. Take the lowest dose.", 2),
    ("en", "Ask your dr. Then rest.", 2),
    ("en", "See Dr. Patel at St. Mary's Hospital. Then go home.", 2),
    ("en", "Mrs. Jones and Ms. Khan can help.", 1),
    ("en", "Take a painkiller, e.g. Ibuprofen, with food.", 1),
    ("en", "Rest, i.e. Sit down, for an hour.", 1),
    ("en", "Ring extension No. 5 now.", 1),
    ("en", "Bring fruit, nuts, etc. Then eat slowly.", 2),
    ("en", "Is it bad? Call 111. It is free!", 3),
    ("es", "Pregunte a la Dra. García. Luego descanse.", 2),
    ("es", "Hable con el Sr. López o la Sra. Ruiz.", 1),
    ("es", "Tome algo suave, p. ej. Paracetamol, con comida.", 1),
    ("es", "¿Qué es? Es un espasmo.", 2),
    ("es", "Llame al núm. 112 si lo necesita.", 1),
    ("ar", "ما هو التشنج؟ إنه شد في العضلة.", 2),
]


@pytest.mark.parametrize(("language", "text", "count"), SPLITS, ids=[s[1] for s in SPLITS])
def test_sentences_end_where_they_end(language: str, text: str, count: int) -> None:
    assert len(split_sentences(text, language)) == count


# Hand-checked syllables (with the diphthongs, hiatus and silent u that make Spanish hard to
# count): the counter is right, so a plain sentence's high grade came from the formula.
SYLLABLES = {
    "puede": 2,
    "costarle": 3,
    "agacharse": 4,
    "moverse": 3,
    "derecho": 3,
    "almohada": 4,
    "ibuprofeno": 5,
    "medicamentos": 5,
    "río": 2,
    "oído": 3,
    "guía": 2,
    "quiere": 2,
    "pingüino": 3,
    "agua": 2,
    "hay": 1,
    "muy": 1,
    "averiguáis": 4,
    "espalda": 3,
    "hormigueo": 4,
    "acuéstese": 4,
}


def test_spanish_syllables_are_counted_right() -> None:
    assert {w: spanish_syllables(w) for w in SYLLABLES} == SYLLABLES


def test_szigriszt_pazos_and_inflesz_bands() -> None:
    found = sentences("Tome agua. Camine un poco cada día.", "es")
    scores = score(found, "es")
    assert scores is not None and scores.szigriszt_pazos is not None
    words, syllables = 7, 14  # to-me a-gua ca-mi-ne un po-co ca-da dí-a
    assert sum(sum(s.syllables) for s in found) == syllables
    assert scores.szigriszt_pazos == round(206.835 - 62.3 * syllables / words - words / 2, 1)
    assert [inflesz_band(x) for x in (39.9, 40, 54.9, 55, 64.9, 65, 80, 80.1)] == [
        "muy difícil",
        "algo difícil",
        "algo difícil",
        "normal",
        "normal",
        "bastante fácil",
        "bastante fácil",
        "muy fácil",
    ]


@pytest.mark.parametrize("path", [BACK_SPASMS, SPANISH], ids=["en", "es"])
def test_plain_leaflet_has_no_hard_looking_sentences(path: object) -> None:
    """Issue 17: the Spanish leaflet's plain sentences were listed at grades 11 to 15."""
    report = check_handout(load_handout(path), load_layout("standard"), today=TODAY)  # type: ignore[arg-type]
    assert report.readability is not None
    grades = [h.grade for h in report.readability.hardest]
    assert len(grades) == 3 and max(grades) <= 8, grades


def test_jargon_still_tops_the_hardest_sentences() -> None:
    report = check_handout(
        load_handout(DATA / "readability-es.yaml"), load_layout("standard"), today=TODAY
    )
    assert report.readability is not None and report.readability.whole is not None
    assert [h.grade for h in report.readability.hardest] == [18, 18, 18]
    assert report.readability.whole.inflesz == "muy difícil"


def test_report_shows_inflesz_for_spanish(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(SPANISH)])
    whole = next(line for line in result.stdout.splitlines() if "Reading level" in line)
    assert (
        "(Fernández-Huerta; target grade 6, limit 8): grade 4.7, ease 82.8, INFLESZ 78.6" in whole
    )
    assert "(bastante fácil)" in whole
    assert any("INFLESZ" in line and "Purpose" in line for line in result.stdout.splitlines())


ACTIONS = [
    ("en", "Keep moving.", True),
    ("en", "Do not stay in bed.", True),
    ("en", "If you sit a lot, get up every 30 minutes.", True),
    ("en", "You should rest for a day.", True),
    ("en", "Try to walk a little each day.", True),
    ("en", "Most people get better with time.", False),
    ("en", "Ice and rest are often used.", False),
    ("es", "Descanse la rodilla.", True),
    ("es", "No levante peso.", True),
    ("es", "Si le duele, tome un calmante.", True),
    ("es", "La mayoría mejora sola.", False),
]


@pytest.mark.parametrize(("language", "sentence", "action"), ACTIONS, ids=[a[1] for a in ACTIONS])
def test_an_action_is_an_instruction(language: str, sentence: str, action: bool) -> None:
    words = actions_for(language)
    assert words is not None and is_action(sentence, words) is action


HEADINGS = [
    ("en", "How can I ease the pain?", True),
    ("en", "What should I do if it gets worse?", True),
    ("en", "Tips for sleeping", True),
    ("en", "How do I know if it is serious?", False),
    ("en", "What can I expect?", False),
    ("en", "How long will it last?", False),
    ("es", "¿Qué puedo hacer en casa?", True),
    ("es", "¿Cómo puedo saber si es grave?", False),
]


@pytest.mark.parametrize(("language", "heading", "asks"), HEADINGS, ids=[h[1] for h in HEADINGS])
def test_headings_that_promise_things_to_do(language: str, heading: str, asks: bool) -> None:
    words = actions_for(language)
    assert words is not None and bool(words.asks.search(heading)) is asks
    assert actions_for("ar") is None  # no list yet: actions get a note, not a guess
