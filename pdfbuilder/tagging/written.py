"""The trailer, catalog, page tree and info dictionary of ReportLab's file, read as text.

In: the bytes ReportLab saved (one classic xref section, one trailer, no update yet) and
the object numbers of its pages (:func:`~pdfbuilder._rl.saved.saved_pages`). Out: a
:class:`Written` with what the finishing pass needs from them: ``/Size``, ``/Root``,
``/Info`` and ``/ID``, the info dictionary's text values, the catalog's ``/Lang`` and the
catalog written out again with its ViewerPreferences made direct, as pikepdf writes it
(``unparse``: keys sorted, one space between tokens). Or None when anything is not what
ReportLab writes; the pass then reads the file with pikepdf, as it always could.

Why: pikepdf opening a leaflet only to read four small dictionaries was a sixth of the
pass. Only the plainest syntax is taken: names of letters, digits and ``._+-``; integers;
``true``/``false``; references ``N 0 R``; arrays of these; literal strings with the
escapes ReportLab writes (``\\ddd``, ``\\(``, ``\\)``, ``\\\\``, ``\\n`` ...) and hex
strings. A text value must decode the one way every reader decodes it: UTF-16BE after
its byte order mark, or PDFDocEncoding without control characters or undefined bytes.
Anything else (a real number, a nested
dictionary, a control character, a second xref section) is left to pikepdf: a wrong
title in the XMP packet or a wrong /Lang would be silent, a slower pass is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

#: Where a token ends: white space, a delimiter or the end. (White space is only what
#: ReportLab writes: a form feed or NUL is left to pikepdf, as Python's ``\s`` differs.)
_END = rb"(?=[ \t\r\n/\[\]<>()%]|$)"
_WS = rb"[ \t\r\n]*"
_NAME = rb"/[A-Za-z0-9._+-]+"
#: One value but an array: a name, a reference, an integer, true or false, a literal
#: string with ReportLab's escapes, a hex string.
_ATOM = (
    rb"(?:"
    + _NAME
    + rb"|[1-9][0-9]*[ \n]+0[ \n]+R|-?(?:0|[1-9][0-9]*)|true|false)"
    + _END
    + rb"|\((?:[^\\()\r\n]++|\\[0-7]{3}|\\[nrtbf()\\])*+\)|<[0-9A-Fa-f]*>"
)
#: One entry of a dictionary (a name, then an atom or an array of atoms), or a comment.
_ENTRY = re.compile(
    _WS
    + rb"(?:("
    + _NAME
    + rb")"
    + _END
    + _WS
    + rb"("
    + _ATOM
    + rb"|\[(?:"
    + _WS
    + rb"(?:"
    + _ATOM
    + rb"))*"
    + _WS
    + rb"\])|%[^\r\n]*)"
)
_ATOMS = re.compile(_ATOM)
_ESCAPE = re.compile(rb"\\([0-7]{3}|.)")
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
#: PDFDocEncoding where it is not Latin-1 (ISO 32000-1, Annex D): bytes 0x80 to 0x9E and
#: 0xA0 (typographic quotes and dashes, bullets, the euro sign), as Latin-1 decodes them.
_PDFDOC = str.maketrans(
    dict(
        zip(
            map(chr, [*range(0x80, 0x9F), 0xA0]),
            "\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030"
            "\u201e\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160"
            "\u0178\u017d\u0131\u0142\u0153\u0161\u017e\u20ac",
            strict=True,
        )
    )
)
#: Bytes read here in PDFDocEncoding: printable ASCII and the defined bytes above it
#: (control characters, 0x7F, 0x9F and 0xAD are left to pikepdf).
_PDFDOC_BYTES = frozenset(range(0x20, 0x7F)) | frozenset(range(0x80, 0x100)) - {0x9F, 0xAD}
_XREF_ENTRY = 20  # "0000012345 00000 n \n"


class Ref(int):
    """An indirect reference ``N 0 R`` (its object number)."""


Value = Union[Ref, str, bytes, int, bool, list["Value"]]  # noqa: UP007 (a runtime alias)


@dataclass(frozen=True)
class Written:
    """What the finishing pass reads from ReportLab's file (see the module's text)."""

    size: int
    root_num: int
    info_num: int | None
    id: str  # the trailer's /ID as pikepdf writes it, or ""
    info: dict[str, str]  # the info dictionary's text values, by key without the slash
    lang: str  # the catalog's /Lang, or ""
    catalog: dict[str, str]  # the catalog's entries as pikepdf writes them, by key
    preferences: dict[str, str]  # its /ViewerPreferences' entries, the same way


def read_written(
    data: bytes, startxref: int, pages: list[int], info_keys: tuple[str, ...]
) -> Written | None:
    """What ReportLab's ``data`` says (its xref at ``startxref``, its pages ``pages``), or
    None unless every part is the plain syntax above and the page tree lists ``pages``."""
    trailer = _trailer(data, startxref)
    if trailer is None:
        return None
    size, root_num, info_ref, id_value = trailer
    base = startxref + len(b"xref\n0 %d\n" % size)
    root = _dictionary(data, base, size, root_num)
    if root is None or root.get("/Type") != "/Catalog":
        return None
    tree = _dictionary(data, base, size, root.get("/Pages"))
    if tree is None or tree.get("/Count") != len(pages) or tree.get("/Kids") != pages:
        return None
    info = _dictionary(data, base, size, info_ref) if info_ref is not None else {}
    texts = _texts(info, info_keys) if info is not None else None
    catalog = _catalog(data, base, size, root)
    lang = root.get("/Lang", b"")
    ids = _id(id_value)
    if texts is None or catalog is None or not isinstance(lang, bytes) or ids is None:
        return None
    lang_text = _text(lang)
    if lang_text is None:
        return None
    return Written(size, root_num, info_ref, ids, texts, lang_text, *catalog)


def _trailer(data: bytes, startxref: int) -> tuple[int, Ref, Ref | None, Value | None] | None:
    """``/Size``, ``/Root``, ``/Info`` and ``/ID`` of the trailer after ReportLab's one
    xref section, if that is all the file's end is."""
    head = re.compile(rb"xref\n0 ([1-9][0-9]*)\n").match(data, startxref)
    if head is None:
        return None
    size = int(head.group(1))
    at = head.end() + _XREF_ENTRY * size
    end = data.find(b"\nstartxref\n", at)
    if not data.startswith(b"trailer\n<<", at) or end < 0 or data[end - 2 : end] != b">>":
        return None
    if data[end:] != b"\nstartxref\n%d\n%%%%EOF\n" % startxref:
        return None  # another update after this one, or something else at the end
    found = _parse(data[at + len(b"trailer\n<<") : end - 2])
    if found is None or not set(found) <= {"/Size", "/Root", "/Info", "/ID"}:
        return None
    root, info = found.get("/Root"), found.get("/Info")
    if found.get("/Size") != size or not isinstance(root, Ref):
        return None
    if info is not None and not isinstance(info, Ref):
        return None
    return size, root, info, found.get("/ID")


