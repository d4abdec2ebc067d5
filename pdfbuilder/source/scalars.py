"""Values as the author wrote them: a strict reading of YAML's unquoted words, and the
characters no content may hold.

In: the text of an unquoted (plain) YAML scalar; or any text that reaches a leaflet.
Out: its value, by these rules only, never YAML 1.1's guesses:

==========================  ==============================================================
written                     read as
==========================  ==============================================================
``12``, ``-3``, ``0``       a whole number (plain decimal, at most :data:`MAX_DIGITS` digits)
``1.5``, ``-0.25``          a decimal number (digits, a point, digits)
``true``, ``false``         true or false (also ``True``/``TRUE``, ``False``/``FALSE``)
``null``, ``~``, nothing    nothing
``2026-03-01``              a date, which must exist (``2026-02-30`` is an error)
anything else               text, exactly as written: ``0112``, ``1:30``, ``0x10``,
                            ``1_000``, ``1e3``, ``yes``, ``.inf``
==========================  ==============================================================

So ``emergency: 0112`` stays the text "0112" (YAML 1.1 reads 74), ``reps: 1:30`` is text
(YAML 1.1 reads 90), and a field that needs a number says so. Quoted values are always text.

:func:`bad_character` finds what content must never hold: control characters (other than
tab and line breaks), the bidirectional override and isolate controls U+202A-U+202E and
U+2066-U+2069 (they can make text read differently from how it is stored: "Trojan
Source"), line and paragraph separators, and noncharacters.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

#: Whole numbers longer than this are refused: no field needs them, and Python refuses to
#: read an integer of more than 4,300 digits at all.
MAX_DIGITS = 15

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_LONG_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}


class ScalarProblem(ValueError):
    """An unquoted value that cannot be read as written; the message says what to do."""


def plain_scalar(text: str) -> Any:
    """The value of an unquoted YAML scalar written as ``text``, by the rules above."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise ScalarProblem(_too_long(text))
        return int(text)
    if _DECIMAL.fullmatch(text):
        if len(text) > MAX_DIGITS + 2:
            raise ScalarProblem(_too_long(text))
        return float(text)
    date = _DATE.fullmatch(text)
    if date:
        return _date(text, *(int(g) for g in date.groups()))
    if _LONG_NUMBER.fullmatch(text) and len(text) > 64:
        raise ScalarProblem(_too_long(text))
    return text


def _too_long(text: str) -> str:
    return (
        f"a number of {len(text)} digits is longer than any field needs (at most "
        f'{MAX_DIGITS}); if it is text, put it in quotes ("...")'
    )


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            why = f"there is no month {month}"
        else:
            why = f"that month has no day {day}"
        raise ScalarProblem(
            f"{text} is not a date that exists ({why}); write a real date as YYYY-MM-DD"
        ) from None


# --- characters content may not hold -----------------------------------------------------

_BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def _is_bad(ch: str) -> bool:
    code = ord(ch)
    if code < 0x20:
        return ch not in _ALLOWED_CONTROLS
    if 0x7F <= code <= 0x9F or code in _BIDI_CONTROLS or code in (0x2028, 0x2029):
        return True
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:  # noncharacters
        return True
    return 0xD800 <= code <= 0xDFFF  # lone surrogates (from bad escapes)


_BAD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]"
)


def bad_character(text: str) -> int | None:
    """The index of the first character content may not hold, or None."""
    match = _BAD.search(text)
    if match is not None:
        return match.start()
    for i, ch in enumerate(text):  # the noncharacters beyond the first plane are rare
        if ord(ch) > 0xFFFF and _is_bad(ch):
            return i
    return None


def character_message(ch: str) -> str:
    """What is wrong with the character ``ch`` and what to do, for a one-line message."""
    code = ord(ch)
    name = unicodedata.name(ch, "")
    shown = f"U+{code:04X}" + (f" {name}" if name else "")
    if code in _BIDI_CONTROLS:
        return (
            f"the invisible direction control {shown} is not allowed (it can make text show "
            "differently from what is written); delete it"
        )
    return f"the invisible character {shown} is not allowed here; delete it"


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]`` (lines end at ``\\n``)."""
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1
