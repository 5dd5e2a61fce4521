"""Every input on every card shows the limit the server enforces: text a maximum length and a
hint saying so, numbers their range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.cards.examples import all_examples


def inputs(node: Any) -> Iterator[dict[str, Any]]:
    """Every input of a card, those in Action.ShowCard forms too."""
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Input."):
            yield node
        for value in node.values():
            yield from inputs(value)
    elif isinstance(node, list):
        for value in node:
            yield from inputs(value)


EXAMPLES = all_examples()
CARDS = [(f"{name}-{i}", make) for name, makes in EXAMPLES.items() for i, make in enumerate(makes)]


@pytest.mark.parametrize(("name", "make"), CARDS, ids=[name for name, _ in CARDS])
def test_every_text_and_number_input_shows_its_limit(name, make):
    for element in inputs(make()):
        if element["type"] == "Input.Text":
            assert element.get("maxLength"), element["id"]
            assert "characters" in element.get("placeholder", ""), element["id"]
        if element["type"] == "Input.Number":
            assert {"min", "max"} <= set(element), element["id"]
            assert f"{int(element['min']):,} to" in element.get("placeholder", ""), element["id"]
