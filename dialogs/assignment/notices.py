"""Who hears of an assignment: the assignee in their chat, and the triage channel's thread."""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.schema import Activity, ChannelAccount, Mention
from microsoft_teams.cards import ExecuteAction

from bot.turn import Turn
from cards.ticket import ACCEPT, REASSIGN, note_form, ticket_card
from dialogs.shared.links import record_link
from dialogs.shared.viewers import viewers
from dialogs.triage.notices import channel_key
from services.delivery import Delivery, Recipient
from services.profile import Person
from services.tickets import Ticket, TicketEvent


async def notify_assignee(
    turn: Turn, ticket: Ticket, events: list[TicketEvent], assignee: Person, assigner: Person
) -> Delivery:
    """The assignee's ticket card (Accept, Reassign, Add note) in their personal chat."""
    data = {"number": ticket.number}
    actions = [
        ExecuteAction(title="Accept", verb=ACCEPT, data=data, style="positive"),
        ExecuteAction(title="Reassign", verb=REASSIGN, data=data),
        note_form(ticket.number),
    ]
    headline = f"Assigned to you by {assigner.name}"
    seen_by = await viewers(turn, ticket)  # opened later, it shows the ticket as it is then
    link = record_link(turn.services, ticket)
    card = ticket_card(
        turn.services.profile,
        ticket,
        events,
        actions,
        headline=headline,
        viewers=seen_by,
        link=link,
    )
    summary = f"{ticket.number} is yours: {ticket.subject}"
    # The version makes a reassignment a new notice while a retry of this one stays a duplicate.
    key = f"assigned:{ticket.number}:v{ticket.version}"
    return await turn.tell(Recipient.person(assignee.id), card, key, summary=summary)


async def mention_in_thread(turn: Turn, ticket: Ticket, assignee: Person, assigner: Person) -> None:
    """@mention the assignee under the ticket's triage card in the channel (if there is one)."""
    channel = turn.services.profile.channels.triage
    if not channel:
        return
    said = f"{ticket.number} is yours, assigned by {assigner.name}: {ticket.subject}"
    activity = await _mention(turn, assignee, said)
    key = f"mention:{ticket.number}:v{ticket.version}"
    thread_id = await turn.posted(channel_key(ticket.number))
    await turn.tell(Recipient.channel(channel), activity, key, thread_id=thread_id)


async def _mention(turn: Turn, person: Person, said: str) -> Activity:
    account = await turn.notifier.teams_account(person.id)
    if not (account and account.get("id")):
        # Without their Teams id a mention cannot ping them; the name still says whose it is.
        return MessageFactory.text(f"{person.name}: {said}")
    tag = f"<at>{person.name}</at>"
    activity = MessageFactory.text(f"{tag} {said}")
    mentioned = ChannelAccount(id=account["id"], name=account.get("name") or person.name)
    activity.entities = [Mention(mentioned=mentioned, text=tag, type="mention")]
    return activity