def _dictionary(data: bytes, base: int, size: int, ref: Value | None) -> dict[str, Value] | None:
    """Object ``ref`` (at the offset the xref gives) when it is a plain dictionary."""
    if not isinstance(ref, Ref) or not 0 < ref < size:
        return None
    entry = data[base + _XREF_ENTRY * ref : base + _XREF_ENTRY * (ref + 1)]
    if len(entry) != _XREF_ENTRY or entry[10:] != b" 00000 n \n" or not entry[:10].isdigit():
        return None
    at = int(entry[:10])
    head = b"%d 0 obj\n" % ref
    end = data.find(b"\nendobj\n", at)
    if not data.startswith(head, at) or end < 0:
        return None
    body = data[at + len(head) : end].strip()
    if not body.startswith(b"<<") or not body.endswith(b">>"):
        return None
    return _parse(body[2:-2])


def _parse(text: bytes) -> dict[str, Value] | None:
    """The entries of a dictionary's text (between ``<<`` and ``>>``), or None."""
    entries: dict[str, Value] = {}
    at = 0
    for m in _ENTRY.finditer(text):
        if m.start() != at:
            return None  # something between two entries that is neither
        at = m.end()
        key, raw = m.group(1, 2)
        if key is None:
            continue  # a comment
        name = key.decode("ascii")
        if name in entries:
            return None  # a key given twice
        if raw[0] == 0x5B:  # [
            entries[name] = [_atom(atom) for atom in _ATOMS.findall(raw, 1, len(raw) - 1)]
        else:
            entries[name] = _atom(raw)
    if text[at:].strip(b" \t\r\n"):
        return None
    return entries


