"""Every file the tool reads goes through :func:`read_confined`: confined, regular, bounded.

In: a path (as given, or as named inside another file), what kind of file it is, and the
folders it may lie in. Out: the file's bytes, or a :class:`~pdfbuilder.errors.HandoutError`
that names the path and says what to do. Nothing else in the package opens a user's file.

The rules, in order, for every read:

1. **Resolved.** The path is made absolute and every symlink in it followed
   (``Path.resolve(strict=True)``), so ``../`` and links cannot hide where it points.
2. **Confined.** A file named *inside* another file (a figure image, a logo, an
   ``extends:`` layout, an SVG's ``<image href>``) must lie inside an allowed root: the
   folder of the file that names it, any folder given with ``--root`` (``root=`` in the
   API), or the package's own data. A path the user gives directly (an argument of the
   command, a parameter of the API) is the user's own choice and is not confined.
3. **Regular, never blocking.** The file is opened with ``O_RDONLY | O_NONBLOCK |
   O_NOCTTY | O_NOFOLLOW``, and the *opened descriptor* is checked: it must be the file the
   path resolved to (on Linux, from ``/proc/self/fd``: a folder swapped for a symlink in
   between cannot lead outside), and ``fstat`` must say it is a regular file: a FIFO,
   device, socket or folder is refused before a byte is read, so a FIFO cannot hang a build
   and ``/dev/zero`` cannot fill memory.
4. **Bounded.** At most the cap of its kind (:data:`CAPS`) plus one byte is read; a larger
   file is refused before it is parsed.

Every file read is also noted (:func:`recording`), so that the output stage can refuse to
write over any input of the same run.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import HandoutError

MiB = 1024 * 1024

#: The largest file of each kind that is read, in bytes (``docs/security.md``).
CAPS = {
    "yaml": 1 * MiB,  # a handout, layout, clinic profile, plan or web config
    "csv": 16 * MiB,  # a batch file of patients: about 100,000 rows
    "image": 20 * MiB,  # a PNG or JPEG figure or logo
    "svg": 2 * MiB,  # an SVG figure or logo
    "text": 64 * 1024,  # a small text file such as an access token
}

#: Words for messages, by kind.
_KIND_WORDS = {
    "yaml": "a YAML file",
    "csv": "a CSV file",
    "image": "an image",
    "svg": "an SVG file",
    "text": "a text file",
}

PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: The roots a file may name files under, beyond the naming file's own folder.
Roots = tuple[Path, ...]
#: The ``root=`` argument of the API: one folder, several, or None.
RootArg = str | Path | Iterable[str | Path] | None


@dataclass(frozen=True)
class FileId:
    """One file read: its real path and its identity on disk (device, inode)."""

    path: str
    device: int
    inode: int


def as_roots(root: RootArg) -> Roots:
    """The ``root=`` argument of the API (one folder, several, or None) as resolved folders."""
    if root is None:
        return ()
    items = [root] if isinstance(root, str | Path) else list(root)
    out = []
    for item in items:
        folder = Path(item).expanduser()
        try:
            folder = folder.resolve(strict=True)
        except OSError:
            raise HandoutError(
                "the --root folder does not exist; check the path", file=str(item)
            ) from None
        if not folder.is_dir():
            raise HandoutError("--root must be a folder, not a file", file=str(item))
        out.append(folder)
    return tuple(out)


def builtin_roots() -> Roots:
    """Folders every file may name: the package's own data (layouts, poses, fonts)."""
    roots = [PACKAGE_DIR]
    checkout_layouts = PACKAGE_DIR.parent / "layouts"
    if checkout_layouts.is_dir():
        roots.append(checkout_layouts.resolve())
    return tuple(roots)


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """Whether the resolved ``path`` lies in one of the resolved folders ``roots``."""
    return any(path == root or path.is_relative_to(root) for root in roots)


def resolve_named(name: str, base: Path, roots: Sequence[Path], what: str = "file") -> Path:
    """The real path of ``name``, named inside a file in folder ``base``, checked to lie in
    ``base``, in one of ``roots`` or in the package's data.

    ``what`` names the kind of file in messages ("image file", "layout file").
    """
    folder = base.resolve()
    candidate = Path(name).expanduser()
    if not candidate.is_absolute():
        candidate = folder / candidate
    try:
        real = candidate.resolve(strict=True)
    except FileNotFoundError:
        raise HandoutError(f'{what} "{name}" not found (looked in {folder})') from None
    except (OSError, RuntimeError):  # a symlink loop, a name too long
        raise HandoutError(f'{what} "{name}" cannot be found: the path does not resolve') from None
    allowed = (folder, *roots, *builtin_roots())
    if not inside(real, allowed):
        raise HandoutError(
            f'{what} "{name}" is outside the allowed folder {folder}; move it there or '
            "pass --root with a folder that holds it"
        )
    return real


