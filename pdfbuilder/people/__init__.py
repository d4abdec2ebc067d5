"""Who hands the leaflet out, and who it is for.

In: a clinic profile file (``--clinic``) and print-time details for one patient (options, a
plan file or a CSV row). Out: a frozen :class:`~pdfbuilder.people.clinic.Clinic` (name,
logo, numbers, brand colours checked for contrast against the layout) and a frozen
:class:`~pdfbuilder.people.personal.Personal`, which :func:`~pdfbuilder.people.personal.
personalise` applies to a handout before compose. Personal details are never stored.
"""
