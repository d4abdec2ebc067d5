"""The page in a real browser (chromium, headless): search to PDF, errors, keyboard only,
an axe-core scan, and the same flow with JavaScript turned off."""

from __future__ import annotations

import io
import json
from typing import Any

from conftest import Running
from pypdf import PdfReader


def _pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages).split()
    )


def _download(page: Any, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    path = info.value.path()
    data = path.read_bytes()
    info.value.delete()
    return data


def _personalise(page: Any, name: str) -> None:
    page.fill("#f-patient", name)
    page.fill("#f-clinician", "Sam Patel, Physiotherapist")
    page.fill("#f-note", "Walk for ten minutes twice a day.")
    page.uncheck("#ex-cat-cow")
    page.uncheck("#ex-lower-trunk-rotation")
    page.fill("#f-reps-knee-to-chest", "7")


def test_search_choose_personalise_preview_and_download(web: Running, page: Any) -> None:
    page.goto(web.url + "/")
    page.fill("#q", "spasm")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=spasm")
    assert "1 leaflet found" in page.inner_text("#result-count")
    assert "Español" in page.inner_text(".result .languages")
    page.click(".result a.button")
    page.wait_for_selector("#preview-pages img")  # the live preview of the fresh form
    first = page.get_attribute("#preview-pages img", "src")
    _personalise(page, "Wren Okafor-Lindqvist")
    page.check("#layout-large-print")
    page.wait_for_function(
        "src => document.querySelector('#preview-pages img')?.src !== src", arg=first
    )
    assert page.get_attribute("#preview-pages img", "src").startswith("data:image/png;base64,")
    data = _download(page, "#download-button")
    text = _pdf_text(data)
    assert "Wren Okafor-Lindqvist" in text
    assert "Knee-to-chest stretch" in text and "Bridge" in text
    assert "Cat-cow" not in text and "Child's pose" not in text
    assert "7 times" in text or "Repeat 7" in text or " 7 " in text


def _changed_preview(page: Any, change: Any) -> Any:
    """Make ``change`` and wait until the live preview it starts has been shown; the
    preview's JSON answer."""
    with page.expect_response(lambda r: r.url.endswith("/preview")) as answer:
        change()
    page.wait_for_function(
        "() => !document.getElementById('preview-pages').classList.contains('updating')"
    )
    return answer.value.json()


_FULL_PREVIEW = """async () => {
  const form = document.getElementById("leaflet-form");
  const token = form.querySelector("input[name=csrf_token]").value;
  const answer = await fetch("/preview", {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token},
    body: new URLSearchParams(new FormData(form))});
  return (await answer.json()).pages;
}"""


def test_the_live_preview_keeps_the_pictures_of_pages_that_did_not_change(
    web: Running, page: Any
) -> None:
    page.goto(web.url + "/?leaflet=back-spasms")
    page.wait_for_selector("#preview-pages img")
    page.fill("#f-patient", "Wren Okafor-Lindqvist")
    # a note where there was none adds a box (new objects: every page's id changes)
    first = _changed_preview(page, lambda: page.fill("#f-note", "Walk daily."))
    assert first["pages"][0]
    page.evaluate(  # mark each picture element, to see which ones are kept
        "() => document.querySelectorAll('#preview-pages img').forEach((img, i) => {"
        " img.dataset.kept = String(i); })"
    )
    before = page.eval_on_selector_all("#preview-pages img", "els => els.map(e => e.src)")
    answer = _changed_preview(page, lambda: page.fill("#f-note", "Walk for ten minutes."))
    assert len(answer["pages"]) == len(before) >= 2
    assert answer["pages"][0] and answer["pages"][1:] == [None] * (len(before) - 1)
    shown = page.eval_on_selector_all(
        "#preview-pages img", "els => els.map(e => [e.src, e.dataset.kept || '', e.alt])"
    )
    assert len(shown) == len(before)
    assert shown[0][0] != before[0] and shown[0][1] == ""  # page 1, drawn again
    for i, (src, kept, alt) in enumerate(shown[1:], 1):
        assert src == before[i] and kept == str(i), i  # the same picture, the same element
        assert alt == f"Page {i + 1} of {len(shown)} of the leaflet"
    # and what is shown is exactly what a preview drawn from scratch shows
    assert [s[0] for s in shown] == page.evaluate(_FULL_PREVIEW)


def test_print_opens_the_pdf_in_a_new_tab(web: Running, page: Any) -> None:
    page.goto(web.url + "/?leaflet=back-spasms")
    page.fill("#f-patient", "Ida Print")
    posted = page.context.expect_event(
        "response", lambda r: r.request.method == "POST" and r.url == web.url + "/"
    )
    with page.context.expect_page() as opened, posted as answer:
        page.click("#print-button")
    assert answer.value.headers["content-type"] == "application/pdf"
    assert answer.value.headers["content-disposition"].startswith("inline")
    # The browser's viewer holds the body; the same post, sent again, is read back here.
    again = page.request.post(
        web.url + "/",
        data=answer.value.request.post_data,
        headers={"content-type": "application/x-www-form-urlencoded", "origin": web.url},
    )
    assert "Ida Print" in _pdf_text(again.body())
    opened.value.close()


def test_an_error_shows_next_to_its_field_and_the_summary_takes_focus(
    web: Running, page: Any
) -> None:
    page.goto(web.url + "/?leaflet=back-spasms")
    page.fill("#f-patient", "Noor Halvorsen")
    page.fill("#f-reps-bridge", "500")
    page.click("#preview-button")
    page.wait_for_selector("#error-summary:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert (
        page.inner_text("#f-reps-bridge-error")
        .strip()
        .endswith("Enter a whole number from 1 to 100.")
    )
    assert page.get_attribute("#f-reps-bridge", "aria-invalid") == "true"
    summary = page.inner_text("#error-summary")
    assert "Bridge, repeats: Enter a whole number from 1 to 100." in summary
    page.click("#error-summary a")
    assert page.evaluate("document.activeElement.id") == "f-reps-bridge"
    assert page.input_value("#f-patient") == "Noor Halvorsen"  # nothing typed is lost


def test_keyboard_only_from_search_to_download(web: Running, page: Any) -> None:
    page.goto(web.url + "/")
    keys = page.keyboard
    keys.press("Tab")  # the skip link
    keys.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    keys.type("back")
    keys.press("Enter")
    page.wait_for_url("**/?q=back")
    _tab_to(page, "a.button")
    keys.press("Enter")
    page.wait_for_url("**/?leaflet=back-spasms*")
    _tab_to(page, "#f-patient")
    keys.type("Kai Moreau")
    _tab_to(page, "#ex-pelvic-tilt")
    keys.press("Space")  # untick
    outline = page.evaluate(
        "getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
    )
    assert outline == "solid"  # the focus is visible on the box's label
    _tab_to(page, "#download-button")
    with page.expect_download() as info:
        keys.press("Enter")
    text = _pdf_text(info.value.path().read_bytes())
    assert "Kai Moreau" in text and "Pelvic tilt" not in text


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _axe(page: Any, source: str) -> list[dict[str, Any]]:
    page.add_script_tag(content=source)  # allowed: Playwright bypasses the page's policy
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def test_axe_core_finds_no_violations_in_any_state(
    web: Running, browser: Any, axe_source: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found: dict[str, Any] = {}
    page.goto(web.url + "/")
    found["empty"] = _axe(page, axe_source)
    page.goto(web.url + "/?q=nothing-matches-this")
    found["no results"] = _axe(page, axe_source)
    page.goto(web.url + "/?leaflet=back-spasms")
    page.wait_for_selector("#preview-pages img")
    found["chosen, with preview"] = _axe(page, axe_source)
    page.fill("#f-reps-bridge", "0")
    page.click("#preview-button")
    page.wait_for_selector("#error-summary:not([hidden])")
    found["error"] = _axe(page, axe_source)
    page.set_viewport_size({"width": 375, "height": 800})
    found["narrow"] = _axe(page, axe_source)
    context.close()
    assert {state: v for state, v in found.items() if v} == {}, json.dumps(found, indent=1)


def test_without_javascript_the_form_posts_and_keeps_everything(web: Running, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(web.url + "/?leaflet=back-spasms")
    assert page.query_selector("#preview-pages img") is None  # no live preview
    _personalise(page, "Lior Abernathy")
    page.fill("#f-date", "2026-03-02")  # the form's own is today's: the follow-up comes after
    page.fill("#f-follow_up", "2026-03-16")
    page.fill("#f-reps-bridge", "500")
    page.click("#preview-button")
    assert page.query_selector("#error-summary:not([hidden])") is not None
    assert page.evaluate("document.activeElement.id") == "error-summary"  # autofocus
    assert page.input_value("#f-patient") == "Lior Abernathy"
    assert not page.is_checked("#ex-cat-cow") and page.input_value("#f-reps-knee-to-chest") == "7"
    assert "Enter a whole number from 1 to 100." in page.inner_text("#f-reps-bridge-error")
    page.fill("#f-reps-bridge", "6")
    page.click("#preview-button")
    assert page.query_selector("#error-summary:not([hidden])") is None
    assert len(page.query_selector_all("#preview-pages img")) >= 2
    text = _pdf_text(_download(page, "#download-button"))
    assert "Lior Abernathy" in text and "16 March 2026" in text
    context.close()
