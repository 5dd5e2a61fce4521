"""The SLA sweep: every minute, tell what has come due, then record it as told.

The thresholds come due and not yet in sla_alerts are told as one card per ticket and threshold,
to each recipient under sla:{number}:{deadlines}:{threshold}:{recipient} ({deadlines} the sorted
deadlines the card names, joined by "+"), and only then recorded, with the ticket's next
check: a crash in between, or a replica doing the same, tells the same keys again and the
notifier keeps one notice per key, so none is lost and none doubled.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.router import Feature
from dialogs.sla.notices import grouped, tell_alert
from services.scheduler import Every
from services.sla.policy import Threshold
from services.sla.sweep import SlaSweep

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

feature = Feature("sla")


@feature.job("sla_sweep", schedule=lambda profile: Every(1))
async def sweep_and_alert(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Tell what has come due by `now`, then record it as told."""
    sweep = SlaSweep(services.db, services.profile)
    batch = await sweep.pending(now)
    failed: dict[int, Exception] = {}
    for alerts in grouped(batch.alerts):
        ticket_id = alerts[0].ticket.id
        if ticket_id in failed:
            continue
        try:
            await tell_alert(services, notifier, alerts)
        except Exception as error:  # one ticket's failure must not hold back the others
            failed[ticket_id] = error
    # Only now: a ticket whose telling failed stays unrecorded and due for the next sweep.
    await sweep.record(batch, failed)
    if failed:
        raise next(iter(failed.values()))
    breaches = sum(alert.threshold is Threshold.BREACH for alert in batch.alerts)
    return f"{len(batch.alerts) - breaches} warnings, {breaches} breaches"
