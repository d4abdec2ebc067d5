"""How the ``handout`` command prints a problem: ``Error: `` and then the one line.

click prints its own usage errors as ``Error: No such option ...``; the command's own errors
start the same way, followed by the located line every stage writes
(``Error: handouts/x.yaml:12:3: title: what is wrong and what to do``), so a script or an
editor's problem matcher needs one rule for both. Warnings keep their own form
(``file:line:col: field: warning: ...``): they do not stop anything.
"""

from __future__ import annotations

import click

PREFIX = "Error: "


def error_line(message: str) -> str:
    """``message`` as the command prints it (never twice prefixed)."""
    return message if message.startswith(PREFIX) else PREFIX + message


def echo_error(message: str) -> None:
    """Print one error line to standard error."""
    click.echo(error_line(message), err=True)
