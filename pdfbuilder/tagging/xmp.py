"""The XMP metadata packet of a tagged PDF, made from the document information dictionary.

In: the document info (title, author, subject, keywords, creator, producer, dates) and the
document's language. Out: the bytes of an XMP packet with ``dc:title``, ``dc:language``,
``dc:creator``, ``dc:description``, ``pdf:Producer``, ``pdf:Keywords``, ``xmp:CreatorTool``,
``xmp:CreateDate``, ``xmp:ModifyDate`` and ``pdfuaid:part`` 1.

Every value comes from the info dictionary, so the two always agree; nothing is stamped
with the time, so a deterministic (``invariant``) build stays byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial
from html import escape as _escape

#: &, < and > as entities, as xml.sax.saxutils.escape does (that module imports
#: urllib.request, http.client, email and ssl: ~15 ms of every command's start).
escape = partial(_escape, quote=False)

_PDF_DATE = re.compile(
    r"^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:(Z)|([+-])(\d\d)'?(\d\d)?'?)?$"
)

_HEAD = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
    '<rdf:Description rdf:about=""\n'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
)
_TAIL = "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
# Room for editors to grow the packet in place, as XMP recommends.
_PADDING = (" " * 99 + "\n") * 10 + '<?xpacket end="w"?>'


def xmp_date(value: str) -> str | None:
    """A PDF date (``D:20000101000000+00'00'``) as an XMP date, or None if malformed."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, zulu, sign, tzh, tzm = m.groups()
    date = f"{year}-{month or '01'}-{day or '01'}"
    time = f"T{hour or '00'}:{minute or '00'}:{second or '00'}"
    zone = "Z" if zulu else f"{sign}{tzh}:{tzm or '00'}" if sign else ""
    return date + time + zone


def _alt(value: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'


def xmp_packet(info: Mapping[str, str], lang: str) -> bytes:
    """The XMP packet for a document with ``info`` (keys without the slash) in ``lang``."""
    lines = [_HEAD, "<dc:format>application/pdf</dc:format>\n"]
    lines.append(f"<dc:title>{_alt(info['Title'])}</dc:title>\n")
    lines.append(f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>\n")
    if info.get("Author"):
        seq = f"<rdf:Seq><rdf:li>{escape(info['Author'])}</rdf:li></rdf:Seq>"
        lines.append(f"<dc:creator>{seq}</dc:creator>\n")
    if info.get("Subject"):
        lines.append(f"<dc:description>{_alt(info['Subject'])}</dc:description>\n")
    for key, tag in (("Producer", "pdf:Producer"), ("Keywords", "pdf:Keywords")):
        if info.get(key):
            lines.append(f"<{tag}>{escape(info[key])}</{tag}>\n")
    if info.get("Creator"):
        lines.append(f"<xmp:CreatorTool>{escape(info['Creator'])}</xmp:CreatorTool>\n")
    for key, tag in (("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate")):
        date = xmp_date(info.get(key, ""))
        if date:
            lines.append(f"<{tag}>{date}</{tag}>\n")
    lines.append("<pdfuaid:part>1</pdfuaid:part>\n")
    lines.append(_TAIL)
    lines.append(_PADDING)
    return "".join(lines).encode("utf-8")
