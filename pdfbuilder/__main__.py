"""``python -m pdfbuilder`` runs the ``handout`` command."""

from pdfbuilder.cli.main import run

run()
