"""The when-to-get-help box as a flowable that keeps each tier whole, and the box whole when
it can.

In: a function that draws some of the tiers (with the box's heading, or its "continued"
heading) side by side or one under another, the tiers' names, whether the layout keeps the
whole box on one page, the height of a whole page or panel, and how many signs each tier
has. Out: a flowable that

- is the whole box, tiers side by side when it asks for that and the box then fits a page,
  else one under another;
- when the layout keeps the box whole and it fits a page, moves whole to the next page;
- otherwise (the box is taller than any page, or the layout keeps only tiers whole) splits
  between tiers, never inside one that a page can hold: every later part starts with the
  "continued" heading;
- a tier taller than a page (with the "continued" heading above it) starts where its heading
  and first sign fit and is cut between two signs where the page ends, never inside one
  sign; ``build`` draws each piece of it (:class:`Slice`): its heading or its "continued"
  heading, its signs, its note after the last sign.

A piece that still cannot fit (one sign taller than a page, with the heading above it) can
never be placed: :meth:`TierGroup.tallest_piece` says
which, for the render stage's message.

Tagged PDF: ``build`` must draw the same tagged flowables in every piece it makes (the
tier's heading, lead, signs and note, made once at compose time and found by the structure
walk in ``parts``), so a tier cut over two pages is one section with content on both; what
it adds to a piece (a "continued" heading) is page furniture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from .mirror import mirror


@dataclass(frozen=True)
class Slice:
    """Signs ``first`` to ``stop`` of tier ``tier`` (all of them: the whole tier)."""

    tier: int
    first: int
    stop: int


#: ``build(slices, continued, across)``: those pieces of tiers in a box (or a stack), under
#: the heading (or the "continued" heading), side by side when ``across``.
BuildTiers = Callable[[Sequence[Slice], bool, bool], Flowable]


class TierGroup(Flowable):  # type: ignore[misc]
    """Some pieces of tiers of the when-to-get-help box (all the tiers, whole, at first)."""

    def __init__(
        self,
        build: BuildTiers,
        names: Sequence[str],
        *,
        keep_box: bool,
        across: bool,
        page_height: float,
        name: str = "the when-to-get-help box",
        field: str = "seek_help",
        signs: Sequence[int],
        slices: Sequence[Slice] | None = None,
        continued: bool = False,
        parts: list[Flowable] | None = None,
        tall: dict[tuple[int, float], bool] | None = None,
    ) -> None:
        super().__init__()
        #: The pieces ``build`` arranges (headings, tier boxes), for the structure walk of a
        #: tagged PDF (:data:`pdfbuilder.tagging.structure.CHILDREN`); never drawn from here.
        self.content = list(parts or [])
        self.build, self.names = build, list(names)
        self.keep_box, self.across, self.page_height = keep_box, across, page_height
        self.name, self.field = name, field
        #: How many signs each tier has (a tier taller than a page is cut between them).
        self.signs = list(signs)
        self.slices = list(slices or [Slice(i, 0, n) for i, n in enumerate(self.signs)])
        self.continued = continued
        #: Which tiers are taller than a page (measured once, shared by the box's parts).
        self._tall = tall if tall is not None else {}
        self._shown: Flowable | None = None
        self._key: tuple[float, ...] | None = None

    def _part(self, slices: Sequence[Slice], continued: bool, across: bool) -> Flowable:
        part = self.build(slices, continued, across)
        if getattr(self, "mirrored", False):
            mirror([part])
        return part

    def _height(self, slices: Sequence[Slice], width: float, continued: bool) -> float:
        return float(self._part(slices, continued, False).wrap(width, 1e6)[1])

    def _whole(self, width: float) -> tuple[Flowable, float]:
        """The tiers of this part as one flowable, side by side if that fits a page."""
        if self.across and len(self.slices) > 1:
            across = self._part(self.slices, self.continued, True)
            _, height = across.wrap(width, 1e6)
            if height <= self.page_height:
                return across, height
        stacked = self._part(self.slices, self.continued, False)
        return stacked, stacked.wrap(width, 1e6)[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._shown is None or self._key != (avail_width,):
            self._shown, self.height = self._whole(avail_width)
            self._key = (avail_width,)
        else:
            self.height = self._shown.wrap(avail_width, 1e6)[1]
        self.width = avail_width
        return self.width, self.height

    def cuttable(self, piece: Slice, width: float) -> bool:
        """Whether ``piece`` may be cut between its signs: it has two or more, and its
        whole tier under the "continued" heading is taller than a page (so the tier is cut
        anyway). A tier a page holds stays whole."""
        if piece.stop - piece.first < 2:
            return False
        key = (piece.tier, width)
        if key not in self._tall:
            whole = Slice(piece.tier, 0, self.signs[piece.tier])
            self._tall[key] = self._height([whole], width, True) > self.page_height
        return self._tall[key]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, height = self.wrap(avail_width, avail_height)
        if height <= avail_height:
            return [self]
        if self.keep_box and height <= self.page_height:
            return []  # the whole box fits a page: it moves on whole
        fit = 0
        for count in range(1, len(self.slices) + 1):
            if self._height(self.slices[:count], avail_width, self.continued) > avail_height:
                break
            fit = count
        head, rest = self.slices[:fit], self.slices[fit:]
        if rest and self.cuttable(rest[0], avail_width):
            signs = self._signs_fitting(head, rest[0], avail_width, avail_height)
            if signs:
                piece = rest[0]
                head = [*head, Slice(piece.tier, piece.first, piece.first + signs)]
                rest = [Slice(piece.tier, piece.first + signs, piece.stop), *rest[1:]]
        if not head:
            return []
        first = self._again(head, self.continued)
        if not rest:
            return [first]
        return [first, self._again(rest, True)]

    def _signs_fitting(self, head: Sequence[Slice], piece: Slice, width: float, room: float) -> int:
        """How many of ``piece``'s signs (at least one, fewer than all) fit ``room`` after
        the whole pieces ``head``: 0 when not even its first does."""
        fit = 0
        for signs in range(1, piece.stop - piece.first):
            cut = Slice(piece.tier, piece.first, piece.first + signs)
            if self._height([*head, cut], width, self.continued) > room:
                break
            fit = signs
        return fit

    def _again(self, slices: Sequence[Slice], continued: bool) -> TierGroup:
        part = TierGroup(
            self.build,
            self.names,
            keep_box=False,
            across=False,
            page_height=self.page_height,
            name=self.name,
            field=self.field,
            signs=self.signs,
            slices=slices,
            continued=continued,
            tall=self._tall,
        )
        part.mirrored = getattr(self, "mirrored", False)
        return part

    def first_piece(self, width: float) -> float:
        """The least height the box must have on a page to start there: all of it when the
        layout keeps it whole and a page holds it, else the heading and the first tier (or,
        of a tier taller than a page, its heading and first sign)."""
        _, whole = self._whole(width)
        if self.keep_box and whole <= self.page_height:
            return whole
        first = self.slices[0]
        if self.cuttable(first, width):
            first = Slice(first.tier, first.first, first.first + 1)
        return self._height([first], width, self.continued)

    def _pieces(self, width: float) -> list[tuple[float, int]]:
        """Each piece that never splits, with the heading above it, and its tier: a tier a
        page holds, or one sign of a taller tier (its first with the tier's heading, its
        last with the tier's note)."""
        out = []
        for i, piece in enumerate(self.slices):
            more = i > 0 or self.continued
            if not self.cuttable(piece, width):
                out.append((self._height([piece], width, more), piece.tier))
                continue
            for sign in range(piece.first, piece.stop):
                one = Slice(piece.tier, sign, sign + 1)
                out.append((self._height([one], width, more or sign > 0), piece.tier))
        return out

    def tallest_piece(self, width: float) -> tuple[float, str, str | None, str]:
        """The tallest piece that can never be split (see :meth:`_pieces`)."""
        height, i = max(self._pieces(width))
        tier = self.names[i]
        advice = (
            f"a tier splits only between its signs, so shorten the longest {tier} sign "
            f"(seek_help.{tier}), or use a layout with smaller type or larger pages"
        )
        return height, f"the {tier} part of {self.name}", f"{self.field}.{tier}", advice

    def draw(self) -> None:
        if self._shown is not None:
            self._shown.drawOn(self.canv, 0, 0)
