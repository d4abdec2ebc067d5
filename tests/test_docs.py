"""The documentation keeps up with the code: every command, layout field and format field."""

from __future__ import annotations

from helpers import ROOT

from pdfbuilder.cli.commands import main
from pdfbuilder.content.model import handout_json_schema
from pdfbuilder.layout.model import layout_json_schema


def _fields(schema: dict, props: dict, prefix: str = "") -> list[str]:  # type: ignore[type-arg]
    out = []
    for name, spec in props.items():
        ref = spec.get("$ref")
        if ref:
            inner = schema["$defs"][ref.rsplit("/", 1)[1]]["properties"]
            out += _fields(schema, inner, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def test_every_layout_field_is_in_docs_layouts() -> None:
    schema = layout_json_schema()
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    missing = [f for f in _fields(schema, schema["properties"]) if f"`{f}`" not in text]
    assert missing == []


def test_every_content_field_is_in_docs_content_format() -> None:
    schema = handout_json_schema()
    text = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
    leaves = {f.rsplit(".", 1)[-1] for f in _fields(schema, schema["properties"])}
    missing = sorted(name for name in leaves if f"`{name}`" not in text)
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = main.list_commands(None)  # type: ignore[arg-type]
    assert commands
    assert [c for c in commands if f"handout {c}" not in readme] == []


def test_every_built_in_layout_is_documented() -> None:
    from pdfbuilder import builtin_layout_names

    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    assert [n for n in builtin_layout_names() if f"`{n}`" not in text] == []


def test_the_type_sizes_the_docs_give_are_the_layouts_own() -> None:
    """docs/layouts.md's table of body and smallest sizes, and the `type.minimum` row's
    list, against every built-in layout file (which the stress and render tests check
    every character against)."""
    import re

    from pdfbuilder import builtin_layout_names, load_layout

    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    rows = dict(
        (name, (float(body), float(smallest)))
        for name, body, smallest in re.findall(
            r"^\| `([a-z-]+)` \| ([\d.]+) pt \| ([\d.]+) pt \|", text, re.M
        )
    )
    for name in builtin_layout_names():
        t = load_layout(name).type
        assert rows.get(name) == (t.body, t.minimum), name
    listed = re.search(r"`type.minimum` .*Built in: ([^|]*)\|", text)
    assert listed, "the type.minimum row lists the built-in minimums"
    words = {"standard": "standard", "grayscale": "grayscale", "booklet": "booklet"}
    words |= {"trifold": "trifold", "easy-read": "Easy Read", "large-print": "large print"}
    for name in builtin_layout_names():
        shown = f"{load_layout(name).type.minimum:g}"
        said = re.search(rf"{words[name]}(?: and \w+)? {re.escape(shown)}\b", listed.group(1))
        assert said, f"{name}: its minimum {shown} pt is not in the type.minimum row"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if "pytest" in line and "pip install" in line
    )
    assert command.strip() in [line.strip() for line in ci.splitlines()]


def _named_in(text: str) -> set[str]:
    """The ``pdfbuilder.x.y`` names and ``pdfbuilder/...`` paths a page names in backticks."""
    import re

    names = set(re.findall(r"`(pdfbuilder(?:\.\w+)+)`", text))
    names |= set(re.findall(r"`(pdfbuilder/[\w./<>-]+)`", text))
    return names


def _exists(name: str) -> bool:
    import importlib

    if "/" in name:
        return (ROOT / name.split("<")[0]).exists()
    module, _, attribute = name.rpartition(".")
    for candidate, attr in ((name, ""), (module, attribute)):
        try:
            found = importlib.import_module(candidate)
        except ImportError:
            continue
        if not attr or hasattr(found, attr):
            return True
    return False


def test_every_module_and_file_the_docs_name_exists() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if page.name == "architecture.md":  # its table's first column names the old modules
            text = "\n".join(
                line.split("|", 2)[2] if line.startswith("| `pdfbuilder.") else line
                for line in text.splitlines()
            )
        missing += [f"{page.name}: {n}" for n in sorted(_named_in(text)) if not _exists(n)]
    assert missing == []


#: The modules that hold the limits of docs/security.md, and the names limits have there.
LIMIT_MODULES = (
    "pdfbuilder.source.files",
    "pdfbuilder.source.reader",
    "pdfbuilder.source.schema",
    "pdfbuilder.source.scalars",
    "pdfbuilder.content.limits",
    "pdfbuilder.content.urls",
    "pdfbuilder.people.personal",
    "pdfbuilder.batch.rows",
    "pdfbuilder.figures.raster",
    "pdfbuilder.figures.images",
    "pdfbuilder.figures.svgfile",
    "pdfbuilder.web.fields",
    "pdfbuilder.web.security",
    "pdfbuilder.web.worker",
    "pdfbuilder.web.config",
)
LIMIT_NAME = (
    r"^(MAX_[A-Z_]+|MIN_[A-Z_]+|[A-Z_]+_SECONDS|CAPS|TEXT|ITEMS|TEXT_LIMITS|PARAGRAPH"
    r"|WHOLE_HANDOUT|OTHER)$"
)


def _limits_in_code() -> dict[str, float]:
    """Every limit constant of :data:`LIMIT_MODULES`: ``module.NAME`` or ``module.NAME[key]``
    (a tuple key written with dots: ``TEXT[Handout.title]``)."""
    import importlib
    import re

    found: dict[str, float] = {}
    seen: set[tuple[str, int]] = set()  # a limit imported into a later module is the same one
    for module_name in LIMIT_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if not re.match(LIMIT_NAME, name) or (name, id(value)) in seen:
                continue
            seen.add((name, id(value)))
            if isinstance(value, dict):
                for key, figure in value.items():
                    shown = ".".join(key) if isinstance(key, tuple) else key
                    found[f"{module_name}.{name}[{shown}]"] = figure
            elif isinstance(value, int | float) and not isinstance(value, bool):
                found[f"{module_name}.{name}"] = value
    return found


def _limits_in_doc() -> dict[str, list[float]]:
    """The figure (the first number of the Limit column) of each row of security.md's
    tables that names a limit in its last column."""
    import re

    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    found: dict[str, list[float]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.fullmatch(r"`pdfbuilder\.[\w.\[\]]+`", cells[2]):
            continue
        number = re.search(r"[0-9][0-9,]*(?:\.[0-9]+)?", cells[1])
        assert number, line
        found.setdefault(cells[2].strip("`"), []).append(float(number[0].replace(",", "")))
    return found


def test_every_limit_in_the_code_is_in_docs_security_with_its_figure() -> None:
    code, doc = _limits_in_code(), _limits_in_doc()
    assert len(code) > 40  # the table of a handout's fields alone has 26
    assert sorted(set(code) - set(doc)) == []  # every limit is documented
    assert sorted(set(doc) - set(code)) == []  # the page names only limits that exist
    wrong = {name: (figures, code[name]) for name, figures in doc.items()}
    assert {k: v for k, v in wrong.items() if any(f != v[1] for f in v[0])} == {}
