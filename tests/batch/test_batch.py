"""Batch printing: one PDF per CSV row, safe file names, bad rows reported, combined file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import BACK_SPASMS, ROOT, page_texts, read

from pdfbuilder import HandoutError
from pdfbuilder.batch.rows import Row, assign_targets, read_rows, safe_name
from pdfbuilder.cli import main

CLINIC = ROOT / "examples" / "clinic.yaml"
HEADER = "file,patient,date,follow_up,note,exercises\n"


def _csv(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def _batch(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(main, ["batch", str(BACK_SPASMS), *args])
    return result.exit_code, result.stderr


def test_one_pdf_per_row_with_each_patients_details(runner: CliRunner, tmp_path: Path) -> None:
    people = ROOT / "examples" / "patients.csv"
    out = tmp_path / "out"
    out.mkdir()
    code, err = _batch(runner, str(people), "--clinic", str(CLINIC), "-o", str(out), "-j", "2")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "A1001-ruiz.pdf",
        "A1002-okafor.pdf",
        "A1003-nowak.pdf",
    ]
    text = " ".join(page_texts((out / "A1002-okafor.pdf").read_bytes()))
    assert "For: Chidi Okafor" in text and "Phone: 01632 960 123" in text
    assert "Bridge" not in text  # only the chosen exercises
    assert err.rstrip().endswith(f"built 3 of 3 leaflets into {out}")


def test_bad_rows_are_reported_and_the_rest_still_build(runner: CliRunner, tmp_path: Path) -> None:
    people = _csv(
        tmp_path,
        "a,Ann,2026-03-02,,,bridge\n"
        "b,Bob,2026-03-02,,,brige\n"
        "c,Cy,31/02/2026,,,\n"
        "d,Di,2026-03-02,,,cat-cow:per-day=2\n",
    )
    out = tmp_path / "out"
    out.mkdir()
    code, err = _batch(runner, str(people), "-o", str(out), "-j", "2")
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "d.pdf"]
    lines = err.splitlines()
    assert (
        f'Error: {people}:3: row 2: exercises: unknown exercise "brige"; did you mean "bridge"?'
        in ("\n".join(lines))
    )
    assert (
        f'Error: {people}:4: row 3: date: expected a date like 2026-03-01, got "31/02/2026"'
        in lines
    )
    assert lines[-1] == f"built 2 of 4 leaflets into {out}; 2 rows failed (listed above)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("../../etc/x", "etc-x.pdf"),
        ("/etc/passwd", "etc-passwd.pdf"),
        ("..\\..\\windows\\system32", "windows-system32.pdf"),
        ("", "fallback.pdf"),
        ("....", "fallback.pdf"),
        ("CON", "_CON.pdf"),
        ("nul.txt", "_nul.txt.pdf"),
        ("Ana Ruiz.pdf", "Ana-Ruiz.pdf"),
        ("José\x00\n<>:|?*", "José.pdf"),
        ("x" * 300, "x" * 80 + ".pdf"),
    ],
)
def test_hostile_names_are_made_safe(value: str, expected: str) -> None:
    assert safe_name(value, "fallback") == expected


def test_names_stay_inside_the_folder_and_are_unique(tmp_path: Path) -> None:
    values = ["../a", "A", "a", "", "", "/abs/path", "~/x"]
    rows = [Row(i + 1, i + 2, {"file": v}) for i, v in enumerate(values)]
    targets = [Path(str(r.target)) for r in assign_targets(rows, tmp_path, "file", "leaflet")]
    assert all(t.parent == tmp_path.resolve() for t in targets)
    assert [t.name for t in targets] == [
        "a.pdf",
        "A-2.pdf",
        "a-3.pdf",
        "leaflet-0004.pdf",
        "leaflet-0005.pdf",
        "abs-path.pdf",
        "x.pdf",
    ]


def test_hostile_names_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    people = _csv(tmp_path, '../../escape,A,,,,\n"/tmp/abs",B,,,,\n', header=HEADER)
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    code, err = _batch(runner, str(people), "-o", str(out), "-j", "1")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["escape.pdf", "tmp-abs.pdf"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_combined_file_has_every_leaflet_in_row_order(runner: CliRunner, tmp_path: Path) -> None:
    people = _csv(tmp_path, "a,First Person,,,,bridge\nb,Second Person,,,,cat-cow\n")
    combined = tmp_path / "all.pdf"
    code, err = _batch(runner, str(people), "--combined", str(combined), "-j", "2")
    assert code == 0, err
    pages = page_texts(combined.read_bytes())
    first = next(i for i, t in enumerate(pages) if "First Person" in t)
    second = next(i for i, t in enumerate(pages) if "Second Person" in t)
    assert first == 0 < second
    assert len(read(combined.read_bytes()).pages) == second * 2


def test_combined_file_pads_each_leaflet_to_even_pages_and_bookmarks_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Printed double-sided, each leaflet starts on a new sheet; a print room finds each
    patient's leaflet by its bookmark, with the leaflet's own bookmarks under it."""
    people = _csv(tmp_path, "a,First Person,,,,bridge\n,Second Person,,,,cat-cow\n")
    alone = tmp_path / "one"
    alone.mkdir()
    assert _batch(runner, str(people), "-o", str(alone), "-j", "1")[0] == 0
    own = len(read((alone / "a.pdf").read_bytes()).pages)
    for pad, expected in (("--pad", own + own % 2), ("--no-pad", own)):
        combined = tmp_path / f"all{pad}.pdf"
        code, err = _batch(runner, str(people), "--combined", str(combined), pad, "-j", "1")
        assert code == 0, err
        reader = read(combined.read_bytes())
        assert len(reader.pages) == expected * 2
        pages = page_texts(combined.read_bytes())
        assert "Second Person" in pages[expected] and "Second Person" not in pages[expected - 1]
        outline = reader.outline
        tops = [item for item in outline if not isinstance(item, list)]
        assert [t.title for t in tops] == ["a", "Row 2"]
        assert reader.get_destination_page_number(tops[1]) == expected
        nested = [item for item in outline if isinstance(item, list)]
        assert len(nested) == 2 and all(len(n) >= 3 for n in nested)  # its own bookmarks


