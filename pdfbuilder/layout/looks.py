"""Stage 2, validate (layouts): how boxes look and how far apart things sit, as layout data.

In: the ``boxes:`` and ``spacing:`` parts of a layout file. Out: frozen records the compose
stage reads, so a clinic restyles a box (border, dash, corners, padding) or loosens the
spacing without touching Python.

Lengths that should grow with the type are in *em*: multiples of the layout's body size
(``type.body``), so large print spaces itself out as its type grows and a trifold that
shrinks its type to fit shrinks its spacing with it. Border widths, dashes and corner radii
are in points: a line's weight does not follow the text size.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


def _em(default: float, text: str, maximum: float = 8) -> Any:
    return field(default=default, metadata=_doc(f"{text}, em.", minimum=0, maximum=maximum))


def _width(default: float) -> Any:
    return field(
        default=default,
        metadata=_doc("Border line width, pt (0: no border).", minimum=0, maximum=8),
    )


def _dash(default: tuple[float, ...]) -> Any:
    return field(
        default=default,
        metadata=_doc(
            "Border dash pattern: on and off lengths in pt ([] for a solid line).",
            max_items=6,
            minimum=0.5,
            maximum=30,
        ),
    )


def _radius(default: float) -> Any:
    return field(
        default=default, metadata=_doc("Corner radius, pt (0: square).", minimum=0, maximum=24)
    )


def _padding(default: float) -> Any:
    return _em(default, "Space inside the border", maximum=3)


def _gap(default: float) -> Any:
    return _em(default, "Space between the box's parts", maximum=3)


def _bar(default: float) -> Any:
    return field(
        default=default,
        metadata=_doc(
            "Width of a coloured bar down the box's leading edge, pt (0: none).",
            minimum=0,
            maximum=24,
        ),
    )


@dataclass(frozen=True)
class BoxLook:
    """How one kind of box looks. Each kind below has its own defaults, so a layout that
    changes one field of one box keeps that kind's other values."""

    border_width: float = _width(1.0)
    dash: tuple[float, ...] = _dash(())
    radius: float = _radius(3)
    padding: float = _padding(0.6)
    gap: float = _gap(0)
    bar: float = _bar(0)


@dataclass(frozen=True)
class NoticeBox(BoxLook):
    """The warning on a draft or on an unreviewed translation."""

    border_width: float = _width(1.5)
    dash: tuple[float, ...] = _dash((5.0, 3.0))
    radius: float = _radius(2)
    padding: float = _padding(0.5)


@dataclass(frozen=True)
class TakeawaysBox(BoxLook):
    """The key points box: tinted, with a bar in the accent colour."""

    border_width: float = _width(0)
    radius: float = _radius(2)
    padding: float = _padding(0.8)
    bar: float = _bar(5)


@dataclass(frozen=True)
class CardBox(BoxLook):
    """An exercise card."""

    radius: float = _radius(4)
    gap: float = _gap(0.3)


@dataclass(frozen=True)
class SeekHelpBox(BoxLook):
    """The when-to-get-help box around the three tiers."""

    border_width: float = _width(1.5)
    radius: float = _radius(4)
    padding: float = _padding(0.8)
    gap: float = _gap(0.5)


@dataclass(frozen=True)
class EmergencyBox(BoxLook):
    """The emergency tier: the heaviest border."""

    border_width: float = _width(2.5)


@dataclass(frozen=True)
class UrgentBox(BoxLook):
    """The urgent (same day) tier."""

    border_width: float = _width(1.5)


@dataclass(frozen=True)
class RoutineBox(BoxLook):
    """The routine tier: the lightest border, dashed."""

    border_width: float = _width(1.2)
    dash: tuple[float, ...] = _dash((4.0, 2.5))


@dataclass(frozen=True)
class PlanBox(BoxLook):
    """The "Your plan" box, with a print-time note for one patient."""

    border_width: float = _width(1.5)
    padding: float = _padding(0.8)
    gap: float = _gap(0.2)


@dataclass(frozen=True)
class Boxes:
    """How each kind of box looks. The tiers differ by border weight and dash, never only by
    colour."""

    notice: NoticeBox = field(
        default=NoticeBox(), metadata=_doc("The draft or unreviewed-translation warning.")
    )
    takeaways: TakeawaysBox = field(default=TakeawaysBox(), metadata=_doc("The key points box."))
    card: CardBox = field(default=CardBox(), metadata=_doc("An exercise card."))
    seek_help: SeekHelpBox = field(
        default=SeekHelpBox(), metadata=_doc("The when-to-get-help box.")
    )
    emergency: EmergencyBox = field(default=EmergencyBox(), metadata=_doc("The emergency tier."))
    urgent: UrgentBox = field(default=UrgentBox(), metadata=_doc("The urgent (same day) tier."))
    routine: RoutineBox = field(default=RoutineBox(), metadata=_doc("The routine tier."))
    plan: PlanBox = field(default=PlanBox(), metadata=_doc('The "Your plan" box.'))


@dataclass(frozen=True)
class Spacing:
    """How far apart things sit, in em (multiples of ``type.body``)."""

    block: float = _em(0.6, "Space before the key points, the clinic's details and the sources")
    title_padding: float = _em(1.1, "Space inside the title band around the title")
    purpose_before: float = _em(0.8, "Space above the purpose line")
    purpose_after: float = _em(0.2, "Space below the purpose line")
    paragraph: float = _em(0.45, "Space above each paragraph")
    list_item: float = _em(0.2, "Space above each bullet and each numbered step")
    bullet_indent: float = _em(1.3, "Indent of a bullet's text", maximum=4)
    bullet_mark: float = _em(0.25, "Indent of the bullet mark itself", maximum=4)
    step_indent: float = _em(1.5, "Indent of a numbered step's text", maximum=4)
    columns: float = _em(1.6, "Gap between the two columns of the sections")
    exercise: float = _em(0.7, "Space above each exercise")
    exercise_parts: float = _em(0.3, "Gap between an open exercise's name, figure and dose")
    figure_gap: float = _em(1.0, "Gap between an exercise figure and its steps")
    exercise_rule: float = _em(0.6, "Space around the rule after an open exercise")
    seek_help: float = _em(0.8, "Space above the when-to-get-help box (Easy Read: each tier)")
    tiers: float = _em(0.6, "Gap between the seek-help tiers")
    clinic_rule: float = _em(0.4, "Space around the rule under the clinic's details")
    logo_height: float = _em(4.2, "Height of the clinic's logo", maximum=12)
    personal: float = _em(0.5, "Space above the patient's details and their plan")
    qr: float = _em(0.8, "Space above the QR codes")
    qr_size: float = _em(7.0, "Side of a QR code (never under 26 mm)", maximum=20)
    easy_read_row: float = _em(0.9, "Easy Read: space above each picture row")
    easy_read_gap: float = _em(0.2, "Easy Read: gap between a picture and its words")
    easy_read_rule: float = _em(0.4, "Easy Read: space around the rule after an exercise")
    easy_read_lines: float = _em(0.15, "Easy Read: gap between a tier's heading and its signs")
    easy_read_tier_gap: float = _em(0.5, "Easy Read: gap between a tier's picture and its words")


def in_points(spacing: Spacing, body: float) -> Spacing:
    """The same spacing with every length in points for type of ``body`` pt."""
    return Spacing(**{f.name: getattr(spacing, f.name) * body for f in fields(spacing)})
