"""``handout list`` and ``handout exercises``: what ships with the package, and what is in it.

In: nothing, or a handout FILE or shipped ID. Out: one line per handout or exercise on
standard output, in columns a person can read and a script can split (two spaces or more
between columns).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..content.model import load_handout
from ..content.shipped import handout_path, shipped_handouts


def _columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """``rows`` as lines, each column as wide as its widest cell (the last one free)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(c.ljust(w) for c, w in zip(r, widths, strict=False)), r[-1]]).rstrip()
        for r in rows
    ]


@click.command("list")
def list_handouts() -> None:
    """List the shipped handouts: id, language, status, review date and title.

    Build one by its id from any folder: handout build ID.
    """
    rows = [("id", "language", "status", "review by", "title")]
    rows += [(s.id, s.language, s.status, s.next_review, s.title) for s in shipped_handouts()]
    for line in _columns(rows):
        click.echo(line)


@click.command()
@click.argument("handout", metavar="FILE|ID")
def exercises(handout: str) -> None:
    """List the exercise ids of a handout FILE or shipped ID, with each exercise's name.

    The ids are what --exercise and a batch file's exercises column take.
    """
    path: Path = handout_path(handout)
    h = load_handout(path)
    if not h.exercises:
        click.echo(f"{handout}: no exercises", err=True)
        return
    for line in _columns([(ex.id, ex.name) for ex in h.exercises]):
        click.echo(line)
