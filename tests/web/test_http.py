"""The running server over plain HTTP: security headers, CSRF, limits, the JSON API, the
access code, and that no patient detail reaches the log or a temporary file."""

from __future__ import annotations

import io
import json
import os
import time
import urllib.parse
import uuid
from pathlib import Path

from conftest import TOKEN, Running
from pypdf import PdfReader

FORM = "application/x-www-form-urlencoded"


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())


def _form(
    web: Running, fields: list[tuple[str, str]], **head: str
) -> tuple[int, dict[str, str], bytes]:
    cookie, token = web.session()
    pairs = [("csrf_token", token), ("handout", "back-spasms"), *fields]
    headers = {"content-type": FORM, "cookie": cookie, "origin": web.url, **head}
    return web.request("POST", "/", urllib.parse.urlencode(pairs).encode(), headers)


def test_every_response_has_the_security_headers_and_no_store(web: Running) -> None:
    pdf = web.api({"handout": "back-spasms"})
    for status, headers, _ in (web.request("GET", "/"), web.request("GET", "/nope"), pdf):
        assert status in (200, 404)
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["cache-control"] == "no-store"
    page_csp = web.request("GET", "/")[1]["content-security-policy"]
    assert "script-src 'self'" in page_csp and "unsafe-inline" not in page_csp
    assert "default-src 'none'" in page_csp
    assert "server" not in pdf[1]  # uvicorn's name and version are not announced


def test_the_page_has_no_inline_script_or_style(web: Running) -> None:
    html = web.request("GET", "/?leaflet=back-spasms")[2].decode()
    assert "<script>" not in html and "<script src=" in html
    assert " style=" not in html and "<style" not in html and " on" + "click=" not in html


def test_a_form_post_without_a_valid_csrf_token_is_refused(web: Running) -> None:
    body = urllib.parse.urlencode({"handout": "back-spasms", "action": "download"}).encode()
    assert web.request("POST", "/", body, {"content-type": FORM})[0] == 403
    cookie, _ = web.session()
    wrong = body + b"&csrf_token=" + b"0" * 64
    headers = {"content-type": FORM, "cookie": cookie}
    status, _, page = web.request("POST", "/", wrong, headers)
    assert status == 403 and b"Nothing was made" in page and not page.startswith(b"%PDF")
    # An out-of-date token from this site (a restart) shows the form again, as it was sent.
    stale = urllib.parse.urlencode(
        {"handout": "back-spasms", "patient": "Rhea Stale", "csrf_token": "0" * 64}
    ).encode()
    status, _, page = web.request("POST", "/", stale, {**headers, "origin": web.url})
    assert status == 403 and b'value="Rhea Stale"' in page and b"csrf_token" in page
    # The right token, but posted from another site: refused too.
    status, _, _ = _form(web, [("action", "download")], origin="https://evil.example")
    assert status == 403
    status, _, _ = _form(web, [("action", "download")], **{"sec-fetch-site": "cross-site"})
    assert status == 403
    status, headers, pdf = _form(web, [("action", "download")])
    assert status == 200 and pdf.startswith(b"%PDF-")


def test_the_live_preview_needs_the_token_too(web: Running) -> None:
    cookie, token = web.session()
    body = urllib.parse.urlencode({"handout": "back-spasms"}).encode()
    headers = {"content-type": FORM, "cookie": cookie}
    assert web.request("POST", "/preview", body, headers)[0] == 403
    status, _, data = web.request("POST", "/preview", body, {**headers, "x-csrf-token": token})
    pages = json.loads(data)["pages"]
    assert status == 200 and len(pages) >= 2 and pages[0].startswith("data:image/png;base64,")


def test_the_live_preview_sends_again_only_the_pages_that_changed(web: Running) -> None:
    cookie, token = web.session()
    headers = {"content-type": FORM, "cookie": cookie, "x-csrf-token": token}

    def preview(note: str, held: str) -> dict[str, object]:
        fields = {"handout": "back-spasms", "patient": "Robin Example", "note": note}
        body = urllib.parse.urlencode({**fields, "page_ids": held}).encode()
        status, _, data = web.request("POST", "/preview", body, headers)
        assert status == 200
        answer: dict[str, object] = json.loads(data)
        return answer

    first = preview("Walk daily.", "")
    pages, ids = first["pages"], first["ids"]
    assert isinstance(pages, list) and isinstance(ids, list) and len(ids) == len(pages) >= 2
    assert all(isinstance(p, str) and p.startswith("data:image/png;base64,") for p in pages)
    held = " ".join(str(i) for i in ids)
    same = preview("Walk daily.", held)
    assert same["ids"] == ids and same["pages"] == [None] * len(ids)  # nothing to draw again
    changed = preview("Rest, then walk a little each hour.", held)
    new_pages, new_ids = changed["pages"], changed["ids"]
    assert isinstance(new_pages, list) and isinstance(new_ids, list)
    assert new_ids[0] != ids[0] and isinstance(new_pages[0], str)  # the note's page
    assert new_ids[1:] == ids[1:] and new_pages[1:] == [None] * (len(ids) - 1)
    # ids that are not ids count as none held: every page comes back
    too_many = " ".join([held] * 3)  # more ids than the preview has pictures
    for odd in ("x" * 32, too_many, held.upper(), "../" * 40, held + " " * 600):
        assert all(preview("Walk daily.", odd)["pages"]), odd


