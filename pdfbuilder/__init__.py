"""Clinic handouts: structured YAML content to clear, print-ready PDF leaflets.

The public API::

    from pdfbuilder import build_pdf, load_handout, load_layout

    pdf_bytes = build_pdf("handouts/back-spasms.yaml", "standard", paper="letter")

Every problem a user can cause raises :class:`HandoutError`, whose ``str()`` is one line:
``file:line:col: field.path: what is wrong and what to do``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from ._startup import import_reportlab_paragraph  # noqa: E402

import_reportlab_paragraph()

from .build import build_file, build_pdf, check_glyphs
from .errors import FigureError, HandoutError
from .layout import Layout, builtin_layout_names, layout_json_schema, load_layout
from .model import (
    Handout,
    handout_from_text,
    handout_json_schema,
    load_handout,
)

__all__ = [
    "FigureError",
    "Handout",
    "HandoutError",
    "Layout",
    "__version__",
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
