"""Text: fonts, paragraph markup, writing systems and the paragraphs ReportLab draws.

In: text (content words and the tool's labels) and a paragraph style. Out: ReportLab
paragraphs and one-line strings, set in the embedded fonts, with fallback fonts for
characters the main font lacks and right-to-left text shaped and ordered.

Modules, lowest first: ``fonts`` (registering the embedded families, coverage, fallback
runs), ``markup`` (``**bold**`` and ``*italic*`` to paragraph markup), ``scripts``
(fallback-font markup, right-to-left style settings), ``shaping`` (HarfBuzz glyphs), ``rtl``
(right-to-left paragraphs and lines), ``para`` (the cached paragraph, and :func:`make_para`,
which chooses the paragraph class for a style), ``draw`` (one line of text on a canvas).
"""
