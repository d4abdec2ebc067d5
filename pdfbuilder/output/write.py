"""Stage 5, write: put PDF bytes on disk atomically, never over an input or a special file.

The bytes go to a temporary file beside the target, which is then renamed over it (or, with
``overwrite=False``, linked to it only if nothing is there yet), so a failed build never
leaves a half-written PDF and never destroys an earlier good one.

Before anything is written the target is checked (:func:`check_target`): it must not be a
folder, nor an existing FIFO, device or socket (as root, ``-o /dev/null`` would otherwise
replace the device), nor any file the run read (the handout, a layout or one it extends,
the clinic profile and its logo, a plan file, the CSV, a figure image), whether named by
the same path, another path, a symlink or a hard link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import HandoutError
from ..source.files import FileId, special_kind


def check_target(
    path: str | Path, inputs: Iterable[FileId] = (), *, overwrite: bool = True
) -> Path:
    """The target ``path``, checked as the module doc says; a problem is a HandoutError."""
    target = Path(path)
    name = str(target)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise HandoutError(f"cannot write there: {_reason(exc)}", file=name) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise HandoutError("is a folder; give a file name such as leaflet.pdf", file=name)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise HandoutError(
            f"is {special_kind(info.st_mode)}, not a file a PDF can be written to; choose "
            "another output path",
            file=name,
        )
    real = str(target.resolve())
    for item in inputs:
        same_file = info is not None and (info.st_dev, info.st_ino) == (item.device, item.inode)
        if same_file or real == item.path:
            raise HandoutError(
                f"is an input of this build ({item.path}); writing the PDF there would "
                "destroy it: choose another output path",
                file=name,
            )
    if info is not None and not overwrite:
        raise HandoutError("already exists; pass --overwrite to replace it", file=name)
    return target


def write_atomic(
    path: str | Path,
    data: bytes,
    *,
    inputs: Iterable[FileId] = (),
    overwrite: bool = True,
) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename (see the module doc)."""
    target = check_target(path, inputs, overwrite=overwrite)
    folder = target.parent
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
            f"cannot write the PDF: {_reason(exc)}; choose a folder you can write to with -o",
            file=str(target),
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        _put(tmp, target, overwrite)
    except OSError as exc:
        raise HandoutError(
            f"cannot write the PDF: {_reason(exc)}; choose another output path with -o",
            file=str(target),
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return target


def _put(tmp: str, target: Path, overwrite: bool) -> None:
    """Move the finished file into place: renamed over the target, or (not overwriting)
    linked to it, which fails if a file appeared there meanwhile."""
    if overwrite:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise HandoutError(
            "already exists; pass --overwrite to replace it", file=str(target)
        ) from None
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise HandoutError(
                "already exists; pass --overwrite to replace it", file=str(target)
            ) from None
        os.replace(tmp, target)


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
