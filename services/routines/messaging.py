"""Writing to a customer for a routine: the desk sends it where it can, else a person must.

The message is recorded on the ticket's timeline (a customer-visible note saying why and how)
only once it went out: sent by the desk through the system of record, or sent by a person who
says so. A system that is down or throttling leaves nothing recorded, so the routine that
wanted the message asks again on its next run. Where the sync queue sends messages (HubSpot),
the message is recorded as on its way in the transaction that queues it, and its note follows
once the system took it (services.tickets.queued_message).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from services.customer_messages import MessageFailed
from services.tickets.customer_message import Purpose, customer_message, may_write
from services.tickets.errors import TicketRuleError
from services.tickets.model import Ticket
from services.tickets.queued_message import message_queued

if TYPE_CHECKING:
    from services.app_services import AppServices

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What came of one message: sent `via` a channel (the ticket as saved with it), or why a
    person must send it; `retry` when the system may take it later (down, throttled);
    `queued` when it is on its way through the sync queue (not sent yet)."""

    ticket: Ticket
    sent: bool
    why_not: str = ""
    retry: bool = False
    via: str = ""
    queued: bool = False


async def write_to_customer(
    services: AppServices,
    ticket: Ticket,
    text: str,
    purpose: Purpose,
    actor_id: str,
    now: datetime,
) -> Outcome:
    """Send `text` to the ticket's customer through its system of record, if that can;
    TicketRuleError, before anything is sent, when `actor_id` may not write to them."""
    may_write(ticket, actor_id, services.profile)
    messages = services.customer_messages
    try:
        route = await messages.route(ticket)
        if not route.sends:
            return Outcome(ticket, False, route.why_not)
        if route.queued:
            saved = await _queue(services, ticket, text, purpose, actor_id, now, route.via or "")
            return Outcome(saved, False, via=route.via or "", queued=True)
        reference = await messages.send(ticket, text, route)
    except MessageFailed as failed:
        log.warning("message to the customer of %s not sent: %s", ticket.number, failed.reason)
        return Outcome(ticket, False, failed.reason, retry=failed.retry)
    saved = await record(services, ticket, text, purpose, actor_id, now, route.via, reference)
    return Outcome(saved, True, via=route.via or "")


async def _queue(
    services: AppServices,
    ticket: Ticket,
    text: str,
    purpose: Purpose,
    actor_id: str,
    now: datetime,
    via: str,
) -> Ticket:
    """Record the message as on its way; the ticket's save queues it for the sync sender."""
    profile = services.profile

    def command(current: Ticket):
        return message_queued(current, actor_id, profile, now, text, purpose=purpose, via=via)

    saved = await services.tickets.change(ticket.number, command)
    if saved is None:
        raise TicketRuleError(f"There is no ticket {ticket.number}.")
    return saved


async def record(
    services: AppServices,
    ticket: Ticket,
    text: str,
    purpose: Purpose,
    actor_id: str,
    now: datetime,
    via: str | None,
    ref: str | None = None,
) -> Ticket:
    """Put the message that went out on the timeline (retried on a concurrent change); `ref`:
    its id in the system that sent it."""
    profile = services.profile

    def command(current: Ticket):
        return customer_message(
            current, actor_id, profile, now, text, purpose=purpose, via=via or "", reference=ref
        )

    saved = await services.tickets.change(ticket.number, command)
    if saved is None:
        raise TicketRuleError(f"There is no ticket {ticket.number}.")
    return saved
