"""Stage 2, validate: the content model of a handout, and loading it from a file.

In: a :class:`~pdfbuilder.source.reader.Source` (plain data with positions).
Out: a frozen :class:`Handout`; or a :class:`~pdfbuilder.errors.HandoutError` that names the
file, line, column and field path of the first problem.

The dataclasses below *are* the content format: ``handout schema`` exports them as JSON
Schema and ``docs/content-format.md`` documents them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import FieldPath, FigureError
from ..figures import Figure, builtin_icon_names, figure_schema, parse_figure
from ..source import schema
from ..source.files import RootArg, as_roots
from ..source.reader import ParsedFiles, Source, read_text
from .citations import check_reference
from .label_overrides import overrides_schema, parse_overrides
from .limits import check_limits
from .pictures import Pictures
from .references import has_references, problem
from .signoff import check_signoff
from .urls import parse_url, url_schema

SCHEMA_VERSION = 1


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


def _parse_picture(value: Any, path: FieldPath, source: Source) -> str:
    names = builtin_icon_names()
    if not isinstance(value, str) or value not in names:
        shown = schema.describe(value)
        import difflib  # only a mistake needs it

        close = difflib.get_close_matches(str(value), names, n=1)
        hint = f'did you mean "{close[0]}"?' if close else f"pictures are: {', '.join(names)}"
        raise source.error(path, f"unknown picture {shown}; {hint}")
    return value


def _picture_schema() -> dict[str, Any]:
    return {"enum": builtin_icon_names()}


_PICTURE = {
    "parse": _parse_picture,
    "schema": _picture_schema,
    "doc": "A built-in pictogram shown beside this in Easy Read layouts (`handout figures`).",
}


#: A figure beside a paragraph or bullet, in every layout (the sleeping positions, a lift).
_ITEM_FIGURE = {
    "parse": lambda value, path, source: _parse_figure(value, path, source),
    "schema": lambda: figure_schema(),
    "doc": "A figure drawn beside this text in every layout (alt text required).",
}


def _parse_language(value: Any, path: FieldPath, source: Source) -> str:
    if not isinstance(value, str) or not _LANG.match(value):
        shown = schema.describe(value)
        raise source.error(path, f"{shown} is not a language tag like en or en-GB")
    return value


def _language_schema() -> dict[str, Any]:
    return {"type": "string", "pattern": _LANG.pattern}


_LANGUAGE = {
    "parse": _parse_language,
    "schema": _language_schema,
    "doc": "The entry's language when it is not the handout's (a BCP 47 tag, e.g. en), so "
    "a screen reader reads it in the right voice.",
}


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; inline **bold** and *italic* are the only markup."""

    text: str = field(metadata=_doc("The paragraph."))
    picture: str | None = field(default=None, metadata=_PICTURE)
    figure: Figure | None = field(default=None, metadata=_ITEM_FIGURE)


@dataclass(frozen=True)
class Bullets:
    """A bulleted list. An item is a line of text, or `{text: ..., picture: ...}`."""

    bullets: tuple[str, ...] = field(
        metadata=_doc("The bullet points, one line each.", min_items=1)
    )
    #: Each item's picture (or None), in order; written inline in YAML, not as a field.
    pictures: tuple[str | None, ...] = field(default=(), metadata={"internal": True})
    #: Each item's figure (or None), in order, likewise.
    figures: tuple[Figure | None, ...] = field(default=(), metadata={"internal": True})


Block = Paragraph | Bullets


def _parse_block(value: Any, path: FieldPath, source: Source) -> Block:
    text = None if isinstance(value, dict | list) else source.text_of(path, value)
    if text is not None:  # an unquoted `- 10` is the paragraph "10", as written
        if not text.strip():
            raise source.error(path, "is empty; write a paragraph or remove the line")
        return Paragraph(text)
    if isinstance(value, dict) and "bullets" not in value:
        return schema.convert(Paragraph, value, path, source)
    if isinstance(value, dict):
        return _parse_bullets(value, path, source)
    raise source.error(
        path,
        f"expected a paragraph (text) or `bullets:` with a list, got {schema.describe(value)}",
    )


