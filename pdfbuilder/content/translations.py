"""Translations linked to their original by id: warn when one has fallen behind.

In: a loaded :class:`~pdfbuilder.content.model.Handout` that has a ``translation:`` block.
Out: warnings, each one line ``file:line:col: field: warning: ...``, when the original
(the handout whose ``id`` is ``translation.of``, found among the ``.yaml`` files in the same
folder, or the folder above) is newer than what was translated, or has a section, an exercise
(by id), a label of its own (``labels:``) or a sign in a seek-help tier that the translation
lacks. ``handout validate`` prints
them; they never stop a build.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import FieldPath, HandoutError
from .model import Handout, load_handout

TIERS = ("emergency", "urgent", "routine")


def find_original(translation: Handout, folder: Path) -> Handout | None:
    """The handout whose id is ``translation.translation.of``, in ``folder`` or its parent."""
    if translation.translation is None:
        return None
    wanted = translation.translation.of
    for where in (folder, folder.parent):
        for path in sorted(where.glob("*.yaml")):
            try:
                candidate = load_handout(path)
            except HandoutError:
                continue  # a broken neighbour is reported when it is validated itself
            if candidate.id == wanted and candidate.translation is None:
                return candidate
    return None


def translation_warnings(handout: Handout, file: str | Path | None = None) -> list[str]:
    """Warnings for a translation that is older than, or misses parts of, its original.

    ``file`` is where ``handout`` was read from (default: its own origin). A handout that is
    not a translation gets no warnings.
    """
    if handout.translation is None:
        return []
    where = Path(file) if file is not None else _origin_file(handout)
    original = find_original(handout, where.parent)
    if original is None:
        return [
            warn(
                handout,
                ("translation", "of"),
                f'no handout with id "{handout.translation.of}" in {where.parent or "."} '
                "or the folder above; put the translation beside its original",
            )
        ]
    return [warn(handout, path, text) for path, text in _differences(handout, original)]


def _differences(t: Handout, o: Handout) -> Iterator[tuple[FieldPath, str]]:
    assert t.translation is not None
    if t.translation.source_version != o.review.version:
        yield (
            ("translation", "source_version"),
            f'translates version {t.translation.source_version} of "{o.id}", which is now at '
            f"version {o.review.version}; update the translation and its source_version",
        )
    if t.review.published < o.review.published:
        yield (
            ("review", "published"),
            f'published {t.review.published}, before the original "{o.id}" '
            f"({o.review.published}); check it against the original",
        )
    if len(t.sections) < len(o.sections):
        yield (
            ("sections",),
            f'has {len(t.sections)} sections, the original "{o.id}" has {len(o.sections)}; '
            "translate the missing ones",
        )
    have = {ex.id for ex in t.exercises}
    missing = [ex.id for ex in o.exercises if ex.id not in have]
    if missing:
        field: FieldPath = ("exercises",) if t.exercises else ()
        yield field, f'lacks the exercise(s) {", ".join(missing)} of the original "{o.id}"'
    own = {name for name, _ in t.labels}
    untranslated = [name for name, _ in o.labels if name not in own]
    if untranslated:
        yield (
            ("labels",) if t.labels else (),
            f'the original "{o.id}" sets its own words for the label(s) '
            f"{', '.join(untranslated)}; translate them under `labels:`, or the leaflet "
            "prints the built-in words",
        )
    for tier in TIERS:
        mine, theirs = getattr(t.seek_help, tier), getattr(o.seek_help, tier)
        if len(mine) < len(theirs):
            yield (
                ("seek_help", tier),
                f'lists {len(mine)} {tier} sign(s), the original "{o.id}" lists '
                f"{len(theirs)}; a missing warning sign can put a patient at risk",
            )
        if getattr(o.seek_help.notes, tier) and not getattr(t.seek_help.notes, tier):
            yield (
                ("seek_help",),
                f'the original "{o.id}" ends its {tier} tier with a note '
                f"(seek_help.notes.{tier}); translate it",
            )


def warn(handout: Handout, path: FieldPath, text: str) -> str:
    """A located warning line about ``path`` of ``handout``."""
    message = f"warning: {text}"
    if handout.origin is not None:
        return str(handout.origin.error(path, message))
    return str(HandoutError(message, field=path))


def _origin_file(handout: Handout) -> Path:
    return Path(handout.origin.file) if handout.origin is not None else Path(".")
