"""Stage 1, read: the files a leaflet is made from, to plain data with positions.

In: the bytes of a YAML file (a handout, a layout, a clinic profile, a plan) and the name to
report it under. Out: a :class:`~pdfbuilder.source.reader.Source` (plain data and the line
and column of every value), and the machinery (:mod:`~pdfbuilder.source.schema`) that turns
it into frozen, typed dataclasses with located errors, and exports their JSON Schema.

``reader`` reads (safe YAML, duplicate keys and alias bombs refused); ``schema`` validates.
Nothing here knows what a handout or a layout is: those models live in ``content`` and
``layout``.
"""
