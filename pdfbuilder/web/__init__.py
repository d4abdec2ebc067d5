"""The clinic web page: ``handout serve``.

In: a config file naming the handouts, layouts and clinic profile on offer, and requests
from staff (form posts) or other systems (JSON). Out: pages, previews and PDFs, built in
memory and never stored.

Staff find a leaflet, choose its layout, paper and language, add the patient's details,
see a live preview and print or download the PDF; other systems post JSON to
``/api/leaflet``. Built on Starlette (ASGI) with Jinja2 templates, served by uvicorn, with
leaflets made in warm worker processes through the public API. Nothing is stored.

Modules, in the order a request meets them: :mod:`.server` (start-up), :mod:`.middleware`
(host, sign-in, headers, log), :mod:`.app` (routes), :mod:`.security` (CSRF, body limits),
:mod:`.forms` and :mod:`.fields` (checking what arrived), :mod:`.view` (the form's state),
:mod:`.pool` and :mod:`.worker` (builds), :mod:`.catalogue` and :mod:`.config` (what is
offered), :mod:`.openapi`, and :mod:`.core`, the one door to the rest of the package.

Importing this package imports none of the web dependencies; :func:`serve` does.
"""

from __future__ import annotations

from pathlib import Path


def serve(host: str = "127.0.0.1", port: int = 8000, config: Path | None = None) -> None:
    """Run the web page until interrupted (see :mod:`pdfbuilder.web.server`)."""
    from .server import serve as _serve

    _serve(host, port, config)


__all__ = ["serve"]
