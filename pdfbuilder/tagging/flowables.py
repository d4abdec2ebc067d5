"""Flowables that tag what they wrap: the one place drawing meets the structure tree.

In: any platypus flowable and the node (or artifact kind) its drawing belongs to. Out: a
flowable that lays out exactly like the one it wraps and, on a tagged canvas (see
:mod:`pdfbuilder.tagging.marks`), brackets its drawing in marked content.

- :class:`Tagged` – the drawing is the node's content (an MCID on that page). A split gives
  every part the same node, so a paragraph broken across pages is one P with content on
  two pages. ``url=`` adds a clickable link over the flowable, tied to the nearest Link.
- :class:`AsArtifact` – the drawing is page furniture (a box's border and background).
  Tagged flowables drawn inside it (the box's children) still get their own marks, so a
  container is: ``AsArtifact(Box([Tagged(p1, n1), Tagged(p2, n2)]))`` with a grouping node
  (Sect, Div) holding n1 and n2 in the tree and no marked content of its own.
- :func:`figure` – a Drawing or Image as one Figure with /Alt and its BBox.
- :class:`ListItem` and :func:`list_item` – a label (bullet or number) beside a body that
  may split: LI → Lbl + LBody.
- :func:`furniture` – a page callback (``onPage``) whose drawing is an artifact.

How a caller keeps replay caches MCID-free: wrap the *outermost* flowable whose drawing a
cache records (``pdfbuilder.para.Para`` records what its ``draw`` writes; the figure and QR
flowables replay operators in their ``draw``). The marks are written by the wrapper's
``drawOn``, before and after the wrapped flowable's own ``drawOn`` (which calls ``draw``),
so they are never inside what a cache records or replays. Never call :func:`marked` from
inside a ``draw`` whose output is cached, and never cache the drawing of a flowable that
contains Tagged children.

Do not wrap flowables that do not draw (Spacer, PageBreak, CondPageBreak, actions), and
do not give a node to a container whose split hands out its children (KeepTogether): every
child would become that node's content. Wrap the leaves instead. In a ReportLab Table,
wrap the Table in :class:`AsArtifact` (grid and backgrounds) and make every cell a Tagged
flowable: a plain string cell is drawn by the table itself, so it would be an artifact
too, hidden from screen readers. Header rows repeated on a continuation page
(``repeatRows``) are drawn again by the Table: give those copies an artifact, not the TH.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from .marks import LAYOUT, Artifact, marked, reading_region, recorder_of
from .tree import BOXED, Node

_ALIGN_SHIFT = {"CENTER": 0.5, "CENTRE": 0.5, "RIGHT": 1.0}
#: Layout settings builders give a flowable after making it (``card.spaceBefore = ...``);
#: set on a wrapper, they reach the wrapped flowable, which is the one that reads them.
FORWARDED = frozenset({"spaceBefore", "spaceAfter", "keepWithNext", "mirrored"})
#: A box on the page: x, y, width, height.
Area = tuple[float, float, float, float]


class Forwarded:
    """A layout setting (:data:`FORWARDED`) kept on the flowable in ``target`` once it is set.

    A descriptor rather than a ``__setattr__`` of the class: every attribute a flowable sets
    while it is made and wrapped would go through that Python-level hook (thousands a build).
    """

    def __init__(self, target: str) -> None:
        self.target = target

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        own = obj.__dict__
        if self.name in own:
            return own[self.name]
        if self.target not in own:
            raise AttributeError(self.name)
        return getattr(own[self.target], self.name)

    def __set__(self, obj: Any, value: Any) -> None:
        own = obj.__dict__
        if self.target in own:
            setattr(own[self.target], self.name, value)
        else:
            own[self.name] = value


class _Wrapper(Flowable):  # type: ignore[misc]
    """Lays out exactly as the wrapped flowable; subclasses decide how its drawing is marked."""

    width: float
    height: float
    spaceBefore = Forwarded("flowable")
    spaceAfter = Forwarded("flowable")
    keepWithNext = Forwarded("flowable")
    mirrored = Forwarded("flowable")

    def __init__(self, flowable: Flowable) -> None:
        super().__init__()
        self.flowable = flowable
        self.hAlign = getattr(flowable, "hAlign", "LEFT")
        self.vAlign = getattr(flowable, "vAlign", "BOTTOM")

    def __getattr__(self, name: str) -> Any:
        if name == "flowable":  # not yet set (copying, unpickling)
            raise AttributeError(name)
        return getattr(self.flowable, name)

    def _rewrap(self, part: Flowable) -> _Wrapper:
        raise NotImplementedError

    def _lend(self) -> None:
        # The frame sets canv and _frame on the flowable it holds (this wrapper); some
        # flowables look at theirs while they wrap or split.
        own = self.__dict__
        if "canv" in own:
            self.flowable.canv = own["canv"]
        if "_frame" in own:
            setattr(self.flowable, "_frame", own["_frame"])  # noqa: B010 (ReportLab's name)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Laid out again at the width it was last laid out at (a box measuring its content,
        # then the frame placing it, then drawing: about half the 1,200 wraps a leaflet
        # asks of its wrappers), a paragraph's size is what it was: its lines depend on
        # the width alone, and only this wrapper lays it out.
        own = self.__dict__
        if own.get("_wrapped_at") == availWidth:
            return self.width, self.height
        if "canv" in own or "_frame" in own:
            self._lend()
        flowable = own["flowable"]
        self.width, self.height = flowable.wrap(availWidth, availHeight)
        if isinstance(flowable, Paragraph):
            own["_wrapped_at"] = availWidth
        return self.width, self.height

    def wrapOn(self, canv: Any, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.flowable.wrapOn(canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.__dict__.pop("_wrapped_at", None)  # a split may undo the paragraph's layout
        self._lend()
        return [self._rewrap(p) for p in self.flowable.split(availWidth, availHeight)]

    def splitOn(self, canv: Any, availWidth: float, availHeight: float) -> list[Flowable]:
        self.__dict__.pop("_wrapped_at", None)
        return [self._rewrap(p) for p in self.flowable.splitOn(canv, availWidth, availHeight)]

    def getSpaceBefore(self) -> float:
        return float(self.flowable.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.flowable.getSpaceAfter())

    def getKeepWithNext(self) -> bool:
        return bool(self.flowable.getKeepWithNext())

    def minWidth(self) -> float:
        return float(self.flowable.minWidth())

    def identity(self, maxLen: int | None = None) -> str:
        return f"{type(self).__name__}({self.flowable.identity(maxLen)})"


def drawn_box(flowable: Flowable, x: float, y: float, sW: float) -> Area:
    """Where a flowable laid out and drawn at (x, y) with ``sW`` to spare lands, as
    ``Flowable.drawOn`` places it by its ``hAlign``: (x, y, width, height)."""
    shift = _ALIGN_SHIFT.get(str(flowable.hAlign).upper(), 0.0) if sW else 0.0
    return x + shift * sW, y, flowable.width, flowable.height


class Tagged(_Wrapper):
    """``flowable`` whose drawing is the content of ``node``.

    ``url`` makes the flowable's box a clickable link; its annotation belongs to ``node``
    if that is a Link, else to the nearest Link above it in the tree. ``contents`` is the
    link's description for assistive technology (default: the node's alt text, else the
    address).
    """

    def __init__(
        self, flowable: Flowable, node: Node, *, url: str | None = None, contents: str | None = None
    ) -> None:
        super().__init__(flowable)
        self.node = node
        self.url = url
        self.contents = contents

    def _rewrap(self, part: Flowable) -> Tagged:
        return Tagged(part, self.node, url=self.url, contents=self.contents)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        recorder = recorder_of(canvas)
        if recorder is None:
            self.flowable.drawOn(canvas, x, y, _sW)
            return
        recorder.begin(canvas, self.node)
        try:
            self.flowable.drawOn(canvas, x, y, _sW)
        finally:
            recorder.end(canvas)
        if self.url or self.node.role in BOXED:
            self._note(recorder, canvas, drawn_box(self, x, y, _sW))

    def _note(self, recorder: Any, canvas: Any, box: Area) -> None:
        bx, by, bw, bh = box
        if self.node.role in BOXED:
            recorder.box(canvas, self.node, bx, by, bw, bh)
        if self.url:
            contents = self.contents or self.node.alt or self.url
            recorder.link(canvas, self.node, self.url, (bx, by, bx + bw, by + bh), contents)


class AsArtifact(_Wrapper):
    """``flowable`` whose own drawing is page furniture (``kind``: LAYOUT by default)."""

    def __init__(self, flowable: Flowable, kind: Artifact = LAYOUT) -> None:
        super().__init__(flowable)
        self.kind = kind

    def _rewrap(self, part: Flowable) -> AsArtifact:
        return AsArtifact(part, self.kind)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        with marked(canvas, self.kind):
            self.flowable.drawOn(canvas, x, y, _sW)


class InRegion(_Wrapper):
    """``flowable`` drawn as the ``rank``-th region in reading order (a trifold's panel).

    See :func:`~pdfbuilder.tagging.marks.reading_region`: parts of the document composed
    apart are read in the order of the regions they were first drawn in.
    """

    def __init__(self, flowable: Flowable, rank: int) -> None:
        super().__init__(flowable)
        self.rank = rank

    def _rewrap(self, part: Flowable) -> InRegion:
        return InRegion(part, self.rank)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        with reading_region(canvas, self.rank):
            self.flowable.drawOn(canvas, x, y, _sW)


def figure(flowable: Flowable, alt: str, *, node: Node | None = None) -> Tagged:
    """A Drawing, Image or figure flowable as one Figure; put ``.node`` in the tree."""
    return Tagged(flowable, node if node is not None else Node("Figure", alt=alt))


class ListItem(Flowable):  # type: ignore[misc]
    """A label in a gutter of width ``indent`` beside a body; the body may split.

    The label is drawn on the first part only, its top level with the body's top (so two
    paragraphs in the same style share their first baseline).
    """

    def __init__(self, label: Flowable, body: Flowable, indent: float, first: bool = True) -> None:
        super().__init__()
        self.label, self.body, self.indent, self.first = label, body, indent, first
        self._label_height = 0.0
        self._body_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self._body_height = self.body.wrap(availWidth - self.indent, availHeight)
        self._label_height = self.label.wrap(self.indent, availHeight)[1] if self.first else 0
        self.width, self.height = availWidth, max(self._label_height, self._body_height)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self.body.split(availWidth - self.indent, availHeight)
        return [
            ListItem(self.label, part, self.indent, self.first and i == 0)
            for i, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        if self.first:
            self.label.drawOn(self.canv, 0, self.height - self._label_height)
        self.body.drawOn(self.canv, self.indent, self.height - self._body_height)


def list_item(label: Flowable, body: Flowable, indent: float) -> tuple[ListItem, Node]:
    """A list item and its node: LI → Lbl (the bullet or number) + LBody (the text)."""
    lbl, lbody = Node("Lbl"), Node("LBody")
    item = ListItem(Tagged(label, lbl), Tagged(body, lbody), indent)
    return item, Node("LI", [lbl, lbody])


PageCallback = Callable[[Any, Any], None]


def furniture(callback: PageCallback, kind: Artifact) -> PageCallback:
    """A page callback (``onPage(canvas, doc)``) whose drawing is all ``kind`` artifact."""

    def draw(canvas: Any, doc: Any) -> None:
        with marked(canvas, kind):
            callback(canvas, doc)

    return draw
