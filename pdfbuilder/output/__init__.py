"""Stage 5, output: PDF bytes to a file, and booklet pages onto sheets.

In: PDF bytes. Out: a file written atomically (:mod:`~pdfbuilder.output.write`: a failed
build never leaves a half-written PDF or destroys an earlier one), or, for a booklet, the
pages imposed two-up on sheets in saddle-stitch order (:mod:`~pdfbuilder.output.impose`).
"""
