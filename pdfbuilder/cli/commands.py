"""The ``handout`` command: a thin click layer over the public API.

It parses options, calls :mod:`pdfbuilder`, and turns a :class:`HandoutError` into one line
on standard error and exit code 1 (usage mistakes exit 2, as click does). It never prints a
traceback for anything a user can cause.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import click

from .._version import __version__
from ..errors import HandoutError
from .messages import echo_error
from .options import layout_options, print_options, resolve, root_option
from .streams import STDIN_NAME, STREAM, is_stream, read_stdin, write_stdout

if TYPE_CHECKING:
    from ..content.model import Handout

# Each command imports the stages it uses when it runs (``handout validate`` never loads
# the pipeline, tagging or pikepdf; ``handout --help`` loads none of them).

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"]}


class OneLineError(click.ClickException):
    """Shows a HandoutError as one line: ``Error: file:line:col: field: message``."""

    def show(self, file: Any = None) -> None:
        echo_error(self.format_message())


class HandoutGroup(click.Group):
    """A click group that reports HandoutError in one line, never as a traceback.

    Commands in ``LAZY`` are imported only when used, so ``handout build`` does not pay for
    the readability checker's start-up.
    """

    #: name: (module, attribute, the first sentence of its help, which ``handout --help``
    #: lists without importing the module; tests/cli/test_command_imports.py keeps it true).
    LAZY: ClassVar[dict[str, tuple[str, str, str]]] = {
        "check": (
            "pdfbuilder.cli.check",
            "check",
            "Check handout FILES for reading level, completeness and layout design.",
        ),
        "batch": (
            "pdfbuilder.cli.batch",
            "batch",
            "Build one leaflet of FILE per row of PEOPLE.csv (columns: file, patient, "
            "clinician, date, follow_up, note, exercises, qr_url).",
        ),
        "serve": (  # the web page (the `web` extra)
            "pdfbuilder.web.cli",
            "serve",
            "Serve the clinic web page: find, personalise, preview and print leaflets.",
        ),
        "list": (
            "pdfbuilder.cli.library",
            "list_handouts",
            "List the shipped handouts: id, language, status, review date and title.",
        ),
        "exercises": (
            "pdfbuilder.cli.library",
            "exercises",
            "List the exercise ids of a handout FILE or shipped ID, with each exercise's name.",
        ),
        "new": (
            "pdfbuilder.cli.library",
            "new",
            "Write a starter handout for TOPIC: valid as it is, commented, with the editor's "
            "schema line.",
        ),
        "preview": (
            "pdfbuilder.cli.authoring",
            "preview",
            "Render one page of the leaflet for FILE to a PNG image, to look at without a PDF "
            "viewer.",
        ),
        "watch": (
            "pdfbuilder.cli.authoring",
            "watch",
            "Rebuild the PDF for FILE each time it (or its layout, clinic or images) is saved.",
        ),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY:
            module, name, _ = self.LAZY[cmd_name]
            command: click.Command = getattr(importlib.import_module(module), name)
            return command
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, as click writes it, with each lazy command summed up by
        a stand-in that carries its first sentence: ``handout --help`` imports none."""
        commands: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            if name in self.LAZY:
                commands.append((name, click.Command(name, help=self.LAZY[name][2])))
            elif not self.commands[name].hidden:
                commands.append((name, self.commands[name]))
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        with formatter.section("Commands"):
            formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in commands])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HandoutError as exc:
            raise OneLineError(str(exc)) from None
        except KeyboardInterrupt:  # pragma: no cover - interactive only
            raise click.Abort() from None


@click.group(cls=HandoutGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", "-V", prog_name="handout")
def main() -> None:
    """Turn structured YAML patient-handout content into print-ready PDF leaflets."""


@main.command()
@click.argument("file", metavar="FILE|ID", type=click.Path(dir_okay=False, path_type=Path))
@layout_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the PDF (default: FILE with .pdf, in the current folder); - for "
    "standard output.",
)
@click.option(
    "--print-marks",
    is_flag=True,
    help="For a print shop: 3 mm bleed, crop marks, TrimBox and BleedBox.",
)
@click.option(
    "--impose/--no-impose",
    default=True,
    show_default=True,
    help="Booklet layouts: pages two-up on sheets in folding order (for the printer), or in "
    "reading order (the tagged, accessible file).",
)
@print_options
@root_option
def build(
    file: Path,
    layout: str,
    paper: str | None,
    output: Path | None,
    print_marks: bool,
    impose: bool,
    root: tuple[Path, ...],
    **for_print: Any,
) -> None:
    """Build the PDF leaflet for a handout FILE, or a shipped handout by its ID
    (`handout list`). FILE `-` reads the handout from standard input, `-o -` writes the PDF
    to standard output (the default when FILE is `-`)."""
    from ..content.drafts import draft_warnings
    from ..content.model import Handout, load_handout
    from ..content.shipped import handout_path
    from ..output.write import check_target, write_atomic
    from ..pipeline import build_pdf
    from ..source.files import recording

    source: Path | Handout = read_stdin(root) if is_stream(file) else handout_path(file)
    named = Path(STREAM) if is_stream(file) else Path(file.with_suffix(".pdf").name)
    target = output or named
    if not is_stream(target):
        check_target(target)  # a folder or a device is refused before the build, not after
    with recording() as inputs:  # the output may be none of the files read
        extra: dict[str, Any] = resolve(for_print, root)
        pdf = build_pdf(
            source, layout, paper=paper, print_marks=print_marks, impose=impose, root=root, **extra
        )
    if is_stream(target):
        write_stdout(pdf)
    else:
        write_atomic(target, pdf, inputs=inputs)
    handout = source if isinstance(source, Handout) else load_handout(source, root=root)
    for warning in draft_warnings(handout):  # built, but say so
        click.echo(warning, err=True)
    if is_stream(target):
        click.echo(f"wrote the PDF to standard output ({len(pdf) // 1024} KB)", err=True)
    else:
        click.echo(f"wrote {target} ({len(pdf) // 1024} KB)")


