"""BP Search conversations: tickets on the sample's machines, and reading BP Search's cards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.tickets import Ticket, TicketDraft
from services.tickets.closure import resolve
from services.tickets.triage import assign
from tests.harness.cards import elements
from tests.harness.desk import Desk
from tests.harness.domain import MONDAY_9AM
from tests.harness.tickets import services


async def ticket_on(
    desk: Desk,
    serial: str,
    subject: str,
    *,
    company: str = "Harvest Valley Foods",
    at: datetime = MONDAY_9AM,
    resolution: str | None = None,
) -> Ticket:
    """A ticket Mary filed on the machine `serial`; with `resolution`, Kevin resolved it."""
    repo, profile = services(desk).tickets, services(desk).profile
    draft = TicketDraft(subject, issue_type="controls", company=company, serial_number=serial)
    ticket, _ = await repo.create(draft, "mary", None, at)
    if resolution is None:
        return ticket
    assigned, events = assign(ticket, "mary", profile, at, assignee_id="kevin")
    resolved, more = resolve(assigned, "kevin", profile, at, resolution)
    return await repo.save(resolved, ticket.version, [*events, *more])


def open_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The Action.Execute buttons inside a card's body (a list's Open buttons), in order."""
    return [
        action
        for element in elements(card)
        if element["type"] == "ActionSet"
        for action in element["actions"]
        if action["type"] == "Action.Execute"
    ]


def links(card: dict[str, Any]) -> dict[str, str]:
    """The card's Open in … buttons: title → address."""
    return {a["title"]: a["url"] for a in card.get("actions", []) if a["type"] == "Action.OpenUrl"}
