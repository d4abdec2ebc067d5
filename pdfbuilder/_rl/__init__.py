"""ReportLab's internals, behind one door."""
