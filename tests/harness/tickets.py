"""Shared by the troubleshooting and closure conversations: tickets set up directly, a frozen
clock, and ways to read what the bot answered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.keys import SERVICES
from services.app_services import AppServices
from services.tickets import Ticket, TicketDraft, TicketEvent
from services.tickets.describe import describe
from services.tickets.workflow import acknowledge, assign
from tests.harness.cards import texts
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.domain import MONDAY_9AM

__all__ = ["MONDAY_9AM"]


def services(desk: Desk) -> AppServices:
    """The running app's services."""
    return desk.app[SERVICES]


def freeze(desk: Desk, at: datetime) -> None:
    """Stop the app's clock at `at`: everything the bot does happens then."""
    services(desk).clock = lambda: at


async def ticket_for(
    desk: Desk,
    assignee: str | None = "kevin",
    subject: str = "Sealer stops after 20 cases",
    *,
    priority: str = "normal",
    acknowledged: bool = True,
    at: datetime = MONDAY_9AM,
) -> Ticket:
    """A ticket Mary filed at `at` and (unless `assignee` is None) assigned, as triage would."""
    repo, profile = services(desk).tickets, services(desk).profile
    ticket, _ = await repo.create(TicketDraft(subject, priority=priority), "mary", subject, at)
    current, events = ticket, []
    steps = [lambda t: assign(t, "mary", profile, at, assignee_id=assignee)] if assignee else []
    if acknowledged:
        steps.append(lambda t: acknowledge(t, "mary", profile, at))
    for step in steps:
        current, new = step(current)
        events.extend(new)
    return await repo.save(current, ticket.version, events) if events else ticket


async def stored(desk: Desk, number: str) -> Ticket:
    """The ticket as the database has it now."""
    ticket = await services(desk).tickets.get(number)
    assert ticket is not None, number
    return ticket


async def history(desk: Desk, number: str) -> list[TicketEvent]:
    """The ticket's stored timeline, oldest first."""
    return await services(desk).tickets.events((await stored(desk, number)).id)


async def timeline_lines(desk: Desk, number: str) -> list[str]:
    """The whole timeline as the card words it (without times)."""
    profile = services(desk).profile
    return [describe(profile, event) for event in await history(desk, number)]


def replied_card(answer: Answer) -> dict[str, Any]:
    """The card an Action.Execute was answered with (fails on a message answer)."""
    assert answer.body["type"] == "application/vnd.microsoft.card.adaptive", answer.body
    return answer.body["value"]


def replied_message(answer: Answer) -> str:
    """The message an Action.Execute was answered with (fails on a card answer)."""
    assert answer.body["type"] == "application/vnd.microsoft.activity.message", answer.body
    return answer.body["value"]


def buttons(card: dict[str, Any]) -> list[str]:
    """The titles of a card's own actions, in order."""
    return [action["title"] for action in card.get("actions", [])]


def inputs(card: dict[str, Any]) -> dict[str, Any]:
    """Each input's id → its value, on the card body (what the person sees filled in)."""
    return {e["id"]: e.get("value") for e in card["body"] if e["type"].startswith("Input.")}


def personal_chat(chat: Chat) -> str:
    """The id of the person's 1:1 chat with the bot."""
    return f"a:1on1-{chat.user.user_id}"


def cards_in_chat(desk: Desk, chat: Chat, mark: int, heading: Callable[[str], bool]) -> list:
    """The cards sent to this person's chat since `mark` whose first line `heading` accepts."""
    return [
        sent
        for sent in desk.connector.since(mark)
        if sent.conversation_id == personal_chat(chat)
        and sent.card
        and heading(texts(sent.card)[0])
    ]