def _parse_bullets(value: dict[str, Any], path: FieldPath, source: Source) -> Bullets:
    for key in value:
        if key != "bullets":
            raise source.error((*path, key), 'unknown field; expected "bullets"', key=True)
    items = value["bullets"]
    if not isinstance(items, list) or not items:
        raise source.error(
            (*path, "bullets"), f"expected a list of at least 1 item, got {schema.describe(items)}"
        )
    parsed = [_parse_block(item, (*path, "bullets", i), source) for i, item in enumerate(items)]
    for i, item in enumerate(parsed):
        if not isinstance(item, Paragraph):
            raise source.error((*path, "bullets", i), "a bullet is a line of text, not a list")
    items = [p for p in parsed if isinstance(p, Paragraph)]
    figures = tuple(p.figure for p in items)
    return Bullets(
        tuple(p.text for p in items),
        tuple(p.picture for p in items),
        figures if any(figures) else (),
    )


def _block_schema() -> dict[str, Any]:
    item = {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["text"],
                "properties": {
                    "text": {"type": "string"},
                    "picture": _picture_schema(),
                    "figure": figure_schema(),
                },
            },
        ]
    }
    return {
        "oneOf": [
            {**item["oneOf"][0], "description": "A paragraph."},
            {**item["oneOf"][1], "description": "A paragraph with a picture for Easy Read."},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["bullets"],
                "properties": {"bullets": {"type": "array", "minItems": 1, "items": item}},
            },
        ]
    }


def _parse_figure(value: Any, path: FieldPath, source: Source) -> Figure:
    base_dir = Path(source.file).parent if source.file else None
    try:
        return parse_figure(value, base_dir, source.roots)
    except FigureError as exc:
        where = (*path, *exc.path)
        raise source.error(where, exc.message, key=_is_key_problem(exc.message)) from None


def _is_key_problem(message: str) -> bool:
    return message.startswith("unknown field")


@dataclass(frozen=True)
class Section:
    """A titled part of the leaflet: paragraphs and bullet lists."""

    heading: str = field(metadata=_doc("An informative heading, e.g. a question the reader has."))
    body: tuple[Block, ...] = field(
        metadata=_doc(
            "Paragraphs (text) and bullet lists (`bullets:`), in order.",
            min_items=1,
            item_parse=_parse_block,
            item_schema=_block_schema,
        )
    )
    picture: str | None = field(default=None, metadata=_PICTURE)
    core: bool = field(
        default=False,
        metadata=_doc(
            "true: this section belongs in short formats (a trifold) too. A layout that "
            "keeps only core sections prints these (all of them when none is marked)."
        ),
    )
    summary: str | None = field(
        default=None,
        metadata=_doc(
            "A shorter version of this section's text, printed instead of its body in "
            "layouts that use summaries (a trifold)."
        ),
    )


@dataclass(frozen=True)
class Dose:
    """How much and how often. Every part is optional; give what applies."""

    reps: int | None = field(
        default=None, metadata=_doc("Repeat this many times.", minimum=1, maximum=100)
    )
    sets: int | None = field(
        default=None, metadata=_doc("Sets of the repeats.", minimum=1, maximum=10)
    )
    hold_seconds: int | None = field(
        default=None, metadata=_doc("Hold each for this many seconds.", minimum=1, maximum=300)
    )
    times_per_day: int | None = field(
        default=None, metadata=_doc("Do the exercise this many times a day.", minimum=1, maximum=12)
    )


@dataclass(frozen=True)
class Exercise:
    """One exercise card: figure, numbered steps, dose, what to feel and when to stop."""

    id: str = field(
        metadata=_doc("Short unique id, lower-case with hyphens.", examples=["knee-to-chest"])
    )
    name: str = field(metadata=_doc("The exercise's name as the patient sees it."))
    figure: Figure = field(
        metadata={
            "parse": _parse_figure,
            "schema": figure_schema,
            "doc": "The diagram: a built-in figure, frames of poses, or an image file; "
            "alt text required.",
        }
    )
    steps: tuple[str, ...] = field(
        metadata=_doc("Numbered steps, each an instruction to 'you'.", min_items=1, max_items=8)
    )
    dose: Dose | None = field(default=None, metadata=_doc("Repeats, sets, hold and times a day."))
    feel: str | None = field(default=None, metadata=_doc("What you should feel."))
    stop_if: str | None = field(default=None, metadata=_doc("Stop the exercise if this happens."))
    video_url: str | None = field(
        default=None,
        metadata={
            "doc": "A video of the exercise (https://...); printed as a QR code.",
            "parse": parse_url,
            "schema": url_schema,
        },
    )
    core: bool = field(
        default=False,
        metadata=_doc(
            "true: this exercise belongs in short formats (a trifold) too. A layout that "
            "keeps only core exercises prints these (all of them when none is marked)."
        ),
    )


