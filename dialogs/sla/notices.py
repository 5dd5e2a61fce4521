"""Who hears of an SLA alert: the assignee of a warning; triage and the managers of a breach."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.sla_alert import alert_title, sla_alert_card
from services.delivery import Recipient
from services.profile import Capability, Profile
from services.sla.policy import Threshold, minutes_late, minutes_left
from services.sla.sweep import SlaAlert
from services.tickets.rules import business_clock

if TYPE_CHECKING:
    from botbuilder.schema import Activity

    from bot.notifier import Notifier


async def tell_alert(profile: Profile, notifier: Notifier, alert: SlaAlert) -> None:
    """The alert's card to each of its recipients, once per recipient (dedupe key)."""
    clock = business_clock(profile)
    if alert.threshold is Threshold.BREACH:
        minutes = minutes_late(clock, alert.due_at, alert.at)
    else:
        minutes = minutes_left(clock, alert.due_at, alert.at)
    ticket = alert.ticket
    card = sla_alert_card(profile, ticket, alert.deadline, alert.threshold, alert.due_at, minutes)
    activity = card_message(card, alert_title(ticket, alert.deadline, alert.threshold, minutes))
    key = f"sla:{ticket.number}:{alert.deadline.value}:{alert.threshold.value}"
    told: set[str] = set()
    if alert.threshold is Threshold.WARNING and ticket.assignee_id:
        await _tell_each(notifier, [ticket.assignee_id], activity, key, told)
        return
    await _tell_triage(profile, notifier, activity, key, told)
    if alert.threshold is Threshold.BREACH:
        managers = profile.people_with_capability(Capability.ACCEPT_ESCALATION)
        await _tell_each(notifier, [p.id for p in managers], activity, key, told)


async def _tell_triage(
    profile: Profile, notifier: Notifier, activity: Activity, key: str, told: set[str]
) -> None:
    """The triage channel; each triager's chat when there is none or it can't be reached yet."""
    channel = profile.channels.triage
    if channel:
        to = Recipient.channel(channel)
        delivery = await notifier.tell(to, activity, f"{key}:{to.target}")
        if delivery.reached_or_on_its_way:
            return
    triagers = profile.people_with_capability(Capability.TRIAGE)
    await _tell_each(notifier, [p.id for p in triagers], activity, key, told)


async def _tell_each(
    notifier: Notifier, people: Iterable[str], activity: Activity, key: str, told: set[str]
) -> None:
    """Tell each person not told yet (a manager who also triages hears it once)."""
    for person_id in people:
        if person_id in told:
            continue
        told.add(person_id)
        await notifier.tell(Recipient.person(person_id), activity, f"{key}:{person_id}")
