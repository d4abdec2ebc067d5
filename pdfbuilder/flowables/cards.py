"""Exercise cards that stay whole, make their figure smaller to share a page, and split only
when a whole page cannot hold them.

In: a function that draws the card (or a part of it) with a given figure height and a run
of its steps, how many step groups it has (each step, the last one with the feel and stop
lines), the figure's height and the smallest it may be, and the height of a whole page or
panel. Out: a flowable that, when it does not fit the space left,

1. makes its figure smaller (never under the smallest) if that lets it fit and the page
   would otherwise be left more than :data:`FILL` empty;
2. else moves whole to the next page, when a whole page holds it;
3. else (taller than a page) splits between step groups, never between a step and its
   feel and stop lines: the first part keeps the figure, later parts start with the name
   marked "continued".
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from .mirror import mirror

#: A page may be left this much empty before a card makes its figure smaller to fit.
FILL = 0.35
#: Figure heights tried between the largest and the smallest (fewer sizes: a tidier page).
FIGURE_STEPS = 4

#: ``build(figure_height, start, stop, continued)``: the card with step groups ``start`` to
#: ``stop``; the figure only in the first part (``continued`` False).
BuildCard = Callable[[float, int, int, bool], Flowable]


class Card(Flowable):  # type: ignore[misc]
    """One exercise, or a run of its steps (a part made by :meth:`split`)."""

    def __init__(
        self,
        build: BuildCard,
        groups: int,
        *,
        figure_height: float,
        smallest_figure: float,
        page_height: float,
        name: str,
        field: str | None = None,
        span: tuple[int, int] | None = None,
        continued: bool = False,
        made: dict[tuple[float, int, int, bool], Flowable] | None = None,
        fill: bool = False,
    ) -> None:
        super().__init__()
        self.build, self.groups = build, groups
        self.figure_height = figure_height
        self.smallest_figure = min(smallest_figure, figure_height)
        self.page_height, self.name, self.field = page_height, name, field
        self.start, self.stop = span or (0, groups)
        self.continued = continued
        #: Open cards (large type): rather than leave a page more than FILL empty, go on
        #: between steps on the next page, under the "continued" name.
        self.fill = fill
        self._shown: Flowable | None = None
        #: The parts drawn so far, shared with the parts split from this card.
        self._made = made if made is not None else {}

    def _part(self, figure: float, start: int, stop: int, continued: bool) -> Flowable:
        key = (round(figure, 1), start, stop, continued)
        part = self._made.get(key)
        if part is None:
            part = self.build(key[0], start, stop, continued)
            if getattr(self, "mirrored", False):
                mirror([part])
            self._made[key] = part
        return part

    def _height(self, figure: float, start: int, stop: int, continued: bool, width: float) -> float:
        return float(self._part(figure, start, stop, continued).wrap(width, 1e6)[1])

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._shown = self._part(self.figure_height, self.start, self.stop, self.continued)
        self.width, self.height = self._shown.wrap(avail_width, 1e6)
        self.width = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, height = self.wrap(avail_width, avail_height)
        if height <= avail_height:
            return [self]
        smaller = self._smaller(avail_width, avail_height)
        if smaller is not None:
            return [smaller]
        smallest = self._height(
            self.smallest_figure, self.start, self.stop, self.continued, avail_width
        )
        if smallest > self.page_height or (self.fill and avail_height >= self.page_height * FILL):
            return self._split_steps(avail_width, avail_height)
        return []  # a whole page holds it: it moves on whole

    def _smaller(self, width: float, room: float) -> Card | None:
        """This card with the largest smaller figure that fits ``room``, when the page would
        otherwise be left more than FILL empty (and the card has a figure to shrink)."""
        if self.continued or self.smallest_figure >= self.figure_height:
            return None
        if room < self.page_height * FILL:
            return None
        span = self.figure_height - self.smallest_figure
        for step in range(1, FIGURE_STEPS + 1):
            figure = self.figure_height - span * step / FIGURE_STEPS
            if self._height(figure, self.start, self.stop, False, width) <= room:
                return self._again(figure, (self.start, self.stop), False)
        return None

    def _split_steps(self, width: float, room: float) -> list[Flowable]:
        figure = self.smallest_figure if not self.continued else self.figure_height
        fit = self.start
        for stop in range(self.start + 1, self.stop):
            if self._height(figure, self.start, stop, self.continued, width) > room:
                break
            fit = stop
        if fit == self.start:
            return []
        return [
            self._again(figure, (self.start, fit), self.continued),
            self._again(self.figure_height, (fit, self.stop), True),
        ]

    def _again(self, figure: float, span: tuple[int, int], continued: bool) -> Card:
        part = Card(
            self.build,
            self.groups,
            figure_height=figure,
            smallest_figure=figure,
            page_height=self.page_height,
            name=self.name,
            field=self.field,
            span=span,
            continued=continued,
            made=self._made,
            fill=self.fill,
        )
        part.mirrored = getattr(self, "mirrored", False)
        return part

    def first_piece(self, width: float) -> float:
        """The least height this card must have on a page to start there: all of it (with
        its smallest figure) when a page holds that, else its first step group."""
        whole = self._height(self.smallest_figure, self.start, self.stop, self.continued, width)
        if whole <= self.page_height:
            return whole
        return self._height(self.smallest_figure, self.start, self.start + 1, self.continued, width)

    def shrunk(self, figure: float) -> Card:
        """This card with its figure ``figure`` points tall (no smaller than its smallest)."""
        part = self._again(max(figure, self.smallest_figure), (self.start, self.stop), False)
        part.smallest_figure = self.smallest_figure
        part.spaceBefore = getattr(self, "spaceBefore", 0)
        return part

    def tallest_piece(self, width: float) -> tuple[float, str, str | None, str]:
        """The card's smallest unsplittable piece that is tallest: the first step group
        under the figure, or a later group under the "continued" name."""
        first = self._height(self.smallest_figure, self.start, self.start + 1, False, width)
        later = [self._height(0, i, i + 1, True, width) for i in range(self.start + 1, self.stop)]
        advice = "a step stays with the one before it, so shorten the steps"
        return max([first, *later]), self.name, self.field, advice

    def draw(self) -> None:
        if self._shown is not None:
            self._shown.drawOn(self.canv, 0, 0)
