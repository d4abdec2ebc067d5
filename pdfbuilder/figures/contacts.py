"""Props placed where the body touches them, and the checks that it really does.

In: a pose (its ``props`` and ``touches``) and its skeleton on the floor. Out: ``Placed``
props as 3-D blocks in world cm (drawn later from any view), or a ``FigureError`` naming the
pose, the part and the prop when the body cannot touch the prop as written.

A prop is put where the part touching it is: a chair seat under the trunk (or its back
under a hand), a wall against hands or back, a step under a foot, a towel roll or a pillow
under a part (a pillow touched by two parts one above the other goes between them), a box
held between the hands, a band stretched between two parts. ``props: [pillow]`` alone puts
the pillow under the head and ``props: [chair]`` alone sits the trunk on the chair.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pdfbuilder.errors import FigureError
from pdfbuilder.figures.joints import PART_POINTS, spoken
from pdfbuilder.figures.skeleton import HEAD_RADIUS, Skeleton
from pdfbuilder.figures.vec import Frame, Vec, add, cross, dot, lerp, scale, sub, unit
from pdfbuilder.figures.views import View

PROPS = ("mat", "pillow", "chair", "wall", "step", "box", "towel", "band")
CHAIR_DEPTH, CHAIR_WIDTH = 42.0, 44.0
LIMB_RADIUS = 2.0
UP: Vec = (0.0, 1.0, 0.0)


@dataclass(frozen=True)
class Block:
    """A solid prop part: a box (or a rounded box, or a roll) with its own axes, in cm."""

    centre: Vec
    axes: Frame  # unit axes: along, up, across
    half: Vec  # half sizes along each axis
    shape: str = "box"  # box, round (rounded corners), roll (a cylinder along ``across``)
    tone: str = "soft"  # soft: light fill with an outline; solid: the prop colour


@dataclass(frozen=True)
class Placed:
    """One prop in world cm: its blocks, or a band's path; ``held`` props mix with the body."""

    kind: str
    blocks: tuple[Block, ...] = ()
    path: tuple[Vec, ...] = ()
    held: bool = False


def _flat(v: Vec, fallback: Vec = (1.0, 0.0, 0.0)) -> Vec:
    """``v`` made horizontal and of length 1."""
    h = (v[0], 0.0, v[2])
    return unit(h) if math.hypot(h[0], h[2]) > 1e-6 else fallback


def _axes(along: Vec) -> Frame:
    along = _flat(along)
    return (along, UP, cross(along, UP))


def _block(
    low_centre: Vec, axes: Frame, size: Vec, shape: str = "box", tone: str = "soft"
) -> Block:
    """A block standing on ``low_centre`` (the middle of its underside)."""
    return Block(add(low_centre, scale(UP, size[1] / 2)), axes, scale(size, 0.5), shape, tone)


def _fail(pose: str, message: str) -> FigureError:
    return FigureError(f'pose "{pose}": {message}', ("touches",))


def _check(pose: str, value: float, low: float, high: float, what: str, hint: str) -> None:
    if not low <= value <= high:
        raise _fail(
            pose, f"{what} would be {value:.0f} cm; it must be {low:g}–{high:g} cm ({hint})"
        )


def _part_point(part: str, points: Mapping[str, Vec]) -> Vec:
    if part in ("head", "trunk"):
        return points[f"{part}_low"]
    side, _, rest = part.partition("_")
    return _mean([points[f"{side}_{p}"] for p in PART_POINTS[rest]])


class _Context:
    def __init__(
        self, pose: str, view: View, points: Mapping[str, Vec], skeleton: Skeleton
    ) -> None:
        self.pose = pose
        self.view = view
        self.points = points
        self.skeleton = skeleton
        pelvis = skeleton.frames["pelvis"]
        self.facing = _flat(pelvis[0])
        self.long = _flat(pelvis[1], self.facing)  # along the body, for a lying person

    def at(self, part: str) -> Vec:
        return _part_point(part, self.points)


def _chair(ctx: _Context, parts: list[str]) -> Placed:
    if parts in ([], ["trunk"]):
        seat = ctx.points["trunk_low"][1]
        _check(ctx.pose, seat, 36, 56, "the chair seat", "sit higher or lower: hip, knee, ankle")
        hip = ctx.points["hip"]
        axes = _axes(ctx.facing)
        front = add((hip[0], 0.0, hip[2]), scale(axes[0], 26.0))
        return _chair_blocks(front, axes, seat, seat + 46.0)
    if len(parts) == 1 and parts[0].endswith("_hand"):
        hand = ctx.at(parts[0])
        _check(ctx.pose, hand[1], 70, 110, "the chair back under the hand", "80-100 cm")
        away = _flat(sub(hand, ctx.points["hip"]), ctx.facing)
        axes = _axes(away)  # the chair faces away, its back rest under the hand
        front = add((hand[0], 0.0, hand[2]), scale(away, CHAIR_DEPTH - 1.75))
        return _chair_blocks(front, axes, 46.0, hand[1] - LIMB_RADIUS)
    raise _fail(ctx.pose, "a chair is touched by the trunk (to sit) or by one hand (on its back)")


