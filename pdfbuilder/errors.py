"""The one exception class for everything a user can cause.

A ``HandoutError`` carries where the problem is (file, line, column, field path) and says
what is wrong and what to do. The command-line layer prints ``str(error)`` on one line and
exits non-zero; library code never exits.
"""

from __future__ import annotations

from collections.abc import Sequence

FieldPath = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """Render a field path as ``exercises[1].dose.reps``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class HandoutError(Exception):
    """A problem the user can fix: bad input, a missing file, content that does not fit.

    ``message`` says what is wrong and what to do; ``file``, ``line``, ``column`` and ``field``
    say where. Lines and columns are 1-based.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: Sequence[str | int] | str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        if isinstance(field, str) or field is None:
            self.field = field
        else:
            self.field = format_path(field) or None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        return one_line(f"{where}{field}{self.message}")


#: Characters a message never prints as they are: line breaks, other control characters and
#: the invisible direction controls (a value quoted in a message may hold any of them).
_ESCAPED = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F))
}
_ESCAPED |= {code: f"\\u{code:04x}" for code in range(0x2066, 0x206A)}
_ESCAPED |= {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def one_line(text: str) -> str:
    """``text`` on one line, showing what it quotes exactly: a line break as ``\\n``, another
    control character as ``\\x07``, a direction control as ``\\u202e``."""
    return text.translate(_ESCAPED)


class FigureError(HandoutError):
    """A figure that cannot be drawn: an impossible pose, a missing image, an unknown name.

    ``path`` is the field path *inside* the figure mapping (for example ``("frames", 1,
    "angles", "near_knee")``); the content loader prefixes it with the exercise's own path and
    adds the file position.
    """

    def __init__(self, message: str, path: Sequence[str | int] = ()) -> None:
        super().__init__(message)
        self.path: FieldPath = tuple(path)