def test_the_api_refuses_other_sites_and_other_content_types(web: Running) -> None:
    data = {"handout": "back-spasms"}
    status, _, body = web.api(data, {"origin": "https://evil.example"})
    assert status == 403 and json.loads(body)["errors"][0]["field"] == ""
    plain = json.dumps(data).encode()  # a "simple" cross-site request needs no preflight
    assert web.request("POST", "/api/leaflet", plain, {"content-type": "text/plain"})[0] == 415


def test_an_unknown_host_name_is_refused(web: Running) -> None:
    assert web.request("GET", "/", headers={"host": "rebound.evil.example"})[0] == 400


def test_the_log_names_only_the_apps_own_paths(web: Running) -> None:
    marker = uuid.uuid4().hex
    assert web.request("GET", f"/Patient-{marker}?q={marker}")[0] == 404
    assert web.request("GET", f"/?q={marker}")[0] == 200
    log = web.log()
    assert marker not in log and "GET (other path) 404" in log


def test_bodies_and_fields_are_bounded(web: Running) -> None:
    big = b"{" + b" " * (70 * 1024) + b"}"
    status, _, body = web.request("POST", "/api/leaflet", big, {"content-type": "application/json"})
    assert status == 413
    status, _, body = web.api({"handout": "back-spasms", "patient": "x" * 101})
    assert status == 422
    assert json.loads(body)["errors"] == [
        {"field": "patient", "message": "This is too long: at most 100 characters."}
    ]
    status, _, page = _form(web, [("note", "n" * 1001)])
    assert status == 422 and b"This is too long: at most 1000 characters." in page


def test_the_api_builds_the_leaflet_with_the_batch_csv_keys(web: Running) -> None:
    request = {
        "handout": "back-spasms",
        "layout": "large-print",
        "paper": "letter",
        "patient": "Tamsin Achterberg",
        "clinician": "Sam Patel",
        "date": "2026-03-02",
        "follow_up": "2026-03-16",
        "note": "Start gently.",
        "exercises": "knee-to-chest:reps=9,per-day=2; bridge",
        "file": "../A1001 Achterberg",
    }
    status, headers, pdf = web.api(request)
    assert status == 200 and headers["content-type"] == "application/pdf"
    assert headers["content-disposition"] == 'attachment; filename="A1001-Achterberg.pdf"'
    text = _text(pdf)
    assert "Tamsin Achterberg" in text and "16 March 2026" in text
    assert "Knee-to-chest stretch" in text and "Bridge" in text and "Cat-cow" not in text
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert round(float(page.mediabox.width)) == 612  # US Letter


def test_api_errors_name_the_field_path_with_the_pages_words(web: Running) -> None:
    exercises = [{"id": "bridge"}, {"id": "knee-to-chest", "reps": 500}]
    status, _, body = web.api(
        {"handout": "back-spasms", "exercises": exercises, "date": "2026-02-31"}
    )
    assert status == 422
    errors = json.loads(body)["errors"]
    assert {
        "field": "date",
        "message": "There is no date 2026-02-31. "
        "Enter a real date as year-month-day, like 2026-03-01.",
    } in errors
    assert {
        "field": "exercises[1].reps",
        "message": "Enter a whole number from 1 to 100.",
    } in errors
    # The page says the same about the same mistake.
    status, _, page = _form(
        web, [("exercises_listed", "1"), ("exercises", "bridge"), ("reps.bridge", "500")]
    )
    assert status == 422 and b"Enter a whole number from 1 to 100." in page
    status, _, body = web.api({"handout": "no-such-leaflet", "paper": "a3", "colour": "red"})
    fields = [e["field"] for e in json.loads(body)["errors"]]
    assert fields == ["colour"]  # unknown keys first, before anything is looked up
    status, _, body = web.api({"handout": "no-such-leaflet", "paper": "a3"})
    assert [e["field"] for e in json.loads(body)["errors"]] == ["handout", "paper"]
    status, _, body = web.api({"handout": "back-spasms", "exercises": "brige"})
    assert status == 422
    assert json.loads(body)["errors"][0]["field"] == "exercises"
    assert 'did you mean "bridge"' in json.loads(body)["errors"][0]["message"]


