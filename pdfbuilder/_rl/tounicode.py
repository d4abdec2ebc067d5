"""Joined letter forms that copy and search as the letters they stand for.

In: a glyph HarfBuzz chose that the font's character map does not reach (an Arabic letter
joined to its neighbours, a ligature), with the letters it stands for. Out: a private
character code ReportLab draws it with (:func:`private_code`), and a PDF whose ToUnicode
map reads that code back as those letters, so copied or extracted text is the logical text.

ReportLab draws a character code, not a glyph, so each such glyph gets a code in the
supplementary private use area (clear of the fonts' own code points), added to the font's
``charToGlyph`` and ``charWidths``. ReportLab's ToUnicode CMap would map that code to
itself; :func:`install` wraps ``ttfonts.makeToUnicodeCMap`` so that each private code maps to
its letters instead. :func:`verify` checks, before anything is installed, that ReportLab
writes its map in the form the wrapper rewrites, and the wrapper fails loudly, never
silently, if an entry it must rewrite is not there.

Without :func:`install` (plain mode) no private code is made: the shaping module draws such
a glyph as an outline and writes its letters as invisible text instead (see
:mod:`pdfbuilder.text.rtl`).
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

from reportlab.pdfbase import ttfonts

#: Supplementary private use: clear of every code point the fonts have.
FIRST_PRIVATE = 0xF0000
_lock = threading.Lock()
_next_code = itertools.count(FIRST_PRIVATE)
#: Per font (PostScript name): what each private code stands for.
_ACTUAL: dict[str, dict[int, str]] = {}
_PRIVATE: dict[tuple[str, int, str], int] = {}
_original_cmap: Any = None
_PROBE = [0x41, FIRST_PRIVATE]


def private_code(ttf: Any, gid: int, advance: int, text: str) -> str:
    """The character ReportLab draws glyph ``gid`` of ``ttf`` with, read back as ``text``.

    The same glyph standing for the same letters gets the same code for the life of the
    process, whichever thread asks first.
    """
    key = (ttf.fontName, gid, text)
    code = _PRIVATE.get(key)
    if code is None:
        with _lock:
            code = _PRIVATE.get(key)
            if code is None:
                code = next(_next_code)
                face = ttf.face
                face.charToGlyph[code] = gid
                face.charWidths[code] = ttf.pdfScale(advance)
                _ACTUAL.setdefault(face.name.decode("latin-1"), {})[code] = text
                _PRIVATE[key] = code  # last: another thread uses it only once it is complete
    return chr(code)


def _entry(index: int, code: int) -> str:
    """A ``bfchar`` line as ReportLab writes it: subset index, then the character code."""
    return f"<{index:02X}> <{code:04X}>"


def verify() -> None:
    """Raise RuntimeError if ReportLab's ToUnicode CMap is not in the form :func:`install`
    rewrites (one ``<index> <code>`` line per character of a subset)."""
    make = ttfonts.makeToUnicodeCMap
    if make is _to_unicode_cmap:
        make = _original_cmap
    try:
        cmap = make("AAAAAA+Probe", list(_PROBE))
    except Exception as exc:  # any failure means the function is not the one expected
        raise RuntimeError(_unexpected(f"makeToUnicodeCMap(name, subset) failed: {exc}")) from exc
    lines = set(str(cmap).splitlines())
    if not all(_entry(i, code) in lines for i, code in enumerate(_PROBE)):
        raise RuntimeError(_unexpected("its ToUnicode CMap has no `<index> <code>` lines"))


def _unexpected(what: str) -> str:
    import reportlab

    return (
        f"ReportLab {reportlab.Version} is not what pdfbuilder's ToUnicode fix expects: {what}. "
        "Joined Arabic letters would copy as private-use characters. Set "
        "PDFBUILDER_PLAIN_REPORTLAB=1 to build with ReportLab as shipped"
    )


def install() -> None:
    """Make ReportLab's ToUnicode CMaps read private codes back as their letters (once)."""
    global _original_cmap
    if ttfonts.makeToUnicodeCMap is _to_unicode_cmap:
        return
    _original_cmap = ttfonts.makeToUnicodeCMap
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with private codes mapped to the letters they stand for."""
    cmap: str = _original_cmap(fontname, subset)
    actual = _ACTUAL.get(fontname.split("+", 1)[-1])
    if not actual:
        return cmap
    for i, code in enumerate(subset):
        if code in actual:
            entry = _entry(i, code)
            if entry not in cmap:
                raise RuntimeError(_unexpected(f"the entry {entry} is missing from a CMap"))
            utf16 = actual[code].encode("utf-16-be").hex().upper()
            cmap = cmap.replace(entry, f"<{i:02X}> <{utf16}>")
    return cmap