def _atom(token: bytes) -> Value:
    """A value the patterns above took, as Python: a name as text with its slash, a
    reference as :class:`Ref`, a string's bytes, an int, a bool."""
    first = token[0]
    if first == 0x2F:  # /
        return token.decode("ascii")
    if first == 0x28:  # (
        return _ESCAPE.sub(_unescape, token[1:-1]) if b"\\" in token else token[1:-1]
    if first == 0x3C:  # <
        digits = token[1:-1]
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    if token == b"true" or token == b"false":
        return token == b"true"
    if token.endswith(b"R"):
        return Ref(token.split()[0])
    return int(token)


def _unescape(m: re.Match[bytes]) -> bytes:
    code = m.group(1)
    if len(code) == 3:
        return bytes([int(code, 8) & 0xFF])
    return _ESCAPED.get(code, code)


def _text(value: bytes) -> str | None:
    """A text string as every reader reads it, or None when that is not sure."""
    if value.startswith(b"\xfe\xff"):
        try:
            text = value[2:].decode("utf-16-be")
        except UnicodeDecodeError:
            return None
        return None if "\x1b" in text else text  # no language escapes
    if value.isascii():
        text = value.decode("ascii")
        return text if text.isprintable() else None  # no control characters
    if value.startswith((b"\xff\xfe", b"\xef\xbb\xbf")) or not _PDFDOC_BYTES.issuperset(value):
        return None  # byte order marks some readers honour; control or undefined bytes
    return value.decode("latin-1").translate(_PDFDOC)


def _texts(info: dict[str, Value], keys: tuple[str, ...]) -> dict[str, str] | None:
    texts = {}
    for key in keys:
        value = info.get(f"/{key}")
        if value is None:
            continue
        text = _text(value) if isinstance(value, bytes) else None
        if text is None:
            return None
        texts[key] = text
    return texts


def _id(value: Value | None) -> str | None:
    """The trailer's /ID as pikepdf writes it: two hex strings, or "" when there is none."""
    if value is None:
        return ""
    if not isinstance(value, list) or len(value) != 2:
        return None
    parts = [_string(v) if isinstance(v, bytes) else None for v in value]
    if not all(p is not None and p.startswith("<") for p in parts):
        return None  # a literal: pikepdf would write it its own way
    return f"[ {parts[0]} {parts[1]} ]"


def _string(value: bytes) -> str | None:
    """``value`` as pikepdf writes a string: hex when it has a control character or many
    bytes above ASCII (QPDF's rule), else a literal (only plain ASCII is written here)."""
    controls = sum(1 for b in value if b < 32 and b not in b"\n\r\t\b\f")
    if controls or 5 * sum(1 for b in value if b > 126) > len(value):
        return f"<{value.hex()}>"
    if not all(32 <= b < 127 for b in value):
        return None
    text = value.decode("ascii").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({text})"


def _render(value: Value) -> str | None:
    """A value as pikepdf writes it, or None when not sure."""
    if isinstance(value, Ref):
        return f"{int(value)} 0 R"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    if isinstance(value, bytes):
        return _string(value)
    items = [_render(v) for v in value]
    if any(item is None for item in items):
        return None
    return "[ " + "".join(f"{item} " for item in items) + "]"


def _catalog(
    data: bytes, base: int, size: int, root: dict[str, Value]
) -> tuple[dict[str, str], dict[str, str]] | None:
    """The catalog's entries written out but ``/ViewerPreferences``, and that dictionary's
    entries (it is made direct: the pass adds ``/DisplayDocTitle``)."""
    entries, preferences = {}, {}
    for key, value in root.items():
        if key == "/ViewerPreferences":
            prefs = _dictionary(data, base, size, value)
            if prefs is None:
                return None
            for k, v in prefs.items():
                text = _render(v)
                if text is None:
                    return None
                preferences[k] = text
            continue
        text = _render(value)
        if text is None:
            return None
        entries[key] = text
    return entries, preferences
