"""Playground stories' shared parts: a customer's call as Mary types it, finding the card,
and the steps every story takes (filing a call, reading a card's buttons)."""

from __future__ import annotations

from cards.intake import SUBMIT_VERB
from cards.triage import ASSIGN
from scripts.playground import Activity, InvokeResult, Playground, card_title, cards
from tests.harness.cards import facts, texts
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


async def file_call(pg: Playground, call: dict) -> tuple[str, InvokeResult]:
    """Mary files `call` from the intake form; returns its number and her answer.

    She is triage, so the form becomes the ticket's triage card, saying it was filed: the one
    card of that turn in her chat (no copy beside it). Never held up by similar problems
    first: a form that comes back instead of the triage card fails here.
    """
    form = the_card_reply(await pg.say("new ticket"))
    filed = await pg.execute(form, SUBMIT_VERB, call)
    heading = card_title(filed.card)
    assert heading.startswith("Triage BP-"), texts(filed.card)
    number = heading.removeprefix("Triage ").split(" ")[0]
    assert f"Filed {number}: triage it here." in " ".join(texts(filed.card)), texts(filed.card)
    assert ASSIGN in verbs(filed.card)
    mine = [r for r in filed.replies if r["conversation"]["id"] == pg.personal_chat_id]
    copies = [r for r in mine if cards(r)]
    assert not copies, f"a second card in Mary's chat: {[card_title(card_of(c)) for c in copies]}"
    return number, filed


async def assigned_to(pg: Playground, who: str, call: dict) -> tuple[str, Activity]:
    """Mary files `call` and assigns it to `who` (the suggestion), who has the app; their
    ticket card, in their own chat, as they find it there."""
    chat = await pg.install_app(who)
    number, filed = await file_call(pg, call)
    assigned = await pg.execute(filed.activity, ASSIGN)
    assert facts(assigned.card)["Assignee"] == who
    told = the_card_in(pg.logged_messages(chat), f"{number} · ")
    assert "Assigned to you by Mary" in texts(card_of(told))
    return number, told
