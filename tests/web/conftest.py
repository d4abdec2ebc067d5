"""Fixtures for the web page's tests: real servers on 127.0.0.1 and a real browser.

A server is ``handout serve`` in a child process on a free port, with its log captured and
its temporary folder (``TMPDIR``) of its own, stopped by its process id when the tests that
use it end. The browser is Debian's chromium driven by Playwright. On a developer machine
without chromium (or axe-core) the browser tests are skipped with the reason; when the
environment says CI (``CI`` set, as ``.ci/run`` does), they fail instead.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from web_load import Server, write_config  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "correct-horse-battery-staple"


def required() -> bool:
    """Whether a missing browser is a failure (CI) rather than a reason to skip."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def missing(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (CI must have it: .ci/run installs it)")
    pytest.skip(reason)


@dataclass
class Running:
    """A started server: its URL, port, log and temporary folder."""

    server: Server
    tmp: Path

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return self.server.port

    def log(self) -> str:
        return self.server.log()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """One HTTP request to this server: (status, headers lower-cased, body)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body, headers or {})
            response = connection.getresponse()
            data = response.read()
            found = {k.lower(): v for k, v in response.getheaders()}
            return response.status, found, data
        finally:
            connection.close()

    def session(self) -> tuple[str, str]:
        """(cookie header, CSRF token) from a visit to the page."""
        status, headers, body = self.request("GET", "/?leaflet=back-spasms")
        assert status == 200
        cookie = headers["set-cookie"].split(";", 1)[0]
        token = re.search(r'name="csrf_token" value="([^"]+)"', body.decode())
        assert token
        return cookie, token.group(1)

    def api(
        self, data: Any, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        head = {"content-type": "application/json", **(headers or {})}
        return self.request("POST", "/api/leaflet", json.dumps(data).encode(), head)


def start(tmp: Path, default_host: bool = False, **config: Any) -> Running:
    tmp.mkdir(parents=True, exist_ok=True)
    own_tmp = tmp / "tmp"
    own_tmp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(own_tmp)}
    config_file = write_config(tmp, **config)
    server = Server(config_file, tmp / "server.log", env=env, default_host=default_host)
    try:
        server.wait()
    except RuntimeError:
        server.stop()
        raise
    return Running(server, own_tmp)


@pytest.fixture(scope="session")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """The page as a clinic runs it: the project's handouts, the example clinic."""
    running = start(tmp_path_factory.mktemp("web"), workers=2)
    yield running
    running.server.stop()


@pytest.fixture(scope="session")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """A server with an access code (one worker, one layout: quick to start)."""
    running = start(
        tmp_path_factory.mktemp("locked"),
        default_host=True,
        workers=1,
        layouts=["standard"],
        access_token=TOKEN,
    )
    yield running
    running.server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        missing("Debian's chromium is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed (pip install '.[test]')")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context.new_page()
    context.close()


def _axe_candidates() -> list[Path]:
    paths = [ROOT / "node_modules" / "axe-core" / "axe.min.js"]
    npm = shutil.which("npm")
    if npm:
        done = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            paths.append(Path(done.stdout.strip()) / "axe-core" / "axe.min.js")
    return paths


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from the npm package (local or global)."""
    for path in _axe_candidates():
        if path.is_file():
            return path.read_text(encoding="utf-8")
    missing("axe-core is not installed (npm install -g axe-core)")
    raise AssertionError  # pragma: no cover - missing() does not return
