"""The ``handout`` command: a thin click layer over the public API.

In: the command line. Out: files written, one-line messages, exit codes (1 for anything a
user can fix, 2 for a usage mistake). ``main`` holds the command group and the small
commands; ``options`` the options several commands share; ``batch`` and ``check`` the
``handout batch`` and ``handout check`` commands, imported only when used.
"""

from .main import main, run

__all__ = ["main", "run"]
