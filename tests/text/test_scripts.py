"""Scripts beyond Latin: fallback fonts, the missing-glyph error, and right-to-left Arabic."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
from click.testing import CliRunner
from helpers import BACK_SPASMS, page_texts, read, squash
from reportlab.pdfbase import pdfmetrics

from pdfbuilder import _rl, build_pdf
from pdfbuilder.cli.commands import main
from pdfbuilder.content.model import handout_from_text, load_handout
from pdfbuilder.content.translations import translation_warnings
from pdfbuilder.text.fonts import DEFAULT_FALLBACKS, apply_fallbacks, font_chain, missing_glyphs
from pdfbuilder.text.rtl import visual_order, words

ROOT = Path(__file__).resolve().parents[2]
ARABIC = ROOT / "handouts" / "samples" / "back-spasms.ar.yaml"
SAMPLES = {
    "Greek": "Πόνος στη μέση: κινηθείτε λίγο κάθε μέρα.",
    "Cyrillic": "Боль в спине: двигайтесь понемногу каждый день.",
    "Vietnamese": "Đau lưng: hãy vận động nhẹ nhàng mỗi ngày.",
    "Central European": "Bolesť chrbta: Ĺudia, hýbte sa každý deň.",
}


def _with_title(title: str) -> str:
    text = BACK_SPASMS.read_text(encoding="utf-8")
    return text.replace("title: Back spasms\n", f'title: "{title}"\n', 1)


def _fonts(pdf: bytes) -> list[Any]:
    fonts = []
    for page in read(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.append(font.get_object())
    return fonts


def test_the_main_font_lacks_these_scripts_so_fallbacks_are_needed() -> None:
    main = font_chain().main
    for sample in SAMPLES.values():
        assert missing_glyphs(sample, main.regular), sample


def test_every_sample_script_prints_in_the_fallback_font_and_every_font_is_embedded() -> None:
    for script, sample in SAMPLES.items():
        pdf = build_pdf(handout_from_text(_with_title(sample)), "standard")
        fonts = _fonts(pdf)
        names = {str(f["/BaseFont"]).split("+")[-1] for f in fonts}
        assert "NotoSans-Regular" in names or "NotoSans-Bold" in names, script
        for font in fonts:
            descriptor = font["/FontDescriptor"]
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
        assert sample in squash(" ".join(page_texts(pdf))), script


def test_all_latin_text_costs_nothing_and_words_never_mix_typefaces() -> None:
    chain = font_chain("Atkinson Hyperlegible", DEFAULT_FALLBACKS)
    plain = "Keep moving: <b>walk</b> a little."
    assert apply_fallbacks(plain, chain) is plain
    assert apply_fallbacks("Zażółć gęślą", chain) == "Zażółć gęślą"  # Atkinson has these
    assert apply_fallbacks("<b>Tiếng Việt</b> có dấu", chain) == (
        '<b><font face="NotoSans-Regular">Tiếng Việt</font></b> có '
        '<font face="NotoSans-Regular">dấu</font>'
    )
    assert apply_fallbacks("Привет &amp; мир", chain) == (
        '<font face="NotoSans-Regular">Привет</font> &amp; <font face="NotoSans-Regular">мир</font>'
    )


def test_a_character_no_font_has_is_refused_with_its_name_and_place(
    runner: CliRunner, tmp_path: Path
) -> None:
    file = tmp_path / "thai.yaml"
    file.write_text(_with_title("Back spasms ก"), encoding="utf-8")
    line = next(
        n for n, text in enumerate(file.read_text().splitlines(), 1) if text.startswith("title:")
    )
    result = runner.invoke(main, ["build", str(file), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert result.stderr == (
        f'Error: {file}:{line}:8: title: the character "ก" (U+0E01 THAI CHARACTER KO KAI) '
        "is not in any of the layout's fonts (Atkinson Hyperlegible, Noto Sans, Noto Sans Arabic); "
        "replace it, or add a font that has it to the layout's fonts.fallbacks\n"
    )
    assert not (tmp_path / "x.pdf").exists()


def _arabic_pdf() -> bytes:
    return build_pdf(ARABIC, "standard")


def test_arabic_text_extracts_in_logical_order() -> None:
    handout = load_handout(ARABIC)
    text = squash(" ".join(page_texts(_arabic_pdf())))
    expected = [
        handout.title,
        *handout.key_takeaways,
        *handout.seek_help.emergency,
        *handout.seek_help.urgent,
        *handout.seek_help.routine,
        *handout.exercises[0].steps,
        "أهم النقاط",  # a label from ar.yaml
    ]
    for line in expected:
        assert squash(line) in text, line


def test_arabic_is_right_aligned_with_bullets_on_the_right() -> None:
    with pdfplumber.open(io.BytesIO(_arabic_pdf())) as pdf:
        page = pdf.pages[0]
        right_margin = page.width - 16 * 72 / 25.4
        bullets = [c for c in page.chars if c["text"] == "•"]
        assert bullets
        for bullet in bullets:
            same_line = [
                c
                for c in page.chars
                if abs(c["matrix"][5] - bullet["matrix"][5]) < 1  # the same baseline
                and c["text"].strip()
                and c is not bullet
                and abs(c["x0"] - bullet["x0"]) < 25  # its own item, not another column's
            ]
            assert same_line
            assert all(c["x1"] <= bullet["x0"] + 0.5 for c in same_line)  # text left of it
        title = [c for c in page.chars if c["size"] > 20]
        assert abs(max(c["x1"] for c in title) - right_margin) < 3


def test_key_points_bar_is_on_the_right_in_arabic_and_on_the_left_in_english() -> None:
    def bar_x(pdf: bytes) -> float:
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            page = doc.pages[0]
            bars = [r for r in page.rects if r["width"] < 6 and r["height"] > 40]
            return float(bars[0]["x0"]) / float(page.width)

    assert bar_x(_arabic_pdf()) > 0.8
    assert bar_x(build_pdf(BACK_SPASMS, "standard")) < 0.2


def test_words_read_right_to_left_but_numbers_after_latin_stay_with_it() -> None:
    line = words([("اتصل بالرقم NHS 111 اليوم", "NotoSansArabic-Regular")], 10)
    assert [line[i].text for i in visual_order(line)] == [
        "اليوم",
        "NHS",
        "111",
        "بالرقم",
        "اتصل",
    ]


def test_a_line_mixing_fonts_ends_at_its_right_edge_and_spaces_take_their_own_font() -> None:
    """Digits in the Latin face beside Arabic words: each gap is the space that is there
    (its own font's width), in any order, so a right-aligned line ends where it was measured
    to end (a dose line once stood 1 pt outside its column)."""
    from reportlab.pdfgen.canvas import Canvas

    from pdfbuilder.text.fonts import register_family
    from pdfbuilder.text.rtl import draw_runs

    arabic, latin = register_family("Noto Sans Arabic").bold, register_family().bold
    markup = f'<font face="{arabic}">كرر</font> 10 <font face="{arabic}">مرات · اثبت</font> 5'
    line = words([("كرر", arabic), (" 10 ", latin), ("مرات · اثبت", arabic), (" 5", latin)], 16)
    assert [w.space for w in line[:-1]] == [
        pdfmetrics.stringWidth(" ", font, 16) for font in (latin, latin, arabic, arabic, latin)
    ]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(400, 100))
    draw_runs(canvas, 300, 50, markup, latin, 16, rtl=True, right=True)
    canvas.save()
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
    assert abs(max(c["x1"] for c in chars) - 300) < 0.05


def test_arabic_letters_are_joined() -> None:
    _rl.install()  # as a build does first
    (word,) = words([("الظهر", "NotoSansArabic-Regular")], 10)
    isolated = [(g.code, g.gid) for p in word.pieces for g in p.glyphs]
    if _rl.installed():
        # Joined forms are not the letters' own (isolated) glyphs: they need codes of their own.
        assert any(code and ord(code) >= 0xF0000 for code, _ in isolated)
    else:  # plain ReportLab: no codes of their own; they carry their letters instead
        assert any(not g.code and g.letters for p in word.pieces for g in p.glyphs)


def test_brackets_in_a_right_to_left_word_are_mirrored_whichever_font_draws_them() -> None:
    """Unicode's bidirectional rules draw a bracket in right-to-left text as its mirror
    image. The closing bracket of "(تتمة)" falls into the Latin face (it follows the last
    Arabic letter): it was drawn unmirrored, so the label read ")تتمة)" on the page."""
    from pdfbuilder.text.fonts import register_family

    _rl.install()
    arabic, latin = register_family("Noto Sans Arabic").bold, register_family().bold
    (word,) = words([("(تتمة", arabic), (")", latin)], 16)
    glyph_of = {
        font: {ch: pdfmetrics.getFont(font).face.charToGlyph[ord(ch)] for ch in "()"}
        for font in (arabic, latin)
    }
    opening = next(g.gid for g in word.pieces[0].glyphs if g.cluster == 0)  # glyphs: visual
    closing = word.pieces[-1].glyphs[0].gid
    assert word.rtl
    assert opening == glyph_of[arabic][")"]  # "(" at the word's right edge, drawn as ")"
    assert closing == glyph_of[latin]["("]  # ")" at its left edge, drawn as "("
    ltr = words([("NHS (111)", latin)], 16)
    assert ltr[1].pieces[0].glyphs[0].gid == glyph_of[latin]["("]  # left to right: as it is
    (mixed,) = words([("مرة", arabic), ("10", latin)], 16)  # digits keep their own order
    face = pdfmetrics.getFont(latin).face
    assert [g.gid for g in mixed.pieces[1].glyphs] == [face.charToGlyph[ord(c)] for c in "10"]


def test_a_mirrored_bracket_still_reads_back_as_itself() -> None:
    h = load_handout(ROOT / "handouts" / "samples" / "back-spasms.ar.yaml")
    pdf = build_pdf(h, "large-print", paper="a4")
    text = " ".join(page_texts(pdf))
    assert "(تتمة)" in text  # the heading on the box's continued page, in logical order


def test_arabic_sample_is_a_partial_translation_and_validate_says_so() -> None:
    warnings = translation_warnings(load_handout(ARABIC))
    assert [w.split(": ")[1] for w in warnings] == [
        "translation.source_version",
        "review.published",
        "sections",
        "exercises",
        "seek_help.emergency",
        "seek_help",  # lacks the original's emergency note (seek_help.notes.emergency)
        "seek_help.urgent",
        "seek_help.routine",
    ]
