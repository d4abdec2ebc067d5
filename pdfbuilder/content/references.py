"""Cross-references in the content: ``{where:seek_help}``, filled in by the layout.

In: the text of a handout. Out: the references it holds (which block each names), checked
when the handout is read, and the text with each reference replaced by words the layout
gives ("on page 2", "on the back panel", "below", "en la página 2").

The syntax, in any sentence the leaflet prints (the purpose, key points, section text and
summaries, the exercises' introduction, steps and feel and stop lines, the warning signs)::

    See the warning signs {where:seek_help}.          a block, by its name
    Do the stretch {where:exercise:knee-to-chest}.    an exercise, by its id

Titles, headings, names and document details never hold one (their words also go into
bookmarks and file metadata, where no page is known). A reference to a block the layout
leaves out is left out with the space before it ("See the warning signs." in a layout
without the box would be wrong, so the seek-help box is in every layout).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: The blocks content may refer to, by the names layouts use for them.
TARGETS = ("seek_help", "takeaways", "sections", "exercises", "exercise_log", "qr", "sources")

#: Anything that starts like a reference, well formed or not.
_LOOSE = re.compile(r"\{\s*where\b[^{}]*\}?", re.IGNORECASE)
_EXACT = re.compile(r"\{where:([a-z_]+)(?::([a-z0-9]+(?:-[a-z0-9]+)*))?\}")
#: A reference with the spaces before it (removed with it when the target is not printed).
_WITH_SPACE = re.compile(r"\s*(\{where:[a-z_]+(?::[a-z0-9-]+)?\})")


@dataclass(frozen=True)
class Reference:
    """One reference: the block (or ``exercise:<id>``) it names."""

    target: str

    @property
    def key(self) -> str:
        return f"where:{self.target}"


def has_references(text: str) -> bool:
    """Whether ``text`` holds anything that looks like a reference (cheap test first)."""
    return "{" in text and _LOOSE.search(text) is not None


def references(text: str) -> Iterator[Reference]:
    """The well-formed references in ``text``, in order."""
    for match in _EXACT.finditer(text):
        name, ident = match.groups()
        yield Reference(f"{name}:{ident}" if ident else name)


def problem(text: str, exercise_ids: tuple[str, ...]) -> str | None:
    """What is wrong with the references in ``text`` (None when nothing is)."""
    for loose in _LOOSE.finditer(text):
        written = loose.group(0)
        exact = _EXACT.fullmatch(written)
        if exact is None:
            return (
                f'"{written}" is not a cross-reference; write {{where:seek_help}} (a block) '
                "or {where:exercise:<id>} (an exercise), in lower case, with no spaces"
            )
        name, ident = exact.groups()
        if name == "exercise":
            if ident not in exercise_ids:
                return f"{written} names no exercise; {_suggest(ident or '', exercise_ids)}"
            continue
        if ident is not None or name not in TARGETS:
            return f"{written} names no block; {_suggest(name, TARGETS, 'blocks')}"
    return None


def _suggest(name: str, known: tuple[str, ...], what: str = "exercise ids") -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f'did you mean "{close[0]}"?'
    return f"{what} are: {', '.join(known) or '(none)'}"


def fill(text: str, words: Callable[[Reference], str]) -> str:
    """``text`` with each reference replaced by ``words(reference)``; an empty result drops
    the reference and the space before it."""

    def replace(match: re.Match[str]) -> str:
        exact = _EXACT.fullmatch(match.group(1))
        if exact is None:  # pragma: no cover - refused when the handout was read
            return match.group(0)
        name, ident = exact.groups()
        said = words(Reference(f"{name}:{ident}" if ident else name))
        return f"{match.group(0)[: -len(match.group(1))]}{said}" if said else ""

    return _WITH_SPACE.sub(replace, text)


def strip(text: str) -> str:
    """``text`` with its references left out: the words every reader sees without page
    numbers (for checks of reading level, and for text without a place, such as search)."""
    return fill(text, lambda _: "")
