"""``handout list``, ``handout exercises`` and ``handout new``: what ships with the package,
what is in a handout, and a starter for a new one.

In: nothing, a handout FILE or shipped ID, or a topic. Out: one line per handout or exercise
on standard output, in columns a person can read and a script can split (two spaces or more
between columns); or a new starter file, never over an existing one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..content.model import load_handout
from ..content.shipped import handout_path, shipped_handouts
from ..content.starter import starter_text, topic_id
from ..errors import HandoutError
from ..output.write import write_atomic


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


@click.command()
@click.argument("topic")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it (default: the topic's id with .yaml, in the current folder).",
)
def new(topic: str, output: Path | None) -> None:
    """Write a starter handout for TOPIC: valid as it is, commented, with the editor's
    schema line. It never replaces an existing file."""
    import datetime as dt  # only this command needs today's date

    target = output or Path(f"{topic_id(topic)}.yaml")
    if target.exists() or target.is_symlink():
        raise HandoutError(
            "already exists; a starter never replaces a file: choose another name with -o",
            file=str(target),
        )
    text = starter_text(topic, dt.date.today(), str(target))
    write_atomic(target, text.encode("utf-8"), overwrite=False)
    click.echo(f"wrote {target}: fill it in, then handout validate {target}")
