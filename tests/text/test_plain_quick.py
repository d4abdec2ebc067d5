"""``plain``'s quick path (no ``*``: spaces folded only) gives what its two regular
expressions give, for every text of every shipped handout (alt texts among them) and for
the markup and spacing an author may write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pdfbuilder.text.markup import _BOLD, _ITALIC, plain

HANDOUTS = Path(__file__).resolve().parents[2] / "handouts"


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


SHIPPED = [
    t for path in sorted(HANDOUTS.glob("*.yaml")) for t in _texts(yaml.safe_load(path.read_text()))
]
WRITTEN = [
    "A person lying on their back, knees bent",
    "  two   spaces\tand a tab\nand a line break  ",
    "a **bold** word and an *italic* one",
    "a lone * star, 2 * 3, and ** two",
    "**", "*", "", " ", "\u00a0non-breaking\u2003em space",
    "ends with a star*", "*starts* it",
]  # fmt: skip


def _by_the_expressions(text: str) -> str:
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", " ".join(text.split())))


def test_the_quick_path_gives_what_the_expressions_give() -> None:
    texts = SHIPPED + WRITTEN
    assert len(SHIPPED) > 100  # the handouts were read
    assert any("*" in t for t in texts) and any("*" not in t for t in texts)
    assert [t for t in texts if plain(t) != _by_the_expressions(t)] == []