@dataclass(frozen=True)
class TierNotes:
    """Advice printed after a tier's signs (what to do, not one more sign), one per tier."""

    emergency: str | None = field(
        default=None,
        metadata=_doc(
            "After the emergency signs, e.g. what they can be signs of, and to go even if "
            "they come and go."
        ),
    )
    urgent: str | None = field(default=None, metadata=_doc("After the urgent signs."))
    routine: str | None = field(default=None, metadata=_doc("After the routine signs."))


@dataclass(frozen=True)
class SeekHelp:
    """When to get help, in three tiers of urgency. Each tier is a list of signs, and may
    end with a note of advice (``notes``)."""

    emergency: tuple[str, ...] = field(
        metadata=_doc(
            "Signs that need emergency help now (call the emergency number).", min_items=1
        )
    )
    urgent: tuple[str, ...] = field(
        metadata=_doc(
            "Signs that need a same-day appointment or the urgent advice line.", min_items=1
        )
    )
    routine: tuple[str, ...] = field(
        metadata=_doc("Reasons to book a routine appointment.", min_items=1)
    )
    notes: TierNotes = field(
        default=TierNotes(),
        metadata=_doc(
            "Optional advice after a tier's signs, printed (and read by a screen reader) "
            "as a paragraph, not as one more sign: emergency, urgent, routine."
        ),
    )


@dataclass(frozen=True)
class Contacts:
    """Phone numbers used in the seek-help box. A clinic profile overrides them."""

    emergency: str = field(
        default="999", metadata=_doc("Emergency number.", examples=["999", "911", "112"])
    )
    urgent: str = field(
        default="NHS 111", metadata=_doc("Urgent advice line.", examples=["NHS 111"])
    )


@dataclass(frozen=True)
class Reference:
    """A source the content relies on, printed as a citation (see docs/content-format.md):
    a journal article, a guideline or report, or a web page."""

    title: str = field(metadata=_doc("Title of the article, guideline, report or page."))
    publisher: str | None = field(
        default=None, metadata=_doc("Who published it (an organisation: NICE, NHS).")
    )
    year: int | None = field(
        default=None, metadata=_doc("Year of publication.", minimum=1900, maximum=2100)
    )
    url: str | None = field(default=None, metadata=_doc("Where to read it."))
    authors: tuple[str, ...] = field(
        default=(),
        metadata=_doc('Authors as "Surname Initials"; end with "et al." for more.', min_items=1),
    )
    journal: str | None = field(
        default=None, metadata=_doc('The journal (or other container), e.g. "Ann Intern Med".')
    )
    volume: str | None = field(default=None, metadata=_doc("The journal volume."))
    issue: str | None = field(default=None, metadata=_doc("The journal issue."))
    pages: str | None = field(
        default=None, metadata=_doc('Pages, e.g. "514-530", or an article number.')
    )
    doi: str | None = field(
        default=None, metadata=_doc("The DOI, e.g. 10.7326/M16-2367 (without https://doi.org/).")
    )
    updated: int | None = field(
        default=None, metadata=_doc("Year of the last update.", minimum=1900, maximum=2100)
    )
    last_reviewed: dt.date | None = field(
        default=None, metadata=_doc("A web page's own last-reviewed date, YYYY-MM-DD.")
    )
    accessed: dt.date | None = field(
        default=None, metadata=_doc("The date the page was read, YYYY-MM-DD.")
    )
    # Tagged PDF: a screen reader reads this entry in this language's voice.
    language: str | None = field(default=None, metadata=_LANGUAGE)


