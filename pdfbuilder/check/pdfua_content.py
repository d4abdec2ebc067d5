"""What a content stream draws, and under which mark: the content half of the PDF/UA check.

In: a page (or a form XObject) read with pikepdf. Out: a :class:`Content` tally per page:
drawing outside any tagged sequence or artifact (by kind), the MCIDs it marks, marks
nested wrongly, the fonts text is shown in, and the form XObjects it draws.

A form XObject drawn with ``Do`` inherits the mark around the ``Do``: inside a tagged
sequence or an artifact its drawing is covered; drawn outside, its own content must be
marked. Each (form, inherited mark) pair is walked once and its tally reused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pikepdf

TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
PATH_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
NONE, TAGGED, ARTIFACT, OTHER = "none", "tagged", "artifact", "other"
_WATCHED = TEXT_SHOWING | PATH_PAINTING | {"BDC", "BMC", "EMC", "BT", "ET", "Tf", "sh", "Do"}
_WATCHED |= {"INLINE IMAGE"}


@dataclass
class Content:
    """The tally of one stream (a page's, with the forms it draws, or one form's)."""

    unmarked: Counter[str] = field(default_factory=Counter)
    mcids: Counter[int] = field(default_factory=Counter)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (checkpoint, message)
    fonts: dict[tuple[int, int], Any] = field(default_factory=dict)  # objgen → font dict
    forms: Counter[tuple[int, int]] = field(default_factory=Counter)  # objgen → uses

    def add(self, other: Content) -> None:
        """Fold a form's tally into its user's (its MCIDs are the form's own, kept apart)."""
        self.unmarked.update(other.unmarked)
        self.problems.extend(other.problems)
        self.fonts.update(other.fonts)
        self.forms.update(other.forms)


@dataclass
class _Mark:
    kind: str
    in_text: bool


class Walker:
    """Walks the content streams of one document, remembering forms already walked."""

    def __init__(self) -> None:
        self.form_tallies: dict[tuple[tuple[int, int], str], Content] = {}
        self.form_objects: dict[tuple[int, int], Any] = {}

    def page(self, page: pikepdf.Page) -> Content:
        """The tally of a page's content, with the forms it draws folded in."""
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        return self._walk(page, resources, NONE)

    def form(self, xobject: Any, inherited: str) -> Content:
        """The tally of a form XObject drawn under ``inherited`` (NONE, TAGGED or ARTIFACT)."""
        key = (xobject.objgen, inherited)
        tally = self.form_tallies.get(key)
        if tally is None:
            self.form_tallies[key] = Content()  # a form drawing itself: stop here
            resources = xobject.get("/Resources", pikepdf.Dictionary())
            tally = self.form_tallies[key] = self._walk(xobject, resources, inherited)
            self.form_objects[xobject.objgen] = xobject
        return tally

    def _walk(self, owner: Any, resources: Any, inherited: str) -> Content:
        tally = Content()
        try:
            instructions = pikepdf.parse_content_stream(owner)
        except pikepdf.PdfError as exc:
            tally.problems.append(("x-syntax", f"content stream cannot be read: {exc}"))
            return tally
        state = _State(tally, resources, inherited, self)
        for instruction in instructions:
            op = str(instruction.operator)
            if op in _WATCHED:
                state.step(op, instruction.operands)
        state.finish()
        return tally


class _State:
    """The marks open and the text object state while one stream is read."""

    def __init__(self, tally: Content, resources: Any, inherited: str, walker: Walker) -> None:
        self.tally, self.resources, self.walker = tally, resources, walker
        self.inherited = inherited
        self.marks: list[_Mark] = []
        self.in_text = False
        self.font: Any = None

    def context(self) -> str:
        for mark in reversed(self.marks):
            if mark.kind != OTHER:
                return mark.kind
        return self.inherited

    def step(self, op: str, operands: Any) -> None:
        if op in ("BDC", "BMC"):
            self._open(operands, op)
        elif op == "EMC":
            self._close()
        elif op == "BT":
            self.in_text = True
        elif op == "ET":
            self.in_text = False
        elif op == "Tf" and operands:
            self.font = self._resource("/Font", operands[0])
        elif op in TEXT_SHOWING:
            self._paint("text")
            if self.font is not None:
                objgen = self.font.objgen if self.font.is_indirect else (id(self.font), 0)
                self.tally.fonts[objgen] = self.font
        elif op in PATH_PAINTING:
            self._paint("path")
        elif op == "sh":
            self._paint("shading")
        elif op == "INLINE IMAGE":
            self._paint("inline image")
        elif op == "Do" and operands:
            self._do(operands[0])

    def _resource(self, category: str, name: Any) -> Any:
        group = self.resources.get(category)
        if group is None or not isinstance(name, pikepdf.Name):
            return None
        return group.get(name)

    def _paint(self, kind: str) -> None:
        if self.context() == NONE:
            self.tally.unmarked[kind] += 1

    def _open(self, operands: Any, op: str) -> None:
        tag = operands[0] if operands else None
        props = operands[1] if op == "BDC" and len(operands) > 1 else None
        if isinstance(props, pikepdf.Name):
            props = self._resource("/Properties", props)
        mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
        if tag == pikepdf.Name.Artifact:
            kind = ARTIFACT
        elif mcid is not None:
            kind = TAGGED
        else:
            kind = OTHER
        outer = self.context()
        if kind == ARTIFACT and outer == TAGGED:
            self.tally.problems.append(("01-003", "an artifact is marked inside tagged content"))
        elif kind == TAGGED and outer == ARTIFACT:
            self.tally.problems.append(("01-004", f"MCID {mcid} is marked inside an artifact"))
        elif kind == TAGGED and outer == TAGGED:
            self.tally.problems.append(
                ("x-nesting", f"MCID {mcid} is marked inside another tagged sequence")
            )
        if kind == TAGGED:
            self.tally.mcids[int(str(mcid))] += 1
        self.marks.append(_Mark(kind, self.in_text))

    def _close(self) -> None:
        if not self.marks:
            self.tally.problems.append(("x-nesting", "EMC without a matching BDC or BMC"))
            return
        mark = self.marks.pop()
        if mark.in_text != self.in_text:
            self.tally.problems.append(
                ("x-nesting", "a marked sequence and a text object (BT/ET) overlap")
            )

    def _do(self, name: Any) -> None:
        xobject = self._resource("/XObject", name)
        if xobject is None:
            return
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            self._paint("image")
        elif subtype == pikepdf.Name.Form:
            self.tally.forms[xobject.objgen] += 1
            if "/Ref" in xobject:
                self.tally.problems.append(("30-001", "a reference XObject is drawn"))
            self.tally.add(self.walker.form(xobject, self.context()))

    def finish(self) -> None:
        if self.marks:
            self.tally.problems.append(
                ("x-nesting", f"{len(self.marks)} marked sequence(s) never closed with EMC")
            )
