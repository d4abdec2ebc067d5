"""Clinic handouts: structured YAML content to clear, print-ready PDF leaflets.

The public API::

    from pdfbuilder import build_pdf, load_handout, load_layout

    pdf_bytes = build_pdf("handouts/back-spasms.yaml", "standard", paper="letter")

Every problem a user can cause raises :class:`HandoutError`, whose ``str()`` is one line:
``file:line:col: field.path: what is wrong and what to do``.
"""

from __future__ import annotations

import gc

# Importing allocates a great deal and frees almost nothing, so the garbage collector's
# passes over it are wasted (about a tenth of the command's start-up); it is paused while
# this package imports and left as it was found.
_collecting = gc.isenabled()
gc.disable()
try:
    from ._rl.startup import (
        defer_import,
        import_reportlab_paragraph,
        import_yaml,
        speed_up_truetype_text,
    )

    import_yaml()
    defer_import("PIL.Image")  # ReportLab imports it; only logos and photos use it
    defer_import("uharfbuzz")  # ReportLab imports it; only right-to-left text uses it
    import_reportlab_paragraph()
    speed_up_truetype_text()

    # The imports below need ReportLab's paragraph module, imported (quickly) just above.
    from ._version import __version__
    from .content.model import (
        Handout,
        handout_from_text,
        handout_json_schema,
        load_handout,
    )
    from .errors import FigureError, HandoutError
    from .layout.files import builtin_layout_names, load_layout
    from .layout.model import Layout, layout_json_schema
    from .pipeline import BuildOptions, build, build_file, build_pdf, check_glyphs
finally:
    if _collecting:
        gc.enable()

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
