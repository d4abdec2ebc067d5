"""``handout serve``: the click command (imported by the CLI only when it is used)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from .core import HandoutError

#: What the web page needs beyond the core (the ``web`` extra).
NEEDED = ("starlette", "uvicorn", "jinja2", "pypdfium2")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but this computer needs an access code in the config.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="The web page's config (YAML): handout folders, layouts, clinic, access code.",
)
def serve(host: str, port: int, config: Path | None) -> None:
    """Serve the clinic web page: find, personalise, preview and print leaflets."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise HandoutError(
            f"the web page needs {', '.join(missing)}; install them with "
            "pip install 'clinic-handouts[web]'"
        )
    from .server import serve as run

    run(host, port, config)
