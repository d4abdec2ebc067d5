"""Stage 3, compose: a handout and a layout to flowables, one small builder per block.

In: a :class:`~pdfbuilder.compose.context.Context` (the handout, the layout, its styles and
labels, the page geometry, and the clinic and patient when given). Out: each block's name
and flowables, in the order the layout's ``blocks`` gives
(:func:`~pdfbuilder.compose.registry.compose_blocks`).

``context`` holds what every builder reads and the helpers they share; ``blocks``,
``seekhelp``, ``easyread`` and ``clinic_blocks`` hold the builders; ``registry`` maps block
names to builders and imports them all. Builders import ``context``, never ``registry``.
"""
