"""Marked content: which drawing on which page belongs to which node, or to no node at all.

In: drawing on a ReportLab canvas, bracketed by :meth:`Recorder.begin` / :meth:`Recorder.end`
(or the :func:`marked` and :func:`artifact` context managers). Out: ``BDC`` … ``EMC``
operators in the page stream, written with ``canvas.addLiteral``, and a record of
(page, MCID) → node, link annotations and figure boxes that the finishing pass
(:mod:`pdfbuilder.tagging.finishing`) turns into the structure tree.

One :class:`Recorder` per build, attached to that build's canvas (:meth:`Recorder.canvasmaker`
or :meth:`Recorder.attach`). Nothing here is module-level state, so builds in threads or
worker processes never share a recorder. A canvas without a recorder draws untagged:
:func:`marked` and :func:`artifact` then do nothing.

Rules kept here, so a caller cannot break them:

- Marked sequences never nest. Opening a sequence while another is open closes the outer
  one first and reopens it (with a new MCID if it is a node's) when the inner one ends.
  So a container may be drawn as an artifact (its border) around tagged children, and a
  tagged child may sit inside another node's drawing; each stretch of drawing gets
  exactly one owner.
- Marks are opened and closed only between drawing calls, never inside a text object
  (ReportLab writes each ``BT`` … ``ET`` in one piece), and never span a page break: an
  open mark on a new page is a :class:`TaggingError`.
- A form XObject is drawn wherever it is used, so no MCID may be written into one
  (:meth:`Recorder.form`). Its ``Do`` inherits the mark around it: draw the form inside
  an artifact (a page total in a footer) or inside a node's mark.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .._rl.canvas import page_rect
from .tree import Node

#: The attribute a recorder is attached to a canvas under.
ATTRIBUTE = "pdfbuilder_tagging"


class TaggingError(RuntimeError):
    """Tagging used in a way that would make a broken PDF (a programming error)."""


@dataclass(frozen=True)
class Artifact:
    """What kind of page furniture a drawing is (ISO 32000-1, 14.8.2.2.2)."""

    type: str  # Pagination, Layout or Page
    subtype: str | None = None  # Header, Footer or Watermark (Pagination only)

    #: :meth:`operator`, made once (an artifact is opened about 150 times a leaflet; a
    #: look-up keyed by the kind hashed its fields each time).
    bdc: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bdc", self.operator())

    def operator(self) -> str:
        props = f"/Type /{self.type}" + (f" /Subtype /{self.subtype}" if self.subtype else "")
        return f"/Artifact <<{props}>> BDC"


#: Running footers and page numbers.
FOOTER = Artifact("Pagination", "Footer")
HEADER = Artifact("Pagination", "Header")
WATERMARK = Artifact("Pagination", "Watermark")
#: Borders, rules, backgrounds, bands, fold guides, decorative icons.
LAYOUT = Artifact("Layout")
#: Marks for the printer: crop marks, registration marks, colour bars.
PRINTER = Artifact("Page")

#: A piece of a node's content: ("mcid", page, mcid) or ("annot", page, struct_parent_key).
Ref = tuple[str, int, int]
#: ``first_drawn`` orders by reading region, then by order of first drawing, in one int.
REGION = 1 << 32
#: The ("mcid", page, mcid) refs made so far, by page, then MCID: every build needs the
#: same few hundred, and each made anew was one more object for the garbage collector to
#: count and scan while the build lasts (a tuple ~230 times a leaflet). And the operators
#: that open a node's mark ("/P <</MCID 3>> BDC"), by role, then MCID: formatting one
#: cost about as much as all the rest of opening the mark. Equal values whoever reads
#: them, so threads may share them; a list is only ever replaced whole (by a longer one),
#: never changed, so a reader sees the old list or the new, each right.
_PAGE_REFS: dict[int, list[Ref]] = {}
_BDC: dict[str, list[str]] = {}
#: How far the shared tables grow: pages or roles, and MCIDs (past it: made each time).
_SHARED_KEYS = 1_000
_SHARED_MCIDS = 2_000


def _shared(
    table: dict[Any, list[Any]], key: Any, count: int, make: Callable[[int], Any]
) -> list[Any]:
    """``table[key]``, first grown to ``count`` items ``make(i)`` when the limits allow."""
    made = table.get(key, [])
    if len(made) < count <= _SHARED_MCIDS and (key in table or len(table) < _SHARED_KEYS):
        # Doubled, so a page of many marks does not remake its list for each one.
        size = min(max(count, 2 * len(made), 16), _SHARED_MCIDS)
        made = made + [make(i) for i in range(len(made), size)]
        table[key] = made
    return made


def mcid_ref(page: int, mcid: int) -> Ref:
    """``("mcid", page, mcid)``: the shared tuple when there is one."""
    refs = _shared(_PAGE_REFS, page, mcid + 1, lambda i: ("mcid", page, i))
    return refs[mcid] if mcid < len(refs) else ("mcid", page, mcid)


def bdc(role: str, mcid: int) -> str:
    """The operator that opens a ``role`` mark with ``mcid``: the shared text if there is one."""
    made = _shared(_BDC, role, mcid + 1, lambda i: f"/{role} <</MCID {i}>> BDC")
    return made[mcid] if mcid < len(made) else f"/{role} <</MCID {mcid}>> BDC"


@dataclass(frozen=True)
class LinkAnnotation:
    """A link drawn on a page, written as an annotation by the finishing pass."""

    page: int
    rect: tuple[float, ...]  # x1, y1, x2, y2 on the page
    url: str
    contents: str
    key: int  # its StructParent (a ParentTree key)


class Recorder:
    """Everything one build learns while drawing, for the finishing pass.

    ``content[node]`` lists the node's marked content and annotations in drawing order;
    ``page_nodes[page]`` the node of each MCID on a page (index = MCID); ``page_keys`` and
    ``next_key`` the ParentTree keys given out (pages and annotations share one series);
    ``boxes[node]`` a figure's or table's box on its first page, in page coordinates;
    ``links`` the link annotations, in drawing order. Pages are numbered from 1, as
    ``canvas.getPageNumber()`` does.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything: a new canvas (say the second pass of a two-pass build)."""
        self.content: dict[Node, list[Ref]] = {}
        self.page_nodes: dict[int, list[Node]] = {}
        self.page_keys: dict[int, int] = {}
        self.next_key = 0
        self.boxes: dict[Node, tuple[int, tuple[float, float, float, float]]] = {}
        self.links: list[LinkAnnotation] = []
        #: Where each node was first drawn: its reading region * :data:`REGION` + the order
        #: of its first drawing (an int, not a pair: no object to make for each node).
        self.first_drawn: dict[Node, int] = {}
        self.region = 0
        self._stack: list[Node | Artifact] = []
        self._stack_page = 0
        self._in_form = 0
        #: The page marks were last noted on and its ``page_nodes`` list.
        self._page = 0
        self._nodes: list[Node] = []
        self._refs: list[Ref] = []  # the shared refs of that page (_PAGE_REFS)
        #: The canvas attached last: the finishing pass asks its document where the pages
        #: went. (The canvas holds the recorder too: :func:`~.structure.release` ends the
        #: cycle by resetting the recorder.)
        self.canvas: Any = None

    # -- attaching to a canvas ------------------------------------------------------------

    def attach(self, canvas: Any) -> Any:
        """Tag what is drawn on ``canvas`` from now on (forgetting any earlier canvas)."""
        self.reset()
        setattr(canvas, ATTRIBUTE, self)
        self.canvas = canvas
        return canvas

    def canvasmaker(self, make: Callable[..., Any] | None = None) -> Callable[..., Any]:
        """A ``canvasmaker`` for ``doc.build`` that makes ``make(...)`` and attaches to it.

        ``make`` defaults to ReportLab's Canvas; pass a subclass or a ``functools.partial``
        to keep a special canvas (the footer's page-total canvas, say).
        """
        if make is None:
            from reportlab.pdfgen.canvas import Canvas

            make = Canvas

        def maker(*args: Any, **kwargs: Any) -> Any:
            return self.attach(make(*args, **kwargs))

        return maker

    # -- marks ----------------------------------------------------------------------------

    def begin(self, canvas: Any, owner: Node | Artifact) -> None:
        """Start drawing that belongs to ``owner`` (a node, or an artifact kind)."""
        page = canvas.getPageNumber()
        stack = self._stack
        if not stack:
            self._stack_page = page
            stack.append(owner)
            canvas.addLiteral(self._open(owner, page))
            return
        if page != self._stack_page:
            raise TaggingError(
                f"a mark for {stack[-1]!r} opened on page {self._stack_page} "
                f"is still open on page {page}"
            )
        # One literal for the EMC that interrupts an open mark and the new BDC: the page
        # stream joins literals with newlines, so the bytes are those of two calls.
        stack.append(owner)
        canvas.addLiteral("EMC\n" + self._open(owner, page))

    def end(self, canvas: Any) -> None:
        """End the drawing started by the matching :meth:`begin`."""
        stack = self._stack
        if not stack:
            raise TaggingError("end() without a matching begin()")
        stack.pop()
        if stack:  # the interrupted mark resumes
            canvas.addLiteral("EMC\n" + self._open(stack[-1], self._stack_page))
        else:
            canvas.addLiteral("EMC")

    def switch(self, canvas: Any, owner: Node | Artifact) -> None:
        """:meth:`end` the innermost mark, then :meth:`begin` ``owner``'s, in one literal.

        The same bytes as the two calls (an interrupted mark still resumes in between);
        for drawing that passes straight from one owner to the next, like a list item's
        label to its body (about 75 items a leaflet).
        """
        stack = self._stack
        if not stack:
            raise TaggingError("switch() without a mark to end")
        page = canvas.getPageNumber()
        if page != self._stack_page:
            raise TaggingError(
                f"a mark for {stack[-1]!r} opened on page {self._stack_page} "
                f"is still open on page {page}"
            )
        stack.pop()
        resumed = ("EMC\n" + self._open(stack[-1], page) + "\n") if stack else ""
        stack.append(owner)
        canvas.addLiteral(resumed + "EMC\n" + self._open(owner, page))

    def _open(self, owner: Node | Artifact, page: int) -> str:
        """The operator that opens ``owner``'s mark, noting its MCID if it is a node."""
        if isinstance(owner, Artifact):
            return owner.bdc
        if self._in_form:
            raise TaggingError(
                f"{owner!r} drawn inside a form XObject: a form is reused, so mark the "
                "drawing that uses it (or draw the form's content as an artifact)"
            )
        if page != self._page:
            self._turn_to(page)
        nodes = self._nodes
        mcid = len(nodes)
        nodes.append(owner)
        first = self.first_drawn
        if owner not in first:
            first[owner] = self.region * REGION + len(first)
        # The shared ref and operator, looked up here (a call each was a third of the cost).
        shared = self._refs
        ref = shared[mcid] if mcid < len(shared) else self._grow_refs(page, mcid)
        refs = self.content.get(owner)
        if refs is None:
            self.content[owner] = [ref]
        else:
            refs.append(ref)
        role = owner.role
        made = _BDC.get(role)
        return made[mcid] if made is not None and mcid < len(made) else bdc(role, mcid)

    def _turn_to(self, page: int) -> None:
        """Make ``page`` the one marks are noted on (once a page, not once a mark)."""
        nodes = self.page_nodes.get(page)
        if nodes is None:
            nodes = self.page_nodes[page] = []
            self.page_keys[page] = self._key()
        self._page, self._nodes = page, nodes
        self._refs = _PAGE_REFS.get(page, [])

    def _grow_refs(self, page: int, mcid: int) -> Ref:
        """The ref of an MCID past this page's shared list: grown (when the limits allow)
        and taken up again, as another build may have replaced it meanwhile."""
        ref = mcid_ref(page, mcid)
        self._refs = _PAGE_REFS.get(page, [])
        return ref

    def _key(self) -> int:
        key = self.next_key
        self.next_key += 1
        return key

    def check_closed(self) -> None:
        """Raise TaggingError if a mark is still open (called by the finishing pass)."""
        if self._stack:
            raise TaggingError(f"the mark for {self._stack[-1]!r} was never ended")

    @contextlib.contextmanager
    def form(self, canvas: Any, name: str, **bounds: float) -> Iterator[None]:
        """``canvas.beginForm(name, **bounds)`` … ``endForm()``, refusing MCIDs inside."""
        if self._stack:
            raise TaggingError(f"form {name!r} defined while {self._stack[-1]!r} is open")
        canvas.beginForm(name, **bounds)
        self._in_form += 1
        try:
            yield
        finally:
            self._in_form -= 1
        canvas.endForm()

    # -- what the finishing pass needs besides marks --------------------------------------

    def box(self, canvas: Any, node: Node, x: float, y: float, width: float, height: float) -> None:
        """Note ``node``'s box (in the canvas's current coordinates) on this page."""
        if node in self.boxes:
            return  # a split figure or table keeps its first page's box
        corners = [
            canvas.absolutePosition(px, py) for px in (x, x + width) for py in (y, y + height)
        ]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        self.boxes[node] = (canvas.getPageNumber(), (min(xs), min(ys), max(xs), max(ys)))

    def link(
        self,
        canvas: Any,
        node: Node,
        url: str,
        rect: tuple[float, float, float, float],
        contents: str,
    ) -> None:
        """A clickable link over ``rect`` (current coordinates), tied to ``node``.

        ``node`` is a Link, or lies inside one: the finishing pass ties the annotation to
        the nearest Link at or above it. ``contents`` describes where the link goes. The
        finishing pass writes the annotation (in plain text, about a tenth of what
        ``canvas.linkURL`` costs), placed where ``linkURL`` would place it.
        """
        if not contents.strip():
            raise TaggingError(f"the link to {url} needs a description (its /Contents)")
        key = self._key()
        page = canvas.getPageNumber()
        self.links.append(LinkAnnotation(page, page_rect(canvas, rect), url, contents, key))
        self.content.setdefault(node, []).append(("annot", page, key))


def recorder_of(canvas: Any) -> Recorder | None:
    """The recorder tagging ``canvas``, or None when the build is not tagged."""
    recorder = getattr(canvas, ATTRIBUTE, None)
    return recorder if isinstance(recorder, Recorder) else None


@contextlib.contextmanager
def marked(canvas: Any, owner: Node | Artifact) -> Iterator[None]:
    """Draw the block's content as ``owner``'s (a node or an artifact kind); untagged: as is."""
    recorder = recorder_of(canvas)
    if recorder is None:
        yield
        return
    recorder.begin(canvas, owner)
    try:
        yield
    finally:
        recorder.end(canvas)


def artifact(canvas: Any, kind: Artifact = LAYOUT) -> contextlib.AbstractContextManager[None]:
    """Draw the block's content as page furniture of ``kind`` (FOOTER, LAYOUT, PRINTER...)."""
    return marked(canvas, kind)


def begin_mark(canvas: Any, owner: Node | Artifact | None = LAYOUT) -> None:
    """Start drawing that belongs to ``owner`` (a node, or page furniture of a kind: LAYOUT
    by default); None or an untagged canvas: nothing. End it with :func:`end_mark`.

    For drawing code that marks a few lines (a box's border, a footer, a table's cells)
    where a ``with`` block would re-indent them.
    """
    recorder = recorder_of(canvas)
    if recorder is not None and owner is not None:
        recorder.begin(canvas, owner)


def end_mark(canvas: Any, owner: Node | Artifact | None = LAYOUT) -> None:
    """End what :func:`begin_mark` started (given the same ``owner``)."""
    recorder = recorder_of(canvas)
    if recorder is not None and owner is not None:
        recorder.end(canvas)


@contextlib.contextmanager
def reading_region(canvas: Any, rank: int) -> Iterator[None]:
    """Drawing that belongs to the ``rank``-th part of the page in reading order.

    A trifold draws its back panel before the cover on the same sheet, and is read cover
    first; the finishing pass orders the parts of the document (each composed apart) by
    the region each was first drawn in. Untagged: nothing.
    """
    recorder = recorder_of(canvas)
    if recorder is None:
        yield
        return
    before, recorder.region = recorder.region, rank
    try:
        yield
    finally:
        recorder.region = before
