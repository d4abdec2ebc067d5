"""Clinic handouts: structured YAML content to clear, print-ready PDF leaflets.

The public API::

    from pdfbuilder import build_pdf, load_handout, load_layout

    pdf_bytes = build_pdf("handouts/back-spasms.yaml", "standard", paper="letter")

Every problem a user can cause raises :class:`HandoutError`, whose ``str()`` is one line:
``file:line:col: field.path: what is wrong and what to do``.

The package is one folder per stage; :func:`pipeline.build` runs them in order. A module
may import from its own stage and from the stages before it, never from a later one;
``tests/test_architecture.py`` reads the order below (``->`` between stages, ``,`` within
one) and checks every import, including those inside functions and under
``TYPE_CHECKING``, and that no modules import each other in a cycle::

    Stages: errors, _version, collector -> _rl -> source -> text -> tagging -> figures -> content
        -> layout -> people -> flowables -> compose -> render -> output -> pipeline -> batch
        -> check -> web -> cli -> __init__, __main__

- ``errors``, ``_version``, ``collector``: the one exception class; the version; the
  garbage collector paused while a leaflet is built.
- ``_rl``: ReportLab's private internals, behind one door (installed at the first build).
- ``source``: YAML files to plain data with positions, and typed models with located errors.
- ``text``: fonts, paragraph markup, writing systems, paragraphs.
- ``tagging``: tagged PDF: structure nodes, marked content at draw time, the finishing pass.
- ``figures``: exercise figures and pictograms, drawn from pose data.
- ``content``: the handout model, the tool's own words per language, translations.
- ``layout``: layout files with ``extends:``, and the paragraph styles made from them.
- ``people``: clinic profiles and print-time details for one patient.
- ``flowables``: the boxes, rows, columns, QR codes and charts leaflets are made of.
- ``compose``: a handout and a layout to flowables, one builder per block.
- ``render``: flowables into page templates, to PDF bytes.
- ``output``: bytes to a file atomically; booklet pages onto sheets.
- ``pipeline``: the stages in order (:func:`build_pdf`, :func:`build_file`).
- ``batch``, ``check``, ``cli``: batch printing, ``handout check``, the ``handout`` command.
- ``web``: ``handout serve``, the clinic web page, over the same public API.

Importing the package loads nothing but this module and the error classes: the names below
are imported when first used, and nothing in the process (``re``, ``sys.modules``, the
garbage collector, ReportLab) is changed by importing any of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import FigureError, HandoutError

if TYPE_CHECKING:
    from .content.model import Handout, handout_from_text, handout_json_schema, load_handout
    from .layout.files import builtin_layout_names, load_layout
    from .layout.model import Layout, layout_json_schema
    from .pipeline import BuildOptions, build, build_file, build_pdf, check_glyphs

#: Where each public name lives; imported on first use.
_PUBLIC = {
    "BuildOptions": "pdfbuilder.pipeline",
    "build": "pdfbuilder.pipeline",
    "build_file": "pdfbuilder.pipeline",
    "build_pdf": "pdfbuilder.pipeline",
    "check_glyphs": "pdfbuilder.pipeline",
    "Handout": "pdfbuilder.content.model",
    "handout_from_text": "pdfbuilder.content.model",
    "handout_json_schema": "pdfbuilder.content.model",
    "load_handout": "pdfbuilder.content.model",
    "Layout": "pdfbuilder.layout.model",
    "layout_json_schema": "pdfbuilder.layout.model",
    "builtin_layout_names": "pdfbuilder.layout.files",
    "load_layout": "pdfbuilder.layout.files",
}

__all__ = [
    "BuildOptions",
    "FigureError",
    "Handout",
    "HandoutError",
    "Layout",
    "__version__",
    "build",
    "build_file",
    "build_pdf",
    "builtin_layout_names",
    "check_glyphs",
    "handout_from_text",
    "handout_json_schema",
    "layout_json_schema",
    "load_handout",
    "load_layout",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
