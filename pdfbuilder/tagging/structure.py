"""The structure tree from composed flowables: nodes grouped as the content is arranged.

In: flowables from a composer, some wrapped in :class:`~.flowables.Tagged` (or carrying a
``node`` of their own, like a list item or a table). Out: structure nodes grouped into
sections, lists and documents in the order the content is arranged, and, after drawing,
the one document tree the finishing pass writes.

How a composer uses it:

- :func:`tag` gives a flowable that draws content a new node of a role (``P``, ``H2``,
  ``Figure`` with its alt text...), :func:`tag_node` a node made already (one figure
  node drawn at any of several sizes): a leaflet paragraph (:mod:`~.paras`) or a figure
  drawn whole (:mod:`~.whole`) carries it and marks its own drawing, any other flowable
  (and any link) is wrapped in a Tagged. The node has no parent yet.
- :func:`group` makes a grouping node (``Sect``, ``L``, ``Div``, ``Link``) and adopts the
  nodes found in the flowables given, in their order: for each node found, the topmost
  node above it (so a list already grouped joins as one ``L``). A section's first heading
  is moved to its front: a section is announced by its heading, even where the heading
  sits beside a picture that is drawn first.
- :func:`collect` ends a compose step: a ``Document`` node adopts every node still without
  a parent, in the order of the flowables.
- :func:`document` runs after drawing: the documents whose nodes were drawn, merged in the
  order of the reading regions they were first drawn in (a trifold's cover, inside, back;
  see :func:`~.marks.reading_region`), or in drawing order within one region.

Nodes are found by walking the flowables' children as the arrangement flowables keep them
(:data:`CHILDREN`: a box's ``content``, a row's ``boxes``, a side-by-side's ``left`` and
``right``, tiles' ``cells``, a wrapper's ``flowable``). A flowable with a ``node`` is a
leaf of the walk: what it draws is that node's. A node drawn that no ``Document`` holds
was hidden from the walk by an arrangement it does not know: :func:`document` refuses it
rather than guess where it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from types import MemberDescriptorType
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from .flowables import Tagged
from .marks import Recorder, TaggingError
from .paras import carry
from .tree import BOXED, Node
from .whole import carry_whole

#: Where arrangement flowables keep the flowables they arrange, in reading order.
CHILDREN = ("content", "boxes", "left", "right", "cells", "flowable", "body")
_CHILDREN = frozenset(CHILDREN)
_LAST_FIRST = CHILDREN[::-1]
_SEQUENCES = (list, tuple)  # (a ``list | tuple`` would be made again each time it is read)
#: The attribute under which an arrangement flowable remembers the group it was given to.
_GROUPED = "_pdfbuilder_group"
#: Roles a heading leads (its first heading is read first).
SECTIONS = frozenset({"Document", "Part", "Art", "Sect", "Div"})
HEADINGS = frozenset({"H", "H1", "H2", "H3", "H4", "H5", "H6"})


def tag(
    flowable: Flowable,
    role: str,
    *,
    url: str | None = None,
    contents: str | None = None,
    **attributes: Any,
) -> Flowable:
    """``flowable`` as the content of a new ``role`` node (``url``: a link over it)."""
    return tag_node(flowable, Node(role, **attributes), url=url, contents=contents)


def tag_node(
    flowable: Flowable, node: Node, *, url: str | None = None, contents: str | None = None
) -> Flowable:
    """``flowable`` as the content of ``node``: the flowable itself carrying it when it
    can mark its own drawing (a leaflet paragraph, a figure drawn whole), else wrapped in
    a Tagged (always with a ``url``: the wrapper adds the link)."""
    if url is None and (
        (node.role not in BOXED and carry(flowable, node)) or carry_whole(flowable, node)
    ):
        return flowable  # no wrapper to make, lay out and draw through
    return Tagged(flowable, node, url=url, contents=contents)


def nodes_in(flowables: Iterable[Any]) -> Iterator[Node]:
    """The nodes of the flowables and of those arranged inside them, in reading order.

    Reads each flowable's own attributes, never a value its class gives: through
    ``getattr`` for most classes, from the instance's dictionary for a class whose
    instances forward a missing attribute (a wrapper forwards to what it wraps, which the
    walk reaches anyway) or that has an attribute of a name the walk reads (see
    :func:`_shape`).
    """
    return iter(_nodes_in(flowables))


def _nodes_in(flowables: Iterable[Any], grouped: bool = False) -> list[Node]:
    # A list, not a generator: a compose walks about 450 nodes in 30-odd groups, and
    # resuming a generator for each cost more than the walk itself.
    # ``grouped``: a flowable already given to a group stands for that group's node (see
    # adopt); for nodes_in, every node is found.
    found: list[Node] = []
    stack = list(flowables)
    stack.reverse()
    pop, push = stack.pop, stack.append
    shapes = _SHAPES
    while stack:
        flowable = pop()
        names = shapes[type(flowable)]
        if names is None:  # read from its own dictionary (see _shape)
            own = getattr(flowable, "__dict__", None)
            if own is None:
                continue
            node = own.get("node")
            if isinstance(node, Node):
                found.append(node)
                continue
            if own.keys().isdisjoint(_CHILDREN):
                continue
            if grouped:
                node = own.get(_GROUPED)
                if node is not None:
                    found.append(node)
                    continue
            parts = [own.get(name) for name in _LAST_FIRST]
        else:
            node = getattr(flowable, "node", None)
            if isinstance(node, Node):
                found.append(node)
                continue
            if not names:  # a leaf
                continue
            if grouped:
                node = getattr(flowable, _GROUPED, None)
                if node is not None:
                    found.append(node)
                    continue
            parts = [getattr(flowable, name, None) for name in names]
        # Pushed last first, so that they are popped in reading order.
        for value in parts:
            if value is None:
                continue
            if isinstance(value, Flowable):
                push(value)
            elif isinstance(value, _SEQUENCES):
                for part in reversed(value):
                    if isinstance(part, Flowable):
                        push(part)
    return found


class _Shapes(dict[type, "tuple[str, ...] | None"]):
    """How the walk reads each class of flowable, worked out the first time it is met."""

    def __missing__(self, cls: type) -> tuple[str, ...] | None:
        shape = self[cls] = _shape(cls)  # (two threads may both work it out: the same)
        return shape


_SHAPES = _Shapes()
_UNKNOWN: Any = object()  # (no such attribute in the class)
#: ReportLab's flowables that never hold others: read for a node only.
_LEAVES = (Paragraph, Spacer)


def _shape(cls: type) -> tuple[str, ...] | None:
    """How the walk reads a flowable of class ``cls``: the :data:`CHILDREN` names to read
    with ``getattr`` (last first; none for ReportLab's paragraphs and spacers, which hold
    no flowables), or None to read its own dictionary (``vars``).

    ``getattr`` is the usual way: reading an object's ``__dict__`` makes CPython (3.11 to
    3.13) keep its attributes in a dictionary of its own from then on, and every later read
    of them takes a slower path; the walk meets the boxes, stacks, rows and list items of a
    leaflet, which layout then reads thousands of times (the trifold's fitting most: its
    tagged build ran about 7 M instructions more for that alone). A class whose instances
    forward a missing attribute (``__getattr__``: the wrappers, ReportLab's Image), or that
    has an attribute of one of the names the walk reads (where ``getattr`` would find the
    class's value; a slot is the instance's own), is read from its dictionary as before: a
    wrapper forwards to what it wraps, which the walk reaches anyway.
    """
    shape: tuple[str, ...] | None = () if issubclass(cls, _LEAVES) else _LAST_FIRST
    if hasattr(cls, "__getattr__"):
        shape = None
    else:
        for name in (*CHILDREN, "node", _GROUPED):
            found = next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), _UNKNOWN)
            if found is not _UNKNOWN and not isinstance(found, MemberDescriptorType):
                shape = None
    return shape


def adopt(node: Node, flowables: Iterable[Any]) -> Node:
    """Make the topmost node above each node in ``flowables`` a child of ``node``.

    Each arrangement flowable given (one that holds others) then remembers ``node``: a
    group made later of flowables that hold it (a section around a list, the document
    around everything) finds ``node``'s root there without walking into it again, the
    same root each node inside would lead to (a node's parent never changes once set
    while composing). Without it each flowable was walked once for each group around it
    (grouping a standard leaflet: about 8 % less time).
    """
    found: list[Node] = []
    for flowable in flowables:
        # Most flowables given are a leaf with a node (a list item, a paragraph) or an
        # arrangement already grouped: found here, without a walk (about 130 of 170).
        names = _SHAPES[type(flowable)]
        if names is None:  # read from its own dictionary (see _shape)
            own = getattr(flowable, "__dict__", None)
            if own is None:
                continue
            top = own.get("node")
            if not isinstance(top, Node):
                if own.keys().isdisjoint(_CHILDREN):
                    continue  # a leaf without a node
                top = own.get(_GROUPED)
        else:
            top = getattr(flowable, "node", None)
            if not isinstance(top, Node):
                if not names:
                    continue  # a leaf without a node (a spacer, a paragraph)
                top = getattr(flowable, _GROUPED, None)
        if top is not None:
            found.append(top)
            continue
        inside = _nodes_in((flowable,), grouped=True)
        if inside:
            found += inside
            with suppress(AttributeError):  # slots with no room for it: walked again
                setattr(flowable, _GROUPED, node)
    node.add(*_roots(found, node))
    if node.role in SECTIONS:
        heading = next((c for c in node.children if c.role in HEADINGS), None)
        if heading is not None and node.children[0] is not heading:
            node.children.remove(heading)
            node.children.insert(0, heading)
    return node


def _roots(found: Iterable[Node], node: Node) -> list[Node]:
    """The root of each node ``found``, in order, each once, ``node`` left out (the roots
    found in one loop for the whole group: parents change only once it is done)."""
    seen = {node}  # nodes hash by identity
    tops: list[Node] = []
    for top in found:
        while top.parent is not None:  # its root (Node.root, inlined: ~450 calls)
            top = top.parent
        if top not in seen:
            seen.add(top)
            tops.append(top)
    return tops


def group(role: str, flowables: Iterable[Any], **attributes: Any) -> Node:
    """A new ``role`` node holding the nodes in ``flowables`` (see :func:`adopt`)."""
    return adopt(Node(role, **attributes), flowables)


def collect(flowables: Iterable[Any]) -> Node:
    """A ``Document`` node holding every node in ``flowables`` that has no parent yet."""
    return group("Document", flowables)


def document(recorder: Recorder, lang: str | None = None) -> Node:
    """The document tree of what the recorder saw drawn (see the module docstring)."""
    first: dict[Node, int] = {}  # region * REGION + order (see Recorder.first_drawn)
    roots: dict[Node, Node] = {}  # parent -> root: siblings climb once (~300 drawn nodes)
    for node, seen in recorder.first_drawn.items():
        up = node.parent
        if up is None:
            top = node
        elif up in roots:
            top = roots[up]
        else:
            top = roots[up] = up.root()
        if top.role != "Document":
            raise TaggingError(
                f"{node!r} was drawn but no composed document holds it: an arrangement "
                f"flowable keeps it where the structure walk does not look ({CHILDREN})"
            )
        earliest = first.get(top)
        if earliest is None or seen < earliest:
            first[top] = seen
    tops = sorted(first, key=first.__getitem__)
    if len(tops) == 1:
        root = tops[0]
    else:
        root = Node("Document")
        for top in tops:
            children, top.children = top.children, []
            root.add(*children)
    if lang is not None and root.lang is None:
        root.lang = lang
    return root


def release(root: Node, recorder: Recorder) -> None:
    """Forget a finished build's structure: the tree's parent links and the recorder's notes.

    A tree links each node to its parent and its parent to it, a cycle only the garbage
    collector frees; with the recorder's notes that is about 1,700 objects a leaflet left
    for it, enough to trigger its passes two or three times as often as an untagged build
    does. Released, they go at once, when the build's last reference to them goes. Call it
    only when nothing will read the tree or the recorder again (after :func:`finish`).
    """
    root.parent = None
    stack = [root]  # only nodes with children: most nodes are leaves (~300 of ~400)
    while stack:
        for child in stack.pop().children:
            child.parent = None
            if child.children:
                stack.append(child)
    recorder.reset()
