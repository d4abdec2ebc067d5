"""Which address the leaflet's QR code links to, when the content, the clinic and the print
options each may give one.

In: the handout, the clinic profile and the print-time details (either may be None). Out:
the address, or None for no code. First found wins:

1. ``--qr-url`` (or a batch row's ``qr_url``): chosen for this print, for this patient;
2. the clinic's ``online_url`` when it holds ``{id}``: the clinic's own copy of *this*
   leaflet (``https://clinic.example/leaflets/{id}`` gives ``.../leaflets/neck-pain``);
3. the handout's own ``online_url``: where this leaflet's content is published;
4. the clinic's ``online_url`` without ``{id}``: one page for all its leaflets.

So a clinic profile shared by every leaflet never sends the neck leaflet's reader to the
back-spasm page.
"""

from __future__ import annotations

from ..content.model import Handout
from ..people.clinic import Clinic
from ..people.personal import Personal

#: In a clinic's ``online_url``: replaced by the handout's id.
ID_SLOT = "{id}"


def qr_address(handout: Handout, clinic: Clinic | None, personal: Personal | None) -> str | None:
    """The address the leaflet's QR code links to (see the module docstring)."""
    if personal is not None and personal.qr_url:
        return personal.qr_url
    shared = clinic.online_url if clinic is not None else None
    if shared and ID_SLOT in shared:
        return shared.replace(ID_SLOT, handout.id)
    return handout.online_url or shared
