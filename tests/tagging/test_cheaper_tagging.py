"""The shortcuts that make tagging cheaper write what the long way writes.

Each shortcut (one literal for two marks, a paragraph that marks its own drawing, a group
that finds nodes without walking again) is compared with the long way: the same page
operators, the same record of MCIDs, the same structure tree.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pikepdf
import pytest
from leaflet_sample import register_fonts
from reportlab.pdfgen.canvas import Canvas

from pdfbuilder import tagging as t


def _page_stream(draw: Callable[[Canvas, t.Recorder], None]) -> tuple[str, t.Recorder]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=0)
    recorder = t.Recorder()
    recorder.attach(canvas)
    canvas.setFont(register_fonts()[0], 10)
    draw(canvas, recorder)
    recorder.check_closed()
    canvas.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        return pdf.pages[0].obj.Contents.read_bytes().decode("latin-1"), recorder


def _record(recorder: t.Recorder) -> tuple[Any, ...]:
    return (
        [[n.role for n in nodes] for nodes in recorder.page_nodes.values()],
        [(n.role, refs) for n, refs in recorder.content.items()],
        recorder.page_keys,
    )


@pytest.mark.parametrize(
    "outer", [None, t.LAYOUT, t.Node("Div")], ids=["alone", "in-artifact", "in-node"]
)
def test_switching_marks_writes_what_ending_and_beginning_write(outer: Any) -> None:
    def draw(switch: bool) -> Callable[[Canvas, t.Recorder], None]:
        def run(canvas: Canvas, recorder: t.Recorder) -> None:
            lbl, lbody = t.Node("Lbl"), t.Node("LBody")
            if outer is not None:
                recorder.begin(canvas, outer)
                canvas.drawString(0, 40, "border")
            recorder.begin(canvas, lbl)
            canvas.drawString(0, 30, "1.")
            if switch:
                recorder.switch(canvas, lbody)
            else:
                recorder.end(canvas)
                recorder.begin(canvas, lbody)
            canvas.drawString(10, 30, "body")
            recorder.end(canvas)
            if outer is not None:
                recorder.end(canvas)

        return run

    (short, short_rec), (long, long_rec) = _page_stream(draw(True)), _page_stream(draw(False))
    assert short == long
    assert _record(short_rec) == _record(long_rec)
    assert "/LBody <</MCID" in short


def test_switching_with_no_mark_open_is_refused() -> None:
    def draw(canvas: Canvas, recorder: t.Recorder) -> None:
        recorder.switch(canvas, t.Node("P"))

    with pytest.raises(t.TaggingError, match="without a mark"):
        _page_stream(draw)
