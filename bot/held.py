"""Notices held for someone, as they stand when they open the app: what still applies, current.

A ticket's notice is known by its key: "sla:{number}:{deadlines}:{threshold}:..." (an SLA
alert) and "triage:{number}..." (a triage card). An alert whose deadlines were all met since (or,
for a warning, have passed: their breach alert says it now) and any notice of a closed ticket no
longer apply. A triage card applies while its ticket is open: it says who has it now (and,
delivered on its own, it is rendered again as the ticket stands, bot.notifier).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cards.deadlines import DEADLINE_NAMES
from cards.held import HeldLine
from services.sla.policy import Deadline, Threshold
from services.tickets.rules import name_of, status_label
from services.tickets.sla import DUE_FIELD, MET_FIELD

_TICKET_NOTICES = ("sla", "triage")

if TYPE_CHECKING:
    from services.app_services import AppServices
    from services.db.outbox import OutboxMessage
    from services.tickets import Ticket


def about_a_ticket(message: OutboxMessage) -> bool:
    """Whether the notice is a ticket's SLA alert or triage card, re-read as it is now."""
    return message.dedupe_key.partition(":")[0] in _TICKET_NOTICES


async def held_line(services: AppServices | None, message: OutboxMessage) -> HeldLine | None:
    """The notice's line in the summary, or None when it no longer applies."""
    title = _title(message.payload)
    kind, _, rest = message.dedupe_key.partition(":")
    if services is None or kind not in _TICKET_NOTICES:
        return HeldLine(title)
    number, _, rest = rest.partition(":")
    ticket = await services.tickets.get(number)
    if ticket is None or not ticket.is_open:
        return None
    if kind == "triage":
        return HeldLine(title, _now(services, ticket), number)
    names, _, threshold = rest.partition(":")
    deadlines = [Deadline(value) for value in names.split("+")]
    met = [d for d in deadlines if getattr(ticket, MET_FIELD[d])]
    if threshold.startswith(Threshold.WARNING.value):
        # A warning whose deadline has passed since is outdone by that deadline's breach alert.
        met += [d for d in deadlines if d not in met and _passed(services, ticket, d)]
    if len(met) == len(deadlines):
        return None
    now = _now(services, ticket)
    if met:
        now += f"; met since: {', '.join(DEADLINE_NAMES[d] for d in met)}"
    return HeldLine(title, now, number)


def _passed(services: AppServices, ticket: Ticket, deadline: Deadline) -> bool:
    due = getattr(ticket, DUE_FIELD[deadline])
    return due is not None and due <= services.clock()


def _now(services: AppServices, ticket: Ticket) -> str:
    """The ticket's state and who has it, as it is now."""
    profile = services.profile
    who = name_of(profile, ticket.assignee_id) if ticket.assignee_id else "nobody yet"
    return f"Now: {status_label(profile, ticket.status)} · {who}"


def _title(payload: dict[str, Any]) -> str:
    """What the notice said in a line: its summary, its text, or its card's first line."""
    if payload.get("summary") or payload.get("text"):
        return payload.get("summary") or payload["text"]
    for attachment in payload.get("attachments") or []:
        for element in (attachment.get("content") or {}).get("body") or []:
            if element.get("text"):
                return element["text"]
    return "A notice from the desk"
