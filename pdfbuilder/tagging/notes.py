"""What a recorder's marks add up to: each node's content, and where each was first drawn.

In: what a :class:`~.marks.Recorder` notes while drawing: the node of each MCID, page by
page (``page_nodes``), and the few events between marks, each placed by its page and the
number of MCIDs already on that page: a link annotation given to a node, a change of
reading region. Out: ``content`` (each node's marked content and annotations in drawing
order) and ``first_drawn`` (reading region * :data:`REGION` + order of first drawing), as
the recorder documents them.

Worked out in one loop when first asked for (by the finishing pass), not as each mark is
opened: about 250 marks a leaflet, and the look-ups and lists for each were a third of
what opening a mark cost. The loop meets the marks and events in the order they were
drawn, so the result is what noting them one by one made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .tree import Node

#: A piece of a node's content: ("mcid", page, mcid) or ("annot", page, struct_parent_key).
Ref = tuple[str, int, int]
#: ``first_drawn`` orders by reading region, then by order of first drawing, in one int.
REGION = 1 << 32
#: Between marks: (page, MCIDs on it so far, node, key) for an annotation given to a
#: node, (page, MCIDs on it so far, None, region) for a new reading region.
Event = tuple[int, int, Node | None, int]

#: The ("mcid", page, mcid) refs made so far, by page, then MCID: every build needs the
#: same few hundred, and each made anew was one more object for the garbage collector to
#: count and scan while the build lasts (a tuple ~230 times a leaflet). Equal values
#: whoever reads them, so threads may share them; a list is only ever replaced whole (by
#: a longer one), never changed, so a reader sees the old list or the new, each right.
_PAGE_REFS: dict[int, list[Ref]] = {}
#: How far shared tables grow: pages (or roles), and MCIDs (past it: made each time).
SHARED_KEYS = 1_000
SHARED_MCIDS = 2_000


def shared(
    table: dict[Any, list[Any]], key: Any, count: int, make: Callable[[int], Any]
) -> list[Any]:
    """``table[key]``, first grown to ``count`` items ``make(i)`` when the limits allow."""
    made = table.get(key, [])
    if len(made) < count <= SHARED_MCIDS and (key in table or len(table) < SHARED_KEYS):
        # Doubled, so a page of many marks does not remake its list for each one.
        size = min(max(count, 2 * len(made), 16), SHARED_MCIDS)
        made = made + [make(i) for i in range(len(made), size)]
        table[key] = made
    return made


def mcid_refs(page: int, count: int) -> list[Ref]:
    """``("mcid", page, i)`` for i from 0 to at least ``count`` - 1: shared where they can be."""
    refs = shared(_PAGE_REFS, page, count, lambda i: ("mcid", page, i))
    if len(refs) < count:
        refs = refs + [("mcid", page, i) for i in range(len(refs), count)]
    return refs


def settle(
    page_nodes: dict[int, list[Node]], events: list[Event]
) -> tuple[dict[Node, list[Ref]], dict[Node, int]]:
    """``content`` and ``first_drawn`` of the marks in ``page_nodes`` and the ``events``
    (each list in drawing order)."""
    content: dict[Node, list[Ref]] = {}
    first: dict[Node, int] = {}
    region = 0
    pending = sorted(events, key=lambda e: (e[0], e[1]))  # stable: annotations keep order
    at = 0  # the next pending event
    for page in sorted(page_nodes.keys() | {e[0] for e in events}):
        nodes = page_nodes.get(page, [])
        refs = mcid_refs(page, len(nodes))
        # Where on this page the next event falls (-1: not on this page).
        due = pending[at][1] if at < len(pending) and pending[at][0] == page else -1
        for mcid, node in enumerate(nodes):
            while mcid == due:
                region = _apply(pending[at], region, content)
                at += 1
                due = pending[at][1] if at < len(pending) and pending[at][0] == page else -1
            if node not in first:
                first[node] = region * REGION + len(first)
            own = content.get(node)
            if own is None:
                content[node] = [refs[mcid]]
            else:
                own.append(refs[mcid])
        while at < len(pending) and pending[at][0] == page:  # after the page's last mark
            region = _apply(pending[at], region, content)
            at += 1
    return content, first


def _apply(event: Event, region: int, content: dict[Node, list[Ref]]) -> int:
    """Note ``event`` in ``content``; the reading region from then on."""
    page, _, node, value = event
    if node is None:
        return value
    content.setdefault(node, []).append(("annot", page, value))
    return region
