"""Time worked on a ticket: `time <ticket> <duration> [note]` logs it, `time <ticket>` lists it.

Every profile has the command; the entry is stored in the bot, counts in the ticket's time, and
with Harvest on goes to Harvest through the sync queue (bot/harvest.py). A refusal from Harvest
is told to the person whose time it was.
"""

from __future__ import annotations

from botbuilder.core import MessageFactory

from bot.notifier import Notifier
from bot.router import Feature
from bot.turn import Turn
from dialogs.shared.tickets import find_ticket, now
from dialogs.time_tracking.notices import entries_list, harvest_refused, logged
from services.app_services import AppServices
from services.delivery import Recipient
from services.forms.bounds import TEXT, overlong
from services.numbers import split_ticket_ref
from services.sync import SyncChange, SyncQueue
from services.sync.harvest import SYSTEM, TIME_ENTRY
from services.sync.harvest.outbound import record_key
from services.tickets import TicketRuleError
from services.tickets.durations import leading_minutes
from services.time_entries import TimeEntry, log_time

feature = Feature("time")
_STATES = {"sent": "in Harvest", "dead": "refused by Harvest"}


@feature.command(
    "time",
    usage="<ticket> <duration> [note]",
    help="Log time worked on a ticket: 45m, 1h30, 1.5 h or 90 minutes; alone, list its time",
)
async def time_command(turn: Turn, args: str) -> None:
    """Log the caller's time on a ticket (today, in the team's time zone), or list its entries."""
    assert turn.caller is not None  # the router only lets roster members run this
    number, rest = split_ticket_ref(args)
    problem = overlong("note", rest, TEXT)
    if problem:
        await turn.say(problem)
        return
    ticket, problem = await find_ticket(turn, number)
    if ticket is None:
        await turn.say(problem or "")
        return
    services = turn.services
    if not rest:
        entries = await services.time_entries.of_ticket(ticket.id)
        states = await _states(services, entries)
        await turn.say(entries_list(services.profile, ticket, entries, states))
        return
    minutes, note = leading_minutes(rest)
    try:
        new = log_time(ticket, turn.caller.id, services.profile, now(turn), minutes, note)
    except TicketRuleError as refusal:
        await turn.say(str(refusal))  # nothing stored; what they typed is in the chat above
        return
    entry = await services.time_entries.add(new)
    total = await services.tickets.get(ticket.number) or ticket  # the total with this entry
    await turn.say(logged(entry, total, to_harvest=services.time_entries.sends))


async def _states(services: AppServices, entries: list[TimeEntry]) -> dict[int, str]:
    """Where each entry's Harvest copy stands; none with Harvest off."""
    if not services.time_entries.sends:
        return {}
    queue, states = SyncQueue(services.db), {}
    for entry in entries:
        changes = await queue.of_record(SYSTEM, record_key(entry.id))
        state = changes[-1].state if changes else "queued"
        states[entry.id] = _STATES.get(state, "on its way to Harvest")
    return states


@feature.on_synced(SYSTEM, TIME_ENTRY)
async def harvest_answered(
    services: AppServices, notifier: Notifier, change: SyncChange, refusal: str | None
) -> None:
    """Harvest made the copy (nothing to say: the entry was confirmed when logged), or refused
    it: the person whose time it was hears why, in Harvest's words."""
    if refusal is None or not change.actor_id:
        return
    entry = await services.time_entries.get(int(change.payload["entry"]))
    if entry is None:
        return
    text = harvest_refused(entry, refusal)
    key = f"sync-dead:{change.idempotency_key}"
    await notifier.tell(Recipient.person(change.actor_id), MessageFactory.text(text), key)