def test_the_api_has_an_openapi_description(web: Running) -> None:
    status, _, body = web.request("GET", "/api/openapi.json")
    doc = json.loads(body)
    schema = doc["paths"]["/api/leaflet"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    assert status == 200 and doc["openapi"].startswith("3.1")
    assert "back-spasms-es" in schema["properties"]["handout"]["enum"]
    assert schema["properties"]["patient"]["maxLength"] == 100


def _listening(port: int) -> list[str]:
    """The local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as handle:
            for line in handle.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.append(address)
    return found


def test_the_server_listens_on_127_0_0_1_only_by_default(web: Running, locked: Running) -> None:
    # `locked` was started without --host: the default.
    assert "--host" not in locked.server.command
    for running in (web, locked):
        assert _listening(running.port) == ["0100007F"]  # 127.0.0.1, and no other address
        assert f"http://127.0.0.1:{running.port}/" in running.log()


def test_with_an_access_code_the_page_and_api_need_it(locked: Running) -> None:
    status, headers, _ = locked.request("GET", "/")
    assert status == 303 and headers["location"] == "/login"
    assert locked.api({"handout": "back-spasms"})[0] == 401
    bearer = {"authorization": f"Bearer {TOKEN}"}
    status, _, pdf = locked.api({"handout": "back-spasms"}, bearer)
    assert status == 200 and pdf.startswith(b"%PDF-")
    assert locked.api({"handout": "back-spasms"}, {"authorization": "Bearer wrong"})[0] == 401
    # Signing in on the page: a wrong code waits and says so; the right one sets a cookie.
    status, headers, html = locked.request("GET", "/login")
    cookie = headers["set-cookie"].split(";", 1)[0]
    token = html.decode().split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    head = {"content-type": FORM, "cookie": cookie, "origin": locked.url}

    def sign_in(code: str) -> tuple[int, dict[str, str], bytes]:
        body = urllib.parse.urlencode({"csrf_token": token, "access_code": code}).encode()
        return locked.request("POST", "/login", body, head)

    start = time.monotonic()
    status, _, html = sign_in("guess")
    assert status == 401 and b"not right" in html and time.monotonic() - start >= 0.9
    status, headers, _ = sign_in(TOKEN)
    assert status == 303 and "httponly" in headers["set-cookie"].lower()
    access = headers["set-cookie"].split(";", 1)[0]
    status, _, html = locked.request("GET", "/", headers={"cookie": f"{cookie}; {access}"})
    assert status == 200 and b"Sign out" in html


def _files(folder: Path, since: float) -> list[Path]:
    """Regular files under ``folder`` changed since ``since`` (others' files may vanish)."""
    out = []
    for base, _, names in os.walk(folder, onerror=lambda _: None):
        for name in names:
            path = Path(base, name)
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since:
                    out.append(path)
            except OSError:
                continue
    return out


def test_no_patient_detail_reaches_the_log_or_a_temporary_file(web: Running) -> None:
    since = time.time() - 1
    name = f"Zephyrine {uuid.uuid4().hex[:12]}"
    note = f"Note {uuid.uuid4().hex[:12]}"
    assert web.api({"handout": "back-spasms", "patient": name, "note": note})[0] == 200
    assert web.api({"handout": "back-spasms", "patient": name, "date": "2026-13-01"})[0] == 422
    status, _, _ = _form(web, [("patient", name), ("note", note), ("action", "preview")])
    assert status == 200
    _form(web, [("patient", name), ("reps.bridge", "x"), ("exercises", "bridge")])
    _form(web, [("patient", name), ("action", "download")])
    log = web.log()
    assert "POST /api/leaflet 200" in log and "POST / 200" in log  # the log did get lines
    for secret in (name, note):
        assert secret not in log
    searched = (
        _files(web.tmp, since)
        + _files(Path("/tmp"), since)
        + _files(Path(os.environ.get("TMPDIR", "/tmp")), since)
    )
    for path in searched:
        try:
            data = path.read_bytes() if path.stat().st_size < 50_000_000 else b""
        except OSError:  # another program's file, gone or unreadable
            continue
        for secret in (name, note):
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, path
    assert [p for p in _files(web.tmp, since) if p.suffix in (".pdf", ".png")] == []
