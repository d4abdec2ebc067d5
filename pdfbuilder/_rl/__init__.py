"""ReportLab's internals, behind one door.

In: ReportLab as installed. Out: the same ReportLab, patched for speed and for the text of
joined Arabic letters when it is a version these patches were tested with
(:func:`install`), and the few private facts pdfbuilder reads from it.

Every place where pdfbuilder reads a private part of ReportLab, or replaces one, is in this
package and nowhere else:

- :mod:`~pdfbuilder._rl.paragraphs`: the paragraph parse and line-break cache (a
  paragraph's ``frags``, ``blPara`` and ``_wrapWidths``) and the replay of a paragraph's
  drawing (the canvas's ``_code``, ``_doc`` and ``_extgstate``, the fonts' per-document
  ``state``);
- :mod:`~pdfbuilder._rl.replay`: the same replay for small drawings made apart from a
  paragraph (a list item's label), with the ``q``/``cm``/``Q`` that ``saveState``,
  ``translate`` and ``restoreState`` would write;
- :mod:`~pdfbuilder._rl.truetype`: ``TTFont.splitString`` wrapped, so that a drawing
  records which characters it encoded (the replay needs it);
- :mod:`~pdfbuilder._rl.tounicode`: private character codes for joined Arabic letter forms
  (added to the font's ``charToGlyph`` and ``charWidths``) and ``ttfonts.makeToUnicodeCMap``
  patched, so that those codes copy and search as the letters they stand for;
- :mod:`~pdfbuilder._rl.compression`: ``pdfdoc.zlib`` replaced, so that page streams are
  compressed at level 1 while a leaflet is built;
- :mod:`~pdfbuilder._rl.serialise`: ``pdfdoc.format`` given a short way for numbers, plain
  text and bytes (the same bytes, written about a third faster);
- :mod:`~pdfbuilder._rl.subsets`: ``TTFontFile.makeSubset`` remembered, so that a font
  subset made for one leaflet (and its compressed stream) is reused by the next;
- :mod:`~pdfbuilder._rl.canvas`: a canvas's current font (``_fontname``, ``_fontsize``),
  the operators a scratch canvas recorded (``_code``) and where an annotation lands on
  the page (``_absRect``);
- :mod:`~pdfbuilder._rl.saved`: where a saved document put its pages (the document's
  ``idToObjectNumberAndVersion``, ``idToOffset`` and ``pageCounter``), so that the
  tagging pass need not parse the pages again; read only when patched, checked against
  the bytes;
- :mod:`~pdfbuilder._rl.startup`: the ``handout`` command's start-up speed-ups (patterns
  compiled on first use, Pillow and HarfBuzz imported on first use), installed by
  :func:`pdfbuilder.cli.run` only, in the command's own process.

Importing this package (or any of pdfbuilder) changes nothing, and this module imports no
ReportLab, so that the command can start the way :mod:`~pdfbuilder._rl.startup` wants.
:func:`install` patches ReportLab once, when the first leaflet is built
(:func:`pdfbuilder.pipeline.build` calls it), and only on a ReportLab version in
:data:`TESTED_VERSIONS`, unless the environment variable ``PDFBUILDER_PLAIN_REPORTLAB`` is
``1``. Otherwise nothing is installed and ReportLab behaves as shipped ("plain mode"):
builds are slower (no paragraph cache, no replay) and compressed at ReportLab's own level,
so the bytes differ, but the text, its positions and the pixels are the same (tests build
both ways and compare them).
"""

from __future__ import annotations

import os
import threading

#: The ReportLab versions the whole test suite has passed on with everything installed
#: (``tools/reportlab_versions.sh``, 1 December 2026: every release from 4.4.3 to 5.1.0; CI
#: runs the suite on the lowest and the highest). On any other version, :func:`install`
#: installs nothing. Add a version only after ``tools/reportlab_versions.sh VERSION`` passes.
TESTED_VERSIONS = frozenset(
    {
        *("4.4.3", "4.4.4", "4.4.5", "4.4.6", "4.4.7", "4.4.9", "4.4.10"),
        *("4.5.0", "4.5.1", "5.0.0", "5.0.1", "5.1.0"),
    }
)
#: Set to ``1`` to build with ReportLab exactly as shipped, whatever its version.
PLAIN_ENV = "PDFBUILDER_PLAIN_REPORTLAB"
#: Set to a ReportLab version not (yet) in :data:`TESTED_VERSIONS` to install the patches on
#: it anyway, to test it (``tools/reportlab_versions.sh`` does); ignored on any other version.
TRY_ENV = "PDFBUILDER_TRY_REPORTLAB"

_lock = threading.Lock()
_decided = False
_installed = False


def plain_reason() -> str | None:
    """Why ReportLab is (or would be) left plain in this process, or None if it is not."""
    import reportlab

    if os.environ.get(PLAIN_ENV) == "1":
        return f"{PLAIN_ENV}=1 is set"
    if reportlab.Version not in TESTED_VERSIONS and os.environ.get(TRY_ENV) != reportlab.Version:
        tested = ", ".join(sorted(TESTED_VERSIONS))
        return f"ReportLab {reportlab.Version} is not one of the versions tested ({tested})"
    return None


def install() -> bool:
    """Patch ReportLab once per process (later calls only answer); whether it is patched.

    Raises RuntimeError, before anything is installed, if a tested ReportLab does not
    behave as the patches expect (a locally modified ReportLab, or a version added to
    :data:`TESTED_VERSIONS` without running the tests).
    """
    global _decided, _installed
    if _decided:
        return _installed
    # Imported here, not above: the command imports this package before ReportLab, to make
    # ReportLab's own import quicker (see startup.py).
    from . import compression, serialise, subsets, tounicode, truetype

    with _lock:
        if not _decided:
            if plain_reason() is None:
                tounicode.verify()
                truetype.verify()
                subsets.verify()
                serialise.verify()
                tounicode.install()
                truetype.install()
                subsets.install()
                serialise.install()
                compression.install()
                _installed = True
            _decided = True
    return _installed


def installed() -> bool:
    """Whether :func:`install` has patched ReportLab in this process."""
    return _installed
