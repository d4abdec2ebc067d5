"""The when-to-get-help box as a flowable that keeps each tier whole, and the box whole when
it can.

In: a function that draws some of the tiers (with the box's heading, or its "continued"
heading) side by side or one under another, the tiers' names, whether the layout keeps the
whole box on one page, and the height of a whole page or panel. Out: a flowable that

- is the whole box, tiers side by side when it asks for that and the box then fits a page,
  else one under another;
- when the layout keeps the box whole and it fits a page, moves whole to the next page;
- otherwise (the box is taller than any page, or the layout keeps only tiers whole) splits
  between tiers, never inside one: every later part starts with the "continued" heading.

The compose stage gives a tier taller than a page as several parts, split between its signs
(see :func:`pdfbuilder.compose.seekhelp.fitted`); a part that still cannot fit (one sign
taller than a page) can never be placed: :meth:`TierGroup.tallest_piece` says which, for
the render stage's message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from .mirror import mirror

#: ``build(start, stop, continued, across)``: tiers ``start`` to ``stop`` in a box (or a
#: stack), under the heading (or the "continued" heading), side by side when ``across``.
BuildTiers = Callable[[int, int, bool, bool], Flowable]


class TierGroup(Flowable):  # type: ignore[misc]
    """Tiers ``start`` to ``stop`` of the when-to-get-help box (all of them, at first)."""

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
        span: tuple[int, int] | None = None,
        continued: bool = False,
        parts: list[Flowable] | None = None,
    ) -> None:
        super().__init__()
        #: The pieces ``build`` arranges (headings, tier boxes), for the structure walk of a
        #: tagged PDF (:data:`pdfbuilder.tagging.structure.CHILDREN`); never drawn from here.
        self.content = list(parts or [])
        self.build, self.names = build, list(names)
        self.keep_box, self.across, self.page_height = keep_box, across, page_height
        self.name, self.field = name, field
        self.start, self.stop = span or (0, len(self.names))
        self.continued = continued
        self._shown: Flowable | None = None
        self._key: tuple[float, ...] | None = None

    def _part(self, start: int, stop: int, continued: bool, across: bool) -> Flowable:
        part = self.build(start, stop, continued, across)
        if getattr(self, "mirrored", False):
            mirror([part])
        return part

    def _whole(self, width: float) -> tuple[Flowable, float]:
        """The tiers of this part as one flowable, side by side if that fits a page."""
        if self.across and self.stop - self.start > 1:
            across = self._part(self.start, self.stop, self.continued, True)
            _, height = across.wrap(width, 1e6)
            if height <= self.page_height:
                return across, height
        stacked = self._part(self.start, self.stop, self.continued, False)
        return stacked, stacked.wrap(width, 1e6)[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._shown is None or self._key != (avail_width,):
            self._shown, self.height = self._whole(avail_width)
            self._key = (avail_width,)
        else:
            self.height = self._shown.wrap(avail_width, 1e6)[1]
        self.width = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, height = self.wrap(avail_width, avail_height)
        if height <= avail_height:
            return [self]
        if self.keep_box and height <= self.page_height:
            return []  # the whole box fits a page: it moves on whole
        fit = self.start
        for stop in range(self.start + 1, self.stop + 1):
            part = self._part(self.start, stop, self.continued, False)
            if part.wrap(avail_width, 1e6)[1] > avail_height:
                break
            fit = stop
        if fit == self.start:
            return []
        first = self._again((self.start, fit), self.continued)
        if fit == self.stop:
            return [first]
        return [first, self._again((fit, self.stop), True)]

    def _again(self, span: tuple[int, int], continued: bool) -> TierGroup:
        part = TierGroup(
            self.build,
            self.names,
            keep_box=False,
            across=False,
            page_height=self.page_height,
            name=self.name,
            field=self.field,
            span=span,
            continued=continued,
        )
        part.mirrored = getattr(self, "mirrored", False)
        return part

    def first_piece(self, width: float) -> float:
        """The least height the box must have on a page to start there: all of it when the
        layout keeps it whole and a page holds it, else the heading and the first tier."""
        _, whole = self._whole(width)
        if self.keep_box and whole <= self.page_height:
            return whole
        return float(
            self._part(self.start, self.start + 1, self.continued, False).wrap(width, 1e6)[1]
        )

    def tallest_piece(self, width: float) -> tuple[float, str, str | None, str]:
        """The tallest tier with the heading above it: it can never be split."""
        heights = [
            (self._part(i, i + 1, i > self.start or self.continued, False).wrap(width, 1e6)[1], i)
            for i in range(self.start, self.stop)
        ]
        height, i = max(heights)
        tier = self.names[i]
        advice = (
            f"a tier splits only between its signs, so shorten the longest {tier} sign "
            f"(seek_help.{tier}), or use a layout with smaller type or larger pages"
        )
        return height, f"the {tier} part of {self.name}", f"{self.field}.{tier}", advice

    def draw(self) -> None:
        if self._shown is not None:
            self._shown.drawOn(self.canv, 0, 0)
