"""Checking what arrives, without a server: the form and the JSON API agree, every field
gets its own message, and the core is asked about every value."""

from __future__ import annotations

import pytest
from conftest import ROOT

from pdfbuilder.web.catalogue import Catalogue, load_catalogue
from pdfbuilder.web.config import WebConfig
from pdfbuilder.web.forms import check, from_form, from_json


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(WebConfig(handouts=(str(ROOT / "handouts"),), layouts=("standard",)))


def test_the_three_api_forms_of_exercises_and_the_form_agree(catalogue: Catalogue) -> None:
    forms = [
        "knee-to-chest:reps=9,per-day=2; bridge",
        ["knee-to-chest:reps=9,per-day=2", "bridge"],
        [{"id": "knee-to-chest", "reps": 9, "times_per_day": 2}, {"id": "bridge"}],
    ]
    wanted = ("knee-to-chest:reps=9,per-day=2", "bridge")
    for exercises in forms:
        sub, errors = from_json({"handout": "back-spasms", "exercises": exercises})
        request, errors = check(sub, catalogue)
        assert errors == [] and request is not None
        assert request.personal["exercises"] == wanted
    pairs = [("handout", "back-spasms"), ("exercises_listed", "1")]
    pairs += [("exercises", "bridge"), ("exercises", "knee-to-chest")]
    pairs += [("reps.knee-to-chest", "9"), ("times_per_day.knee-to-chest", "2")]
    pairs += [("reps.bridge", ""), ("reps.cat-cow", "5")]  # empty keeps; unticked is ignored
    request, errors = check(from_form(pairs), catalogue)
    assert errors == [] and request is not None
    assert request.personal["exercises"] == wanted  # in the leaflet's order


def test_the_csv_form_of_exercises_is_read_by_the_core(catalogue: Catalogue) -> None:
    sub, _ = from_json({"handout": "back-spasms", "exercises": "bridge:hold-seconds=5; cat-cow"})
    request, errors = check(sub, catalogue)
    assert errors == [] and request is not None
    assert request.personal["exercises"] == ("bridge:hold-seconds=5", "cat-cow")
    sub, _ = from_json({"handout": "back-spasms", "exercises": "cat-cow; bridge:10"})
    _, errors = check(sub, catalogue)
    assert [e.path for e in errors] == ["exercises[1]"]
    assert errors[0].message == "Use the dose names reps, sets, hold and per-day."


def test_every_bad_field_gets_its_own_message(catalogue: Catalogue) -> None:
    pairs = [("handout", "back-spasms"), ("date", "2026-02-30"), ("follow_up", "soon")]
    pairs += [("qr", "on"), ("qr_url", "ftp://x"), ("exercises_listed", "1")]
    pairs += [("exercises", "bridge"), ("reps.bridge", "ten"), ("sets.bridge", "99")]
    request, errors = check(from_form(pairs), catalogue)
    assert request is None
    assert {(e.key, e.message) for e in errors} == {
        (
            "date",
            "There is no date 2026-02-30. Enter a real date as year-month-day, like 2026-03-01.",
        ),
        ("follow_up", "Enter a real date as year-month-day, like 2026-03-01."),
        ("qr_url", "Enter a web address that starts with https://."),
        ("reps.bridge", "Enter a whole number from 1 to 100."),
        ("sets.bridge", "Enter a whole number from 1 to 10."),
    }


def test_nothing_ticked_and_wrong_types_are_refused(catalogue: Catalogue) -> None:
    pairs = [("handout", "back-spasms"), ("exercises_listed", "1")]
    _, errors = check(from_form(pairs), catalogue)
    assert [(e.key, e.message) for e in errors] == [("exercises", "Tick at least one exercise.")]
    _, errors = from_json(
        {"handout": 7, "qr": "yes", "exercises": [{"id": "bridge", "reps": True}]}
    )
    assert [e.path for e in errors] == ["handout", "qr", "exercises[0].reps"]
    _, errors = from_json(["not", "an", "object"])
    assert errors[0].path == "" and "JSON object" in errors[0].message


def test_the_qr_address_is_ignored_when_the_qr_code_is_off(catalogue: Catalogue) -> None:
    sub, _ = from_json({"handout": "back-spasms", "qr": False, "qr_url": "not a url"})
    request, errors = check(sub, catalogue)
    assert errors == [] and request is not None and request.qr is False
    assert "qr_url" not in request.personal


def test_a_language_picks_the_translation(catalogue: Catalogue) -> None:
    sub, _ = from_json({"handout": "back-spasms", "language": "es"})
    request, _ = check(sub, catalogue)
    assert request is not None and request.version == "back-spasms-es"
    sub, _ = from_json({"handout": "back-spasms", "language": "fr"})
    _, errors = check(sub, catalogue)
    assert errors[0].path == "language" and "Spanish (es)" in errors[0].message


def test_search_finds_by_title_topic_body_and_language(catalogue: Catalogue) -> None:
    for query in ("spasm", "stretch knee", "spanish", "español", "espalda"):
        assert [lf.id for lf in catalogue.search(query)] == ["back-spasms"], query
    for query in ("BACK", "ibuprofen"):  # the neck leaflet mentions both too; titles first
        assert next(lf.id for lf in catalogue.search(query)) == "back-spasms", query
    assert [lf.id for lf in catalogue.search("neck")] == ["neck-pain"]
    assert [lf.id for lf in catalogue.search("sprain")] == ["ankle-sprain"]
    assert catalogue.search("diabetes") == []
    assert len(catalogue.search("")) == len(catalogue.leaflets)


def test_browser_tests_skip_on_a_developer_machine_and_fail_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import conftest

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium"):
        conftest.missing("chromium is not installed")
    for value in ("1", "true"):
        monkeypatch.setenv("CI", value)
        with pytest.raises(pytest.fail.Exception, match="CI must have it"):
            conftest.missing("chromium is not installed")