@main.command()
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar="FILE|ID...",
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "--strict", is_flag=True, help="Exit 1 on warnings too (e.g. an outdated translation)."
)
@root_option
def validate(files: tuple[Path, ...], strict: bool, root: tuple[Path, ...]) -> None:
    """Check handout FILES (or shipped IDs; - for standard input) against the content
    format, without building.

    A translation is also compared with its original (found by id in the same folder):
    warnings say when it is older or misses a section, exercise or warning sign.
    """
    from ..content.model import load_handout
    from ..content.shipped import handout_path
    from ..content.translations import translation_warnings

    failed = warned = 0
    for file in files:
        try:
            if is_stream(file):  # from standard input: no folder to find an original in
                read_stdin(root)
                file, warnings = Path(STDIN_NAME), []
            else:
                file = handout_path(file)
                warnings = translation_warnings(load_handout(file, root=root), file)
        except HandoutError as exc:
            failed += 1
            echo_error(str(exc))
        else:
            warned += len(warnings)
            for warning in warnings:
                click.echo(warning, err=True)
            click.echo(f"{file}: ok" + (f" ({len(warnings)} warning(s))" if warnings else ""))
    if failed or (strict and warned):
        sys.exit(1)


@main.command()
@click.option("--layout", "what", flag_value="layout", help="Print the layout-file schema instead.")
@click.option(
    "--handout",
    "what",
    flag_value="handout",
    default=True,
    help="Print the handout-file schema (default).",
)
def schema(what: str) -> None:
    """Print the JSON Schema of handout files (or layout files) for editors."""
    import json

    if what == "layout":
        from ..layout.model import layout_json_schema

        data = layout_json_schema()
    else:
        from ..content.model import handout_json_schema

        data = handout_json_schema()

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@main.group(invoke_without_command=True)
@click.pass_context
def layouts(ctx: click.Context) -> None:
    """List the built-in layouts and the audience each serves."""
    from ..layout.files import builtin_layout_names, load_layout

    if ctx.invoked_subcommand is None:
        names = builtin_layout_names()
        width = max(len(n) for n in names)
        for name in names:
            click.echo(f"{name:<{width}}  {load_layout(name).description}")


@layouts.command("show")
@click.argument("name", metavar="NAME|PATH")
def layouts_show(name: str) -> None:
    """Print the fully resolved layout NAME as YAML, ready to copy and edit."""
    import yaml

    from ..layout.files import layout_as_data, load_layout

    layout = load_layout(name)
    data = layout_as_data(layout)
    data["extends"] = None
    header = (
        f"# The {layout.name} layout with everything it inherits written out.\n"
        "# Save it as my-layout.yaml, change what you need, then build with\n"
        "# --layout my-layout.yaml\n"
        "# (or keep only your changes under `extends: " + layout.name + "`).\n"
    )
    click.echo(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), nl=False)


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("figures.pdf"),
    show_default=True,
    help="Where to write the gallery PDF.",
)
def figures(output: Path) -> None:
    """Render every built-in pose and exercise figure on labelled pages, for review."""
    from ..figures import gallery_pdf
    from ..output.write import write_atomic

    write_atomic(output, gallery_pdf())
    click.echo(f"wrote {output}")


@main.command()
@click.option(
    "--kind",
    type=click.Choice(["all", "figures", "poses"]),
    default="all",
    show_default=True,
    help="List only figures (for figure: builtin) or only poses (for frames).",
)
def poses(kind: str) -> None:
    """List every built-in exercise figure and pose, one a line: kind, name, view, what it shows."""
    from ..figures import catalog_lines

    for line in catalog_lines(None if kind == "all" else kind.rstrip("s")):
        click.echo(line)
