"""Property-based fuzzing: every mutation of a shipped handout builds or is one HandoutError.

Three kinds of mutation, each with a fixed seed (``derandomize=True``: CI runs the same
examples every time) and enough examples to matter (:data:`EXAMPLES`):

- structure: one value anywhere in a shipped handout replaced by a hostile one (wrong type,
  huge, control characters, digit strings YAML 1.1 would misread, paths outside), a key
  removed, or an unknown key added; written back as YAML;
- raw bytes: bytes of a shipped handout flipped, inserted or deleted;
- print-time details: hostile patient names, notes, dates and exercise choices;
- branding: a built-in layout or the example clinic profile with one value made hostile
  (half as many examples).

The property: the outcome is a PDF, or a :class:`HandoutError` whose message is one line
with no Python object text. Anything else (another exception, a hang) fails the test.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import yaml
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pdfbuilder import build_pdf, builtin_layout_names
from pdfbuilder.content.model import handout_from_source
from pdfbuilder.errors import HandoutError
from pdfbuilder.people.personal import personal_from_strings
from pdfbuilder.source.reader import read_raw

SHIPPED = sorted((ROOT / "handouts").rglob("*.yaml"))
RAW = {path.name: path.read_bytes() for path in SHIPPED}
DATA = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in SHIPPED}
LAYOUTS = builtin_layout_names()
#: Examples per test: three tests, about a minute together on the CI machine.
EXAMPLES = 250

FUZZ = settings(
    derandomize=True,
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

TRICKY = [
    "0112",
    "1:30",
    "0x10",
    "1_000",
    "1e308",
    ".inf",
    "2026-02-30",
    "**a *b** c*",
    "***",
    "<b>bold</b> & <font size=80>",
    "\u202eevil",
    "a\u2066b",
    "\x00",
    "\x1b[31m",
    "../../outside.png",
    "/dev/zero",
    "https://example.invalid/" + "x" * 400,
    "yes",
    "~",
    "",
    " ",
    "x" * 5000,
    "word " * 2000,
    "9" * 5000,
]
scalars = st.one_of(
    st.text(max_size=60),
    st.sampled_from(TRICKY),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1)),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.dictionaries(st.text(max_size=8), scalars, max_size=3),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


def _mutate(data: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    if not path:
        return new if how == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "replace":
        parent[last] = new
    elif how == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"unknown_{len(parent)}"] = new
    else:
        parent.insert(last, new)
    return data


def _outcome(make: Any) -> None:
    """Run ``make()``: a PDF, or a one-line HandoutError; anything else fails."""
    try:
        pdf = make()
    except HandoutError as exc:
        message = str(exc)
        assert "\n" not in message, message
        assert " at 0x" not in message and "Traceback" not in message, message
        return
    assert pdf.startswith(b"%PDF-")


@FUZZ
@given(st.data())
def test_structure_mutations_build_or_fail_cleanly(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DATA)), label="handout")
    plain = yaml.safe_load(yaml.safe_dump(DATA[name]))  # a fresh copy
    path = data.draw(st.sampled_from(_paths(plain)), label="path")
    how = data.draw(st.sampled_from(["replace", "replace", "delete", "insert"]), label="how")
    mutated = _mutate(plain, path, how, data.draw(values, label="value"))
    try:
        text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, OverflowError):
        return  # not writable as YAML at all
    layout = data.draw(st.sampled_from(LAYOUTS), label="layout")
    raw = text.encode("utf-8", "surrogatepass")
    _outcome(lambda: build_pdf(handout_from_source(read_raw(raw, str(ROOT / name))), layout))


@FUZZ
@given(st.data())
def test_byte_mutations_build_or_fail_cleanly(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(RAW)), label="handout")
    raw = bytearray(RAW[name])
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(raw)), label="at")
        how = data.draw(st.sampled_from(["flip", "insert", "delete"]), label="how")
        if how == "flip" and at < len(raw):
            raw[at] = data.draw(st.one_of(*[st.sampled_from(YAML_BYTES)] * 4, st.integers(0, 255)))
        elif how == "insert":
            raw[at:at] = data.draw(st.one_of(*[YAML_TEXT] * 3, st.binary(max_size=8)))
        else:
            del raw[at : at + data.draw(st.integers(1, 40), label="length")]
    layout = data.draw(st.sampled_from(LAYOUTS), label="layout")
    blob = bytes(raw)
    _outcome(lambda: build_pdf(handout_from_source(read_raw(blob, str(ROOT / name))), layout))


#: The built-in layouts and the example clinic profile, as plain data (their own files).
LAYOUT_DATA = {
    path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "layouts").glob("*.yaml"))
}
CLINIC = ROOT / "examples" / "clinic.yaml"
CLINIC_DATA = yaml.safe_load(CLINIC.read_text(encoding="utf-8"))
BACK = ROOT / "handouts" / "back-spasms.yaml"
#: Fewer examples: each builds a whole leaflet, as the handout ones do.
BRANDING = settings(FUZZ, max_examples=EXAMPLES // 2)


def _mutated_text(data: st.DataObject, plain: Any) -> str | None:
    """``plain`` with one value replaced, removed or added, as YAML (None if unwritable)."""
    path = data.draw(st.sampled_from(_paths(plain)), label="path")
    how = data.draw(st.sampled_from(["replace", "replace", "delete", "insert"]), label="how")
    mutated = _mutate(plain, path, how, data.draw(values, label="value"))
    try:
        return yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, OverflowError):
        return None


@BRANDING
@given(st.data())
def test_layout_and_clinic_mutations_build_or_fail_cleanly(data: st.DataObject) -> None:
    """A built-in layout or the example clinic profile with one value made hostile (a
    colour of nan, a margin of 1e308, a list where a number belongs) builds the back-spasm
    leaflet or is one clean line."""
    from pdfbuilder.layout.files import load_layout
    from pdfbuilder.people.clinic import load_clinic

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "logo.svg").write_bytes((ROOT / "examples" / "logo.svg").read_bytes())
        _branding(data, folder, load_layout, load_clinic)


def _branding(data: st.DataObject, folder: Path, load_layout: Any, load_clinic: Any) -> None:
    if data.draw(st.booleans(), label="layout, not clinic"):
        name = data.draw(st.sampled_from(sorted(LAYOUT_DATA)), label="layout")
        text = _mutated_text(data, yaml.safe_load(yaml.safe_dump(LAYOUT_DATA[name])))
        if text is None:
            return
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        _outcome(lambda: build_pdf(BACK, load_layout(folder / name)))
    else:
        text = _mutated_text(data, yaml.safe_load(yaml.safe_dump(CLINIC_DATA)))
        if text is None:
            return
        (folder / "clinic.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        _outcome(lambda: build_pdf(BACK, "standard", clinic=load_clinic(folder / "clinic.yaml")))


#: Bytes and short texts that mean something to YAML, for the byte mutations.
YAML_BYTES = list(b" -:*&!|>[]{}\"'#%@`,?0123456789aZ\n\t")
YAML_TEXT = st.sampled_from(
    [b": ", b"- ", b"\n  ", b"&a ", b"*a", b"!!str ", b"'", b'"', b"\n- x\n", b"{", b"0x1", b"<<: "]
)
PRINT_TEXT = st.one_of(
    *[st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=80)] * 3,
    st.sampled_from(TRICKY),
)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)).map(str)
EXERCISES = st.one_of(
    st.sampled_from(["bridge", "knee-to-chest:reps=10,hold=20", "bridge:reps=²", "x:y=z"]),
    st.text(max_size=30),
)


@FUZZ
@given(
    patient=PRINT_TEXT,
    note=PRINT_TEXT,
    date=st.one_of(DATES, st.sampled_from(["2026-02-30", "01/03/2026", ""]), st.text(max_size=12)),
    follow_up=st.one_of(DATES, st.just(""), st.text(max_size=12)),
    exercises=st.lists(EXERCISES, max_size=3),
)
def test_print_time_details_build_or_fail_cleanly(
    patient: str, note: str, date: str, follow_up: str, exercises: list[str]
) -> None:
    def make() -> bytes:
        values = {"patient": patient, "note": note, "date": date, "follow_up": follow_up}
        personal = personal_from_strings({**values, "exercises": tuple(exercises)})
        return build_pdf(ROOT / "handouts" / "back-spasms.yaml", "standard", personal=personal)

    _outcome(make)


def test_the_fuzzed_files_are_the_shipped_handouts() -> None:
    assert {p.name for p in SHIPPED} >= {"back-spasms.yaml", "neck-pain.yaml"}
    assert all(isinstance(DATA[p.name], dict) for p in SHIPPED)
    assert Path(SHIPPED[0]).is_file()
