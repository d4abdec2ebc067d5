"""Content, drafts: the warning lines a build prints for a leaflet not yet signed off.

In: a handout. Out: one located warning line for each reason it is not ready for patients:
``review.status: draft``, and a translation no qualified translator has reviewed. ``handout
build`` and ``handout batch`` print them on standard error and still build (a draft is
printed for its reviewers); ``handout check`` reports the same as findings.
"""

from __future__ import annotations

from .model import Handout
from .translations import warn


def draft_warnings(handout: Handout) -> list[str]:
    """``file:line:col: field: warning: ...`` lines; none for a final, reviewed leaflet."""
    out = []
    if handout.review.status == "draft":
        out.append(
            warn(
                handout,
                ("review", "status"),
                "this leaflet is a draft; it is not for patients until a clinical reviewer "
                "signs it off (status: final)",
            )
        )
    if handout.translation is not None and not handout.translation.reviewed:
        out.append(
            warn(
                handout,
                ("translation", "reviewed"),
                "this translation is not reviewed; have a qualified translator check it "
                "before it is given to patients",
            )
        )
    return out