def read_confined(
    path: str | Path, kind: str, *, shown: str | None = None, resolved: bool = False
) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``CAPS[kind]``), read without
    blocking. ``shown`` is the name to report (default: ``path`` as given).

    The caller has confined the path already if it was named inside a file
    (:func:`resolve_named`, whose real path it passes with ``resolved=True``: then the file
    opened must be that very file, not one a swapped folder leads to); this checks the
    rest: a regular file, small enough.
    """
    name = shown if shown is not None else str(path)
    word = _KIND_WORDS[kind]
    try:
        real = Path(path) if resolved else Path(path).expanduser().resolve(strict=True)
    except FileNotFoundError:
        raise HandoutError("file not found; check the path", file=name) from None
    except (OSError, RuntimeError):
        raise HandoutError("cannot be read: the path does not resolve", file=name) from None
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except IsADirectoryError:
        raise HandoutError(f"is a folder, not {word}", file=name) from None
    except OSError as exc:
        raise HandoutError(f"cannot read the file: {_reason(exc)}", file=name) from None
    try:
        if not _opened_where_resolved(fd, real):
            raise HandoutError(
                "the file moved while it was being opened (a folder on its path was replaced); "
                "check the folder and try again",
                file=name,
            )
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise HandoutError(
                f"is {special_kind(info.st_mode)}, not {word}; give the path of a regular file",
                file=name,
            )
        cap = CAPS[kind]
        if info.st_size > cap:
            raise _too_big(name, word, cap)
        data = _read_at_most(fd, cap + 1, name)
    finally:
        os.close(fd)
    if len(data) > cap:  # grew while being read
        raise _too_big(name, word, cap)
    note([FileId(str(real), info.st_dev, info.st_ino)])
    return data


def _opened_where_resolved(fd: int, real: Path) -> bool:
    """Whether the open file ``fd`` is the file at ``real`` as resolved before opening.

    A folder on the path swapped for a symlink between resolving (and confining) the path
    and opening it would make the open follow the symlink elsewhere; on Linux the kernel
    says where the descriptor really points (``/proc/self/fd``), so that is compared. Where
    the system cannot say, the check passes (the path was confined a moment before)."""
    try:
        opened = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return True
    return opened == str(real)


def read_stream(stream: BinaryIO, kind: str, name: str = "-") -> bytes:
    """The bytes of an open stream the user gave (``-`` for standard input), at most
    ``CAPS[kind]``: a stream has no size to check first, so it is read in pieces and
    refused as soon as it holds more, never read whole (``cat /dev/zero | handout ...``)."""
    cap = CAPS[kind]
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        chunk = stream.read(min(1 * MiB, cap + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise _too_big(name, _KIND_WORDS[kind], cap)


def _read_at_most(fd: int, limit: int, name: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        try:
            chunk = os.read(fd, min(1 * MiB, limit - size))
        except OSError as exc:
            raise HandoutError(f"cannot read the file: {_reason(exc)}", file=name) from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _too_big(name: str, word: str, cap: int) -> HandoutError:
    return HandoutError(
        f"the {word.split(' ', 1)[1]} is larger than {_size(cap)}, the most this tool reads; "
        "use a smaller file",
        file=name,
    )


def _size(n: int) -> str:
    return f"{n // MiB} MB" if n >= MiB else f"{n // 1024} KB"


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a pipe (FIFO)")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def file_id(path: str | Path) -> list[FileId]:
    """The identity of the file at ``path`` (empty if there is none)."""
    try:
        real = Path(path).resolve(strict=True)
        info = os.stat(real)
    except (OSError, RuntimeError):
        return []
    return [FileId(str(real), info.st_dev, info.st_ino)]


def stamp(item: FileId) -> int | None:
    """The state on disk of a file read earlier (None if it is gone or another file now):
    a cache compares it with the state when its value was made."""
    try:
        info = os.stat(item.path)
    except OSError:
        return None
    if (info.st_dev, info.st_ino) != (item.device, item.inode):
        return None
    return hash((info.st_mtime_ns, info.st_size))


# --- which files a run read ------------------------------------------------------------------

_RECORDERS: ContextVar[tuple[list[FileId], ...]] = ContextVar("pdfbuilder_reads", default=())


@contextlib.contextmanager
def recording() -> Iterator[list[FileId]]:
    """Collect every file read (or taken from a cache) inside the ``with`` block."""
    found: list[FileId] = []
    token = _RECORDERS.set((*_RECORDERS.get(), found))
    try:
        yield found
    finally:
        _RECORDERS.reset(token)


def note(files: Iterable[FileId]) -> None:
    """Record ``files`` as read, in every recording open now (a cache hit calls this with
    the files its value was made from, so a cached input still counts as an input)."""
    recorders = _RECORDERS.get()
    if recorders:
        items = list(files)
        for found in recorders:
            found.extend(items)
