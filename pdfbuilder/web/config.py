"""The web page's configuration file, written by clinic IT.

In: a YAML file (``handout serve --config web.yaml``), read as strictly as content (the
project's reader and validator: unknown or duplicate keys, custom tags and wrong types are
refused with ``file:line:column: field: message``).
Out: a frozen :class:`WebConfig` whose paths are absolute (relative ones are taken from the
config file's folder), and :func:`check_host`, which refuses to serve beyond this computer
without an access token.

Only what the config names can be reached from the page: the handouts in its folders, its
layouts and its clinic profile. No request ever carries a path.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .core import (
    HandoutError,
    Source,
    builtin_layout_names,
    convert,
    read_file,
    read_small_file,
    shipped_dir,
)

#: The shortest access token accepted: long enough that guessing over a network is hopeless.
MIN_TOKEN = 16
DEFAULT_LAYOUTS = ("standard", "large-print", "easy-read", "grayscale", "trifold", "booklet")


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


@dataclass(frozen=True)
class WebConfig:
    """What the clinic web page offers, and how it guards itself."""

    handouts: tuple[str, ...] = field(
        default=(),
        metadata=_doc("Folders whose *.yaml handouts the page offers.", min_items=1),
    )
    layouts: tuple[str, ...] = field(
        default=DEFAULT_LAYOUTS,
        metadata=_doc("Layouts offered: built-in names or layout files.", min_items=1),
    )
    default_layout: str | None = field(
        default=None, metadata=_doc("The layout chosen at first (default: the first listed).")
    )
    paper: Literal["a4", "letter"] = field(default="a4", metadata=_doc("Default paper size."))
    clinic: str | None = field(default=None, metadata=_doc("A clinic profile (YAML)."))
    qr: bool = field(default=True, metadata=_doc("Whether the QR code is on at first."))
    access_token: str | None = field(
        default=None, metadata=_doc("The access code staff type to sign in (prefer _file).")
    )
    access_token_file: str | None = field(
        default=None, metadata=_doc("A file holding the access code (first line).")
    )
    allowed_hosts: tuple[str, ...] = field(
        default=(), metadata=_doc("Host names the page answers to besides the one it binds.")
    )
    session_hours: int = field(
        default=12, metadata=_doc("How long a sign-in lasts.", minimum=1, maximum=24)
    )
    build_seconds: int = field(
        default=10, metadata=_doc("Time limit for one leaflet.", minimum=1, maximum=120)
    )
    workers: int = field(
        default=0, metadata=_doc("Build processes (0: one per core).", minimum=0, maximum=32)
    )
    pin_workers: bool = field(
        default=True,
        metadata=_doc("Keep each build process on a core of its own (Linux; faster builds)."),
    )
    tls_certificate: str | None = field(default=None, metadata=_doc("HTTPS certificate (PEM)."))
    tls_key: str | None = field(default=None, metadata=_doc("HTTPS private key (PEM)."))
    #: The config file, for messages; not part of the format.
    file: str = field(default="", metadata={"internal": True})
    #: The access code, read from access_token or access_token_file.
    token: str | None = field(default=None, repr=False, metadata={"internal": True})

    def worker_count(self) -> int:
        """How many build processes to run."""
        return self.workers or max(1, min(4, os.cpu_count() or 1))

    def layout_default(self) -> str:
        """The reference of the layout chosen at first."""
        return self.default_layout or self.layouts[0]


_PATH_FIELDS = ("clinic", "access_token_file", "tls_certificate", "tls_key")


def load_config(path: str | Path) -> WebConfig:
    """Read and check the config file at ``path``; a HandoutError names the line."""
    source = read_file(path)
    config = convert(WebConfig, source.data, (), source)
    base = Path(path).resolve().parent
    changes: dict[str, Any] = {"file": str(path)}
    changes["handouts"] = tuple(str(base / p) for p in config.handouts)
    changes["layouts"] = tuple(_layout_ref(ref, base) for ref in config.layouts)
    if config.default_layout is not None:
        changes["default_layout"] = _layout_ref(config.default_layout, base)
    for name in _PATH_FIELDS:
        value = getattr(config, name)
        if value is not None:
            changes[name] = str(base / value)
    config = dataclasses.replace(config, **changes)
    _check(config, source)
    return dataclasses.replace(config, token=_token(config, source))


def default_config(folder: Path) -> WebConfig:
    """The config used without ``--config``: the ``handouts/`` folder here, else the handouts
    that ship with the package (``handout list``); built-in layouts."""
    handouts = folder / "handouts"
    if not handouts.is_dir():
        return WebConfig(handouts=(str(shipped_dir()),), file="(built-in defaults: shipped)")
    return WebConfig(handouts=(str(handouts),), file="(built-in defaults)")


def _layout_ref(ref: str, base: Path) -> str:
    if ref in builtin_layout_names():
        return ref
    return str(base / ref)


def _check(config: WebConfig, source: Source) -> None:
    if not config.handouts:
        raise source.error(("handouts",), "name at least one folder of handouts")
    for i, folder in enumerate(config.handouts):
        if not Path(folder).is_dir():
            raise source.error(("handouts", i), "this folder does not exist; check the path")
    if config.default_layout is not None and config.default_layout not in config.layouts:
        raise source.error(("default_layout",), "must be one of the layouts listed in layouts")
    if (config.tls_certificate is None) != (config.tls_key is None):
        raise source.error(("tls_key",), "give both tls_certificate and tls_key, or neither")
    if config.access_token is not None and config.access_token_file is not None:
        raise source.error(("access_token",), "give access_token or access_token_file, not both")


def _token(config: WebConfig, source: Source) -> str | None:
    if config.access_token_file is not None:
        try:
            text = read_small_file(config.access_token_file).decode("utf-8")
        except (HandoutError, UnicodeDecodeError):
            raise source.error(
                ("access_token_file",),
                "cannot read this file (a small regular text file); check the path and permissions",
            ) from None
        lines = text.splitlines()
        token, where = (lines[0].strip() if lines else ""), ("access_token_file",)
    elif config.access_token is not None:
        token, where = config.access_token.strip(), ("access_token",)
    else:
        return None
    if len(token) < MIN_TOKEN:
        raise source.error(
            where, f"the access code must be at least {MIN_TOKEN} characters; make it longer"
        )
    return token


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer only (127.0.0.0/8, ::1 or localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(config: WebConfig, host: str) -> None:
    """Refuse to listen beyond this computer unless an access token is set."""
    if not is_loopback(host) and config.token is None:
        raise HandoutError(
            f"serving on {host} lets other computers reach the page; set access_token_file "
            "in the config first (see docs/web.md), or serve on 127.0.0.1",
            field="--host",
        )
    if host in ("0.0.0.0", "::") and not config.allowed_hosts:
        raise HandoutError(
            f"serving on every address ({host}) answers only to the host names in "
            "allowed_hosts; list the names staff type (e.g. handouts.clinic.example)",
            field="--host",
        )
