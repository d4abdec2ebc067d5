"""The tagging benchmark keeps working (its figures are not tested: see docs/accessibility.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, bench_json


def test_tagging_benchmark_runs_and_reports_its_ratio() -> None:
    results = bench_json("tagging_bench.py")
    leaflets = results.pop("leaflets")
    assert set(results) == {"untagged_ms", "tagged_ms", "finish_ms", "ratio", "best_ratio"}
    assert all(value > 0 for value in results.values())
    assert set(leaflets) == {"standard", "trifold", "large-print", "easy-read"}
    for figures in leaflets.values():
        assert set(figures) == {"untagged_ms", "tagged_ms", "ratio", "ratio_low", "ratio_high"}
        assert all(value > 0 for value in figures.values())


def test_counted_child_builds_every_kind() -> None:
    """What --instructions runs under valgrind: warm builds of each kind, exit 0."""
    for kind in ("untagged", "tagged", "unfinished"):
        done = _run("tagging_bench.py", "--count-child", "standard", kind, "1")
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""


def test_counted_child_refuses_a_kind_it_does_not_know() -> None:
    """A mistyped kind is refused, not counted as a tagged build under another name."""
    assert _refused("tagging_bench.py", "--count-child", "standard", "taged", "1") == [
        "--count-child: a layout of ('standard', 'trifold', 'large-print', 'easy-read') and "
        "a kind of ('untagged', 'tagged', 'unfinished')"
    ]


def test_instruction_counts_split_what_tagging_adds() -> None:
    """--instructions under valgrind (CI installs it): the standard leaflet's counts, and
    the finishing pass and what comes before it adding up to what tagging adds."""
    _valgrind_or_skip()
    counts = json.loads(
        _output("tagging_bench.py", "--instructions", "--smoke", "--json", timeout=900)
    )
    assert set(counts) == {"standard"}
    c = counts["standard"]
    assert set(c) == {"untagged_M", "tagged_M", "ratio", "finishing_M", "before_finishing_M"}
    # A warm standard build is tens of millions of instructions, tagged more than untagged;
    # the two parts are each real work, and together they are the difference.
    assert 10 < c["untagged_M"] < c["tagged_M"] < 3 * c["untagged_M"]
    assert c["ratio"] == pytest.approx(c["tagged_M"] / c["untagged_M"])
    assert c["finishing_M"] > 0.5 and c["before_finishing_M"] > 0.5
    added = c["tagged_M"] - c["untagged_M"]
    assert c["finishing_M"] + c["before_finishing_M"] == pytest.approx(added)


def _valgrind_or_skip() -> None:
    if shutil.which("valgrind") is None:
        reason = "valgrind is not installed (Debian: apt-get install valgrind)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason}; CI must have it: .ci/run installs it")
        pytest.skip(reason)


FINISH = ["pdfbuilder.tagging.finishing:finish"]


def test_counting_inside_the_finishing_pass() -> None:
    """bench/count_inside.py under valgrind: the finishing pass of a warm tagged standard
    build is millions of instructions, a part of the whole build (tens of millions)."""
    _valgrind_or_skip()
    line = _output("count_inside.py", *FINISH, "--builds", "1", timeout=900).strip()
    assert line.startswith("pdfbuilder.tagging.finishing:finish: "), line
    where = "(handouts/back-spasms.yaml, standard)"
    assert line.endswith(f" M instructions a warm tagged build {where}"), line
    assert 1 < float(line.split()[1]) < 30


def test_counting_inside_replaces_every_name_the_function_goes_by(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The wrapper takes the function's place in its module and in every module that
    imported it by name (the pipeline calls ``finish`` by its own name), and calls it."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import count_inside
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from pdfbuilder import pipeline
    from pdfbuilder.tagging import finishing, marks

    monkeypatch.setattr(finishing, "finish", finishing.finish)  # restored afterwards
    monkeypatch.setattr(pipeline, "finish", pipeline.finish)
    monkeypatch.setattr(marks.Recorder, "end", marks.Recorder.end)
    original = finishing.finish
    assert count_inside.wrap("pdfbuilder.tagging.finishing:finish") >= 2
    assert finishing.finish is pipeline.finish and finishing.finish is not original
    assert count_inside.wrap("pdfbuilder.tagging.marks:Recorder.end") == 1
    from pdfbuilder import build_pdf
    from pdfbuilder.check.pdfua import check_pdfua

    assert check_pdfua(build_pdf(ROOT / "handouts" / "back-spasms.yaml")) == []


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("nope:x", "nope:x: no module nope"),
        ("pdfbuilder.tagging.marks:Nothing.end", "has no class Nothing"),
        ("pdfbuilder.tagging.marks:Recorder.nothing", "not a plain Python function"),
        ("pdfbuilder.tagging.marks", "give module:function or module:Class.method"),
    ],
)
def test_counting_inside_refuses_what_it_cannot_find(target: str, says: str) -> None:
    lines = _refused("count_inside.py", target)
    assert len(lines) == 1 and says in lines[0], lines


def _count_opcodes(*args: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}  # it sets its own
    result: dict[str, object] = json.loads(_output("count_opcodes.py", "--json", *args, env=env))
    return result


def test_counting_bytecodes_finds_what_tagging_adds_and_nothing_else() -> None:
    """bench/count_opcodes.py: the totals are the functions' counts summed; what only the
    tagged build runs (the finishing pass, the marks) is there with nothing untagged; the
    untagged build runs none of the finishing pass's code; and a second run of the same
    code counts the same (the script fixes the hash seed itself)."""
    result = _count_opcodes("--layout", "standard")
    rows = {row["function"]: row for row in result["functions"]}  # type: ignore[attr-defined]
    assert result["tagged"] == sum(row["tagged"] for row in rows.values())
    assert result["untagged"] == sum(row["untagged"] for row in rows.values())
    assert result["added"] == result["tagged"] - result["untagged"] > 0  # type: ignore[operator]
    objects = [row for name, row in rows.items() if name.endswith(" Tree.objects")]
    assert len(objects) == 1 and objects[0]["function"].startswith("pdfbuilder/tagging/")
    assert objects[0]["tagged"] > 1000 and objects[0]["untagged"] == 0
    finishing = [row for name, row in rows.items() if name.startswith("pdfbuilder/tagging/fin")]
    assert finishing and all(row["untagged"] == 0 < row["tagged"] for row in finishing)
    # ReportLab's functions are named from site-packages, not from the virtualenv's path
    assert any(name.startswith("reportlab/pdfgen/canvas.py:") for name in rows)
    assert _count_opcodes("--layout", "standard") == result


def test_counting_bytecodes_refuses_a_layout_it_does_not_build() -> None:
    assert _refused("count_opcodes.py", "--layout", "tri-fold") == [
        "--layout: one of standard, trifold, large-print, easy-read"
    ]


def test_benches_measure_the_handout_they_are_given() -> None:
    """--handout: a shipped id or a file, measured in place of the back-spasm leaflet and
    named in the report; the counts are that leaflet's, not the default's."""
    lines = _output(
        "tagging_bench.py", "--leaflets-only", "--smoke", "--handout", "ankle-sprain"
    ).splitlines()
    assert lines[0] == "leaflet: handouts/ankle-sprain.yaml"
    assert [line.split()[0] for line in lines[1:]] == [
        "standard",
        "trifold",
        "large-print",
        "easy-read",
    ]
    ankle = _count_opcodes("--handout", "handouts/ankle-sprain.yaml")
    back = _count_opcodes()
    assert ankle["handout"] == "handouts/ankle-sprain.yaml"
    assert back["handout"] == "handouts/back-spasms.yaml"
    assert 0 < ankle["added"] < back["added"]  # type: ignore[operator]  # about half the elements


def test_benches_refuse_a_handout_they_cannot_build(tmp_path: Path) -> None:
    """A missing handout, or one that does not validate, is refused in one located line,
    by the bench and by a counted child alike, before anything is measured."""
    assert _refused("tagging_bench.py", "--leaflets-only", "--handout", "no-such-leaflet") == [
        "--handout: no-such-leaflet: file not found, and no shipped handout has this id; "
        "`handout list` shows the shipped handouts"
    ]
    broken = tmp_path / "broken.yaml"
    text = (ROOT / "handouts" / "ankle-sprain.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    line = text[: text.index("title:")].count("\n") + 1
    for script, *args in [
        ("tagging_bench.py", "--leaflets-only"),
        ("tagging_bench.py", "--count-child", "standard", "tagged", "1"),
        ("count_opcodes.py",),
        ("count_inside.py", *FINISH),
    ]:
        lines = _refused(script, *args, "--handout", str(broken))
        assert len(lines) == 1, (script, lines)
        assert lines[0].startswith(f"--handout: {broken}:{line}:1: titel: unknown field"), lines


def _run(
    script: str, *args: str, timeout: int = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """A bench script (in bench/) run from the project root, its output captured."""
    command = [sys.executable, f"bench/{script}", *args]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env
    )


def _output(script: str, *args: str, timeout: int = 300, env: dict[str, str] | None = None) -> str:
    """What a bench script wrote to stdout, having exited with 0."""
    done = _run(script, *args, timeout=timeout, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _refused(script: str, *args: str) -> list[str]:
    """The lines a bench script wrote to stderr when it exited with 1."""
    done = _run(script, *args)
    assert done.returncode == 1, done.stderr
    return done.stderr.strip().splitlines()
