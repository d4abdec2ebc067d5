"""The words a layout adds around the content ("Key points", "Page 2 of 3", dose words).

Kept per language in ``pdfbuilder/content/labels/<language>.yaml``; a language tag such as
``en-GB`` falls back to ``en``. A clinic adds a language by adding a file, without touching
Python. The built-in words never name a body part or a condition; a handout sets its own
("Exercises to help your neck") in its ``labels:`` mapping (see
:mod:`pdfbuilder.content.label_overrides`), which :func:`labels_for` lays over them.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from ..errors import HandoutError
from ..source.reader import load_package_data

LABEL_DIR = Path(__file__).parent / "labels"


class Labels:
    """Label texts for one language, with ``{placeholder}`` filling and date formatting."""

    def __init__(self, language: str, texts: dict[str, Any]) -> None:
        self.language = language
        self._texts = texts

    def names(self) -> list[str]:
        """Every label name this language has (text labels and word lists)."""
        return list(self._texts)

    def overlaid(self, overrides: dict[str, str]) -> Labels:
        """These labels with ``overrides`` laid over them (a handout's own words)."""
        return Labels(self.language, {**self._texts, **overrides})

    def raw(self, key: str) -> Any:
        """A label as written in the file, before any ``{placeholder}`` is filled in."""
        return self._texts.get(key)

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left (``direction: rtl`` in its file)."""
        return self._texts.get("direction") == "rtl"

    def __call__(self, key: str, **values: Any) -> str:
        text = self._texts.get(key)
        if not isinstance(text, str):
            raise HandoutError(f'label "{key}" is missing for language "{self.language}"')
        return text.format(**values) if values else text

    def words(self, key: str) -> list[str]:
        """A list label, such as the short day names of the exercise log."""
        value = self._texts.get(key)
        if not isinstance(value, list):
            raise HandoutError(f'label "{key}" is missing for language "{self.language}"')
        return [str(v) for v in value]

    def date(self, day: dt.date) -> str:
        """A date written out, e.g. 21 November 2026."""
        month = self._texts["months"][day.month - 1]
        return str(self._texts["date_format"]).format(day=day.day, month=month, year=day.year)

    def month_year(self, day: dt.date) -> str:
        """A month and year, e.g. November 2029."""
        month = self._texts["months"][day.month - 1]
        return str(self._texts["month_year_format"]).format(month=month, year=day.year)

    def count(self, key: str, n: int) -> str:
        """A dose phrase with its special forms for one and two ("Once a day")."""
        for suffix, value in (("_one", 1), ("_two", 2)):
            if n == value and f"{key}{suffix}" in self._texts:
                return self(f"{key}{suffix}")
        return self(key, n=n)


@functools.cache
def labels_for(language: str, overrides: tuple[tuple[str, str], ...] = ()) -> Labels:
    """Labels for a BCP 47 tag, falling back from ``es-MX`` to ``es`` and then to English,
    with a handout's own ``overrides`` (its ``labels:``, as name/text pairs) laid over them."""
    if overrides:
        return labels_for(language).overlaid(dict(overrides))
    candidates = [language, language.split("-")[0], "en"]
    for tag in candidates:
        path = LABEL_DIR / f"{tag.lower()}.yaml"
        if path.is_file():
            english = load_package_data(LABEL_DIR / "en.yaml")
            texts = load_package_data(path)
            # A partial translation still builds: missing labels come from English.
            return Labels(tag, {**english, **texts})
    raise HandoutError(f'no labels for language "{language}"')  # pragma: no cover