def _chair_blocks(front: Vec, axes: Frame, seat: float, top: float) -> Placed:
    """Seat, four legs, two back posts and a back rest; ``front`` is the seat's front edge."""
    along, _, across = axes
    deep, half_w, leg = CHAIR_DEPTH, CHAIR_WIDTH / 2, 3.5
    seat_centre = add(add(front, scale(along, -deep / 2)), (0.0, seat - leg / 2, 0.0))
    blocks = [Block(seat_centre, axes, (deep / 2, leg / 2, half_w), "box", "solid")]
    for dx in (-leg / 2, -deep + leg / 2):
        for dz in (-half_w + leg / 2, half_w - leg / 2):
            foot = add(add(front, scale(along, dx)), scale(across, dz))
            blocks.append(_block(foot, axes, (leg, seat - leg, leg), tone="solid"))
            if dx < -leg:
                post = add(foot, (0.0, seat, 0.0))
                blocks.append(_block(post, axes, (leg, top - seat, leg), tone="solid"))
    rest = add(add(front, scale(along, -deep + leg / 2)), (0.0, top - 15.0, 0.0))
    blocks.append(_block(rest, axes, (3.0, 13.0, CHAIR_WIDTH), tone="solid"))
    return Placed("chair", tuple(blocks))


def _reach(ctx: _Context, part: str, direction: Vec) -> float:
    """How far a part reaches along a horizontal ``direction`` (its surface, not its centre)."""
    if part == "trunk":
        return max(
            dot(s.centre, direction)
            + math.hypot(s.depth * dot(s.front, direction), s.breadth * dot(s.side, direction))
            for s in ctx.skeleton.sections
        )
    if part == "head":
        return dot(ctx.points["head"], direction) + HEAD_RADIUS
    return dot(ctx.at(part), direction) + LIMB_RADIUS


def _wall(ctx: _Context, parts: list[str]) -> Placed:
    """A wall in front of the parts touching it (or behind the person, for trunk and head)."""
    if not parts:
        raise _fail(ctx.pose, "a wall needs a part that touches it: touches: {near_hand: wall}")
    hip = ctx.points["hip"]
    ahead = sub(_mean([ctx.at(p) for p in parts]), hip)
    if parts[0] in ("trunk", "head") or math.hypot(ahead[0], ahead[2]) < 8.0:
        normal = scale(ctx.facing, -1.0)
    else:
        normal = _flat(ahead)
    reaches = {p: _reach(ctx, p, normal) for p in parts}
    face = max(reaches.values())
    for part, reach in reaches.items():
        if face - reach > 3.0:
            off = face - reach
            raise _fail(
                ctx.pose,
                f"{spoken(part, ctx.view)} should touch the wall but is {off:.0f} cm off it",
            )
    axes = (normal, UP, cross(normal, UP))
    foot = add(sub(hip, scale(normal, dot(hip, normal))), scale(normal, face + 3.0))
    height = max(p[1] for p in ctx.points.values()) + 12.0
    return Placed("wall", (_block((foot[0], 0.0, foot[2]), axes, (6.0, height, 60.0)),))


def _mean(vs: list[Vec]) -> Vec:
    out = (0.0, 0.0, 0.0)
    for v in vs:
        out = add(out, v)
    return scale(out, 1 / len(vs))


def _step(ctx: _Context, parts: list[str]) -> Placed:
    if len(parts) != 1 or not parts[0].endswith(("_foot", "_toes")):
        raise _fail(ctx.pose, "a step is touched by one foot, e.g. touches: {near_foot: step}")
    side = parts[0].split("_")[0]
    heel, toe = ctx.points[f"{side}_heel"], ctx.points[f"{side}_toe"]
    top = min(heel[1], toe[1])
    _check(ctx.pose, top, 8, 32, "the step", "a step is 10-30 cm high: lift the foot or lower it")
    along = _flat(sub(toe, heel), ctx.facing)
    axes = _axes(along)
    middle = lerp(heel, toe, 0.5)
    return Placed("step", (_block((middle[0], 0.0, middle[2]), axes, (46.0, top, 40.0)),))


def _under(ctx: _Context, part: str, kind: str) -> Placed:
    """A towel roll or a pillow in the gap between a part and the floor."""
    p = ctx.at(part)
    if part == "head":
        top = ctx.points["head"][1] - HEAD_RADIUS * 0.6
        gap = ctx.points["head_low"][1]
    else:
        top = p[1] - LIMB_RADIUS * 0.5
        gap = p[1] - LIMB_RADIUS
    axes = _axes(ctx.long)
    if kind == "towel":
        _check(
            ctx.pose,
            gap,
            4,
            22,
            f"the towel roll under {spoken(part, ctx.view)}",
            "a rolled towel is 5-20 cm thick",
        )
        radius = max(top, 2.0) / 2
        centre = (p[0], radius, p[2])
        return Placed("towel", (Block(centre, axes, (radius, radius, 22.0), "roll", "solid"),))
    _check(
        ctx.pose,
        gap,
        -3,
        40,
        f"the pillow under {spoken(part, ctx.view)}",
        "a pillow is 5-35 cm high",
    )
    size = (30.0, max(top, 4.0), 50.0) if part == "head" else (36.0, max(top, 4.0), 46.0)
    offset = scale(axes[0], 3.0 if part == "head" else 0.0)  # a pillow reaches past the head
    return Placed("pillow", (_block(add((p[0], 0.0, p[2]), offset), axes, size, "round"),))


