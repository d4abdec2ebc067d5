"""Print-time personalisation: what prints, exercise choice and doses, errors, and privacy."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import BACK_SPASMS, ROOT, page_texts

from pdfbuilder import HandoutError, build_pdf, load_handout, load_layout
from pdfbuilder.cli import main
from pdfbuilder.layout.styles import styles_for
from pdfbuilder.people.clinic import load_clinic
from pdfbuilder.people.personal import (
    Personal,
    load_personal,
    parse_exercise,
    personal_from_strings,
    personalise,
)

PLAN = ROOT / "examples" / "plan.yaml"
CLINIC = ROOT / "examples" / "clinic.yaml"


def _text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def test_name_note_and_clinic_phone_appear_in_the_pdf() -> None:
    personal = Personal(patient="Ana Ruiz", clinician="Sam Patel", note="Walk every morning.")
    text = _text(build_pdf(BACK_SPASMS, clinic=load_clinic(CLINIC), personal=personal))
    assert "For: Ana Ruiz · From: Sam Patel" in text
    assert "Your plan Walk every morning." in text
    assert "Phone: 01632 960 123" in text


def test_dates_are_written_out_in_the_leaflet_language() -> None:
    personal = Personal(date=dt.date(2026, 3, 2), follow_up=dt.date(2026, 3, 16))
    assert "Date: 2 March 2026 · Follow-up: 16 March 2026" in _text(
        build_pdf(BACK_SPASMS, personal=personal)
    )
    spanish = ROOT / "handouts" / "back-spasms.es.yaml"
    assert "Fecha: 2 de marzo de 2026 · Próxima cita: 16 de marzo de 2026" in _text(
        build_pdf(spanish, personal=personal)
    )


def test_markup_in_personal_text_prints_as_written() -> None:
    personal = Personal(patient="<b>Zoë & **Co**</b>")
    assert "For: <b>Zoë & **Co**</b>" in _text(build_pdf(BACK_SPASMS, personal=personal))


def test_choosing_exercises_filters_reorders_and_sets_doses() -> None:
    handout = load_handout(BACK_SPASMS)
    personal = personal_from_strings(
        {"exercises": ("bridge", "knee-to-chest:reps=10,hold=20,per-day=3")}
    )
    styles = styles_for(load_layout("standard"))
    chosen = personalise(handout, None, personal, styles)
    assert [ex.id for ex in chosen.exercises] == ["bridge", "knee-to-chest"]
    knee = chosen.exercises[1].dose
    assert knee is not None
    assert (knee.reps, knee.hold_seconds, knee.times_per_day, knee.sets) == (10, 20, 3, 1)
    assert chosen.exercises[0] == handout.exercises[2]  # no dose given: the handout's own
    text = _text(build_pdf(handout, personal=personal))
    assert "Pelvic tilt" not in text
    assert "Repeat 10 times · Hold for 20 seconds · 3 times a day" in text


def test_unknown_exercise_lists_the_valid_ids() -> None:
    personal = personal_from_strings({"exercises": ("brige",)})
    with pytest.raises(HandoutError) as info:
        build_pdf(BACK_SPASMS, personal=personal)
    assert str(info.value) == (
        '--exercise: unknown exercise "brige"; did you mean "bridge"? the handout\'s exercises '
        "are: knee-to-chest, pelvic-tilt, bridge, cat-cow, lower-trunk-rotation"
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("bridge:reps=ten", 'reps in "bridge:reps=ten": expected a whole number from 1 to 100'),
        ("bridge:reps=0", 'reps in "bridge:reps=0": expected a whole number from 1 to 100'),
        ("bridge:speed=2", '"speed=2" in "bridge:speed=2": write the dose as reps=10'),
        (":reps=2", 'expected an exercise id such as "bridge"'),
    ],
)
def test_bad_exercise_option_says_how_to_write_it(spec: str, message: str) -> None:
    with pytest.raises(HandoutError) as info:
        parse_exercise(spec)
    assert message in str(info.value)


def test_bad_date_option_names_the_option() -> None:
    with pytest.raises(HandoutError) as info:
        personal_from_strings({"follow_up": "16/03/2026"}, name=lambda f: "--follow-up")
    assert str(info.value) == '--follow-up: expected a date like 2026-03-01, got "16/03/2026"'


def test_plan_file_errors_are_located(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("patient: A\nexercises:\n  - bridge\n  - {id: cat-cow, reps: lots}\n")
    with pytest.raises(HandoutError) as info:
        load_personal(plan)
    assert str(info.value) == (
        f'{plan}:4:25: exercises[1].reps: expected a whole number, got "lots"'
    )
    plan.write_text("patient: A\nexercises: [bridge, kneel]\n")
    with pytest.raises(HandoutError) as info:
        build_pdf(BACK_SPASMS, personal=load_personal(plan))
    assert str(info.value).startswith(f'{plan}:2:21: exercises[1].id: unknown exercise "kneel"')


def test_personal_details_never_show_in_repr() -> None:
    assert repr(Personal(patient="Ana Ruiz")) == "Personal(<hidden>)"


def test_command_line_options_over_a_plan_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ana.pdf"
    args = ["build", str(BACK_SPASMS), "--personal", str(PLAN), "-o", str(out)]
    args += ["--patient", "Ana María Ruiz", "--exercise", "cat-cow:per-day=4"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    text = _text(out.read_bytes())
    assert "For: Ana María Ruiz · From: Sam Patel, Physiotherapist" in text  # file + option
    assert "Start with the knee-to-chest stretch" in text
    assert "Cat-cow" in text and "Bridge" not in text


def test_bad_option_is_one_line(runner: CliRunner) -> None:
    result = runner.invoke(main, ["build", str(BACK_SPASMS), "--date", "tomorrow"])
    assert result.exit_code == 1
    assert result.output == 'Error: --date: expected a date like 2026-03-01, got "tomorrow"\n'


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_nothing_personal_is_written_anywhere_but_the_pdf(tmp_path: Path) -> None:
    name = f"Zq{uuid.uuid4().hex[:12]}"
    home, tmp, work = tmp_path / "home", tmp_path / "tmp", tmp_path / "work"
    for folder in (home, tmp, work):
        folder.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}
    start = time.time()
    args = [sys.executable, "-m", "pdfbuilder", "build", str(BACK_SPASMS), "-o", "out.pdf"]
    args += ["--patient", name, "--note", f"Plan for {name}", "--clinic", str(CLINIC)]
    done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, check=True)
    assert name not in done.stdout + done.stderr
    assert _files_under(home) == [] and _files_under(tmp) == []
    assert _files_under(work) == [work / "out.pdf"]  # no temporary file left beside it
    assert name in _text((work / "out.pdf").read_bytes())
    touched = [
        p for p in _files_under(ROOT) if p.stat().st_mtime >= start and ".git" not in p.parts
    ]
    for path in touched:
        assert name.encode() not in path.read_bytes(), path
