"""``handout preview`` and ``handout watch``: look at a leaflet while writing it.

In: a handout FILE (or shipped ID), a layout and paper. Out: ``preview`` writes one page as a
PNG image (rendered by pypdfium2, the ``web`` extra) so an author can look without a PDF
viewer; ``watch`` rebuilds the PDF each time the handout, or any file the build read (its
layout, clinic profile, images), is saved, and reports an error in the usual one line
without stopping. Stop it with Ctrl-C.
"""

from __future__ import annotations

import importlib.util
import io
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from ..content.shipped import handout_path
from ..errors import HandoutError
from ..output.write import check_target, write_atomic
from ..pipeline import build_pdf
from ..source.files import recording
from .messages import echo_error
from .options import layout_options, root_option

#: The package's own files (built-in layouts, fonts): not watched, they do not change.
PACKAGE = Path(__file__).resolve().parent.parent
#: How often ``watch`` looks for a saved file, in seconds.
POLL = 0.4
#: The largest preview, in dots per inch (an A4 page at 300 dpi is 2480 x 3508 pixels).
MAX_DPI = 300


def render_page(pdf: bytes, page: int, dpi: int) -> tuple[bytes, int]:
    """Page ``page`` (from 1) of ``pdf`` as PNG bytes, and the page count."""
    if importlib.util.find_spec("pypdfium2") is None:
        raise HandoutError(
            "preview needs pypdfium2: pip install 'clinic-handouts[web]'", field="preview"
        )
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        if not 1 <= page <= count:
            raise HandoutError(
                f"the leaflet has {count} page(s); choose 1 to {count}", field="--page"
            )
        image = document[page - 1].render(scale=dpi / 72).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue(), count
    finally:
        document.close()


@click.command()
@click.argument("file", metavar="FILE|ID", type=click.Path(dir_okay=False, path_type=Path))
@layout_options
@click.option(
    "--page", default=1, show_default=True, type=click.IntRange(min=1), help="Which page."
)
@click.option(
    "--dpi", default=96, show_default=True, type=click.IntRange(24, MAX_DPI), help="Resolution."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the PNG (default: FILE with -pN.png, in the current folder).",
)
@root_option
def preview(
    file: Path,
    layout: str,
    paper: str | None,
    page: int,
    dpi: int,
    output: Path | None,
    root: tuple[Path, ...],
) -> None:
    """Render one page of the leaflet for FILE to a PNG image, to look at without a PDF viewer."""
    path = handout_path(file)
    target = output or Path(f"{path.name.removesuffix(path.suffix)}-p{page}.png")
    check_target(target)
    with recording() as inputs:
        pdf = build_pdf(path, layout, paper=paper, root=root)
    png, count = render_page(pdf, page, dpi)
    write_atomic(target, png, inputs=inputs)
    click.echo(f"wrote {target} (page {page} of {count})")


def _state(path: str) -> tuple[int, int, int] | None:
    """What a save changes: the file's identity, time and size (None while it is missing:
    an editor that saves by renaming leaves a moment with no file)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def watch_loop(
    build_once: Callable[[], list[str]],
    always: list[str],
    *,
    poll: float = POLL,
    ticks: Iterator[Any] | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> None:
    """Build once, then again whenever a file changes: one in ``always`` or one the last
    build read (``build_once`` returns those paths, and reports its own errors).
    ``ticks`` bounds the loop (tests); without it the loop runs until interrupted, or until
    ``stopped()`` says so before a look at the files."""
    watched = list(always)
    seen: dict[str, tuple[int, int, int] | None] = {}
    for _ in ticks if ticks is not None else iter(int, 1):
        if stopped():
            return
        now = {path: _state(path) for path in watched}
        if now != seen:
            watched = list(dict.fromkeys([*always, *build_once()]))
            # As they were before the build, so that a save during the build is not missed.
            seen = {path: now[path] if path in now else _state(path) for path in watched}
        time.sleep(poll)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@layout_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the PDF (default: FILE with .pdf, in the current folder).",
)
@root_option
def watch(
    file: Path, layout: str, paper: str | None, output: Path | None, root: tuple[Path, ...]
) -> None:
    """Rebuild the PDF for FILE each time it (or its layout, clinic or images) is saved.

    Errors are shown in one line and the watch goes on. Stop with Ctrl-C."""
    target = output or Path(file.with_suffix(".pdf").name)
    check_target(target)

    def build_once() -> list[str]:
        with recording() as inputs:
            try:
                pdf = build_pdf(file, layout, paper=paper, root=root)
                write_atomic(target, pdf, inputs=list(inputs))
            except HandoutError as exc:
                echo_error(str(exc))  # the usual one line, and the watch goes on
            else:
                click.echo(f"{time.strftime('%H:%M:%S')} wrote {target} ({len(pdf) // 1024} KB)")
            return [f.path for f in inputs if not f.path.startswith(str(PACKAGE))]

    click.echo(f"watching {file} (Ctrl-C to stop)")
    # Ctrl-C raises KeyboardInterrupt wherever Python is; if that is inside a finaliser
    # (an object's __del__, a weakref callback) Python prints it and goes on, so the flag
    # stops the loop at its next look at the files even then.
    interrupted: list[int] = []

    def on_interrupt(signum: int, frame: Any) -> None:
        interrupted.append(signum)
        raise KeyboardInterrupt

    main = threading.current_thread() is threading.main_thread()  # (signals go to it only)
    previous = signal.signal(signal.SIGINT, on_interrupt) if main else None
    try:
        watch_loop(build_once, [str(file.resolve())], stopped=lambda: bool(interrupted))
        click.echo("stopped")
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)
