"""The layout stress corpus: handouts nobody would write, to try every layout on.

Each is made here, as data, and written to a folder with the image files it needs:

- ``tiny``: three key points, one short section, no exercises, one sign per tier.
- ``long``: twelve sections, eight exercises of up to eight steps, long warning lists, many
  sources, with two sections (one with a summary) and two exercises marked core.
- ``unmarked``: as long, with nothing marked core: a trifold must refuse it, saying what to
  mark (the other layouts print it all).
- ``words``: very long words, a long title, long names for the organisation, author and
  exercises, a long web address.
- ``many``: eight exercises, few words around them; ``one``: a single exercise.
- ``figures``: figures of the author's own frames, and PNG and SVG image files in colour.
- ``ids``: a 40-character document id, a long version, long exercise ids.
- ``rtl``: Arabic, right to left, with a cross-reference.
Every handout but ``tiny`` refers to its when-to-get-help box with ``{where:seek_help}``.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]

LOREM = (
    "Move gently and often through the day. Rest when you need to, then start again. "
    "Most people find the pain eases a little more each week."
)
COUNT = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
SIGNS = [
    "You cannot feel or control your bladder or bowel.",
    "You have numbness in your genitals or bottom.",
    "You have new weakness in both legs.",
    "You have a high temperature and feel very unwell.",
    "You have chest pain or trouble breathing.",
    "The pain started after a bad fall or accident.",
]


def base(ident: str) -> dict[str, Any]:
    """A small, valid handout to vary."""
    return {
        "schema": 1,
        "id": ident,
        "language": "en",
        "title": "Stress leaflet",
        "subtitle": "A leaflet for testing layouts",
        "purpose": "This leaflet tests that every layout prints any content well.",
        "review": {
            "document_id": "TEST-001",
            "version": "1.0",
            "status": "final",
            "author": "Layout Tests",
            "clinical_reviewer": "Dr Test Example (fictional)",
            "organisation": "Test Clinic",
            "published": dt.date(2026, 1, 1),
            "reviewed_on": dt.date(2026, 1, 1),  # a final leaflet is signed off
            "next_review": dt.date(2028, 1, 1),
        },
        "key_takeaways": [
            "Most pain like this gets better on its own.",
            "Keep moving as much as you can.",
            "Know the warning signs {where:seek_help}.",
        ],
        "sections": [{"heading": "What is it?", "body": [LOREM]}],
        "seek_help": {
            "emergency": SIGNS[:3],
            "urgent": SIGNS[3:5],
            "routine": ["It is not better after 6 weeks."],
        },
        "sources": [{"title": "A guideline", "publisher": "A publisher", "year": 2024}],
    }


def exercise(n: int, steps: int = 3, **more: Any) -> dict[str, Any]:
    figures = ["bridge", "knee-to-chest", "pelvic-tilt", "cat-cow", "chin-tuck"]
    ex = {
        "id": f"move-{n}",
        "name": f"Move number {n}",
        "figure": {"builtin": figures[n % len(figures)], "alt": "A person doing the move."},
        "steps": [
            f"{COUNT[n].title()} move, step {COUNT[i]}: do it slowly. {LOREM[:60]}"
            for i in range(1, steps + 1)
        ],
        "dose": {"reps": 10, "hold_seconds": 5, "times_per_day": 1 + n % 3},
        "feel": "A gentle stretch.",
        "stop_if": "It hurts more, or the pain spreads.",
    }
    ex.update(more)
    return ex


def tiny() -> dict[str, Any]:
    h = base("stress-tiny")
    h["key_takeaways"] = ["Rest.", "Move.", "Ask for help if it gets worse."]
    h["sections"] = [{"heading": "What to do", "body": ["Keep moving."]}]
    h["seek_help"] = {
        "emergency": ["You cannot move your legs."],
        "urgent": ["You have a fever."],
        "routine": ["It is not better in 6 weeks."],
    }
    return h


def long(core: bool = True, ident: str = "stress-long") -> dict[str, Any]:
    h = base(ident)
    h["key_takeaways"] = [f"{LOREM[:70]} Point {i}." for i in range(5)] + [
        "See the warning signs {where:seek_help}."
    ]
    h["sections"] = [
        {
            "heading": f"Section {i}: a question a reader might have about this",
            "body": [LOREM, {"bullets": [LOREM[:80], LOREM[40:]]}, LOREM + " " + LOREM],
        }
        for i in range(12)
    ]
    h["sections"][3]["body"].append("The warning signs are {where:seek_help}.")
    if core:
        h["sections"][0]["core"] = True
        h["sections"][0]["summary"] = "Keep moving, rest when you need to, and ease back in."
        h["sections"][5]["core"] = True
        h["sections"][5]["summary"] = "Most people get better within a few weeks."
    h["exercises_intro"] = LOREM
    h["exercises"] = [exercise(i, steps=3 + i % 6) for i in range(8)]
    if core:
        h["exercises"][0]["core"] = True
        h["exercises"][2]["core"] = True
    h["seek_help"] = {
        "emergency": SIGNS + [f"{s[:-1]}, even for a short time." for s in SIGNS],
        "urgent": [f"Today: {s[4].lower()}{s[5:]}" for s in SIGNS]
        + [f"Today: a new kind of pain number {i}." for i in range(3)],
        "routine": [
            f"It is not better after {i + 2} weeks of rest and exercise." for i in range(5)
        ],
    }
    h["sources"] = [
        {
            "title": f"A long guideline title number {i} about the condition",
            "publisher": "A publisher",
            "year": 2020 + i % 5,
            "url": f"https://example.org/guidance/{i}/a-long-path",
        }
        for i in range(20)
    ]
    return h


def words() -> dict[str, Any]:
    h = base("stress-words")
    h["title"] = (
        "Sternocleidomastoid and temporomandibular pain: understanding electroencephalographically"
    )
    h["subtitle"] = (
        "Rückenschmerzbehandlungsempfehlungen and pneumonoultramicroscopicsilicovolcanoconiosis"
    )
    h["review"]["organisation"] = (
        "The Royal Borough of Greater Riverside and Upper Millbrook Community Musculoskeletal "
        "Physiotherapy and Rehabilitation Services Partnership NHS Foundation Trust"
    )
    h["review"]["author"] = (
        "The Patient Information and Health Literacy Working Group of the Partnership"
    )
    h["sections"] = [
        {
            "heading": "Supercalifragilisticexpialidociousness and "
            "hippopotomonstrosesquippedaliophobia",
            "body": [
                "Read more at https://www.example-health-information-service.example.org/conditions/musculoskeletal/neck/long-page-name.",
                "Antidisestablishmentarianism floccinaucinihilipilification incomprehensibilities.",
            ],
        }
    ]
    h["exercises"] = [
        exercise(
            1, name="Sternocleidomastoid stretch with contralateral rotation and lateral flexion"
        ),
        exercise(2, name="Pneumonoultramicroscopicsilicovolcanoconiosisbreathing"),
    ]
    return h


def many() -> dict[str, Any]:
    h = base("stress-many")
    h["exercises"] = [exercise(i, steps=2 + i % 3) for i in range(8)]
    return h


def one() -> dict[str, Any]:
    h = base("stress-one")
    h["exercises"] = [exercise(1, steps=4)]
    return h


def figures() -> dict[str, Any]:
    h = base("stress-figures")
    frames = {
        "alt": "Sitting, turning the head to look over the right shoulder.",
        "frames": [
            {"pose": "sitting-front"},
            {
                "pose": {
                    "name": "look-right",
                    "base": "sitting-front",
                    "angles": {"neck_rotation": 60},
                }
            },
        ],
    }
    h["exercises"] = [
        exercise(1, figure=frames),
        exercise(2, figure={"image": "images/colour.png", "alt": "A colourful picture."}),
        exercise(3, figure={"image": "images/colour.svg", "alt": "A colourful drawing."}),
    ]
    return h


def ids() -> dict[str, Any]:
    h = base("stress-ids")
    h["review"]["document_id"] = "RIVERSIDE-MSK-PHYSIO-LEAFLET-0042-REV-B-X"
    h["review"]["version"] = "12.3.4-beta.7"
    h["exercises"] = [
        exercise(1, id="a-very-long-exercise-identifier-for-testing-one"),
        exercise(2, id="a-very-long-exercise-identifier-for-testing-two"),
    ]
    h["key_takeaways"].append(
        "Do the first move {where:exercise:a-very-long-exercise-identifier-for-testing-one}."
    )
    return h


def rtl() -> dict[str, Any]:
    sample = yaml.safe_load((ROOT / "handouts" / "samples" / "back-spasms.ar.yaml").read_text())
    h = copy.deepcopy(sample)
    h["id"] = "stress-rtl"
    h["translation"] = None
    h.pop("translation")
    h["key_takeaways"].append("تعرف على علامات الخطر {where:seek_help}.")
    return h


HANDOUTS = {
    "tiny": tiny,
    "long": long,
    "unmarked": lambda: long(core=False, ident="stress-unmarked"),
    "words": words,
    "many": many,
    "one": one,
    "figures": figures,
    "ids": ids,
    "rtl": rtl,
}


def _images(folder: Path) -> None:
    images = folder / "images"
    images.mkdir(exist_ok=True)
    picture = Image.new("RGBA", (240, 140), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 10, 130, 130), fill=(220, 40, 40, 255))
    draw.rectangle((110, 30, 230, 120), fill=(30, 120, 220, 255))
    picture.save(images / "colour.png")
    (images / "colour.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="70" viewBox="0 0 120 70">'
        '<circle cx="35" cy="35" r="30" fill="#e03030"/>'
        '<rect x="55" y="15" width="60" height="45" fill="#1f78dc" '
        'stroke="#20a040" stroke-width="4"/>'
        "</svg>",
        encoding="utf-8",
    )


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every handout (and its images) into ``folder``; their paths by name."""
    _images(folder)
    paths = {}
    for name, make in HANDOUTS.items():
        path = folder / f"{name}.yaml"
        path.write_text(
            yaml.safe_dump(make(), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        paths[name] = path
    return paths
