"""SLA alerts (scheduled, no conversation): tell people a deadline is close or has passed.

States of one (ticket, deadline, threshold), each reached once across restarts and replicas:
    RUNNING    the deadline is unmet and its thresholds are still ahead; the ticket's
               next_sla_check_at says when the sweep looks again (none while paused)
    WARNED     warn_before_breach_minutes are left → the assignee is told, or triage when the
               ticket has nobody yet
    BREACHED   the due time passed unmet → triage and the engineering manager are told how late
    MET        acknowledged / first public note / resolved → no more alerts for that deadline
Each come threshold not yet in sla_alerts is queued in the outbox for each recipient under
sla:{number}:{deadline}:{threshold}:{recipient} and only then recorded, with the ticket's next
check: a crash in between, or a replica doing the same, queues the same keys again and the
outbox keeps one message per key, so none is lost and none doubled.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.router import Feature
from bot.turn import card_message
from cards.sla_alert import alert_title, sla_alert_card
from services.db.outbox import TargetKind
from services.profile import Capability, Profile
from services.scheduler import Every
from services.sla.policy import Threshold, minutes_late, minutes_left
from services.sla.sweep import SlaAlert, SlaSweep
from services.tickets.rules import business_clock

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


feature = Feature("sla")


@feature.job("sla_sweep", schedule=lambda profile: Every(1))
async def sweep_and_alert(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """The scheduled job: queue what has come due by `now`, then record it as sent."""
    sweep = SlaSweep(services.db, services.profile)
    batch = await sweep.pending(now)
    failed: dict[int, Exception] = {}
    for alert in batch.alerts:
        if alert.ticket.id in failed:
            continue
        try:
            await send_alert(services.profile, notifier, alert)
        except Exception as error:  # one ticket's failure must not hold back the others
            failed[alert.ticket.id] = error
    # Only now: a ticket whose queuing failed stays unrecorded and due for the next sweep.
    await sweep.record(batch, failed)
    if failed:
        raise next(iter(failed.values()))
    breaches = sum(alert.threshold is Threshold.BREACH for alert in batch.alerts)
    return f"{len(batch.alerts) - breaches} warnings, {breaches} breaches"


async def send_alert(profile: Profile, notifier: Notifier, alert: SlaAlert) -> None:
    """The alert's card to each of its recipients, once per recipient (dedupe key)."""
    clock = business_clock(profile)
    if alert.threshold is Threshold.BREACH:
        minutes = minutes_late(clock, alert.due_at, alert.at)
    else:
        minutes = minutes_left(clock, alert.due_at, alert.at)
    ticket = alert.ticket
    card = sla_alert_card(profile, ticket, alert.deadline, alert.threshold, alert.due_at, minutes)
    activity_summary = alert_title(ticket, alert.deadline, alert.threshold, minutes)
    key = f"sla:{ticket.number}:{alert.deadline.value}:{alert.threshold.value}"
    told: set[str] = set()
    if alert.threshold is Threshold.WARNING and ticket.assignee_id:
        targets: list[tuple[TargetKind, str]] = [("person", ticket.assignee_id)]
        await _send_each(notifier, targets, card, activity_summary, key, told)
        return
    await _tell_triage(profile, notifier, card, activity_summary, key, told)
    if alert.threshold is Threshold.BREACH:
        managers = profile.people_with_capability(Capability.ACCEPT_ESCALATION)
        targets = [("person", person.id) for person in managers]
        await _send_each(notifier, targets, card, activity_summary, key, told)


async def _tell_triage(
    profile: Profile, notifier: Notifier, card: dict, summary: str, key: str, told: set[str]
) -> None:
    """The triage channel; each triager's chat when there is none or it can't be reached yet."""
    channel = profile.channels.triage
    if channel:
        target = f"channel:{channel}"
        message = card_message(card, summary)
        posted = await notifier.send("conversation", target, message, dedupe_key=f"{key}:{target}")
        if posted.status == "sent":
            return
    triagers = profile.people_with_capability(Capability.TRIAGE)
    await _send_each(notifier, [("person", p.id) for p in triagers], card, summary, key, told)


async def _send_each(
    notifier: Notifier,
    targets: list[tuple[TargetKind, str]],
    card: dict,
    summary: str,
    key: str,
    told: set[str],
) -> None:
    """Send to each target not told yet (a manager who also triages hears it once)."""
    for kind, target in targets:
        if target in told:
            continue
        told.add(target)
        await notifier.send(kind, target, card_message(card, summary), dedupe_key=f"{key}:{target}")
