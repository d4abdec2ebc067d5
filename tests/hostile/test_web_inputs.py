"""The web page reads through the same door as the command: the same roots, caps and limits.

The page (``handout serve``) loads the handouts, layouts and clinic its config names with the
public API, and checks every value staff send with the core. These tests attack both ends
without a server: files the config's handouts name outside its folders, special files in
its folders, content over its limits, and print-time values the core refuses.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile.makers import handout, png

from pdfbuilder.errors import HandoutError
from pdfbuilder.people.personal import TEXT_LIMITS
from pdfbuilder.web.catalogue import Catalogue, load_catalogue
from pdfbuilder.web.config import WebConfig
from pdfbuilder.web.fields import FIELDS
from pdfbuilder.web.forms import check, from_json


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail, rather than hang, if loading does not return within 30 seconds."""

    def stop(_signum: int, _frame: Any) -> None:
        raise TimeoutError("loading the catalogue did not return within 30 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    served, outside = tmp_path / "served", tmp_path / "outside"
    served.mkdir()
    outside.mkdir()
    return served, outside


def _load(served: Path, clinic: Path | None = None) -> Catalogue:
    config = WebConfig(
        handouts=(str(served),),
        layouts=("standard",),
        clinic=str(clinic) if clinic else None,
    )
    return load_catalogue(config)


def test_an_image_outside_the_configs_folders_is_refused(tmp_path: Path) -> None:
    served, outside = _folders(tmp_path)
    (outside / "x.png").write_bytes(png(8, 8))
    (served / "h.yaml").write_text(handout([], image="../outside/x.png"), encoding="utf-8")
    with pytest.raises(HandoutError) as caught:
        _load(served)
    assert str(caught.value) == (
        f'{served}/h.yaml:26:14: exercises[0].figure.image: image file "../outside/x.png" is '
        f"outside the allowed folder {served}; move it there or pass --root with a folder "
        "that holds it"
    )


def test_an_image_inside_the_handouts_folder_is_served(tmp_path: Path) -> None:
    served, _ = _folders(tmp_path)
    (served / "x.png").write_bytes(png(8, 8))
    (served / "h.yaml").write_text(handout([], image="x.png"), encoding="utf-8")
    assert [lf.id for lf in _load(served).leaflets] == ["minimal"]


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    served, outside = _folders(tmp_path)
    (outside / "x.png").write_bytes(png(8, 8))
    (served / "x.png").symlink_to(outside / "x.png")
    (served / "h.yaml").write_text(handout([], image="x.png"), encoding="utf-8")
    with pytest.raises(HandoutError, match=r'image file "x\.png" is outside the allowed folder'):
        _load(served)


def test_a_clinic_logo_outside_is_refused(tmp_path: Path) -> None:
    served, outside = _folders(tmp_path)
    (served / "h.yaml").write_text(handout([]), encoding="utf-8")
    (outside / "logo.png").write_bytes(png(8, 8))
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    clinic = profiles / "clinic.yaml"
    clinic.write_text("name: Test Clinic\nlogo: ../outside/logo.png\n", encoding="utf-8")
    with pytest.raises(HandoutError) as caught:
        _load(served, clinic)
    assert str(caught.value).startswith(
        f'{clinic}:2:7: logo: image file "../outside/logo.png" is outside the allowed folder'
    )


def test_a_fifo_among_the_handouts_is_refused_at_once(tmp_path: Path, alarm: None) -> None:
    served, _ = _folders(tmp_path)
    (served / "a.yaml").write_text(handout([]), encoding="utf-8")
    os.mkfifo(served / "b.yaml")
    with pytest.raises(HandoutError) as caught:
        _load(served)
    assert str(caught.value) == (
        f"{served}/b.yaml: is a pipe (FIFO), not a YAML file; give the path of a regular file"
    )


def test_content_over_its_limit_is_refused_as_on_the_command_line(tmp_path: Path) -> None:
    served, _ = _folders(tmp_path)
    paragraph = ("Walk a bit. " * 80_000).strip()  # 959,999 characters, in a file under 1 MB
    text = handout([["- A short paragraph.", "- " + paragraph]])
    (served / "h.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(HandoutError) as caught:
        _load(served)
    assert str(caught.value) == (
        f"{served}/h.yaml:21:9: sections[0].body[0]: is {len(paragraph):,} characters long; a "
        "paragraph holds at most 3,000 (about 500 words); split it into shorter paragraphs"
    )


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    served = tmp_path_factory.mktemp("served")
    (served / "h.yaml").write_text(handout([]), encoding="utf-8")
    return _load(served)


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"patient": "Ann \u202eelpmaxE"}, "patient", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ({"note": "Walk\u0007 daily"}, "note", "U+0007 is not allowed"),
        ({"clinician": "Dr \u2066Example"}, "clinician", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ({"date": "2026-02-30"}, "date", "There is no date 2026-02-30."),
        ({"date": "2026-03-10", "follow_up": "2026-03-01"}, "follow_up", "must come after"),
        ({"patient": "x" * 101}, "patient", "at most 100 characters"),
        ({"note": "n" * 1001}, "note", "at most 1000 characters"),
        ({"qr": True, "qr_url": "https://example.org/" + "a" * 290}, "qr_url", "at most 300"),
        ({"qr": True, "qr_url": "file:///srv/x"}, "qr_url", "https://"),
        ({"exercises": "bridge:reps=0x10"}, "exercises", "whole number from 1 to 100"),
        ({"exercises": "bridge:hold=1:30"}, "exercises", "whole number from 1 to 300"),
    ],
)
def test_every_print_time_value_is_checked_by_the_core(
    catalogue: Catalogue, values: dict[str, Any], field: str, words: str
) -> None:
    sub, errors = from_json({"handout": "minimal", **values})
    assert errors == []
    request, errors = check(sub, catalogue)
    assert request is None
    assert [e.key for e in errors] == [field]
    assert words in errors[0].message


def test_the_pages_field_limits_are_the_cores() -> None:
    for key, most in TEXT_LIMITS.items():
        assert FIELDS[key].max_length == most, key
