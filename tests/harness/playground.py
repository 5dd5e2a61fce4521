"""Playground stories' shared parts: a customer's call as Mary types it, finding the card,
and the steps every story takes (filing a call, reading a card's buttons)."""

from __future__ import annotations

from cards.intake import SUBMIT_VERB
from cards.triage import ASSIGN
from scripts.playground import Activity, Playground, card_title, cards
from tests.harness.intake import GOOD

# What Mary types into the intake form while the customer is on the phone.
CALL = GOOD


def card_of(message: Activity) -> dict:
    """The one card a message carries."""
    found = cards(message)
    assert len(found) == 1, message
    return found[0]


def the_card_reply(replies: list[Activity]) -> Activity:
    """The one message with a card among a turn's replies."""
    with_cards = [r for r in replies if cards(r)]
    assert len(with_cards) == 1, replies
    return with_cards[0]


def the_card_in(messages: list[Activity], heading_starts: str) -> Activity:
    """The last message whose card heading starts with `heading_starts`."""
    found = [m for m in messages if cards(m) and card_title(card_of(m)).startswith(heading_starts)]
    assert found, [card_title(c) for m in messages for c in cards(m)]
    return found[-1]


def actions(card: dict) -> list[dict]:
    """Every action on a card in reading order: its buttons and those of the forms it shows."""
    found: list[dict] = []
    stack: list = [card]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                found.append(node)
            keys = ("card", "actions", "columns", "items", "body")  # popped in reverse
            stack.extend(node[k] for k in keys if k in node)
    return found


def buttons(card: dict) -> list[str]:
    """The titles of a card's buttons, in reading order."""
    return [action.get("title", "") for action in actions(card)]


def verbs(card: dict) -> set[str]:
    """The verbs of a card's Action.Execute buttons."""
    return {a["verb"] for a in actions(card) if a["type"] == "Action.Execute"}


async def file_call(pg: Playground, call: dict) -> tuple[str, Activity]:
    """Mary files `call` from the intake form; returns its number and the card to triage it on.

    A form held up by similar solved problems is filed with "File anyway", everything typed
    kept. The triage card is whichever message offers Assign: the filed card itself, or the
    one sent beside it.
    """
    form = the_card_reply(await pg.say("new ticket"))
    filed = await pg.execute(form, SUBMIT_VERB, call)
    if not card_title(filed.card).startswith("Filed "):
        filed = await pg.execute(filed.activity, SUBMIT_VERB)
    heading = card_title(filed.card)
    assert heading.startswith("Filed "), heading
    number = heading.removeprefix("Filed ").split(" ")[0]
    triage = [
        m for m in (filed.activity, *filed.replies) if cards(m) and ASSIGN in verbs(card_of(m))
    ]
    assert triage, filed
    return number, triage[-1]