def _pillow(ctx: _Context, parts: list[str]) -> Placed | tuple[Placed, ...]:
    """Pillows: under the head, between two parts one above the other, or under the rest."""
    parts = parts or ["head"]
    blocks: list[Block] = []
    if "head" in parts:
        blocks += _under(ctx, "head", "pillow").blocks
    rest = [p for p in parts if p != "head"]
    if len(rest) == 2:
        a, b = sorted((ctx.at(p) for p in rest), key=lambda v: v[1])
        gap = b[1] - a[1] - 2 * LIMB_RADIUS
        if gap > 4.0:
            _check(
                ctx.pose,
                gap,
                4,
                30,
                "the pillow between " + " and ".join(spoken(p, ctx.view) for p in rest),
                "bend or open the legs",
            )
            axes = _axes(ctx.facing)
            centre = lerp(a, b, 0.5)
            half = (9.0, gap / 2 + 1.5, 11.0)
            between = Placed("pillow", (Block(centre, axes, half, "round"),), held=True)
            return (Placed("pillow", tuple(blocks)), between) if blocks else between
    if rest:
        blocks += _under_all(ctx, rest)
    return Placed("pillow", tuple(blocks))


def _under_all(ctx: _Context, parts: list[str]) -> tuple[Block, ...]:
    """One pillow under several parts side by side (both knees, say)."""
    pieces = [_under(ctx, part, "pillow").blocks[0] for part in parts]
    if len(pieces) == 1:
        return tuple(pieces)
    axes = pieces[0].axes
    spread = max(abs(dot(sub(a.centre, b.centre), axes[2])) for a in pieces for b in pieces)
    centre = _mean([b.centre for b in pieces])
    half = (pieces[0].half[0], min(b.half[1] for b in pieces), pieces[0].half[2] + spread / 2)
    return (Block((centre[0], half[1], centre[2]), axes, half, "round"),)


def _towel(ctx: _Context, parts: list[str]) -> Placed:
    if len(parts) != 1:
        raise _fail(ctx.pose, "a towel roll goes under one part, e.g. touches: {near_knee: towel}")
    return _under(ctx, parts[0], "towel")


def _box(ctx: _Context, parts: list[str]) -> Placed:
    if sorted(p.split("_", 1)[-1] for p in parts) != ["hand", "hand"]:
        raise _fail(
            ctx.pose, "a box is held in both hands: touches: {left_hand: box, right_hand: box}"
        )
    a, b = ctx.at(parts[0]), ctx.at(parts[1])
    width = math.dist(a, b)
    _check(ctx.pose, width, 16, 60, "the box between the hands", "hold the hands closer or wider")
    across = unit(sub(b, a)) if width > 1e-6 else (0.0, 0.0, 1.0)
    along = _flat(cross(UP, across), ctx.facing)
    axes = (along, UP, cross(along, UP))
    size = (30.0, 26.0, max(width - 2 * LIMB_RADIUS, 10.0))
    centre = add(lerp(a, b, 0.5), (0.0, size[1] / 2 - 6.0, 0.0))
    if centre[1] - size[1] / 2 < -2.0:
        raise _fail(ctx.pose, "the box would go through the floor; lift the hands")
    return Placed("box", (Block(centre, axes, scale(size, 0.5)),), held=True)


def _band(ctx: _Context, parts: list[str]) -> Placed:
    if len(parts) < 2:
        raise _fail(
            ctx.pose,
            "a band runs between two parts, e.g. touches: {left_hand: band, right_hand: band}",
        )
    return Placed("band", path=tuple(ctx.at(p) for p in parts), held=True)


PLACERS: dict[str, Callable[[_Context, list[str]], Placed | tuple[Placed, ...]]] = {
    "chair": _chair,
    "wall": _wall,
    "step": _step,
    "pillow": _pillow,
    "towel": _towel,
    "box": _box,
    "band": _band,
}


def place_props(
    name: str,
    view: View,
    props: tuple[str, ...],
    touches: tuple[tuple[str, str], ...],
    points: Mapping[str, Vec],
    skeleton: Skeleton,
) -> tuple[Placed, ...]:
    """Every prop of a pose (but the mat, which the figure lays under all its frames)."""
    ctx = _Context(name, view, points, skeleton)
    kinds = [p for p in props if p != "mat"]
    kinds += [prop for _, prop in touches if prop not in kinds]
    out: list[Placed] = []
    for kind in kinds:
        parts = [part for part, prop in touches if prop == kind]
        placed = PLACERS[kind](ctx, parts)
        out += placed if isinstance(placed, tuple) else [placed]
    return tuple(out)
