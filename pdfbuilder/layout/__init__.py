"""Stage 2, validate (layouts): how a leaflet looks for one audience, and its paragraph styles.

In: a built-in layout name or a layout file (with ``extends:``). Out: a frozen, fully
resolved :class:`~pdfbuilder.layout.model.Layout` (:mod:`~pdfbuilder.layout.files` reads and
merges the files), and from it the ReportLab paragraph styles and colours the compose stage
uses (:mod:`~pdfbuilder.layout.styles`). :mod:`~pdfbuilder.layout.contrast` is the one WCAG
contrast implementation, shared by clinic colours and ``handout check``.

A layout never says what to say: that is :mod:`pdfbuilder.content`.
"""
