"""Everything the web page takes from the rest of :mod:`pdfbuilder`, in one place.

The web layer builds leaflets only through the project's public API (imported here from the
modules that define it: the package's own ``__init__`` is the last stage). This module is the
one door it goes through, so that moving a core module means changing an import here and
nowhere else in :mod:`pdfbuilder.web`.
"""

from __future__ import annotations

from pdfbuilder._version import __version__
from pdfbuilder.batch.rows import safe_name
from pdfbuilder.content.model import Dose, Handout, load_handout
from pdfbuilder.content.urls import MAX_URL
from pdfbuilder.errors import HandoutError
from pdfbuilder.layout.files import builtin_layout_names, load_layout
from pdfbuilder.layout.model import Layout
from pdfbuilder.people.clinic import Clinic, load_clinic
from pdfbuilder.people.personal import TEXT_LIMITS, Personal, personal_from_strings
from pdfbuilder.pipeline import build_pdf
from pdfbuilder.source import schema as _schema
from pdfbuilder.source.files import read_confined
from pdfbuilder.source.reader import Source, read_file

#: Check plain data against a dataclass, with located errors (the project's validator).
convert = _schema.convert


def read_small_file(path: str) -> bytes:
    """The bytes of a small regular file (an access code), read as every input is read."""
    return read_confined(path, "text")


__all__ = [
    "MAX_URL",
    "TEXT_LIMITS",
    "Clinic",
    "Dose",
    "Handout",
    "HandoutError",
    "Layout",
    "Personal",
    "Source",
    "__version__",
    "build_pdf",
    "builtin_layout_names",
    "convert",
    "load_clinic",
    "load_handout",
    "load_layout",
    "personal_from_strings",
    "read_file",
    "read_small_file",
    "safe_name",
]
