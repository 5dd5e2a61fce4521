"""SLA alert cards shown again as their ticket stands, in place, when it moves on.

A sweep's card is stored under sla:{number}:{deadlines}:{threshold}:{recipient}; the sla_alerts
rows of one sweep (one alerted_at) give back its deadlines, so each copy is found by its key and
updated instead of a new card following it.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.fit import RecordLink
from cards.sla_alert import alert_title, sla_alert_card
from dialogs.shared.links import record_link
from dialogs.sla.notices import alert_key, missed_deadlines
from services.profile import Capability, Profile
from services.sla import alert_rows
from services.sla.alert_rows import RecordedAlert
from services.tickets.sla import MET_FIELD

if TYPE_CHECKING:
    from bot.turn import Turn
    from services.tickets import Ticket


def update_alert_cards(turn: Turn, ticket: Ticket) -> None:
    """After the answer, show the ticket's SLA alert cards as the ticket now stands."""
    # The card acted on is replaced by the invoke's own answer: leave it to that.
    acted_on = turn.activity.reply_to_id
    profile, notifier = turn.services.profile, turn.notifier

    async def update() -> None:
        recorded = await alert_rows.recorded(turn.services.db, ticket.id)
        for _, rows in groupby(recorded, key=lambda row: (row.alerted_at, row.threshold)):
            sweep = list(rows)
            card = _card(profile, ticket, sweep, record_link(turn.services, ticket))
            key = alert_key(ticket.number, [row.deadline for row in sweep], sweep[0].threshold)
            for target in _places(profile):
                posted = await notifier.posted(f"{key}:{target}")
                if posted is not None and posted != acted_on:
                    await notifier.update(f"{key}:{target}", card)

    turn.after(update)


def _card(profile: Profile, ticket: Ticket, sweep: list[RecordedAlert], link: RecordLink | None):
    """The sweep's card with the ticket as it is now (the times late as they were told)."""
    threshold = sweep[0].threshold
    told = [(row.deadline, row.due_at, row.alerted_at) for row in sweep]
    missed = missed_deadlines(profile, threshold, told)
    met = [row.deadline for row in sweep if getattr(ticket, MET_FIELD[row.deadline])]
    card = sla_alert_card(profile, ticket, threshold, missed, met, link)
    return card_message(card, alert_title(ticket, threshold, missed))


def _places(profile: Profile) -> list[str]:
    """Every target a card of the ticket may have gone to: the channel and whoever may hear."""
    targets = [profile.channels.triage] if profile.channels.triage else []
    for capability in (Capability.WORK_TICKETS, Capability.TRIAGE, Capability.ACCEPT_ESCALATION):
        for person in profile.people_with_capability(capability):
            if person.id not in targets:
                targets.append(person.id)
    return targets
