"""Stage 4, render: flowables into page templates, to PDF bytes. Pure: same inputs, same bytes.

In: a :class:`~pdfbuilder.render.job.RenderJob` (a function composing the flowables for a
page geometry, the handout, layout, styles and labels, the paper and print options).
Out: PDF bytes.

``job`` is what both page engines share; ``pages`` the page geometry, document template,
footer and print marks; ``flow`` lays out pages of flowing text; ``trifold`` fills the six
panels of a folded sheet; ``dispatch`` chooses the engine for the layout.
"""
