"""Clinic handouts: structured YAML content to clear, print-ready PDF leaflets.

The public API::

    from pdfbuilder import build_pdf, load_handout, load_layout

    pdf_bytes = build_pdf("handouts/back-spasms.yaml", "standard", paper="letter")

Every problem a user can cause raises :class:`HandoutError`, whose ``str()`` is one line:
``file:line:col: field.path: what is wrong and what to do``.
"""

from __future__ import annotations

from ._startup import import_reportlab_paragraph, speed_up_truetype_text

import_reportlab_paragraph()
speed_up_truetype_text()

# The imports below need ReportLab's paragraph module, imported (quickly) just above.
from ._version import __version__  # noqa: E402
from .build import BuildOptions, build, build_file, build_pdf, check_glyphs  # noqa: E402
from .errors import FigureError, HandoutError  # noqa: E402
from .layout import Layout, builtin_layout_names, layout_json_schema, load_layout  # noqa: E402
from .model import (  # noqa: E402
    Handout,
    handout_from_text,
    handout_json_schema,
    load_handout,
)

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
