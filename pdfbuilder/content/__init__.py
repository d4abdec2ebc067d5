"""Stage 2, validate (content): what a leaflet says, and the words the tool adds around it.

In: a handout file, read by :mod:`pdfbuilder.source`. Out: a frozen
:class:`~pdfbuilder.content.model.Handout`; :mod:`~pdfbuilder.content.labels` gives the
words the tool prints around the content in the handout's language ("Key points",
"Page 2 of 3"), from ``labels/<language>.yaml``; :mod:`~pdfbuilder.content.translations`
warns when a translation has fallen behind its original; :mod:`~pdfbuilder.content.urls`
checks web addresses (printed as QR codes).

Content never says how it looks: that is :mod:`pdfbuilder.layout`.
"""