@dataclass(frozen=True)
class Review:
    """Document control: who wrote and checked it, and when it must be reviewed."""

    document_id: str = field(metadata=_doc("The organisation's document id.", examples=["MSK-001"]))
    version: str = field(metadata=_doc('Version, in quotes: "1.0".'))
    author: str = field(metadata=_doc("Author or authoring team."))
    clinical_reviewer: str = field(metadata=_doc("Who checked the clinical content."))
    organisation: str = field(metadata=_doc("Organisation responsible for the content."))
    published: dt.date = field(metadata=_doc("Date published, YYYY-MM-DD."))
    next_review: dt.date = field(metadata=_doc("Date the content must be reviewed by, YYYY-MM-DD."))
    status: Literal["draft", "final"] = field(
        default="draft",
        metadata=_doc(
            "draft while being written; final once signed off (needs a named "
            "clinical_reviewer and reviewed_on)."
        ),
    )
    clinical_reviewer_role: str | None = field(
        default=None, metadata=_doc('The reviewer\'s role, e.g. "Consultant Physiotherapist".')
    )
    reviewed_on: dt.date | None = field(
        default=None, metadata=_doc("The day the clinical reviewer signed it off, YYYY-MM-DD.")
    )


@dataclass(frozen=True)
class Translation:
    """Marks this file as a translation of another handout, linked by id."""

    of: str = field(metadata=_doc("The id of the original handout.", examples=["back-spasms"]))
    source_version: str = field(
        metadata=_doc('The version of the original this translates, in quotes: "1.0".')
    )
    reviewed: bool = field(
        metadata=_doc("true once a qualified translator has reviewed this translation.")
    )
    translator: str | None = field(default=None, metadata=_doc("Who translated or reviewed it."))


@dataclass(frozen=True)
class Handout:
    """A patient handout's content. It never says how it looks: layouts do that."""

    schema: Literal[1] = field(metadata=_doc("Version of this file format. Always 1 for now."))
    id: str = field(
        metadata=_doc("Short unique id, lower-case with hyphens.", examples=["back-spasms"])
    )
    language: str = field(metadata=_doc("Language tag (BCP 47).", examples=["en", "en-GB", "es"]))
    title: str = field(metadata=_doc("The leaflet's title."))
    purpose: str = field(metadata=_doc("One sentence: what this leaflet helps the reader do."))
    review: Review = field(metadata=_doc("Document control and review dates."))
    key_takeaways: tuple[str, ...] = field(
        metadata=_doc("The 3 to 6 most important messages.", min_items=3, max_items=6)
    )
    sections: tuple[Section, ...] = field(metadata=_doc("The body of the leaflet.", min_items=1))
    seek_help: SeekHelp = field(metadata=_doc("When to get help: emergency, urgent, routine."))
    sources: tuple[Reference, ...] = field(metadata=_doc("Sources of the content.", min_items=1))
    subtitle: str | None = field(default=None, metadata=_doc("A short line under the title."))
    exercises_intro: str | None = field(
        default=None, metadata=_doc("A short paragraph before the exercises.")
    )
    exercises: tuple[Exercise, ...] = field(default=(), metadata=_doc("Exercise cards, in order."))
    contacts: Contacts = field(
        default=Contacts(), metadata=_doc("Numbers for the seek-help box (default: UK).")
    )
    online_url: str | None = field(
        default=None,
        metadata={
            "doc": "Where this leaflet is online (https://...); printed as a QR code.",
            "parse": parse_url,
            "schema": url_schema,
        },
    )
    translation: Translation | None = field(
        default=None, metadata=_doc("Set when this file translates another handout.")
    )
    labels: tuple[tuple[str, str], ...] = field(
        default=(),
        metadata={
            "doc": "This leaflet's own words for labels the layout adds (`handout labels`), "
            'e.g. exercises: "Exercises to help your neck".',
            "parse": parse_overrides,
            "schema": overrides_schema,
        },
    )
    pictures: Pictures = field(
        default=Pictures(),
        metadata=_doc("Easy Read: pictures beside the purpose, key points, exercises and tiers."),
    )
    #: The file this handout was read from, for error positions; not part of the format.
    origin: Source | None = field(
        default=None, compare=False, repr=False, metadata={"internal": True}
    )


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def handout_from_source(source: Source) -> Handout:
    """Validate plain data into a :class:`Handout`, checking the rules across fields too."""
    data = source.data
    if isinstance(data, dict) and data.get("schema") == str(SCHEMA_VERSION):
        raise source.error(
            ("schema",), f"write the version as a number, without quotes: schema: {SCHEMA_VERSION}"
        )
    if isinstance(data, dict) and "schema" in data and data["schema"] != SCHEMA_VERSION:
        raise source.error(
            ("schema",),
            f"this tool reads format version {SCHEMA_VERSION}, the file says "
            f"{schema.describe(data['schema'])}; upgrade the tool or the file",
        )
    source.own_limits = True  # every text has its own limit: check_limits, below
    handout = schema.convert(Handout, data, (), source)
    _check_handout(handout, source)
    check_limits(handout, source)
    return dataclasses.replace(handout, origin=source)


