"""Sources as citations a clinical reviewer accepts, and the rules across their fields
(cross-references in the text, `{where:...}`, are :mod:`pdfbuilder.content.references`).

In: a :class:`~pdfbuilder.content.model.Reference` (and, for printing, the leaflet's labels).
Out: a located error for a source that cannot be cited (:func:`check_reference`), or the
citation as one line of text (:func:`citation`), in the Vancouver style medical journals and
NHS leaflets use:

* a journal article: ``Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for
  ... Ann Intern Med. 2017;166(7):514–530. doi:10.7326/M16-2367``
* a guideline or report: ``NICE. Low back pain and sciatica in over 16s (NG59). 2016,
  updated 2020. www.nice.org.uk/guidance/ng59``
* a web page: ``NHS. Back pain. Last reviewed 18 October 2023; accessed 1 December 2026.
  www.nhs.uk/conditions/back-pain`` (dates for illustration)

Authors are listed up to six, then "et al." (as Vancouver asks); an author list that ends
with "et al." keeps it. Dates are written out in the leaflet's language.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from ..errors import FieldPath
from ..source.reader import Source
from .labels import Labels
from .urls import shown_url


class Reference(Protocol):
    """The fields of :class:`pdfbuilder.content.model.Reference` read here (a protocol, so
    that the model imports this module and not the other way round)."""

    @property
    def title(self) -> str: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def authors(self) -> tuple[str, ...]: ...
    @property
    def journal(self) -> str | None: ...
    @property
    def volume(self) -> str | None: ...
    @property
    def issue(self) -> str | None: ...
    @property
    def pages(self) -> str | None: ...
    @property
    def doi(self) -> str | None: ...
    @property
    def updated(self) -> int | None: ...
    @property
    def last_reviewed(self) -> dt.date | None: ...
    @property
    def accessed(self) -> dt.date | None: ...


#: Vancouver lists this many authors, then "et al.".
MAX_AUTHORS = 6
ET_AL = "et al."
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_RANGE = re.compile(r"(?<=\w)-(?=\w)")


def check_reference(ref: Reference, path: FieldPath, source: Source) -> None:
    """Refuse a source that cannot be cited: no one who published it, no date, a bad DOI."""
    if not (ref.publisher or ref.journal or ref.authors):
        raise source.error(
            path, "say who published it: add `publisher:` (or `journal:` and `authors:`)"
        )
    if ref.year is None and ref.last_reviewed is None and ref.accessed is None:
        raise source.error(
            path,
            "give it a date: `year:` for a publication, or `last_reviewed:` or `accessed:` "
            "(YYYY-MM-DD) for a web page",
        )
    if ref.doi is not None and not _DOI.match(ref.doi):
        raise source.error(
            (*path, "doi"),
            "a DOI starts with 10. and a slash, e.g. 10.7326/M16-2367; leave out https://doi.org/",
        )
    if ref.updated is not None and ref.year is not None and ref.updated < ref.year:
        raise source.error((*path, "updated"), f"is before `year` ({ref.year})")
    if (ref.volume or ref.issue) and not ref.journal:
        raise source.error(
            (*path, "volume" if ref.volume else "issue"),
            "only a journal has volumes and issues; add `journal:`, or leave this out",
        )


def citation(ref: Reference, labels: Labels) -> str:
    """The source as one line of citation text (plain: no markup beyond the content's own)."""
    parts = [_who(ref), _end(ref.title)]
    if ref.journal:
        parts.append(_end(ref.journal))
        parts.append(_end(_journal_numbers(ref)))
    else:
        if ref.authors and ref.publisher:
            parts.append(_end(ref.publisher))
        dated = _dates(ref, labels)
        if dated:
            parts.append(_end(dated))
    if ref.doi:
        parts.append(f"doi:{ref.doi}")
    if ref.url and not _is_doi_link(ref):
        parts.append(shown_url(ref.url))
    return " ".join(p for p in parts if p)


def link(ref: Reference) -> str | None:
    """Where the printed citation links to: its address, else its DOI's address."""
    if ref.url:
        return ref.url
    return f"https://doi.org/{ref.doi}" if ref.doi else None


def _who(ref: Reference) -> str:
    if not ref.authors:
        return _end(ref.publisher or "")
    names = list(ref.authors)
    more = names[-1].strip().lower() == ET_AL
    if more:
        names = names[:-1]
    if len(names) > MAX_AUTHORS:
        names, more = names[:MAX_AUTHORS], True
    return _end(", ".join(names) + (f", {ET_AL}" if more else ""))


def _journal_numbers(ref: Reference) -> str:
    """``2017;166(7):514–530``: the year, the volume and issue, the pages."""
    text = str(ref.year) if ref.year is not None else ""
    if ref.volume:
        text += f";{ref.volume}"
    if ref.issue:
        text += f"({ref.issue})" if ref.volume else f";({ref.issue})"
    if ref.pages:
        text += f":{_RANGE.sub('–', ref.pages)}"
    return text


def _dates(ref: Reference, labels: Labels) -> str:
    """``2016, updated 2020``, or a web page's ``Last reviewed ...; accessed ...``."""
    parts: list[str] = []
    if ref.year is not None:
        year = str(ref.year)
        if ref.updated is not None and ref.updated != ref.year:
            year += ", " + labels("source_updated", year=ref.updated)
        parts.append(year)
    if ref.last_reviewed is not None:
        parts.append(labels("source_last_reviewed", date=labels.date(ref.last_reviewed)))
    if ref.accessed is not None:
        accessed = labels("source_accessed", date=labels.date(ref.accessed))
        parts.append(accessed if parts else accessed[:1].upper() + accessed[1:])
    return "; ".join(parts)


def _is_doi_link(ref: Reference) -> bool:
    """Whether the address only repeats the DOI (it is printed as doi:...)."""
    if not ref.doi or not ref.url:
        return False
    return shown_url(ref.url).lower() in (f"doi.org/{ref.doi}".lower(), f"dx.doi.org/{ref.doi}")


def _end(text: str) -> str:
    """``text`` ending with a full stop (or its own ``?`` or ``!``)."""
    text = text.strip()
    if not text:
        return ""
    return text if text[-1] in ".?!" else text + "."
