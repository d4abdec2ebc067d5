"""The command's start-up speed-ups change when or how fast work is done, never its result.

They are installed by ``pdfbuilder.cli.run`` only (``quick_imports``), so each test that needs
them runs in a fresh interpreter that starts the way the command does.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import requires_rl

ROOT = Path(__file__).resolve().parents[2]


#: What ``pdfbuilder.cli.run`` does before it imports anything else.
AS_THE_COMMAND_STARTS = "from pdfbuilder._rl.startup import quick_imports; quick_imports()"


@requires_rl
def test_lazy_url_pattern_matches_like_the_compiled_one() -> None:
    lines = _fresh_python(
        """
        import re
        from reportlab.platypus import paragraph
        lazy = paragraph.uri_pat
        pattern = re.compile(lazy.pattern, lazy.flags)
        for text in ("https://www.nice.org.uk/guidance/ng59", "not a url", "ftp://x.y/z"):
            print(bool(lazy.match(text)) == bool(pattern.match(text)))
        print(type(lazy).__name__)
        """,
        as_the_command=True,
    )
    assert lines == ["True", "True", "True", "LazyPattern"]


@requires_rl
def test_lazy_yaml_pattern_matches_like_the_compiled_one() -> None:
    lines = _fresh_python(
        """
        import re
        import yaml.reader
        lazy = yaml.reader.Reader.NON_PRINTABLE
        pattern = re.compile(lazy.pattern)
        for text in ("plain words", "tab\\there", "bell\\x07", "\\ufffe", "Zoë 😀"):
            print(bool(lazy.search(text)) == bool(pattern.search(text)))
        print(type(lazy).__name__)
        """,
        as_the_command=True,
    )
    assert lines == ["True"] * 5 + ["LazyPattern"]


def _fresh_python(code: str, *, as_the_command: bool = False) -> list[str]:
    """Run ``code`` in a new interpreter (started as ``handout`` starts, with
    ``as_the_command``); its printed lines."""
    code = textwrap.dedent(code)
    if as_the_command:
        code = AS_THE_COMMAND_STARTS + "\n" + code
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.split()


@requires_rl
def test_pillow_and_harfbuzz_load_only_when_a_leaflet_needs_them() -> None:
    lines = _fresh_python(
        """
        import sys
        from pdfbuilder import build_pdf
        from pdfbuilder.people.clinic import load_clinic
        loaded = lambda: f"{'PIL._imaging' in sys.modules}/{'uharfbuzz._harfbuzz' in sys.modules}"
        print(loaded())
        build_pdf("handouts/back-spasms.yaml")
        print(loaded())
        build_pdf("handouts/samples/back-spasms.ar.yaml")
        print(loaded())
        build_pdf("handouts/back-spasms.yaml", clinic=load_clinic("examples/clinic.yaml"))
        print(loaded())
        from PIL import Image
        import uharfbuzz
        print(sys.modules["PIL.Image"] is Image, sys.modules["uharfbuzz"] is uharfbuzz)
        """,
        as_the_command=True,
    )
    assert lines == ["False/False", "False/False", "False/True", "True/True", "True", "True"]


def test_a_deferred_module_forwards_to_the_real_one() -> None:
    lines = _fresh_python(
        """
        import sys
        from pdfbuilder._rl.startup import DeferredModule, defer_import
        defer_import("colorsys")
        import colorsys as early
        print(isinstance(early, DeferredModule), "colorsys" in sys.modules)
        print(early.rgb_to_hsv(1.0, 0.0, 0.0))
        import colorsys as late
        print(isinstance(late, DeferredModule), late.rgb_to_hsv is early.rgb_to_hsv)
        defer_import("no_such_module_here")
        try:
            import no_such_module_here
        except ModuleNotFoundError:
            print("missing")
        """
    )
    assert lines == ["True", "True", "(0.0,", "1.0,", "1.0)", "False", "True", "missing"]


def test_importing_leaves_the_garbage_collector_as_it_was() -> None:
    assert _fresh_python("import gc, pdfbuilder; print(gc.isenabled())") == ["True"]
    assert _fresh_python("import gc; gc.disable(); import pdfbuilder; print(gc.isenabled())") == [
        "False"
    ]


def test_the_installed_entry_point_keeps_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "leaflet.pdf"
    command = [sys.executable, "-m", "pdfbuilder", "build", "handouts/back-spasms.yaml"]
    done = subprocess.run([*command, "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and out.read_bytes().startswith(b"%PDF")
    assert done.stdout.strip() == f"wrote {out} ({out.stat().st_size // 1024} KB)"
    bad = subprocess.run([*command[:4], "nope.yaml"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "Error: nope.yaml: file not found; check the path"


@requires_rl
def test_reportlab_patterns_a_leaflet_never_uses_still_work_when_used() -> None:
    # In a fresh process started as the command starts, all three stay uncompiled until
    # used, and then match exactly as the compiled patterns do.
    assert (
        _fresh_python(
            """
        import re
        import pdfbuilder
        from reportlab.lib import PyFontify, rl_safe_eval, textsplit
        lazy = (textsplit.rx, PyFontify.matchRE, rl_safe_eval.__rl_unsafe_re__)
        print(all(type(p).__name__ == "LazyPattern" and p._compiled is None for p in lazy))
        cases = [
            (textsplit.rx, ["漢字 and text", "plain"]),
            (PyFontify.matchRE, ["x = 1  # a comment", "def f(): pass", "'quoted'"]),
            (rl_safe_eval.__rl_unsafe_re__, ["x.f_globals", "safe + 1", "__import__('os')"]),
        ]
        for lazy, texts in cases:
            pattern = re.compile(lazy.pattern, lazy.flags)
            for text in texts:
                same = [m.span() for m in lazy.finditer(text)] == [
                    m.span() for m in pattern.finditer(text)
                ]
                print(same)
        """,
            as_the_command=True,
        )
        == ["True"] * 9
    )


@requires_rl
def test_a_png_logo_is_read_through_reportlabs_deferred_pillow(tmp_path: Path) -> None:
    """ReportLab kept the stand-in it imported; a PNG logo must still reach the page."""
    lines = _fresh_python(
        f"""
        import io, sys
        import pdfbuilder
        from reportlab.lib import utils
        print(type(utils.Image).__name__)
        from PIL import Image
        Image.new("RGB", (120, 60), (0, 88, 94)).save({str(tmp_path / "logo.png")!r})
        with open({str(tmp_path / "clinic.yaml")!r}, "w") as f:
            f.write("name: Test Clinic\\nlogo: logo.png\\n")
        from pdfbuilder.people.clinic import load_clinic
        pdf = pdfbuilder.build_pdf(
            "handouts/back-spasms.yaml", clinic=load_clinic({str(tmp_path / "clinic.yaml")!r})
        )
        from pypdf import PdfReader
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        print([image.image.size for image in page.images])
        """,
        as_the_command=True,
    )
    assert lines == ["DeferredModule", "[(120,", "60)]"]
