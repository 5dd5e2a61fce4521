"""The catch-up: Zendesk's incremental ticket export read from a stored cursor, each ticket
applied as a webhook's would be, so one missed (or sent while the bot was down) is repaired.

The export allows 10 requests a minute. The scheduler runs this at most once a minute and a
run reads at most MAX_PAGES pages, so two runs meeting within one minute stay under the limit.
A lease on the cursor row keeps a second replica (or a slow run's successor) out meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from services.clients.zendesk import ZendeskClient, ZendeskError
from services.clients.zendesk.models import Ticket as ZendeskTicket
from services.sync.inbox import CursorLease

log = logging.getLogger(__name__)

MAX_PAGES = 5
# The first run starts this far back: Zendesk refuses a start_time less than a minute old.
FIRST_LOOKBACK = timedelta(minutes=2)
LEASE = timedelta(minutes=5)

Apply = Callable[[ZendeskTicket], Awaitable[bool]]


async def catch_up(client: ZendeskClient, lease: CursorLease, apply: Apply, now: datetime) -> str:
    """Read what changed since the stored cursor and apply it; a line for the job's record."""
    if not await lease.take(now, LEASE):
        return "another replica is catching up"
    read = changed = 0
    try:
        cursor = await lease.cursor()
        for _ in range(MAX_PAGES):
            if cursor is None:
                start = int((now - FIRST_LOOKBACK).timestamp())
                page = await client.export.tickets_since(start)
            else:
                page = await client.export.tickets_after(cursor)
            for ticket in page.tickets:
                read += 1
                changed += await _applied(apply, ticket)
            if page.after_cursor:
                cursor = page.after_cursor
                await lease.move(cursor, now)
            if page.end_of_stream:
                break
    finally:
        await lease.release()
    return f"{read} tickets read, {changed} changed"


async def _applied(apply: Apply, ticket: ZendeskTicket) -> bool:
    """Apply one ticket; Zendesk's failures stop the run (the cursor stays before this page),
    anything else skips the ticket (its next event pokes it again) so it cannot block the rest."""
    try:
        return await apply(ticket)
    except ZendeskError:
        raise
    except Exception:
        log.exception("catch-up could not apply Zendesk ticket %s; skipped", ticket.id)
        return False
