"""The built leaflet's accessibility: build the PDF as it would be printed, check PDF/UA-1.

In: the handout, the layout and the clinic profile being checked. Out: a :class:`BuiltCheck`
(pages, the PDF/UA-1 findings of :func:`pdfbuilder.check.pdfua.check_pdfua`, or why the
leaflet could not be built) and the ``accessibility.pdfua`` findings made from it.

The leaflet is built in the layout's own paper, with the clinic profile when one is given,
and in reading order (a booklet is checked as its ``--no-impose`` file: the imposed sheets
are for the print shop, docs/accessibility.md). A PDF/UA failure is a warning (it fails
``--strict``): the words are fine, the file is not yet one a screen reader can use. A
leaflet that cannot be built at all is an error: it could not be printed either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..content.model import Handout
from ..errors import HandoutError
from ..layout.model import Layout
from ..pipeline import BuildOptions, build
from .context import CheckContext
from .findings import Finding
from .pdfua import UaFinding, check_pdfua

RULE = "accessibility.pdfua"


@dataclass(frozen=True)
class BuiltCheck:
    """What building and checking the leaflet found."""

    paper: str
    pages: int = 0
    size: int = 0  # bytes
    findings: tuple[UaFinding, ...] = ()
    error: HandoutError | None = None
    pdf: bytes = field(default=b"", repr=False)  # the file checked (for --structure)

    def to_dict(self) -> dict[str, Any]:
        """The summary for the JSON report (its findings are in the report's list)."""
        return {
            "standard": "PDF/UA-1",
            "paper": self.paper,
            "built": self.error is None,
            "pages": self.pages,
            "bytes": self.size,
            "problems": len(self.findings),
        }

    def summary(self) -> str:
        """One line for the text report."""
        head = f"  Accessibility (PDF/UA-1, the built PDF on {self.paper})"
        if self.error is not None:
            return f"{head}: not checked, the leaflet does not build"
        problems = len(self.findings)
        verdict = "tagged, no problems found" if not problems else f"{problems} problem(s)"
        return f"{head}: {self.pages} page(s), {verdict}"


def build_and_check(handout: Handout, layout: Layout, clinic: Any = None) -> BuiltCheck:
    """Build the leaflet as it is printed (reading order for a booklet) and check it."""
    paper = layout.page.paper.lower()
    try:
        pdf = built_pdf(handout, layout, clinic)
    except HandoutError as exc:
        return BuiltCheck(paper, error=exc)
    findings = tuple(check_pdfua(pdf))
    return BuiltCheck(paper, _pages(pdf), len(pdf), findings, pdf=pdf)


def built_pdf(handout: Handout, layout: Layout, clinic: Any = None) -> bytes:
    """The PDF ``handout check`` checks: the leaflet in reading order, tagged."""
    return build(handout, layout, BuildOptions(clinic=clinic, impose=False))


def _pages(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


def pdfua(ctx: CheckContext) -> Iterator[Finding]:
    """``accessibility.pdfua``: the built PDF passes the machine-checkable PDF/UA-1 checks."""
    result = ctx.built
    if result is None:
        result = build_and_check(ctx.handout, ctx.layout, ctx.clinic)
    if result.error is not None:
        exc = result.error
        yield Finding(
            RULE,
            "error",
            f"the leaflet cannot be built in the layout {ctx.layout.name!r}, so its PDF was "
            f"not checked: {exc.message}",
            exc.field or "",
            exc.line,
            exc.file if exc.file and exc.file != _handout_file(ctx.handout) else None,
        )
        return
    for found in result.findings:
        yield Finding(RULE, "warning", f"the built PDF fails PDF/UA-1 {found}", "", None, None)


def _handout_file(handout: Handout) -> str | None:
    return handout.origin.file if handout.origin is not None else None
