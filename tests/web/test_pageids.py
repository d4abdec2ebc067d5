"""The preview's page ids: the same id only for a page drawn from the same bytes.

The live preview draws again only the pages whose id changed (pdfbuilder/web/pageids.py),
so an id that stayed the same while the page's pixels changed would leave a stale picture
of a leaflet in front of staff. These tests build real leaflets with different details and
check both ways: every page whose id is unchanged draws the very same pixels, and the
pages that show a change get a new id. Files not laid out as ReportLab writes them get no
ids at all (every page is then drawn).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pytest

from pdfbuilder.content.shipped import shipped_dir
from pdfbuilder.people.personal import personal_from_strings
from pdfbuilder.pipeline import build_pdf
from pdfbuilder.web import pageids, worker
from pdfbuilder.web.png import render_png

KEY = b"k" * 32
BASE = {"patient": "Robin Example", "clinician": "Dr Ada Test", "note": "Walk daily."}


def _build(handout: str = "back-spasms", layout: str = "standard", **details: str) -> bytes:
    personal = personal_from_strings({**BASE, **details})
    return build_pdf(shipped_dir() / f"{handout}.yaml", layout, personal=personal, tagged=False)


def _pixels(pdf: bytes) -> list[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [render_png(document[i], worker.PREVIEW_SCALE) for i in range(len(document))]
    finally:
        document.close()


def _ids(pdf: bytes) -> list[str]:
    ids = pageids.page_ids(pdf, KEY)
    assert ids is not None
    return ids


def test_the_same_build_gives_the_same_ids_one_a_page() -> None:
    pdf = _build()
    ids = _ids(pdf)
    assert ids == _ids(_build())
    assert len(ids) == len(pypdfium2.PdfDocument(pdf)) and len(set(ids)) == len(ids)
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


@pytest.mark.parametrize(
    ("handout", "layout", "change"),
    [
        ("back-spasms", "standard", {"patient": "Sam Other"}),
        ("back-spasms", "standard", {"note": "Walk twice a day, ten minutes."}),
        ("back-spasms", "large-print", {"patient": "Sam Other"}),
        ("back-spasms", "easy-read", {"note": "Rest, then walk a little."}),
        ("neck-pain", "standard", {"clinician": "Dr Bo Second"}),
        ("ankle-sprain", "trifold", {"patient": "Jo Zed-Quartz"}),
    ],
)
def test_an_unchanged_id_means_unchanged_pixels(
    handout: str, layout: str, change: dict[str, str]
) -> None:
    before, after = _build(handout, layout), _build(handout, layout, **change)
    old, new = _ids(before), _ids(after)
    old_px, new_px = _pixels(before), _pixels(after)
    assert len(old) == len(old_px) and len(new) == len(new_px)
    changed = [i for i in range(min(len(old_px), len(new_px))) if old_px[i] != new_px[i]]
    assert changed, "the change shows on some page"
    for i in range(min(len(old), len(new))):
        if old[i] == new[i]:
            assert old_px[i] == new_px[i], f"page {i + 1} kept its id but not its pixels"
    assert all(old[i] != new[i] for i in changed)


def test_a_change_on_the_first_page_keeps_the_other_pages_ids() -> None:
    old, new = _ids(_build()), _ids(_build(note="Walk twice a day."))
    assert old[0] != new[0]
    assert old[1:] == new[1:]  # the note is on the first page only: nothing else to draw


def test_a_font_that_gains_a_letter_changes_every_id() -> None:
    # "ø" and "Q" are in no other text of the leaflet: the font subsets change, and so
    # may the codes of letters on every page
    old, new = _ids(_build()), _ids(_build(patient="Quinn Sørensen"))
    assert len(old) == len(new) and all(a != b for a, b in zip(old, new, strict=True))


def test_the_key_and_the_salt_change_every_id() -> None:
    pdf = _build()
    ids = _ids(pdf)
    other_key = pageids.page_ids(pdf, b"x" * 32)
    other_salt = pageids.page_ids(pdf, KEY, b"scale 2")
    assert other_key is not None and other_salt is not None
    assert not set(ids) & set(other_key) and not set(ids) & set(other_salt)
    assert pageids.new_key() != pageids.new_key() and len(pageids.new_key()) == 32


def _rewritten(pdf: bytes, **save: Any) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.save(out, **save)
    return out.getvalue()


def _nested_tree(pdf: bytes) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        root = doc.Root.Pages
        inner = doc.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Pages, Kids=root.Kids, Count=root.Count)
        )
        for page in inner.Kids:
            page.Parent = inner
        root.Kids = pikepdf.Array([inner])
        doc.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def _shared_contents(pdf: bytes) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.pages[1].obj.Contents = doc.pages[0].obj.Contents
        doc.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


@pytest.mark.parametrize(
    "variant",
    [
        "tagged",
        "object streams",
        "incremental update",
        "truncated",
        "not a pdf",
        "nested page tree",
        "two pages, one stream",
        "offset beyond the table",
    ],
)
def test_files_not_laid_out_as_reportlab_writes_them_get_no_ids(variant: str) -> None:
    pdf = _build()
    if variant == "tagged":  # the finishing pass appends an update
        data = build_pdf(shipped_dir() / "back-spasms.yaml", "standard")
    elif variant == "object streams":
        data = _rewritten(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    elif variant == "incremental update":
        data = pdf + b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< >>\nstartxref\n10\n%%EOF\n"
    elif variant == "truncated":
        data = pdf[: len(pdf) // 2]
    elif variant == "not a pdf":
        data = b"startxref\n0\n%%EOF\n"
    elif variant == "nested page tree":
        data = _nested_tree(pdf)
    elif variant == "two pages, one stream":
        data = _shared_contents(pdf)
    else:
        table = pdf.rindex(b"\nxref\n") + 1
        at = pdf.index(b"\n", pdf.index(b"\n", table) + 1) + 1 + 20  # object 1's entry
        assert pdf[at + 10 : at + 18] == b" 00000 n", "the table as ReportLab writes it"
        data = pdf[:at] + b"9999999999" + pdf[at + 10 :]  # its offset, moved past the table
    assert pageids.page_ids(data, KEY) is None


def test_a_plain_rewrite_without_object_streams_still_gets_ids() -> None:
    # another writer's classic layout is read the same way: ids, of other bytes
    data = _rewritten(_build(), object_stream_mode=pikepdf.ObjectStreamMode.disable)
    ids = pageids.page_ids(data, KEY)
    assert ids is not None and len(ids) == len(_ids(_build()))


def test_the_worker_draws_only_the_pages_whose_id_changed(tmp_path: Path) -> None:
    from pdfbuilder.web.catalogue import load_catalogue
    from pdfbuilder.web.forms import check, from_json

    config = _config(tmp_path)
    worker.start(config, KEY)
    catalogue = load_catalogue(config)

    def request(note: str) -> Any:
        sub, errors = from_json({"handout": "back-spasms", **BASE, "note": note})
        req, more = check(sub, catalogue)
        assert req is not None, errors + more
        return req

    kind, (full, ids) = worker.handle(("preview", (request("Walk daily."), ())))
    assert kind == "preview" and all(full[:-1]) and len(ids) == len(full) - 1
    kind, (again, same) = worker.handle(("preview", (request("Walk daily."), tuple(ids))))
    assert same == ids and again[:-1] == [b""] * len(ids) and again[-1] == full[-1]
    kind, (changed, new) = worker.handle(("preview", (request("Rest, then walk."), tuple(ids))))
    assert new[0] != ids[0] and changed[0] and changed[0] != full[0]
    assert new[1:] == ids[1:] and changed[1:-1] == [b""] * (len(ids) - 1)
    _, (fresh, _) = worker.handle(("preview", (request("Rest, then walk."), ())))
    assert fresh[0] == changed[0]  # the page drawn alone is the page drawn with the rest
    wrong = ("0" * 32,) * len(ids)
    _, (drawn, _) = worker.handle(("preview", (request("Walk daily."), wrong)))
    assert drawn == full


def _config(folder: Path) -> Any:
    from pdfbuilder.web.config import load_config

    path = folder / "web.yaml"
    path.write_text(f"handouts: [{json.dumps(str(shipped_dir()))}]\nlayouts: [standard]\n")
    return load_config(path)
