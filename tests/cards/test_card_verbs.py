"""Every verb on every card the bot can send has a route: no button answers 'older card'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from bot.router import Router
from dialogs import desk_features
from tests.cards.examples import all_examples

ROUTER = Router(desk_features())
STYLE = re.compile(r"^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$")  # noun.action, lower snake case


def verbs(node: Any) -> Iterator[str]:
    """Action.Execute verbs, and Action.Submit data that names a verb, anywhere in a card."""
    if isinstance(node, dict):
        if node.get("type") == "Action.Execute" and isinstance(node.get("verb"), str):
            yield node["verb"]
        data = node.get("data") if node.get("type") == "Action.Submit" else None
        if isinstance(data, dict) and isinstance(data.get("verb"), str):
            yield data["verb"]
        for value in node.values():
            yield from verbs(value)
    elif isinstance(node, list):
        for item in node:
            yield from verbs(item)


EXAMPLES = all_examples()
CARD_VERBS = sorted(
    {(name, verb) for name, makers in EXAMPLES.items() for make in makers for verb in verbs(make())}
)


def test_the_examples_carry_verbs():
    assert len({verb for _, verb in CARD_VERBS}) >= 20


@pytest.mark.parametrize(("card", "verb"), CARD_VERBS, ids=lambda v: str(v))
def test_every_verb_on_a_card_is_routed_and_named_alike(card: str, verb: str):
    assert ROUTER.action(verb) is not None, f"{card} offers {verb!r}, which no feature handles"
    assert STYLE.match(verb), f"{verb!r} is not noun.action in lower snake case"
