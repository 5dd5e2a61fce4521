"""Who hears of a ticket in triage: the triage channel (or each triager's chat), the requester.

A triage card is stored under a key: "triage:{number}" in the channel, "triage:{number}:{person}"
in a triager's chat. By that key it is updated when the ticket moves, and the assignment
@mention replies in its thread.

Who gets which copy of a new ticket's triage card:
- the triage channel, when the profile names one (held until the bot can post there);
- each triager's chat, when there is no channel or it cannot be reached now, so the
  acknowledgement clock stays in sight (held for a triager without the app).
Every copy shows the ticket as it stands: a posted one is updated after each change saved
through the workflow (`show_on_triage_posts`), a held one is rendered again when it is delivered
(bot.notifier), and any copy refreshes itself when one of the people who see it opens it
(Universal Actions' refresh, answered by triage.refresh).
"""

from __future__ import annotations

from bot.turn import Turn, card_message
from cards.ticket import note_form, ticket_card
from dialogs.shared.links import record_link
from dialogs.shared.tickets import shows_tickets
from dialogs.triage.views import triage_card_for
from services.delivery import Delivery, Recipient
from services.profile import Capability, Person, Profile
from services.tickets import Ticket, TicketEvent


def channel_key(number: str) -> str:
    """The key of a ticket's triage card in the triage channel."""
    return f"triage:{number}"


def triage_places(profile: Profile, number: str) -> list[tuple[str, Recipient]]:
    """(key, recipient) of every place a ticket's triage card may be, the channel first."""
    channel = profile.channels.triage
    places = [(channel_key(number), Recipient.channel(channel))] if channel else []
    people = profile.people_with_capability(Capability.TRIAGE)
    return places + [(f"triage:{number}:{p.id}", Recipient.person(p.id)) for p in people]


async def post_triage_card(turn: Turn, ticket: Ticket, answered: str | None = None) -> None:
    """Post a new ticket's triage card to the triage channel, or to each triager's chat (see the
    module's docstring for who gets which copy).

    `answered`: the triager who filed it and has the card as their answer, not in a copy.
    """
    card = await triage_card_for(turn, ticket)
    summary = f"New ticket {ticket.number}: {ticket.subject}"
    for key, to in triage_places(turn.services.profile, ticket.number):
        if to == Recipient.person(answered or ""):
            continue
        delivery = await turn.tell(to, card, key, summary=summary)
        # Nobody has talked to the bot in the channel yet (or it was removed there): the
        # triagers' own chats keep the acknowledgement clock in sight meanwhile.
        if to.kind == "conversation" and delivery.reached_or_on_its_way:
            return


async def update_triage_posts(turn: Turn, ticket: Ticket, card: dict, skip: str | None) -> None:
    """Show the ticket's new state on its triage cards; `skip` is the one the invoke replaces."""
    for key, _ in triage_places(turn.services.profile, ticket.number):
        if skip is None or await turn.posted(key) != skip:
            turn.update_notice(key, card, f"Triage {ticket.number}")


@shows_tickets
def show_on_triage_posts(turn: Turn, ticket: Ticket) -> None:
    """After the answer, show a changed ticket on its posted triage cards (a note, a status, an
    acceptance from the ticket card), but for the card acted on and those this turn updates."""
    acted_on = turn.activity.reply_to_id

    async def update() -> None:
        keys = []
        for key, _ in triage_places(turn.services.profile, ticket.number):
            posted = await turn.posted(key)
            if posted is not None and posted != acted_on and not turn.updates(key):
                keys.append(key)
        if not keys:
            return
        current = await turn.services.tickets.get(ticket.number) or ticket
        card = card_message(await triage_card_for(turn, current), f"Triage {ticket.number}")
        for key in keys:
            await turn.notifier.update(key, card)

    turn.after(update)


async def after_change(
    turn: Turn,
    ticket: Ticket,
    *,
    outcome: str,
    warning: str | None = None,
    reach: str | None = None,
    events: list[TicketEvent] | None = None,
) -> dict:
    """The fresh triage card, also shown on the ticket's other triage posts; returns it.

    The card acted on (the invoke's reply_to_id) is left out: the invoke answer replaces it.
    """
    card = await triage_card_for(
        turn, ticket, outcome=outcome, warning=warning, reach=reach, events=events
    )
    await update_triage_posts(turn, ticket, card, skip=turn.activity.reply_to_id)
    return card


async def ask_requester(
    turn: Turn, ticket: Ticket, requester: Person, asker: Person, question: str
) -> Delivery:
    """Ask whoever filed the ticket for what triage is missing; they answer with a note."""
    events = await turn.services.tickets.events(ticket.id)
    headline = f"{asker.name} needs more information: {question}"
    card = ticket_card(
        turn.services.profile,
        ticket,
        events,
        [note_form(ticket.number)],
        headline=headline,
        link=record_link(turn.services, ticket),
    )
    summary = f"{ticket.number}: {asker.name} needs more information"
    key = f"info:{ticket.number}:v{ticket.version}"
    return await turn.tell(Recipient.person(requester.id), card, key, summary=summary)
