"""``-`` on the command line: a handout read from standard input, a PDF written to standard
output, so the command fits in a pipeline (``generate | handout build - -o - | lp``).

In: the FILE argument and the ``-o`` option as given. Out: what to build (a path, or the
handout parsed from standard input, read to the same cap as a file) and where the PDF goes.
A PDF is never written to a terminal, and the "wrote ..." line goes to standard error when
the PDF itself goes to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import HandoutError

if TYPE_CHECKING:
    from ..content.model import Handout

STREAM = "-"
#: How standard input is named in error messages (``<stdin>:12:3: title: ...``).
STDIN_NAME = "<stdin>"


def is_stream(path: Path | str | None) -> bool:
    """Whether ``path`` is ``-`` (standard input or output)."""
    return path is not None and str(path) == STREAM


def read_stdin(root: tuple[Path, ...], stream: BinaryIO | None = None) -> Handout:
    """The handout on standard input; files it names may lie in the current folder or
    under ``root``. More than the cap of a YAML file is refused before it is parsed."""
    from ..content.model import handout_from_text  # when used: the command may not need it
    from ..source.files import read_stream

    source = stream if stream is not None else sys.stdin.buffer
    data = read_stream(source, "yaml", STDIN_NAME)  # in pieces, refused once past the cap
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise HandoutError(
            "is not UTF-8 text; save the handout as UTF-8", file=STDIN_NAME
        ) from None
    return handout_from_text(text, STDIN_NAME, root=(Path.cwd(), *root))


def write_stdout(pdf: bytes, stream: BinaryIO | None = None) -> None:
    """The PDF to standard output, unless that is a terminal."""
    out = stream if stream is not None else sys.stdout.buffer
    if out.isatty():
        raise HandoutError(
            "standard output is a terminal, not a file: redirect it (> leaflet.pdf) or give "
            "-o FILE",
            file=STREAM,
        )
    out.write(pdf)
    out.flush()
