"""Inline text to ReportLab paragraph markup: only **bold** and *italic* are markup.

Everything else prints literally: ``<``, ``&``, ``<b>`` and ``<font ...>`` in content are
escaped, never interpreted, so content can never restyle or break the page.
"""

from __future__ import annotations

import functools
import re

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


def escape(text: str) -> str:
    """Make ``&``, ``<`` and ``>`` print as themselves in ReportLab paragraph markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=8192)
def to_markup(text: str, *, italics: bool = True) -> str:
    """Escape ``text`` and turn its **bold** and *italic* spans into ``<b>`` and ``<i>``.

    With ``italics=False`` (large print: no italics) *italic* spans become bold instead.
    """
    out = escape(" ".join(text.split()))
    out = _BOLD.sub(r"<b>\1</b>", out)
    tag = "i" if italics else "b"
    return _ITALIC.sub(rf"<{tag}>\1</{tag}>", out)


def plain(text: str) -> str:
    """The text without its ``**`` and ``*`` markers (for metadata, outlines, checks)."""
    out = _BOLD.sub(r"\1", " ".join(text.split()))
    return _ITALIC.sub(r"\1", out)
