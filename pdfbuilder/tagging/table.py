"""Table structure for a flowable that draws a grid itself: Table → TR → TH / TD.

In: the number of rows and columns, and how many of each are headers. Out: a
:class:`TableNodes` whose ``node`` is the Table (put it in the tree, or let the composer's
walk find it on the flowable as its ``node``) and ``cells[row][column]`` the cell nodes the
flowable draws each cell's content under (with :func:`~.marks.begin_mark`).

Header cells get a scope: the cells of the header rows head their columns, those of the
header columns (below the header rows) head their rows. A table split across pages keeps
one element per cell; the header row drawn again on the next page is an artifact.
"""

from __future__ import annotations

from dataclasses import dataclass

from .tree import Node


@dataclass(frozen=True)
class TableNodes:
    """A Table node and its cells, row by row."""

    node: Node
    cells: tuple[tuple[Node, ...], ...]

    def rows(self, start: int, stop: int) -> TableNodes:
        """The same table with only rows ``start`` to ``stop`` (for a part of a split)."""
        return TableNodes(self.node, self.cells[start:stop])


def table_nodes(
    rows: int, columns: int, *, header_rows: int = 1, header_columns: int = 0
) -> TableNodes:
    """Nodes for a ``rows`` x ``columns`` table with the given header rows and columns."""
    table = Node("Table")
    cells = []
    for r in range(rows):
        row = table.child("TR")
        cells.append(tuple(_cell(row, r, c, header_rows, header_columns) for c in range(columns)))
    return TableNodes(table, tuple(cells))


def _cell(row: Node, r: int, c: int, header_rows: int, header_columns: int) -> Node:
    if r < header_rows:
        return row.child("TH", scope="Column")
    if c < header_columns:
        return row.child("TH", scope="Row")
    return row.child("TD")
