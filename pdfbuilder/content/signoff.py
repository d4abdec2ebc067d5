"""Sign-off: a leaflet marked ``status: final`` names the person who checked it, and when.

In: a handout's :class:`~pdfbuilder.content.model.Review` and its source. Out: nothing, or a
located :class:`~pdfbuilder.errors.HandoutError` that ``handout validate``, ``build`` and every
other loader report. A draft may leave the reviewer's name and date open; a final leaflet may
not: ``clinical_reviewer`` is a person's name (their role goes in ``clinical_reviewer_role``),
and ``reviewed_on`` is the day they signed it off, on or before ``published``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from ..source.reader import Source


class Review(Protocol):
    """The fields of :class:`pdfbuilder.content.model.Review` read here (a protocol, so that
    the model imports this module and not the other way round)."""

    @property
    def status(self) -> str: ...
    @property
    def clinical_reviewer(self) -> str: ...
    @property
    def clinical_reviewer_role(self) -> str | None: ...
    @property
    def published(self) -> dt.date: ...
    @property
    def reviewed_on(self) -> dt.date | None: ...


#: Words that name a role, a team or a placeholder, not a person.
_ROLE_WORDS = """
    team group committee department dept service services unit panel board office
    lead consultant physiotherapist physiotherapists physio nurse nurses doctor doctors
    clinician clinicians clinical reviewer reviewers specialist manager staff pharmacist
    patient information editor editors author authors
    tbc tbd todo unknown pending none n/a na xxx someone various anyone
"""
NOT_A_NAME = frozenset(_ROLE_WORDS.split())
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*|n/a", re.IGNORECASE)


def check_signoff(review: Review, source: Source) -> None:
    """Refuse a final leaflet without a named clinical reviewer and a sign-off date."""
    if review.reviewed_on is not None and review.reviewed_on > review.published:
        raise source.error(
            ("review", "reviewed_on"),
            f"is after `published` ({review.published}); a leaflet is signed off before it is "
            "published",
        )
    if review.status != "final":
        return
    problem = name_problem(review.clinical_reviewer)
    if problem:
        raise source.error(
            ("review", "clinical_reviewer"),
            f"{problem}: a final leaflet names the person who signed it off (for example "
            '"Dr Alex Example"), with their role in `clinical_reviewer_role`; or set status: draft',
        )
    if review.reviewed_on is None:
        raise source.error(
            ("review", "reviewed_on"),
            "a final leaflet needs the date its clinical reviewer signed it off; add "
            "`reviewed_on: YYYY-MM-DD` under review, or set status: draft",
        )


def name_problem(text: str) -> str | None:
    """Why ``text`` is not a person's name (None when it reads as one)."""
    words = _WORD.findall(text)
    if len(words) < 2:
        return f'"{text}" is not a full name'
    roles = [w for w in words if w.lower() in NOT_A_NAME]
    if roles:
        return f'"{text}" names a role or team ("{roles[0]}"), not a person'
    return None


def reviewer_line(review: Review) -> str:
    """The reviewer as printed: "Dr Alex Example, Consultant Physiotherapist"."""
    if review.clinical_reviewer_role:
        return f"{review.clinical_reviewer}, {review.clinical_reviewer_role}"
    return review.clinical_reviewer
