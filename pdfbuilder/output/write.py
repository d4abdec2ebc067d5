"""Stage 5, write: put PDF bytes on disk atomically.

The bytes go to a temporary file beside the target, which is then renamed over it, so a
failed build never leaves a half-written PDF and never destroys an earlier good one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import HandoutError


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise HandoutError("is a folder; give a file name such as leaflet.pdf", file=str(target))
    if not folder.is_dir():
        raise HandoutError(
            f'cannot write the PDF: the folder "{folder}" does not exist; '
            "create it or choose another -o",
            file=str(target),
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise HandoutError(
            f"cannot write the PDF: {exc.strerror.lower() if exc.strerror else exc}; "
            "choose a folder you can write to with -o",
            file=str(target),
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise HandoutError(
            f"cannot write the PDF: {exc.strerror or exc}; choose another output path with -o",
            file=str(target),
        ) from None
    return target