def test_unknown_column_fails_the_whole_batch(runner: CliRunner, tmp_path: Path) -> None:
    people = _csv(tmp_path, "a,A\n", header="file,pateint\n")
    out = tmp_path / "out"
    out.mkdir()
    code, err = _batch(runner, str(people), "-o", str(out))
    assert code == 1
    assert err == f'Error: {people}:1:2: unknown column "pateint"; did you mean "patient"?\n'


def test_row_with_stray_commas_is_refused(tmp_path: Path) -> None:
    people = _csv(tmp_path, "a,Ann,,,,bridge,extra\n")
    (row,) = read_rows(people)
    assert row.extra == 1


def test_output_needs_exactly_one_destination(runner: CliRunner, tmp_path: Path) -> None:
    people = _csv(tmp_path, "a,Ann,,,,\n")
    result = runner.invoke(main, ["batch", str(BACK_SPASMS), str(people)])
    assert result.exit_code == 2
    assert "give either -o DIR" in result.output


def test_empty_csv_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(HandoutError, match="the file is empty"):
        read_rows(path)


def test_one_failed_row_is_counted_in_the_singular(runner: CliRunner, tmp_path: Path) -> None:
    people = _csv(tmp_path, "a,Ann,,,,bridge\nb,Bob,,,,brige\n")
    out = tmp_path / "out"
    out.mkdir()
    code, err = _batch(runner, str(people), "-o", str(out), "-j", "1")
    assert code == 1
    assert err.splitlines()[-1] == f"built 1 of 2 leaflets into {out}; 1 row failed (listed above)"
