"""``python -m pdfbuilder`` runs the ``handout`` command."""

from pdfbuilder.cli import run

run()
