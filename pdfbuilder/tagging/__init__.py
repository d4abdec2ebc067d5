"""Tagged PDF (PDF/UA-1) for ReportLab documents: structure from the content, marks at draw time.

In: structure nodes from the composer, the flowables they describe, and the PDF bytes
ReportLab saved. Out: the same PDF with its structure tree, ParentTree, XMP metadata and
the catalog and page entries a screen reader and a PDF/UA checker need.

Three steps, each in its own module:

1. **Nodes** (:mod:`.tree`): the composer describes what each part is, in reading order,
   as a tree of :class:`Node` (Document → H1, Sect → H2, P, L → LI → Lbl + LBody, Figure
   with alt, Table → TR → TH/TD, Link, ...). Nodes come from the content model, not from
   drawing order.
2. **Marks** (:mod:`.marks`, :mod:`.flowables`): each flowable that draws content is
   wrapped in :class:`Tagged` with its node (the leaflet builders' :func:`tag` lets a
   leaflet paragraph, :mod:`.paras`, or a figure drawn whole, :mod:`.whole`, carry the
   node and mark its own drawing instead); page furniture (footers, borders, crop marks)
   is drawn inside :func:`artifact` or wrapped in :class:`AsArtifact`. A
   :class:`Recorder`, one per build and attached to the build's canvas, writes the
   ``BDC``/``EMC`` operators and remembers which MCID on which page is which node.
3. **Finishing pass** (:mod:`.finishing`): after ReportLab saves, :func:`finish` appends the
   structure tree, the ParentTree, the XMP metadata and the catalog and page entries.

Usage::

    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from pdfbuilder import tagging as t

    doc_node = t.Node("Document")
    h1 = doc_node.child("H1")
    body = doc_node.child("P")
    story = [t.Tagged(Paragraph("Back spasms", title_style), h1),
             t.Tagged(Paragraph(text, body_style), body)]

    recorder = t.Recorder()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, title="Back spasms", lang="en", invariant=1)
    footer = t.furniture(draw_footer, t.FOOTER)
    doc.build(story, onFirstPage=footer, onLaterPages=footer,
              canvasmaker=recorder.canvasmaker())
    pdf = t.finish(buffer.getvalue(), doc_node, recorder)

The leaflet builders use the same pieces through :mod:`.structure` (nodes grouped as the
composer arranges the flowables, one document tree after drawing), :mod:`.lists` (list
items whose label and body are tagged apart) and :mod:`.table` (a chart's cells).

Check the result with :func:`pdfbuilder.check.pdfua.check_pdfua`. See docs/accessibility.md.
"""

from __future__ import annotations

from .finishing import finish, undrawn
from .flowables import AsArtifact, InRegion, ListItem, Tagged, figure, furniture, list_item
from .lists import ListEntry, item_style, list_entry
from .marks import (
    FOOTER,
    HEADER,
    LAYOUT,
    PRINTER,
    WATERMARK,
    Artifact,
    Recorder,
    TaggingError,
    artifact,
    begin_mark,
    end_mark,
    marked,
    reading_region,
    recorder_of,
)
from .structure import adopt, collect, document, group, nodes_in, release, tag, tag_node
from .table import TableNodes, table_nodes
from .tree import STANDARD_ROLES, Node

__all__ = [
    "FOOTER",
    "HEADER",
    "LAYOUT",
    "PRINTER",
    "STANDARD_ROLES",
    "WATERMARK",
    "Artifact",
    "AsArtifact",
    "InRegion",
    "ListEntry",
    "ListItem",
    "Node",
    "Recorder",
    "TableNodes",
    "Tagged",
    "TaggingError",
    "adopt",
    "artifact",
    "begin_mark",
    "collect",
    "document",
    "end_mark",
    "figure",
    "finish",
    "furniture",
    "group",
    "item_style",
    "list_entry",
    "list_item",
    "marked",
    "nodes_in",
    "reading_region",
    "recorder_of",
    "release",
    "table_nodes",
    "tag",
    "tag_node",
    "undrawn",
]
