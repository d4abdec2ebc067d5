"""``handout new``: a starter handout for a topic, valid as written and commented throughout.

In: the topic as the author types it ("Tennis elbow") and today's date. Out: the text of a
handout file (:func:`starter_text`) from ``starter.yaml`` beside this module, with the id,
title and dates filled in. It validates as it is (a draft), so the author can build it at
once and replace each line in turn; nothing in it names a body part or a condition.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..errors import HandoutError

TEMPLATE = Path(__file__).parent / "starter.yaml"
#: How long until a new leaflet must be reviewed (3 years, as many NHS leaflets).
REVIEW_YEARS = 3


def topic_id(topic: str) -> str:
    """The id for ``topic``: lower-case letters, digits and hyphens ("Tennis elbow" ->
    "tennis-elbow"); a HandoutError when nothing of it is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")
    if not slug:
        raise HandoutError(
            "give the topic in words (letters or digits), e.g. handout new tennis-elbow",
            field="TOPIC",
        )
    return slug


def starter_text(topic: str, today: dt.date, file: str) -> str:
    """The starter handout for ``topic`` as YAML text, to be saved as ``file``."""
    ident = topic_id(topic)
    words = " ".join(topic.replace("-", " ").replace("_", " ").split())
    title = words[:1].upper() + words[1:]
    try:
        later = today.replace(year=today.year + REVIEW_YEARS)
    except ValueError:  # 29 February
        later = today.replace(year=today.year + REVIEW_YEARS, day=28)
    return TEMPLATE.read_text(
        encoding="utf-8"
    ).format(
        id=ident,
        title=title,
        title_yaml=json.dumps(title, ensure_ascii=False),  # quoted: a colon stays text
        document_id=ident.upper()[:20],
        today=today.isoformat(),
        next_review=later.isoformat(),
        year=today.year,
        file=file,
    )
