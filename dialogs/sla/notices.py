"""Who hears of an SLA alert: the assignee of a warning; the assignee first, then triage and the
managers, of a breach. One card per ticket and threshold per sweep names all its deadlines."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.deadlines import Missed
from cards.sla_alert import alert_title, sla_alert_card
from dialogs.shared.links import record_link
from services.delivery import Recipient
from services.profile import Capability, Profile
from services.sla.policy import Deadline, Threshold, minutes_late, minutes_left
from services.sla.sweep import SlaAlert
from services.tickets.rules import business_clock

if TYPE_CHECKING:
    from botbuilder.schema import Activity

    from bot.notifier import Notifier
    from services.app_services import AppServices


def grouped(alerts: Iterable[SlaAlert]) -> list[list[SlaAlert]]:
    """The sweep's alerts by ticket and threshold, in the order the sweep found them."""
    groups: dict[tuple[int, Threshold], list[SlaAlert]] = {}
    for alert in alerts:
        groups.setdefault((alert.ticket.id, alert.threshold), []).append(alert)
    return list(groups.values())


def alert_key(number: str, deadlines: Iterable[Deadline], threshold: Threshold) -> str:
    """The card's key without the recipient: a retry or a replica finds the same deadlines."""
    return f"sla:{number}:{'+'.join(sorted(d.value for d in deadlines))}:{threshold.value}"


def missed_deadlines(
    profile: Profile, threshold: Threshold, told: list[tuple[str, datetime, datetime]]
) -> list[Missed]:
    """(deadline, due, told at) as the card words them: business minutes late, or left."""
    clock, late = business_clock(profile), threshold is Threshold.BREACH
    return [
        Missed(
            deadline,
            minutes_late(clock, due, at) if late else minutes_left(clock, due, at),
            due,
        )
        for deadline, due, at in told
    ]


async def tell_alert(services: AppServices, notifier: Notifier, alerts: list[SlaAlert]) -> None:
    """One ticket's alerts at one threshold as one card to each recipient, once (dedupe key)."""
    profile = services.profile
    first = alerts[0]
    ticket, threshold = first.ticket, first.threshold
    late = threshold is Threshold.BREACH
    missed = missed_deadlines(profile, threshold, [(a.deadline, a.due_at, a.at) for a in alerts])
    card = sla_alert_card(profile, ticket, threshold, missed, link=record_link(services, ticket))
    activity = card_message(card, alert_title(ticket, threshold, missed))
    key = alert_key(ticket.number, [alert.deadline for alert in alerts], threshold)
    told: set[str] = set()
    # Whoever works the ticket can act at once: they hear first, of a warning only they do.
    if ticket.assignee_id:
        await _tell_each(notifier, [ticket.assignee_id], activity, key, told)
        if not late:
            return
    await _tell_triage(profile, notifier, activity, key, told)
    if late:
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