def _check_handout(h: Handout, source: Source) -> None:
    if not _ID.match(h.id):
        raise source.error(("id",), "use lower-case letters, digits and hyphens, e.g. back-spasms")
    if not _LANG.match(h.language):
        raise source.error(("language",), f'"{h.language}" is not a language tag like en or en-GB')
    if h.review.next_review <= h.review.published:
        raise source.error(("review", "next_review"), "must be after `published`")
    check_signoff(h.review, source)
    for i, ref in enumerate(h.sources):
        check_reference(ref, ("sources", i), source)
    seen: dict[str, int] = {}
    for i, ex in enumerate(h.exercises):
        if not _ID.match(ex.id):
            raise source.error(("exercises", i, "id"), "use lower-case letters, digits and hyphens")
        if ex.id in seen:
            raise source.error(
                ("exercises", i, "id"), f'"{ex.id}" is already used by exercises[{seen[ex.id]}]'
            )
        seen[ex.id] = i
    _check_references(h, source)


#: Fields whose text is never printed as a sentence (titles, names, document details):
#: a cross-reference there has no place to be filled in.
_NO_REFERENCES = {"title", "subtitle", "heading", "name", "id", "alt", "picture", "language"}
_NO_REFERENCES_TOP = {"review", "sources", "contacts", "translation", "online_url", "schema"}


def _check_references(h: Handout, source: Source) -> None:
    """Every ``{where:...}`` names a block or an exercise, in a field that prints sentences."""
    ids = tuple(ex.id for ex in h.exercises)
    for path, text in _field_texts(h, ()):
        if not has_references(text):
            continue
        names = [part for part in path if isinstance(part, str)]
        if names[-1] in _NO_REFERENCES or names[0] in _NO_REFERENCES_TOP:
            raise source.error(
                path,
                "a cross-reference ({where:...}) cannot be used here; put it in a sentence "
                "of the text (a key point, a paragraph, a step or a warning sign)",
            )
        message = problem(text, ids)
        if message:
            raise source.error(path, message)


def _field_texts(value: Any, path: FieldPath) -> Any:
    """(field path, text) for every string in the handout, in file order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _field_texts(item, (*path, i))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.metadata.get("internal") or f.name == "figure":
                continue
            # A paragraph (and a bullet) is written as plain text: it has no key of its own.
            child = path if isinstance(value, Paragraph) and f.name == "text" else (*path, f.name)
            yield from _field_texts(getattr(value, f.name), child)


def load_handout(path: str | Path, *, root: RootArg = None) -> Handout:
    """Read, parse and validate a handout file (not again while its bytes are unchanged).

    Files it names (figure images) must lie in its folder or under ``root`` (one folder or
    several; see ``docs/security.md``)."""
    return _HANDOUTS.load(path, as_roots(root))


def handout_from_text(text: str, name: str = "<text>", *, root: RootArg = None) -> Handout:
    """Parse and validate handout YAML given as text (``name`` is used in error messages)."""
    return handout_from_source(read_text(text, name, as_roots(root)))


_HANDOUTS = ParsedFiles(handout_from_source, limit=64)


def handout_json_schema() -> dict[str, Any]:
    """The JSON Schema of handout files, for editors."""
    return schema.json_schema(
        Handout,
        title="Patient handout content",
        schema_id="https://clinic-handouts.invalid/schema/handout-1.json",
    )
