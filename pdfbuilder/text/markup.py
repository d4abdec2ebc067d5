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
    tag = "i" if italics else "b"
    italic = rf"<{tag}>\1</{tag}>"
    marked = _ITALIC.sub(italic, _BOLD.sub(r"<b>\1</b>", out))
    if _nested(marked):
        return marked
    # Spans that cross (**a *b** c*): italic only inside or outside each bold span, so the
    # tags nest and a stray marker prints as itself.
    parts = [_ITALIC.sub(italic, part) for part in _BOLD.split(out)]
    return "".join(f"<b>{part}</b>" if i % 2 else part for i, part in enumerate(parts))


_TAG = re.compile(r"<(/?)([bi])>")


def _nested(markup: str) -> bool:
    """Whether the ``<b>`` and ``<i>`` tags in ``markup`` close in the order they opened."""
    stack: list[str] = []
    for closing, name in _TAG.findall(markup):
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def plain(text: str) -> str:
    """The text without its ``**`` and ``*`` markers (for metadata, outlines, alt texts,
    checks). Both markers need a ``*``: most texts have none, and only their spaces are
    folded (a tagged Easy Read leaflet asks for about 40 alt texts a build)."""
    folded = " ".join(text.split())
    if "*" not in folded:
        return folded
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", folded))
