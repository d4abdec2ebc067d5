"""The building blocks the compose stage makes leaflets from: ReportLab flowables.

In: other flowables, colours, sizes (no handout, no layout). Out: flowables that render
places on pages: boxes that never split (``boxes``), side-by-side pairs, stacks and rows of
boxes (``rows``), text in columns (``columns``), QR codes (``qr``), the exercise log chart
(``exercise_log``), and :func:`~pdfbuilder.flowables.mirror.mirror` for right-to-left
leaflets.
"""
