"""The catalogue: every built-in pose and figure, with its view and what it shows.

In: the built-in library. Out: ``CatalogEntry`` values (kind, name, view, region, one line
of description), and the same as text lines for ``handout poses``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pdfbuilder.figures.library import library


@dataclass(frozen=True)
class CatalogEntry:
    """One built-in pose or figure."""

    kind: str  # "figure" or "pose"
    name: str
    view: str  # side, side-left, front, back or top (with any turn or tilt)
    region: str  # the body region of the file it is in
    description: str


def catalog() -> list[CatalogEntry]:
    """Every built-in figure, then every built-in pose, in library order."""
    lib = library()
    out = [
        CatalogEntry(
            "figure", name, fig.poses[0].view.describe(), lib.regions[name], lib.descriptions[name]
        )
        for name, fig in lib.figures.items()
    ]
    out += [
        CatalogEntry("pose", name, pose.view.describe(), lib.regions[name], pose.description)
        for name, pose in lib.poses.items()
    ]
    return out


def catalog_lines(kind: str | None = None) -> list[str]:
    """One line per entry: ``figure  chin-tuck  side  Sitting tall, ...`` (aligned columns)."""
    entries = [e for e in catalog() if kind is None or e.kind == kind]
    name_w = max(len(e.name) for e in entries)
    view_w = max(len(e.view) for e in entries)
    return [
        f"{e.kind:<6}  {e.name:<{name_w}}  {e.view:<{view_w}}  {e.description}" for e in entries
    ]
