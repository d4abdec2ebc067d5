"""The command-line options several commands share, as click decorators.

``--layout`` and ``--paper`` (``handout build``, ``batch`` and ``check``); ``--clinic`` and
the print-time personalisation options (``handout build`` and ``batch``). :func:`resolve`
turns the parsed clinic and personal options into the ``clinic`` and ``personal`` arguments
of :func:`pdfbuilder.build_pdf`. Nothing here prints or stores the personal details.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..layout.files import builtin_layout_names

if TYPE_CHECKING:  # imported where used: a command that never personalises never loads them
    from ..people.clinic import Clinic
    from ..people.personal import Personal

F = TypeVar("F", bound=Callable[..., Any])

#: Options that become :class:`Personal` fields (option name -> field name).
PERSONAL_FIELDS = {
    "patient": "patient",
    "clinician": "clinician",
    "date": "date",
    "follow_up": "follow_up",
    "note": "note",
    "exercise": "exercises",
    "qr_url": "qr_url",
}


def layout_option(purpose: str = "") -> Callable[[F], F]:
    """``--layout NAME|PATH``, shared by every command that takes a layout."""
    names = ", ".join(builtin_layout_names())
    return click.option(
        "--layout",
        "-l",
        "layout",
        default="standard",
        show_default=True,
        metavar="NAME|PATH",
        help=f"{purpose}A built-in layout ({names}) or a layout file.",
    )


def layout_options(func: F) -> F:
    """The --layout and --paper options shared by every command that builds a leaflet."""
    func = click.option(
        "--paper",
        type=click.Choice(["a4", "letter"], case_sensitive=False),
        default=None,
        help="Paper size (default: the layout's own, A4 for built-in layouts).",
    )(func)
    return layout_option()(func)


def root_option(func: F) -> F:
    """``--root DIR``: a folder where files named inside the inputs (figure images, logos,
    layouts named in ``extends:``) may lie, besides the folder of the file that names them."""
    return click.option(
        "--root",
        "root",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        metavar="DIR",
        help="Also allow files named inside the inputs (images, logos, extends:) to lie "
        "under DIR (default: only the naming file's own folder). Repeat for more.",
    )(func)


def clinic_option(func: F) -> F:
    """``--clinic PATH``: a clinic profile (logo, numbers, colours)."""
    return click.option(
        "--clinic",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        metavar="PATH",
        help="A clinic profile (YAML): logo, contact details, emergency numbers, colours.",
    )(func)


def personal_options(func: F) -> F:
    """The print-time details for one patient; never stored anywhere but the PDF."""
    options = [
        click.option(
            "--personal",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            metavar="PATH",
            help="A plan file (YAML) with the options below; options given here win.",
        ),
        click.option("--patient", default=None, metavar="NAME", help="The patient's name."),
        click.option("--clinician", default=None, metavar="NAME", help="Who gives it."),
        click.option("--date", default=None, metavar="YYYY-MM-DD", help="Date given."),
        click.option("--follow-up", default=None, metavar="YYYY-MM-DD", help="Follow-up date."),
        click.option("--note", default=None, metavar="TEXT", help='Printed as "Your plan".'),
        click.option(
            "--exercise",
            multiple=True,
            metavar="ID[:reps=N,hold=S,sets=N,per-day=N]",
            help="Include this exercise, with its own dose (repeat, in the order wanted).",
        ),
        click.option(
            "--qr-url",
            default=None,
            metavar="URL",
            help="Print a QR code to this address (default: the clinic's or the handout's).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def print_options(func: F) -> F:
    """``--clinic`` and the personal options together."""
    return clinic_option(personal_options(func))


def _option_name(field: str) -> str:
    name = next((k for k, v in PERSONAL_FIELDS.items() if v == field), field)
    return "--" + name.replace("_", "-")


def resolve_personal(options: dict[str, Any]) -> Personal | None:
    """The :class:`Personal` from parsed options (a plan file, then options over it)."""
    from ..people.personal import load_personal, personal_from_strings

    path = options.get("personal")
    base = load_personal(path) if path is not None else None
    values = {PERSONAL_FIELDS[k]: options.get(k) for k in PERSONAL_FIELDS}
    if base is None and not any(values.values()):
        return None
    return personal_from_strings(values, base, name=_option_name)


def resolve(options: dict[str, Any], root: Any = None) -> dict[str, Clinic | Personal | None]:
    """``clinic`` and ``personal`` keyword arguments for :func:`~pdfbuilder.build_pdf`."""
    from ..people.clinic import load_clinic

    path = options.get("clinic")
    clinic = load_clinic(path, root=root) if path is not None else None
    return {"clinic": clinic, "personal": resolve_personal(options)}
