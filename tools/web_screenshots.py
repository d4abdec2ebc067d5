"""Screenshots of every state of the clinic web page, for review and for docs/web.md.

Run from the project root (needs Debian's chromium and the test extra)::

    .venv/bin/python tools/web_screenshots.py OUT_DIR           # what a window shows
    .venv/bin/python tools/web_screenshots.py OUT_DIR --full    # whole pages, for review

It starts ``handout serve`` on 127.0.0.1 (see ``bench/web_load.py``), drives chromium with
Playwright and writes ``OUT_DIR/web-*.png``: empty, searched, chosen, personalised with the
preview, an error, keyboard focus, a narrow window, and the sign-in page. The patient in them
is made up.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from web_load import Server, write_config  # noqa: E402

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]


def _fill(page: Page) -> None:
    page.fill("#f-patient", "Ana Ruiz")
    page.fill("#f-clinician", "Sam Patel, Physiotherapist")
    follow_up = dt.date.today() + dt.timedelta(days=14)  # after the visit (today) always
    page.fill("#f-follow_up", follow_up.isoformat())
    page.fill("#f-note", "Walk for 10 minutes twice a day.")
    page.uncheck("#ex-cat-cow")
    page.fill("#f-reps-knee-to-chest", "8")


def shoot(out: Path, url: str, token_url: str | None = None, full: bool = False) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/")
        page.screenshot(path=out / "web-1-empty.png", full_page=full)
        page.fill("#q", "back exercises")
        page.click("form[role=search] button")
        page.screenshot(path=out / "web-2-searched.png", full_page=full)
        page.click(".result a.button")
        page.wait_for_selector("#preview-pages img")
        page.screenshot(path=out / "web-3-chosen.png", full_page=full)
        _fill(page)
        page.click("#layout-large-print + label")
        page.wait_for_timeout(1500)
        page.evaluate("document.querySelector('#f-patient').scrollIntoView()")
        page.screenshot(path=out / "web-4-personalised.png", full_page=full)
        page.fill("#f-reps-knee-to-chest", "500")
        page.click("#preview-button")
        page.wait_for_selector("#error-summary:not([hidden])")
        # The summary takes focus and the page scrolls to it: shoot once both have happened
        # (a shot taken mid-scroll came out blank).
        page.wait_for_function("document.activeElement?.id === 'error-summary'")
        page.wait_for_function(
            "(() => { const r = document.querySelector('#error-summary')"
            ".getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()"
        )
        page.wait_for_timeout(400)
        page.screenshot(path=out / "web-5-error.png", full_page=False)
        page.click("#error-summary a")  # the link moves to the field, with its message
        page.screenshot(path=out / "web-5b-error-field.png", full_page=False)
        page.goto(url + "/?leaflet=back-spasms")
        page.keyboard.press("Tab")
        for _ in range(8):
            page.keyboard.press("Tab")
        page.screenshot(path=out / "web-6-focus.png", full_page=False)
        narrow = browser.new_page(viewport={"width": 375, "height": 800})
        narrow.goto(url + "/?leaflet=back-spasms")
        narrow.wait_for_selector("#preview-pages img")
        narrow.screenshot(path=out / "web-7-narrow.png", full_page=full)
        nojs = browser.new_context(java_script_enabled=False).new_page()
        nojs.goto(url + "/?leaflet=back-spasms")
        _fill(nojs)
        with nojs.expect_navigation():  # a plain form post: shoot the page it answers with
            nojs.click("#preview-button")
        nojs.screenshot(path=out / "web-8-nojs-preview.png", full_page=full)
        if token_url:
            page.goto(token_url + "/")
            page.screenshot(path=out / "web-9-sign-in.png")
        browser.close()


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--full"]
    out = Path(args[0] if args else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "a").mkdir()
        (base / "b").mkdir()
        server = Server(write_config(base / "a"), base / "a.log")
        locked = Server(
            write_config(base / "b", access_token="correct horse battery staple", workers=1),
            base / "b.log",
        )
        try:
            server.wait()
            locked.wait()
            shoot(out, server.url, locked.url, full="--full" in sys.argv)
        finally:
            server.stop()
            locked.stop()
    print(f"wrote {out}/web-*.png")


if __name__ == "__main__":
    main()
