"""Word lists the content rules use to judge wording, per language (English and Spanish).

A clinic can read these to see why a heading or a step was flagged. Languages without a list
fall back to English for heading words and skip the "written to you" checks. The words that
make a sentence an action are in ``writing.yaml`` (``actions``).
"""

from __future__ import annotations

#: Words that address the reader.
YOU_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"you", "your", "yours", "yourself", "you're", "you'll", "you've"}),
    "es": frozenset({"usted", "ustedes", "tú", "tu", "tus", "su", "sus", "te", "se", "le"}),
}

#: First words that show a sentence is not an instruction to the reader.
NOT_IMPERATIVE: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "it",
            "its",
            "he",
            "she",
            "they",
            "we",
            "i",
            "one",
            "there",
            "my",
            "our",
            "his",
            "her",
            "their",
            "patient",
            "patients",
            "person",
            "people",
            "someone",
            "everyone",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "unos",
            "unas",
            "este",
            "esta",
            "estos",
            "estas",
            "esto",
            "ello",
            "ellos",
            "ellas",
            "él",
            "ella",
            "paciente",
            "pacientes",
            "nosotros",
            "yo",
            "hay",
        ]
    ),
}

#: Headings that say nothing about what the section holds.
VAGUE_HEADINGS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            "introduction",
            "intro",
            "overview",
            "background",
            "other",
            "others",
            "general",
            "misc",
            "miscellaneous",
            "information",
            "info",
            "details",
            "notes",
            "more",
            "summary",
            "more information",
            "other information",
            "general information",
            "further information",
            "additional information",
            "other things",
            "extra",
        }
    ),
    "es": frozenset(
        {
            "introducción",
            "resumen",
            "otros",
            "otras",
            "otro",
            "general",
            "información",
            "más información",
            "otra información",
            "información general",
            "detalles",
            "notas",
            "varios",
            "antecedentes",
        }
    ),
}


def for_language(table: dict[str, frozenset[str]], language: str) -> frozenset[str] | None:
    """The list for ``language`` (``es-MX`` uses ``es``), or ``None`` if there is none."""
    return table.get(language.split("-")[0].lower())
