"""The structure elements' numbering and content, checked against the plainest way to get them."""

from __future__ import annotations

import itertools
import sys

import pytest

from pdfbuilder import tagging as t
from pdfbuilder.tagging.elements import REFS, Tree, _walk, number
from pdfbuilder.tagging.marks import Ref


def _plain_walk(root: t.Node) -> tuple[list[t.Node], dict[t.Node, t.Node]]:
    """Reading order and parents, by recursion (what ``number`` must agree with)."""
    found, parent = [], {}

    def visit(node: t.Node) -> None:
        found.append(node)
        for child in node.children:
            parent[child] = node
            visit(child)

    visit(root)
    return found, parent


@pytest.mark.parametrize("first", [3, 60, 4000])
def test_numbering_is_reading_order_from_any_first_number(first: int) -> None:
    root = t.Node("Document", [t.Node("Sect", [t.Node("P") for _ in range(40)]) for _ in range(9)])
    root.children[3].add(t.Node("L", [t.Node("LI", [t.Node("Lbl"), t.Node("LBody")])]))
    nodes, ref, ups = number(root, first)  # the lists of texts grow during the walk
    found, parent = _plain_walk(root)
    assert nodes == found
    assert [ref[n] for n in nodes] == [f"{first + 1 + i} 0 R" for i in range(len(nodes))]
    assert ups == [f"{first} 0 R"] + [ref[parent[n]] for n in nodes[1:]]
    assert REFS.upto(10)[:3] == ["0 0 R", "1 0 R", "2 0 R"]


def test_a_node_in_two_places_is_refused() -> None:
    twice = t.Node("P")
    with pytest.raises(t.TaggingError, match="appears twice"):
        number(t.Node("Document", [t.Node("Sect", [twice]), twice]), 10)


def _plain_own(
    content: dict[t.Node, list[Ref]], link_of: dict[t.Node, t.Node]
) -> dict[t.Node, list[Ref]]:
    """Each element's content as one pass over every drawn node gives it (in the recorder's
    order): an annotation goes to its Link, everything else stays with its node."""
    own: dict[t.Node, list[Ref]] = {}
    for node, refs in content.items():
        for r in refs:
            own.setdefault(link_of[node] if r[0] == "annot" else node, []).append(r)
    return own


def test_a_links_content_keeps_the_recorders_order_whatever_was_drawn_first() -> None:
    for order in itertools.permutations(range(4)):
        span, text, link, plain = t.Node("Span"), t.Node("Span"), None, t.Node("P")
        link = t.Node("Link", [span, text])
        root = t.Node("Document", [t.Node("P", [link]), plain])
        drawn: list[tuple[t.Node, list[Ref]]] = [
            (link, [("mcid", 1, 0), ("mcid", 2, 0)]),
            (span, [("mcid", 1, 1), ("annot", 1, 7)]),
            (text, [("annot", 2, 8)]),
            (plain, [("mcid", 2, 1)]),
        ]
        recorder = t.Recorder()
        recorder.content = dict(drawn[i] for i in order)
        tree = Tree(root, recorder, {}, 20)
        expected = _plain_own(recorder.content, {span: link, text: link})
        assert {n: r for n, r in tree.own.items() if r} == expected, order
        assert tree.linked == {link: expected[link]}, order
        assert tree.own[plain] is recorder.content[plain]  # shared, not copied


def test_drawn_nodes_outside_the_tree_are_named() -> None:
    stray = t.Node("P", title="stray")
    recorder = t.Recorder()
    recorder.content = {t.Node("P"): [("mcid", 1, 0)], stray: [("mcid", 1, 1)]}
    root = t.Node("Document", [next(iter(recorder.content))])
    with pytest.raises(t.TaggingError, match=r"stray.*not in the structure tree"):
        Tree(root, recorder, {}, 5)


def test_a_tree_deeper_than_the_call_stack_is_numbered_all_the_same() -> None:
    root = node = t.Node("Document")
    for _ in range(sys.getrecursionlimit() + 100):
        node = node.child("Div")
    nodes, ref, ups = number(root, 7)  # the walk without recursion
    assert len(nodes) == sys.getrecursionlimit() + 101 and nodes[-1] is node
    assert ref[node] == f"{7 + len(nodes)} 0 R"
    assert ups[-1] == ref[nodes[-2]] and ups[0] == "7 0 R"
    assert _walk(root) == (nodes, [root, *nodes[:-1]])
