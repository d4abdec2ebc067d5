"""Strings in the finishing pass's update are written exactly as pikepdf would write them."""

from __future__ import annotations

import pikepdf
import pytest

from pdfbuilder.tagging.elements import pdf_text


@pytest.mark.parametrize(
    "value",
    [
        "",
        "A person lying on the floor, knees bent",
        "https://www.nhs.uk/conditions/back-pain/",
        "Call 999 (or 112)",
        "unbalanced ) and ( and \\ backslash",
        "tab\tand\nnewline",
        "café",
        "ظهر",
        "\x7f",
    ],
)
def test_pdf_text_is_pikepdfs_own(value: str) -> None:
    assert pdf_text(value) == bytes(pikepdf.String(value).unparse()).decode("latin-1")
