"""Compose, cross-references: the words for each ``{where:...}``, and anchors to find out.

In: the words found for each reference on an earlier layout of the same leaflet (none the
first time), and the blocks the content refers to. Out: the text with each reference
filled in, the paragraph holding it wrapped in an :class:`~pdfbuilder.flowables.anchors.
Anchor`, and the referenced blocks wrapped too, so that drawing the leaflet notes where
each reference and each block really are. The render stage turns those places into words
(:mod:`pdfbuilder.render.references`) and lays the leaflet out again if they changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Spacer

from ..content.references import Reference, fill
from ..flowables.anchors import Anchor

#: A drawn part: page, x, top and bottom, in points from the page's lower left corner.
Place = tuple[int, float, float, float]


@dataclass
class Seen:
    """Where each anchor was drawn, by key, in drawing order."""

    positions: dict[str, list[Place]] = field(default_factory=dict)

    def note(self, key: str, page: int, x: float, top: float, bottom: float) -> None:
        self.positions.setdefault(key, []).append((page, x, top, bottom))


@dataclass
class References:
    """The words for each reference, and the record of where things were drawn.

    ``words`` maps a reference's occurrence key (see :func:`occurrence`) to its words;
    ``fallback`` gives words that are true wherever things land (used when no layout of the
    leaflet has been seen yet, or when the words would not settle). ``targets`` are the
    blocks the content refers to, which compose wraps in anchors.
    """

    words: Mapping[str, str] = field(default_factory=dict)
    fallback: Mapping[str, str] = field(default_factory=dict)
    targets: frozenset[str] = frozenset()
    seen: Seen = field(default_factory=Seen)

    def recording(self) -> Seen:
        """A fresh record for one drawing of the leaflet."""
        self.seen = Seen()
        return self.seen

    def filled(self, text: str) -> tuple[str, str | None]:
        """``text`` with its references in words, and the occurrence key to anchor it by
        (None when it holds none)."""
        if "{where:" not in text:
            return text, None
        key = occurrence(text)

        def words(ref: Reference) -> str:
            name = f"{key}>{ref.target}"
            return self.words.get(name, self.fallback.get(ref.target, ""))

        return fill(text, words), key

    def anchor(self, flowable: Flowable, key: str) -> Flowable:
        """``flowable`` noting where it is drawn under ``key``."""
        return Anchor(flowable, key, self.seen_note)

    def seen_note(self, key: str, page: int, x: float, top: float, bottom: float) -> None:
        self.seen.note(key, page, x, top, bottom)

    def block(self, name: str, flowables: list[Flowable]) -> list[Flowable]:
        """A referenced block's flowables (spacers aside) wrapped to note where they land."""
        if name not in self.targets:
            return flowables
        key = block_key(name)
        return [f if isinstance(f, Spacer) else self.anchor(f, key) for f in flowables]


def occurrence(text: str) -> str:
    """The key of a text holding references: the same text in the same leaflet is the same
    sentence, wherever it is composed (a trifold composes each panel's blocks on its own)."""
    return f"text:{text}"


def block_key(name: str) -> str:
    """The anchor key of a referenced block, or of ``exercise:<id>``."""
    return f"block:{name}"
