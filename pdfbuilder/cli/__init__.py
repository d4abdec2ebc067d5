"""The ``handout`` command: a thin click layer over the public API.

In: the command line. Out: files written, one-line messages, exit codes (1 for anything a
user can fix, 2 for a usage mistake). ``commands`` holds the command group (:func:`main`)
and the small commands; ``options`` the options several commands share; ``batch`` and ``check`` the
``handout batch`` and ``handout check`` commands, imported only when used.

The installed ``handout`` command is :func:`run`. This module imports nothing heavy, so that
:func:`run` can make the command start faster before ReportLab and PyYAML are imported.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from .._rl.startup import quick_imports

if TYPE_CHECKING:
    from .commands import main

__all__ = ["main", "run"]


def run() -> None:
    """The installed ``handout`` command: :func:`~pdfbuilder.cli.commands.main`, started faster.

    First the start-up speed-ups (:func:`pdfbuilder._rl.startup.quick_imports`: patterns a
    leaflet never uses compiled only if used, Pillow and HarfBuzz imported on first use),
    then the command's modules. Everything imported by then lives until the process ends,
    so it is frozen out of the garbage collector's passes, during the command and in the
    final pass at exit. Collection itself stays on. Only this process is changed: a
    program that imports pdfbuilder gets none of this.
    """
    quick_imports()
    from .commands import main  # after quick_imports: it imports ReportLab and PyYAML

    gc.freeze()
    try:
        main()
    finally:
        gc.freeze()  # what the command made: the exit's final pass need not scan it either


def __getattr__(name: str) -> Any:
    """:func:`~pdfbuilder.cli.commands.main`, the click group, imported on first use."""
    if name == "main":
        from .commands import main

        globals()["main"] = main
        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
