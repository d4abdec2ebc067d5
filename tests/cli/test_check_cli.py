"""``handout check`` through click: exit codes, --strict, JSON, several files, bad files, and
the back-spasm leaflet passing in every built-in layout."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import BACK_SPASMS, ROOT, spanish_copy

from pdfbuilder import builtin_layout_names, load_handout, load_layout
from pdfbuilder.check import check_handout
from pdfbuilder.cli import main

DATA = ROOT / "tests" / "data" / "check"
GOOD = str(DATA / "good.yaml")
NO_TOOL = "content.tangible-tool"


def _json(runner: CliRunner, *args: str) -> tuple[int, dict[str, object]]:
    result = runner.invoke(main, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def test_clean_file_exits_0_and_says_passed(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", GOOD])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{GOOD}: layout standard, language en\n")
    assert result.stdout.rstrip().endswith("passed: 1 file(s); 0 errors, 0 warnings")


def test_errors_exit_1_with_file_line_references(runner: CliRunner) -> None:
    bad = str(DATA / "content-review-date.yaml")
    result = runner.invoke(main, ["check", bad])
    assert result.exit_code == 1
    assert (
        f"    {bad}:16: content.review-date: review.next_review: the review date 2020-06-01 "
        "has passed; review the content and set a new next_review before printing\n"
    ) in result.stdout
    assert "FAILED: 1 of 1 file(s); 1 error, 0 warnings" in result.stdout


def test_warnings_fail_only_with_strict(runner: CliRunner) -> None:
    bad = str(DATA / "content-purpose.yaml")
    assert runner.invoke(main, ["check", bad]).exit_code == 0
    strict = runner.invoke(main, ["check", "--strict", bad])
    assert strict.exit_code == 1
    assert "(--strict: warnings fail)" in strict.stdout


def test_report_groups_findings_by_severity(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(DATA / "readability-grade.yaml")])
    out = result.stdout
    assert out.index("  Errors (1):") < out.index("  Warnings (4):") < out.index("  Notes (")
    assert "  Hardest sentences:\n" in out
    assert ':26: grade 24.7, 9 words, 8 long: "Individuals experiencing' in out


def test_json_has_documented_keys(runner: CliRunner) -> None:
    code, data = _json(runner, str(DATA / "content-heading.yaml"))
    assert code == 0
    assert list(data) == ["format", "strict", "passed", "files"]
    assert data["format"] == 1
    (report,) = data["files"]  # type: ignore[misc]
    assert list(report) == [
        "file",
        "layout",
        "language",
        "summary",
        "readability",
        "accessibility",
        "findings",
    ]
    assert report["summary"] == {"errors": 0, "warnings": 5, "info": 0}
    assert list(report["readability"]) == [
        "formula",
        "target_grade",
        "max_grade",
        "whole",
        "sections",
        "hardest_sentences",
    ]
    assert list(report["readability"]["whole"]) == [
        "sentences",
        "words",
        "grade",
        "flesch_kincaid",
        "smog",
        "fernandez_huerta",
        "szigriszt_pazos",
        "inflesz",
    ]
    assert list(report["readability"]["sections"][0]) == [
        "name",
        "field",
        "line",
        "sentences",
        "words",
        "grade",
        "flesch_kincaid",
        "smog",
        "fernandez_huerta",
        "szigriszt_pazos",
        "inflesz",
    ]
    assert list(report["readability"]["hardest_sentences"][0]) == [
        "text",
        "field",
        "line",
        "words",
        "long_words",
        "grade",
    ]
    first = report["findings"][0]
    assert first == {
        "rule": "content.heading",
        "severity": "warning",
        "file": str(DATA / "content-heading.yaml"),
        "line": 22,
        "field": "sections[0].heading",
        "message": 'the heading "Introduction" does not say what the section is about; ask '
        'the reader\'s question, e.g. "How can I ease the pain?"',
    }


def test_json_is_the_same_every_run(runner: CliRunner) -> None:
    files = [str(DATA / "readability-grade.yaml"), str(DATA / "content-heading.yaml"), GOOD]
    first = runner.invoke(main, ["check", "--format", "json", *files]).stdout
    second = runner.invoke(main, ["check", "--format", "json", *files]).stdout
    assert first == second
    data = json.loads(first)
    assert [r["file"] for r in data["files"]] == files
    for report in data["files"]:
        keys = [
            (f["severity"], f["file"], f["line"] or 0, f["field"], f["rule"], f["message"])
            for f in report["findings"]
        ]
        order = {"error": 0, "warning": 1, "info": 2}
        assert keys == sorted(keys, key=lambda k: (order[k[0]], *k[1:]))


def test_several_files_fail_if_one_fails(runner: CliRunner) -> None:
    code, data = _json(runner, GOOD, str(DATA / "content-action.yaml"))
    assert code == 1
    assert data["passed"] is False
    # content-action.yaml has no exercises: no action (an error), a section that promises
    # things to do and gives none, and nothing for the exercise log (warnings).
    assert [r["summary"]["errors"] for r in data["files"]] == [0, 1]  # type: ignore[attr-defined]
    assert [r["summary"]["warnings"] for r in data["files"]] == [0, 2]  # type: ignore[attr-defined]


def test_bad_file_is_one_line_and_the_rest_are_still_checked(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\nid: x\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(bad), GOOD])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}:2:3: not valid YAML: did not find expected ',' or ']' (while parsing a flow "
        "sequence); check indentation, colons and quotes\n"
    )
    assert "Traceback" not in result.output
    assert f"{GOOD}: layout standard" in result.stdout
    code, data = _json(runner, str(bad))
    assert code == 1
    assert data["files"][0]["findings"][0]["rule"] == "load"  # type: ignore[index]


def test_unknown_layout_is_one_line_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--layout", "nope", GOOD])
    assert result.exit_code == 1
    assert 'unknown layout "nope"; built-in layouts are: ' in result.stderr
    assert result.stderr.count("\n") == 1


def test_grade_options_override_the_targets(runner: CliRunner) -> None:
    easy = runner.invoke(
        main, ["check", "--strict", "--grade-target", "1", "--grade-limit", "2", GOOD]
    )
    assert easy.exit_code == 1
    assert "readability.grade" not in easy.stdout  # the whole leaflet is grade 0.3
    assert 'readability.section-grade: purpose: "Purpose" reads at grade 2.5' in easy.stdout
    _, data = _json(runner, "--grade-target", "4", "--grade-limit", "7", GOOD)
    readability = data["files"][0]["readability"]  # type: ignore[index]
    assert (readability["target_grade"], readability["max_grade"]) == (4, 7)
    wrong = runner.invoke(main, ["check", "--grade-target", "9", GOOD])
    assert wrong.exit_code == 2
    assert "--grade-limit must not be below --grade-target" in wrong.stderr


def test_today_option_moves_the_review_date(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--today", "2099-02-01", GOOD])
    assert result.exit_code == 1
    assert "the review date 2099-01-01 has passed" in result.stdout


def test_clinic_option_is_accepted(runner: CliRunner, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: Test clinic\nphone: 01234 567890\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--clinic", str(clinic), GOOD])
    assert result.exit_code == 0, result.output
    if importlib.util.find_spec("pdfbuilder.people.clinic") is None:
        assert (
            f"    {clinic}: content.contacts: contact details not checked: this version cannot "
            "read clinic profiles yet\n"
        ) in result.stdout


def test_help_lists_the_options(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "-h"])
    assert result.exit_code == 0
    for option in (
        "--layout",
        "--grade-target",
        "--grade-limit",
        "--clinic",
        "--format",
        "--strict",
        "--today",
    ):
        assert option in result.stdout


@pytest.mark.parametrize("layout", builtin_layout_names())
def test_back_spasms_passes_strict_in_every_built_in_layout(runner: CliRunner, layout: str) -> None:
    report = check_handout(load_handout(BACK_SPASMS), load_layout(layout))
    assert "exercise_log" in load_layout(layout).blocks, "every built-in layout has a tool"
    assert [f for f in report.findings if f.severity != "info"] == []
    result = runner.invoke(main, ["check", "--strict", "--layout", layout, str(BACK_SPASMS)])
    assert result.exit_code == 0, result.output


def test_allow_acronym_accepts_a_clinics_own_abbreviation(runner: CliRunner) -> None:
    acronyms = str(DATA / "acronyms.yaml")
    before = runner.invoke(main, ["check", "--today", "2027-01-01", acronyms]).stdout
    after = runner.invoke(
        main, ["check", "--today", "2027-01-01", "--allow-acronym", "NSAID", acronyms]
    ).stdout
    assert '"NSAID" is not explained' in before
    assert '"NSAID"' not in after
    assert '"MRI" is explained only after its first use' in after
    wrong = runner.invoke(main, ["check", "--allow-acronym", "two words", acronyms])
    assert wrong.exit_code == 2
    assert '"two words" is not an abbreviation; give one word such as MSK' in wrong.stderr


#: The leaflets the project ships for patients (handouts/samples/ holds incomplete samples,
#: such as the Arabic one, that say they are not for patients).
SHIPPED = sorted((ROOT / "handouts").glob("*.yaml"))


def _flawed_copy(tmp_path: Path, edits: dict[str, str]) -> Path:
    """The Spanish leaflet with ``edits``, beside its original, in ``tmp_path``."""
    return spanish_copy(tmp_path, edits)


def test_an_unreviewed_draft_translation_warns_that_it_is_both(
    runner: CliRunner, tmp_path: Path
) -> None:
    copy = _flawed_copy(
        tmp_path,
        {"  status: final\n": "  status: draft\n", "  reviewed: true\n": "  reviewed: false\n"},
    )
    report = check_handout(load_handout(copy), load_layout("standard"))
    assert [(f.rule, f.field) for f in report.findings if f.severity != "info"] == [
        ("content.status", "review.status"),
        ("content.translation", "translation.reviewed"),
    ]
    result = runner.invoke(main, ["check", "--strict", str(copy)])
    assert result.exit_code == 1
    assert "FAILED: 1 of 1 file(s); 0 errors, 2 warnings (--strict: warnings fail)" in (
        result.stdout
    )
    plain = runner.invoke(main, ["check", str(copy)])
    assert plain.exit_code == 0, plain.output  # warnings fail only with --strict


@pytest.mark.parametrize(
    ("edit", "rule"),
    [
        ({"  status: final\n": "  status: draft\n"}, "content.status"),
        ({"  reviewed: true\n": "  reviewed: false\n"}, "content.translation"),
    ],
    ids=["draft", "unreviewed"],
)
def test_each_of_draft_and_unreviewed_warns_on_its_own(
    tmp_path: Path, edit: dict[str, str], rule: str
) -> None:
    report = check_handout(load_handout(_flawed_copy(tmp_path, edit)), load_layout("standard"))
    assert [f.rule for f in report.findings if f.severity != "info"] == [rule]


def test_the_shipped_leaflets_are_the_four_topics_and_translations() -> None:
    assert [p.name for p in SHIPPED] == [
        "ankle-sprain.yaml",
        "back-spasms.es.yaml",
        "back-spasms.yaml",
        "neck-pain.yaml",
    ]


@pytest.mark.parametrize("layout", builtin_layout_names())
@pytest.mark.parametrize("handout", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_leaflet_passes_strict_in_every_built_in_layout(
    runner: CliRunner, handout: Path, layout: str
) -> None:
    loaded = load_handout(handout)
    assert loaded.review.status == "final" and loaded.review.reviewed_on is not None
    assert loaded.translation is None or loaded.translation.reviewed
    report = check_handout(loaded, load_layout(layout))
    assert [f for f in report.findings if f.severity != "info"] == []
    result = runner.invoke(main, ["check", "--strict", "--layout", layout, str(handout)])
    assert result.exit_code == 0, result.output
