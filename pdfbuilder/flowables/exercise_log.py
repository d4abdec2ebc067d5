"""The exercise log chart: a week of tick boxes, one row per exercise.

In: the exercise names (as paragraphs), how many times a day each is done, the header words
and the colours. Out: a flowable whose day cells hold one box per time a day, so the reader
ticks each session off. It splits across pages only between rows, repeating the header.

Tagged (given :class:`~pdfbuilder.tagging.TableNodes`), each cell's drawing is that cell's
content: the header row's cells head their columns, each exercise's name heads its row, the
times-a-day number is a cell; the day cells hold only tick boxes, drawn with the grid and
backgrounds as page furniture. The header drawn again on a continuation page is furniture.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..tagging.marks import LAYOUT, Artifact, begin_mark, end_mark
from ..tagging.table import TableNodes
from ..tagging.tree import Node
from ..text.draw import draw_string
from ..text.fonts import FontChain

#: More boxes than this in one cell is clutter: the cell gets one box and the number says.
MAX_BOXES = 6
#: The smallest tick box worth drawing (about 2.8 mm): room to tick it with a pen.
SMALLEST_BOX = 8.0


@dataclass(frozen=True)
class ChartLook:
    """Fonts, sizes and colours of the chart, in points."""

    font: str
    bold_font: str
    size: float
    ink: Color
    grid: Color
    header_fill: Color
    chain: FontChain | None = None  # fallback fonts, for day names the main font lacks
    rtl: bool = False  # right-to-left day names (shaped, and in reading order)


class LogChart(Flowable):  # type: ignore[misc]
    """Rows of exercises by seven day columns of tick boxes, with a times-a-day column."""

    def __init__(
        self,
        names: Sequence[Flowable],
        per_day: Sequence[int | None],
        header: tuple[Flowable, Flowable],
        days: tuple[Sequence[str], Sequence[str]],
        look: ChartLook,
        cells: TableNodes | None = None,
    ) -> None:
        super().__init__()
        self.cells = cells  # tagged: a node per cell, the header row first
        self.node = cells.node if cells is not None else None
        self.repeated = False  # a continuation part: its header row is drawn again
        self.names, self.per_day, self.header = list(names), list(per_day), header
        self.days, self.short_days = list(days[0]), list(days[1])
        self._shown_days = self.days
        self.look = look
        self.pad = look.size * 0.3
        self.full_box = look.size * 0.95  # a tick box's side, when the width allows
        self.box = self.full_box
        self.full_gap = self.gap = look.size * 0.25
        self.cell_pad = self.pad  # a day cell's padding beside its boxes
        self.names_only = False
        self._rows: list[float] = []
        self._cols: list[float] = []

    def _columns(self, avail: float) -> list[float]:
        """Column widths from the content and the width: the times-a-day column as wide as
        its header's widest word (a header never breaks inside a word), each day wide
        enough for the most boxes any row needs side by side (a row of boxes never wraps),
        the name column the rest, at least 30 %.

        Tried in order: full day names, one-letter day names, then smaller boxes (never
        under :data:`SMALLEST_BOX`); only past that do a day's boxes go on two rows."""
        pad = self.pad
        per_day = self._per_day_width() + 2 * pad + 0.5
        most = max((n for n in self.per_day if n is not None and n <= MAX_BOXES), default=1)
        self.box, self.gap, self.cell_pad = self.full_box, self.full_gap, pad
        self.names_only = False
        for days in (self.days, self.short_days):
            day = self._day_width(days, most)
            # The header on at most two lines where the names keep their share (Arabic's
            # "times a day" is three short words: as wide as the widest, three lines).
            for header in (max(per_day, self._two_line_width() + 2 * pad + 0.5), per_day):
                if avail - 7 * day - header >= avail * 0.3:
                    self._shown_days = list(days)
                    return [avail - 7 * day - header, header] + [day] * 7
        # Narrow: one-letter days, the names no narrower than their longest word, and the
        # boxes (closer together) as large as the days' width then allows.
        self._shown_days = list(self.short_days)
        # (a word longer than 45 % of the width breaks: no table can hold it whole)
        name = min(max(self._widest_name_word() + 2 * pad + 0.5, avail * 0.2), avail * 0.45)
        day = (avail - name - per_day) / 7
        self.gap, self.cell_pad = self.full_gap / 3, pad / 3
        self.names_only = True  # the dose is on the card; a narrow column shows the name
        box = (day - 2 * self.cell_pad - self.gap * (most - 1)) / most
        self.box = max(min(box, self.full_box), min(SMALLEST_BOX, self.full_box))
        return [name, per_day] + [day] * 7

    def _names(self) -> list[Flowable]:
        """Each row's name cell: the name with its dose, or (narrow) the name alone."""
        if not self.names_only:
            return self.names
        return [(getattr(n, "content", None) or [n])[0] for n in self.names]

    def _widest_name_word(self) -> float:
        font, size = self.look.bold_font, self.look.size
        return max((w for name in self.names for w, _ in _widths(name, font, size)), default=0)

    def _day_width(self, days: Sequence[str], boxes: int) -> float:
        widest = max(stringWidth(d, self.look.bold_font, self.look.size) for d in days)
        return float(max(widest, self.box * boxes + self.gap * (boxes - 1)) + 2 * self.pad)

    def _per_day_width(self) -> float:
        font, size = self.look.bold_font, self.look.size
        widest = max((w for w, _ in _widths(self.header[1], font, size)), default=0.0)
        return float(max(widest, stringWidth("00", font, size * 1.2)))

    def _two_line_width(self) -> float:
        """The narrowest width that holds the times-a-day header in two lines."""
        words = _widths(self.header[1], self.look.bold_font, self.look.size)
        if len(words) < 3:
            return 0.0  # each word a line: the widest word is enough

        def line(part: list[tuple[float, float]]) -> float:
            return sum(w for w, _ in part) + sum(space for _, space in part[:-1])

        return min(max(line(words[:k]), line(words[k:])) for k in range(1, len(words)))

    def _box_grid(self, n: int | None) -> tuple[int, int]:
        """(columns, rows) of tick boxes in a day cell for ``n`` times a day: one row, or,
        when even the smallest boxes cannot stand side by side, one column (never a ragged
        two-plus-one)."""
        count = n if n is not None and n <= MAX_BOXES else 1
        room = self._cols[2] - 2 * self.cell_pad + self.gap + 0.01
        fit = max(1, int(room // (self.box + self.gap)))
        return (count, 1) if count <= fit else (1, count)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._cols = self._columns(avail_width)
        pad = 2 * self.pad
        head = max(
            self.header[0].wrap(self._cols[0] - pad, 1e6)[1],
            self.header[1].wrap(self._cols[1] - pad, 1e6)[1],
            self.look.size * 1.2,
        )
        self._rows = [head + pad]
        for name, n in zip(self._names(), self.per_day, strict=True):
            _, rows = self._box_grid(n)
            boxes = rows * self.box + (rows - 1) * self.gap
            self._rows.append(max(name.wrap(self._cols[0] - pad, 1e6)[1], boxes) + pad)
        self.width, self.height = avail_width, sum(self._rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split between rows; each part repeats the header row. Never inside a row."""
        self.wrap(avail_width, avail_height)
        used, fit = self._rows[0], 0
        for height in self._rows[1:]:
            if used + height > avail_height:
                break
            used, fit = used + height, fit + 1
        if fit == 0 or fit == len(self.names):
            return [] if fit == 0 else [self]
        return [self._part(0, fit), self._part(fit, len(self.names))]

    def _part(self, start: int, stop: int) -> LogChart:
        days = (self.days, self.short_days)
        rows = slice(start, stop)
        cells = None
        if self.cells is not None:
            body = self.cells.cells[1:][rows]
            cells = TableNodes(self.cells.node, (self.cells.cells[0], *body))
        part = LogChart(self.names[rows], self.per_day[rows], self.header, days, self.look, cells)
        part.repeated = self.repeated or start > 0
        return part

    def _owner(self, row: int, column: int) -> Node | Artifact | None:
        """Whose drawing a cell is: its node, furniture (a repeated header), or untagged."""
        if self.cells is None:
            return None
        if row == 0 and self.repeated:
            return LAYOUT
        return self.cells.cells[row][column]

    def draw(self) -> None:
        canvas, look = self.canv, self.look
        canvas.saveState()
        begin_mark(canvas)
        canvas.setFillColor(look.header_fill)
        canvas.rect(0, self.height - self._rows[0], self.width, self._rows[0], stroke=0, fill=1)
        end_mark(canvas)
        self._draw_header()
        top = self.height - self._rows[0]
        rows = zip(self._names(), self.per_day, self._rows[1:], strict=True)
        for row, (name, n, height) in enumerate(rows, 1):
            self._draw_row(name, n, top, height, row)
            top -= height
        begin_mark(canvas)
        self._draw_grid()
        end_mark(canvas)
        canvas.restoreState()

    def _draw_header(self) -> None:
        canvas, look, pad = self.canv, self.look, self.pad
        top = self.height
        for column, (cell, x, w) in enumerate(
            ((self.header[0], 0.0, self._cols[0]), (self.header[1], self._cols[0], self._cols[1]))
        ):
            _, h = cell.wrap(w - 2 * pad, 1e6)
            begin_mark(canvas, self._owner(0, column))
            cell.drawOn(canvas, x + pad, top - (self._rows[0] + h) / 2)
            end_mark(canvas, self._owner(0, column))
        canvas.setFillColor(look.ink)
        canvas.setFont(look.bold_font, look.size)
        x = self._cols[0] + self._cols[1]
        baseline = top - self._rows[0] / 2 - look.size * 0.35
        for column, (day, w) in enumerate(zip(self._shown_days, self._cols[2:], strict=True), 2):
            owner = self._owner(0, column)
            if isinstance(owner, Node) and day != self.days[column - 2]:
                owner.actual_text = self.days[column - 2]  # "M" is read as "Mon"
            begin_mark(canvas, owner)
            draw_string(canvas, x + w / 2, baseline, day, look.chain, rtl=look.rtl, centre=True)
            end_mark(canvas, owner)
            x += w

    def _draw_row(
        self, name: Flowable, n: int | None, top: float, height: float, row: int = 1
    ) -> None:
        canvas, look, pad = self.canv, self.look, self.pad
        _, h = name.wrap(self._cols[0] - 2 * pad, 1e6)
        begin_mark(canvas, self._owner(row, 0))
        name.drawOn(canvas, pad, top - pad - h)
        end_mark(canvas, self._owner(row, 0))
        middle = top - height / 2
        if n is not None:
            begin_mark(canvas, self._owner(row, 1))
            canvas.setFillColor(look.ink)
            canvas.setFont(look.bold_font, look.size * 1.2)
            canvas.drawCentredString(
                self._cols[0] + self._cols[1] / 2, middle - look.size * 0.4, str(n)
            )
            end_mark(canvas, self._owner(row, 1))
        begin_mark(canvas)
        canvas.setStrokeColor(look.ink)
        canvas.setLineWidth(max(0.8, look.size * 0.08))
        # One path of plain rectangles: far cheaper than a drawing call per box.
        canvas.addLiteral(" ".join(self._boxes(n, middle)) + " S")
        end_mark(canvas)

    def _boxes(self, n: int | None, middle: float) -> Iterator[str]:
        """PDF ``re`` operators for the tick boxes of one row, centred on ``middle``."""
        cols, rows = self._box_grid(n)
        count = n if n is not None and n <= MAX_BOXES else 1
        block_w = cols * self.box + (cols - 1) * self.gap
        block_h = rows * self.box + (rows - 1) * self.gap
        step, size = self.box + self.gap, self.box
        x = self._cols[0] + self._cols[1]
        for w in self._cols[2:]:
            left, y_top = x + (w - block_w) / 2, middle + block_h / 2
            for i in range(count):
                r, c = divmod(i, cols)
                bx, by = left + c * step, y_top - r * step - size
                yield f"{bx:.2f} {by:.2f} {size:.2f} {size:.2f} re"
            x += w

    def _draw_grid(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(self.look.grid)
        canvas.setLineWidth(0.75)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        y = self.height
        for h in self._rows[:-1]:
            y -= h
            canvas.line(0, y, self.width, y)
        x = 0.0
        for w in self._cols[:-1]:
            x += w
            canvas.line(x, 0, x, self.height)


def _widths(flowable: Flowable, font: str, size: float) -> list[tuple[float, float]]:
    """Each word's width and the space after it, in reading order: as the paragraph shapes
    them where it shapes its own words (right-to-left text, in its own fonts), else in the
    log's bold face; a stack's lines one after another."""
    own = getattr(flowable, "word_widths", None)
    if callable(own):
        return list(own())
    if callable(getattr(flowable, "getPlainText", None)):
        space = stringWidth(" ", font, size)
        return [(stringWidth(w, font, size), space) for w in _plain(flowable).split()]
    parts = getattr(flowable, "content", None) or []
    return [w for part in parts if isinstance(part, Flowable) for w in _widths(part, font, size)]


def _plain(flowable: Flowable) -> str:
    """A paragraph's plain text (through a tag's wrapper too), a stack's lines together."""
    text = getattr(flowable, "getPlainText", None)
    if callable(text):
        return str(text())
    parts = getattr(flowable, "content", None) or []
    return " ".join(_plain(part) for part in parts if isinstance(part, Flowable))
