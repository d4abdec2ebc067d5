"""Red-flag placement: every warning sign sits in a tier at least as urgent as its own.

In: a :class:`~.context.CheckContext`; the signs of its seek-help box.
Out: findings for ``content.red-flags``. An emergency sign (see ``red_flags.yaml``) in the
urgent or routine tier is an error; a same-day sign in the routine tier is a warning. A sign
in a more urgent tier than its own is never flagged. A language the lexicon does not cover
gets a note, since its signs cannot be checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.fields import seek_help_texts
from ..errors import FieldPath
from ..text.markup import plain
from .context import CheckContext
from .findings import Finding, Severity
from .lexicon import TIERS, Sign, languages, signs_in
from .text import base_language, clip

RULE = "content.red-flags"

#: How each tier is named in messages, with what it means to the reader.
TIER_NAMES = {
    "emergency": "the emergency tier (seek_help.emergency: 999 or A&E now)",
    "urgent": "the urgent tier (seek_help.urgent: same day)",
}


def red_flags(ctx: CheckContext) -> Iterator[Finding]:
    """``content.red-flags``: no sign is in a tier less urgent than the one it belongs in."""
    language = ctx.handout.language
    if base_language(language) not in languages():
        yield ctx.finding(
            RULE,
            "info",
            ("language",),
            f'no red-flag lexicon for language "{language}": warning signs in the wrong '
            f"tier are not caught (the lexicon covers {', '.join(languages())}); have a "
            "clinician check the tiers",
        )
        return
    # A tier's note is read like its signs: an emergency sign in the urgent tier's note is
    # as misplaced as one in its list; the emergency tier (and its note) may name any sign.
    for tier, path, text in seek_help_texts(ctx.handout.seek_help):
        found = [s for s in signs_in(plain(text), language) if _rank(s.tier) < _rank(tier)]
        if found:
            yield _misplaced(ctx, tier, path, plain(text), found[0])


def _rank(tier: str) -> int:
    return TIERS.index(tier)


def _misplaced(ctx: CheckContext, tier: str, path: FieldPath, text: str, sign: Sign) -> Finding:
    severity: Severity = "error" if sign.tier == "emergency" else "warning"
    kind = "an emergency sign" if sign.tier == "emergency" else "a same-day sign"
    where = f"the {tier} tier's note" if "notes" in path else f"the {tier} tier"
    return ctx.finding(
        RULE,
        severity,
        path,
        f'"{clip(text)}" is {kind}: {sign.about}; move it from {where} to {TIER_NAMES[sign.tier]}',
    )
