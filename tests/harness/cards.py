"""Reading cards the way a person looks at them: facts, texts and buttons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def elements(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every element of a card's body, containers included, in reading order."""
    stack = list(reversed(card.get("body", [])))
    while stack:
        element = stack.pop()
        yield element
        children = element.get("items") or element.get("columns") or []
        stack.extend(reversed(children))


def facts(card: dict[str, Any]) -> dict[str, str]:
    """The title → value pairs of every FactSet on a card."""
    return {
        fact["title"]: fact["value"]
        for element in elements(card)
        if element["type"] == "FactSet"
        for fact in element["facts"]
    }


def texts(card: dict[str, Any]) -> list[str]:
    """Every TextBlock's text, in reading order."""
    return [e["text"] for e in elements(card) if e["type"] == "TextBlock"]


def reads_as_alarm(card: dict[str, Any], text: str) -> bool:
    """Whether the TextBlock saying `text` shouts: attention colour or bold, like an error."""
    [block] = [e for e in elements(card) if e["type"] == "TextBlock" and text in e["text"]]
    return block.get("color") == "Attention" or block.get("weight") == "Bolder"


def row_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The buttons inside a card's body (a list's rows), not those at its foot."""
    return [
        action
        for element in elements(card)
        if element["type"] == "ActionSet"
        for action in element["actions"]
    ]
