"""Batch printing: one personalised leaflet per row of a CSV file, on every core.

In: a handout, a layout, an optional clinic profile and a CSV file of patients. Out: one
PDF per row (or the bytes of each, for one combined file), and a one-line reason for each
row that failed. ``rows`` reads and checks the CSV and gives each row a safe file name;
``run`` builds the rows through :func:`pdfbuilder.pipeline.build`. Nothing is printed: the
``handout batch`` command (:mod:`pdfbuilder.cli.batch`) does that.
"""
