"""Where triage cards and assignment notices go: the triage channel, its threads, personal chats.

Everything goes through the outbox (turn.notifier), so a person without the app gets it later.
A triage card is found again by its dedupe key: the outbox row of the post holds the activity
id Teams gave it, written in the same step as the send and kept across restarts, so the
assignment @mention can reply in its thread and the card can be updated when the ticket moves.
"""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.schema import ChannelAccount, Mention
from microsoft_teams.cards import ExecuteAction

from bot.turn import Turn, card_message
from cards.ticket import ACCEPT, REASSIGN, note_form, ticket_card
from services.db.outbox import OutboxMessage, TargetKind
from services.profile import Capability, Person
from services.tickets import Ticket

APP_NAME = "Support Desk"


def _triage_targets(turn: Turn, number: str) -> list[tuple[str, TargetKind, str]]:
    """(dedupe key, target kind, target) of every place a ticket's triage card may be."""
    channel = turn.services.profile.channels.triage
    targets: list[tuple[str, TargetKind, str]] = []
    if channel:
        targets.append((f"triage:{number}", "conversation", f"channel:{channel}"))
    people = turn.services.profile.people_with_capability(Capability.TRIAGE)
    targets += [(f"triage:{number}:{p.id}", "person", p.id) for p in people]
    return targets


async def post_triage_card(turn: Turn, ticket: Ticket, card: dict) -> list[OutboxMessage]:
    """Post to the triage channel; to each triager's chat when there is none or it can't be
    reached yet (nobody has talked to the bot there), so the acknowledgement clock is seen."""
    activity = card_message(card, f"New ticket {ticket.number}: {ticket.subject}")
    posts = []
    for key, kind, target in _triage_targets(turn, ticket.number):
        posts.append(await turn.notifier.send(kind, target, activity, dedupe_key=key))
        if kind == "conversation" and posts[-1].status == "sent":
            break
    return posts


async def triage_posts(turn: Turn, number: str) -> list[OutboxMessage]:
    """The ticket's triage cards that reached Teams, channel first."""
    found = [await turn.services.outbox.find(key) for key, _, _ in _triage_targets(turn, number)]
    return [m for m in found if m is not None and m.status == "sent" and m.activity_id]


async def update_triage_posts(turn: Turn, ticket: Ticket, card: dict, skip: str | None) -> None:
    """Show the ticket's new state on its triage cards; `skip` is the one the invoke replaces."""
    for post in await triage_posts(turn, ticket.number):
        if post.activity_id != skip:
            await turn.notifier.update_message(post, card_message(card, f"Triage {ticket.number}"))


async def notify_assignee(
    turn: Turn, ticket: Ticket, assignee: Person, assigner: Person
) -> OutboxMessage:
    """The assignee's ticket card (Accept, Reassign, Add note) in their personal chat."""
    events = await turn.services.tickets.events(ticket.id)
    data = {"number": ticket.number}
    actions = [
        ExecuteAction(title="Accept", verb=ACCEPT, data=data, style="positive"),
        ExecuteAction(title="Reassign", verb=REASSIGN, data=data),
        note_form(ticket.number),
    ]
    headline = f"Assigned to you by {assigner.name}"
    card = ticket_card(turn.services.profile, ticket, events, actions, headline=headline)
    activity = card_message(card, f"{ticket.number} is yours: {ticket.subject}")
    # The version makes a reassignment a new notice while a retry of this one stays a duplicate.
    key = f"assigned:{ticket.number}:v{ticket.version}"
    return await turn.notifier.send("person", assignee.id, activity, dedupe_key=key)


async def mention_in_thread(turn: Turn, ticket: Ticket, assignee: Person, assigner: Person) -> None:
    """@mention the assignee under the ticket's triage card in the channel (if there is one)."""
    channel = turn.services.profile.channels.triage
    if not channel:
        return
    name = assignee.name
    posts = [p for p in await triage_posts(turn, ticket.number) if p.target_kind == "conversation"]
    account = await turn.notifier.teams_account(assignee.id)
    said = f"{ticket.number} is yours, assigned by {assigner.name}: {ticket.subject}"
    if account and account.get("id"):
        tag = f"<at>{name}</at>"
        activity = MessageFactory.text(f"{tag} {said}")
        mentioned = ChannelAccount(id=account["id"], name=account.get("name") or name)
        activity.entities = [Mention(mentioned=mentioned, text=tag, type="mention")]
    else:
        # Without their Teams id a mention cannot ping them; the name still says whose it is.
        activity = MessageFactory.text(f"{name}: {said}")
    await turn.notifier.send(
        "conversation",
        f"channel:{channel}",
        activity,
        dedupe_key=f"mention:{ticket.number}:v{ticket.version}",
        thread_id=posts[0].activity_id if posts else None,
    )


async def ask_requester(
    turn: Turn, ticket: Ticket, requester: Person, asker: Person, question: str
) -> OutboxMessage:
    """Ask whoever filed the ticket for what triage is missing; they answer with a note."""
    events = await turn.services.tickets.events(ticket.id)
    headline = f"{asker.name} needs more information: {question}"
    card = ticket_card(
        turn.services.profile, ticket, events, [note_form(ticket.number)], headline=headline
    )
    activity = card_message(card, f"{ticket.number}: {asker.name} needs more information")
    key = f"info:{ticket.number}:v{ticket.version}"
    return await turn.notifier.send("person", requester.id, activity, dedupe_key=key)


async def delivery_warning(turn: Turn, person: Person, message: OutboxMessage) -> str | None:
    """What the sender must know when a notice did not reach `person`; None if it did."""
    if message.status == "sent":
        return None
    if message.status == "pending":
        # Queued: Teams' pace or a passing failure held it back, and the outbox keeps trying.
        return f"I'll keep trying to reach {person.name}'s chat; Teams is busy just now."
    if message.status == "dead":
        return f"I couldn't reach {person.name}'s chat, so please tell them yourself."
    # Held: either they never opened the app, or their chat with it stopped working.
    if await turn.services.references.for_person(person.id) is None:
        return (
            f"{person.name} doesn't have the {APP_NAME} app yet, so I'll deliver the notice "
            "when they open it."
        )
    return (
        f"{person.name} has blocked or removed the {APP_NAME} app, so I'll deliver the notice "
        "when they open it again."
    )
