"""Structure nodes: what each part of a document is, in the order a reader meets it.

In: what the content model knows (this is the title, this is a list of steps, this figure
shows a stretch and says so in words). Out: a tree of :class:`Node` objects, one per
structure element of the tagged PDF, children in reading order.

A node is a plain description: role, attributes, children. It holds nothing about pages
or drawing, so a tree can be built before layout, and the same node objects could be
shared between builds. What a build learns while drawing (which page and MCID belongs to
which node, a figure's box, a link's annotation) lives in that build's
:class:`~pdfbuilder.tagging.marks.Recorder`.

Reading order is the order of ``children``. It need not be drawing order: a trifold's
back panel may be drawn on page 1 and still be the last child of the document node. A
node's own marked content (drawn by flowables tagged with it) is read before its
children; give text that must come after a child a node of its own.

Roles are the standard structure types of ISO 32000-1 (:data:`STANDARD_ROLES`). A custom
role is allowed when the finishing pass is given a role map that leads it to a standard
one. Mistakes a screen reader would suffer from are refused here, when the node is made:
a Figure or Formula without alternative text, a TH without a scope, a malformed language
tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

#: Standard structure types of ISO 32000-1 (14.8.4), the roles a reader understands.
STANDARD_ROLES = frozenset(
    [
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "RB",
        "RT",
        "RP",
        "Warichu",
        "WT",
        "WP",
        "Figure",
        "Formula",
        "Form",
    ]
)
#: Roles that must say in words what they show.
NEEDS_ALT = frozenset({"Figure", "Formula"})
#: Roles whose box on the page is written as a BBox attribute.
BOXED = frozenset({"Figure", "Formula", "Form", "Table"})
SCOPES = frozenset({"Row", "Column", "Both"})
#: Roles with nothing to check when no other attribute is given (most nodes of a leaflet).
_PLAIN_ROLES = STANDARD_ROLES - NEEDS_ALT - {"TH"}
#: ListNumbering values of ISO 32000-1 Table 347.
NUMBERINGS = frozenset(
    [
        "None",
        "Disc",
        "Circle",
        "Square",
        "Decimal",
        "UpperRoman",
        "LowerRoman",
        "UpperAlpha",
        "LowerAlpha",
    ]
)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,62}$")
# BCP 47 in its common shapes: en, en-GB, es-419, zh-Hant-TW, ar.
_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def check_lang(lang: str) -> str:
    """``lang`` if it is a well-formed language tag (``en``, ``es-419``); else ValueError."""
    if not _LANG.match(lang):
        raise ValueError(f"not a language tag: {lang!r} (expected a BCP 47 tag like 'en-GB')")
    return lang


class Node:
    """One structure element. Compared and hashed by identity: each node is one element.

    ``alt`` is the alternative description (required for Figure and Formula unless
    ``actual_text`` is given), ``actual_text`` the exact text a drawing stands for,
    ``lang`` the language of this part when it differs from the document's, ``scope``
    which cells a TH heads (Row, Column or Both), ``numbering`` the ListNumbering of an
    ``L`` (Disc, Decimal, ...), ``title`` a short name shown by some tools (/T).
    ``parent`` is the node this one was last added to (None for a root): the composer
    groups nodes after making them, and the finishing pass finds each drawn node's root.

    A plain class with slots and its own ``__init__`` (not a dataclass, whose
    ``__init__`` and ``__post_init__`` were two calls for each of ~450 nodes a leaflet).
    """

    __slots__ = (
        "actual_text",
        "alt",
        "children",
        "lang",
        "numbering",
        "parent",
        "role",
        "scope",
        "title",
    )
    role: str
    children: list[Node]
    alt: str | None
    actual_text: str | None
    lang: str | None
    scope: str | None
    numbering: str | None
    title: str | None
    parent: Node | None

    def __init__(
        self,
        role: str,
        children: Iterable[Node] | None = None,
        alt: str | None = None,
        actual_text: str | None = None,
        lang: str | None = None,
        scope: str | None = None,
        numbering: str | None = None,
        title: str | None = None,
    ) -> None:
        self.role = role
        self.alt = alt
        self.actual_text = actual_text
        self.lang = lang
        self.scope = scope
        self.numbering = numbering
        self.title = title
        self.parent = None
        if role not in _PLAIN_ROLES or scope is not None or numbering is not None:
            self._check()
        elif lang is not None:
            check_lang(lang)
        if children:
            self.children = list(children)
            for child in self.children:
                child.parent = self
        else:
            self.children = []

    def _check(self) -> None:
        if self.role not in STANDARD_ROLES and not _NAME.match(self.role):
            raise ValueError(f"a role is a plain name like 'P' or 'H2', not {self.role!r}")
        if self.role in NEEDS_ALT and not (self.alt or self.actual_text):
            raise ValueError(f"a {self.role} needs alt text (what it shows, in words)")
        if self.role == "TH" and self.scope not in SCOPES:
            raise ValueError(f"a TH needs scope Row, Column or Both, not {self.scope!r}")
        if self.scope is not None and self.role != "TH":
            raise ValueError(f"only a TH has a scope, not a {self.role}")
        if self.numbering is not None and (self.role != "L" or self.numbering not in NUMBERINGS):
            raise ValueError(
                f"numbering {self.numbering!r} is for an L, one of {sorted(NUMBERINGS)}"
            )
        if self.lang is not None:
            check_lang(self.lang)

    def add(self, *nodes: Node) -> Node:
        """Append ``nodes`` as the last children (in reading order); return ``self``."""
        self.children.extend(nodes)
        for node in nodes:
            node.parent = self
        return self

    def child(self, role: str, **attributes: Any) -> Node:
        """Make a node, append it as the last child and return it (the new node)."""
        node = Node(role, **attributes)
        self.add(node)
        return node

    def root(self) -> Node:
        """The topmost node above this one (itself when it has no parent)."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def walk(self) -> Iterator[Node]:
        """This node and all below it, in reading order (depth first)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def __copy__(self) -> Node:
        return self  # a node *is* one element: copies of flowables share it

    def __deepcopy__(self, memo: dict[int, Any]) -> Node:
        return self  # (ReportLab deep-copies flowables in KeepInFrame, PTOContainer, ...)

    def __repr__(self) -> str:
        label = self.alt or self.actual_text or self.title
        return f"Node({self.role!r}{', ' + repr(label[:30]) if label else ''})"
