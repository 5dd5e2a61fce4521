"""Adaptive Cards in replies: reading them, and building what a click on a button sends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .model import ADAPTIVE_CARD, Activity, PlaygroundError


def _inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The inputs in a card's body, containers and columns included, forms it shows not."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = list(reversed(card.get("body", [])))
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if str(node.get("type", "")).startswith("Input.") and node.get("id"):
            found.append(node)
        for key in ("items", "columns"):
            stack.extend(reversed(node.get(key) or []))
    return found


def _shown_value(spec: dict[str, Any]) -> str | None:
    """What an untouched input holds, as the UI sends it (a string); None when it is empty."""
    if spec.get("type") == "Input.Toggle":
        on, off = spec.get("valueOn", "true"), spec.get("valueOff", "false")
        return on if spec.get("value") == on else off
    value = spec.get("value")
    return None if value is None or value == "" else str(value)


def _click_data(
    action: dict[str, Any], scope: list[dict[str, Any]], typed: dict[str, Any] | None
) -> dict[str, Any]:
    """What a click sends, as the UI builds it: the button's data, with the values of the
    inputs it takes over it (what is on the card, `typed` over that). Empty inputs are left
    out; a required one stops the click, as the UI refuses to send it."""
    title = action.get("title") or action.get("verb")
    data = dict(action["data"]) if isinstance(action.get("data"), dict) else {}
    takes_inputs = str(action.get("associatedInputs", "auto")).lower() != "none"
    takes = {spec["id"]: spec for spec in scope} if takes_inputs else {}
    typed = dict(typed or {})
    unknown = sorted(set(typed) - set(takes))
    if unknown:
        raise PlaygroundError(f"the {title!r} button takes no input {', '.join(unknown)}")
    for input_id, spec in takes.items():
        value = typed[input_id] if input_id in typed else _shown_value(spec)
        if value is None or value == "":
            if spec.get("isRequired"):
                label = spec.get("label") or input_id
                raise PlaygroundError(f"{label!r} is required: the UI would not send {title!r}")
            continue
        data[input_id] = value
    return data


def cards(activity: Activity) -> list[dict[str, Any]]:
    """The Adaptive Cards attached to an activity."""
    return [
        a["content"]
        for a in activity.get("attachments", [])
        if a.get("contentType") == ADAPTIVE_CARD
    ]


def _walk_actions(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every action on a card: card actions, ActionSets in the body, and nested ShowCards."""
    stack: list[Any] = [card]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                yield node
            for key in ("body", "items", "columns", "actions", "card", "inlineAction"):
                if key in node:
                    stack.append(node[key])


def _actions_in(nodes: list[Any]) -> Iterator[dict[str, Any]]:
    """The actions among card elements (ActionSets, containers), not those of forms shown."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if str(node.get("type", "")).startswith("Action."):
            yield node
            continue
        for key in ("items", "columns", "actions", "inlineAction", "selectAction"):
            children = node.get(key) or []
            stack.extend(reversed(children if isinstance(children, list) else [children]))


def _scoped_actions(
    card: dict[str, Any], around: tuple[dict[str, Any], ...] = ()
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each action on a card, with the inputs a click on it takes (Adaptive Cards'
    associatedInputs "auto"): those of its own card and of every card around it."""
    scope = (*around, *_inputs(card))
    for action in _actions_in([*card.get("body", []), *card.get("actions", [])]):
        yield action, list(scope)
        if action.get("type") == "Action.ShowCard" and isinstance(action.get("card"), dict):
            yield from _scoped_actions(action["card"], scope)


def _find_action(
    card_activity: Activity, kind: str, wanted: Callable[[dict[str, Any]], bool]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The first matching action on the message's cards, and the inputs a click on it takes."""
    for card in cards(card_activity):
        for action, scope in _scoped_actions(card):
            if action.get("type") == kind and wanted(action):
                return action, scope
    raise PlaygroundError(f"no matching {kind} on message {card_activity.get('id')}")


def card_title(card: dict[str, Any]) -> str:
    """The first TextBlock of a card, which is its heading in this project's cards."""
    for element in card.get("body", []):
        if element.get("type") == "TextBlock":
            return element.get("text", "")
    return ""


def _column_texts(column_set: dict[str, Any]) -> list[str]:
    """The text of each column of a ColumnSet (a table row in this project's cards)."""
    return [
        " ".join(str(item.get("text", "")) for item in column.get("items", []))
        for column in column_set.get("columns", [])
    ]


def describe(activity: Activity) -> list[str]:
    """Readable lines for a reply: its text, then each card's heading, lines, facts, buttons."""
    lines = [f"text: {activity['text']}"] if activity.get("text") else []
    for card in cards(activity):
        lines.append(f"card: {card_title(card)}")
        for element in card.get("body", [])[1:]:
            if element.get("type") == "TextBlock":
                lines.append(f"  | {element.get('text')}")
            elif element.get("type") == "FactSet":
                lines.extend(f"  - {f.get('title')}: {f.get('value')}" for f in element["facts"])
            elif element.get("type") == "ColumnSet":
                lines.append("  | " + " · ".join(_column_texts(element)))
            elif element.get("type") == "Image":
                # A chart is a data: URI of many kilobytes: say what it is, not its bytes.
                url = str(element.get("url", ""))
                source = url.split(";", 1)[0] if url.startswith("data:") else url
                lines.append(f"  [image {source}: {element.get('altText', '')}]")
        buttons = [f"[{a.get('title')}]" for a in _walk_actions(card)]
        if buttons:
            lines.append("  buttons: " + " ".join(buttons))
    if activity.get("updated"):
        lines.insert(0, "(updated an earlier message)")
    return lines
