"""The catch-up: the desk's pipeline searched for tickets HubSpot changed since a stored cursor,
each applied as a webhook's would be, so one missed (or sent while the bot was down) is repaired.

POST /crm/v3/objects/tickets/search: the pipeline, hs_lastmodifieddate >= the cursor, sorted
ascending, paged by `after` (at most MAX_PAGES pages a run; the client paces searches under
HubSpot's search limit). The cursor is the last modification time applied, in Unix ms.

HubSpot's search index trails its records by a few seconds, so a ticket changed just before
the last one read may surface only later: the cursor never moves past `now - INDEX_LAG`, and
tickets changed within it are read again next run (applying one twice changes nothing). `>=`
rather than `>` keeps a ticket changed in the cursor's own millisecond. A search reaches only
10,000 results: the cursor moves on after each page, so a long backlog takes several runs.
A lease on the cursor row keeps a second replica (or a slow run's successor) out meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from services.clients.hubspot import CrmObject, HubSpotClient, HubSpotError
from services.sync.inbox import CursorLease

log = logging.getLogger(__name__)

MAX_PAGES = 5
PAGE = 100
MODIFIED = "hs_lastmodifieddate"
# The first run looks this far back: what changed while the bot was being set up.
FIRST_LOOKBACK = timedelta(minutes=30)
INDEX_LAG = timedelta(minutes=1)
LEASE = timedelta(minutes=5)

Apply = Callable[[CrmObject], Awaitable[bool]]


def search_body(
    pipeline: str, since_ms: int, properties: tuple[str, ...], after: str | None
) -> dict[str, Any]:
    """One page of the search: the pipeline's tickets changed at or after `since_ms`."""
    filters = [
        {"propertyName": "hs_pipeline", "operator": "EQ", "value": pipeline},
        {"propertyName": MODIFIED, "operator": "GTE", "value": str(since_ms)},
    ]
    body: dict[str, Any] = {
        "filterGroups": [{"filters": filters}],
        "sorts": [{"propertyName": MODIFIED, "direction": "ASCENDING"}],
        "properties": list(properties),
        "limit": PAGE,
    }
    return body | ({"after": after} if after else {})


async def catch_up(
    client: HubSpotClient,
    lease: CursorLease,
    apply: Apply,
    now: datetime,
    pipeline: str,
    properties: tuple[str, ...],
) -> str:
    """Read what changed since the stored cursor and apply it; a line for the job's record."""
    if not await lease.take(now, LEASE):
        return "another replica is catching up"
    read = changed = 0
    ceiling = _ms(now - INDEX_LAG)
    try:
        stored = await lease.cursor()
        since = int(stored) if stored and stored.isdigit() else _ms(now - FIRST_LOOKBACK)
        after: str | None = None
        for _ in range(MAX_PAGES):
            body = search_body(pipeline, since, properties, after)
            page = await client.crm.search("tickets", body)
            latest = since
            for ticket in page.results:
                read += 1
                changed += await _applied(apply, ticket)
                latest = max(latest, _modified(ticket) or latest)
            if page.after is None:
                # All HubSpot had indexed is read: nothing older than the lag is left behind.
                await lease.move(str(max(since, ceiling)), now)
                break
            await lease.move(str(max(since, min(latest, ceiling))), now)
            after = page.after
    finally:
        await lease.release()
    return f"{read} tickets read, {changed} changed"


async def _applied(apply: Apply, ticket: CrmObject) -> bool:
    """Apply one ticket; HubSpot's failures stop the run (the cursor stays before this page),
    anything else skips the ticket (its next event pokes it again) so it cannot block the rest."""
    try:
        return await apply(ticket)
    except HubSpotError:
        raise
    except Exception:
        log.exception("catch-up could not apply HubSpot ticket %s; skipped", ticket.id)
        return False


def _modified(ticket: CrmObject) -> int | None:
    """hs_lastmodifieddate in Unix ms (HubSpot returns it as ISO 8601 in search results)."""
    value = ticket.get(MODIFIED)
    if value is None:
        return _ms(ticket.updated_at) if ticket.updated_at else None
    if value.isdigit():
        return int(value)
    try:
        return _ms(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)
