"""Every input of every card names itself, and no placeholder passes for a filled-in value.

Screen readers and Teams' own layout read an input's `label`; a `title` on a toggle is only
the text beside its box. A placeholder shown in grey in an empty box reads as a value when it
is one ("BP-1001" in the ticket box), so an example in a placeholder says "e.g.".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.cards.examples import all_examples

# A ticket or record number, a phone number, or an amount: values people would take as typed.
VALUE_LIKE = re.compile(r"\b[A-Z]{1,4}-\d{2,}\b|\+?\d[\d ]{6,}\d|\d+\.\d\d\b")
HINT_SEPARATOR = " · "  # cards.forms.hint: "<the field's hint> · up to 255 characters"

CARDS = [
    (f"{name}-{i}", make) for name, makes in all_examples().items() for i, make in enumerate(makes)
]


def inputs_of(element: Any) -> Iterator[dict]:
    """Every input anywhere in a card: body, containers, columns, and cards Show card opens."""
    if isinstance(element, dict):
        if str(element.get("type", "")).startswith("Input."):
            yield element
        for value in element.values():
            yield from inputs_of(value)
    elif isinstance(element, list):
        for item in element:
            yield from inputs_of(item)


def test_the_walk_finds_inputs_inside_show_cards_and_columns():
    nested = {
        "body": [{"type": "ColumnSet", "columns": [{"items": [{"type": "Input.Text"}]}]}],
        "actions": [{"type": "Action.ShowCard", "card": {"body": [{"type": "Input.Toggle"}]}}],
    }
    assert [i["type"] for i in inputs_of(nested)] == ["Input.Text", "Input.Toggle"]


@pytest.mark.parametrize(("name", "make"), CARDS, ids=[name for name, _ in CARDS])
def test_every_input_has_a_label(name, make):
    unlabelled = [i["id"] for i in inputs_of(make()) if not str(i.get("label") or "").strip()]
    assert unlabelled == []


@pytest.mark.parametrize(("name", "make"), CARDS, ids=[name for name, _ in CARDS])
def test_no_placeholder_looks_like_a_value(name, make):
    looks_filled = []
    for found in inputs_of(make()):
        said = str(found.get("placeholder") or "").split(HINT_SEPARATOR)[0]
        if VALUE_LIKE.search(said) and "e.g." not in said:
            looks_filled.append((found["id"], said))
    assert looks_filled == []
