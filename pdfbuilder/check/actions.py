"""Actionability, judged part by part: does the reader know what to do?

In: a :class:`~.context.CheckContext`.
Out: findings for ``content.action``:

- an error when nothing in the leaflet is an action: no exercise, and no sentence in the key
  points, sections or exercise introduction that tells the reader what to do (PEMAT-P item
  20: at least one action);
- a warning for each section whose heading promises things to do ("How can I ease the
  pain?", "What can I do at home?", "Tips...") but which holds no action: an exercise
  elsewhere does not make up for it;
- a warning when no key point is an action (CDC Clear Communication Index: the main
  message includes a call to action).

A sentence is an action when it opens with an action verb ("Keep", "Ask", "Do not"), a
phrase such as "You should" or "Try to", or does so after a condition ("If you sit a lot,
get up and move"). The words are in ``writing.yaml`` (``actions``); a language without them
gets a note instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..content.model import Bullets, Section
from ..text.markup import plain
from .context import CheckContext
from .findings import Finding
from .text import split_sentences, words_of
from .writing import Actions, action_languages, actions_for

RULE = "content.action"
_EXAMPLES = '("Keep moving.", "Ask a pharmacist...")'


def is_action(sentence: str, words: Actions) -> bool:
    """Whether ``sentence`` tells the reader to do something (see the module docstring)."""
    clauses = [sentence]
    head, comma, rest = sentence.partition(",")
    opening = words_of(head)[:1]
    if comma and opening and opening[0].lower() in words.conditions:
        clauses.append(rest)
    for clause in clauses:
        found = [w.lower().replace("’", "'") for w in words_of(clause)]
        if not found:
            continue
        if found[0] in words.verbs or found[:2] == ["do", "not"]:
            return True
        if any(tuple(found[: len(o)]) == o for o in words.openers):
            return True
    return False


def _has_action(texts: Iterable[str], words: Actions, language: str) -> bool:
    return any(
        is_action(sentence, words)
        for text in texts
        for sentence in split_sentences(plain(text), language)
    )


def _section_texts(section: Section) -> list[str]:
    texts: list[str] = []
    for block in section.body:
        texts.extend(block.bullets if isinstance(block, Bullets) else [block.text])
    return texts


def action(ctx: CheckContext) -> Iterator[Finding]:
    """``content.action``: the leaflet, each section that promises advice, and the key
    points each give the reader something to do."""
    handout, language = ctx.handout, ctx.handout.language
    words = actions_for(language)
    if words is None:
        yield ctx.finding(
            RULE,
            "info",
            ("language",),
            f'actions not checked: no action-verb list for language "{language}" '
            f"(there are lists for {', '.join(action_languages())})",
        )
        return
    found_any = bool(handout.exercises) or _has_action(
        [handout.exercises_intro or ""], words, language
    )
    for i, section in enumerate(handout.sections):
        if _has_action(_section_texts(section), words, language):
            found_any = True
        elif words.asks.search(plain(section.heading).strip()):
            yield ctx.finding(
                RULE,
                "warning",
                ("sections", i, "heading"),
                f'the section "{plain(section.heading).strip()}" promises things to do but '
                f"gives no action; start a sentence with what to do {_EXAMPLES}",
            )
    in_key_points = _has_action(handout.key_takeaways, words, language)
    if not (found_any or in_key_points):
        yield ctx.finding(
            RULE,
            "error",
            ("sections",),
            "the leaflet gives the reader nothing to do; add at least one clear "
            f"action {_EXAMPLES} or an exercise",
        )
    elif not in_key_points and handout.key_takeaways:
        yield ctx.finding(
            RULE,
            "warning",
            ("key_takeaways",),
            "no key point tells the reader what to do; make at least one an action "
            '("Keep moving as much as you can.")',
        )
