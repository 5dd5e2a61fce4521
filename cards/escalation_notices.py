"""The notices of the manager's decision: the engineer's assignment, the technician's answer."""

from __future__ import annotations

from microsoft_teams.cards import CardElement, TextBlock

from cards.escalation import button, open_ticket
from cards.escalation_review import handoff_elements
from cards.fit import DESCRIPTION, RecordLink, clip, shown_number, subject
from cards.render import card, heading, note, render
from cards.ticket import ESCALATE, RCCA, note_form
from services.escalations import Escalation, EscalationStatus
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import name_of


def ownership(profile: Profile, ticket: Ticket, escalation: Escalation) -> str:
    """Who has what once accepted: "Sean has the ticket now" or "Sean owns the engineering;
    Kevin stays on the customer"."""
    engineer = name_of(profile, escalation.engineer_id or "")
    if ticket.assignee_id in (None, escalation.engineer_id):
        return f"{engineer} has the ticket now"
    stays = name_of(profile, ticket.assignee_id)
    return f"{engineer} owns the engineering; {stays} stays on the customer"


def escalation_assigned_card(
    profile: Profile, ticket: Ticket, escalation: Escalation, link: RecordLink | None = None
) -> dict:
    """The engineer's notice: the escalation's engineering is theirs now, with the whole handoff."""
    manager = name_of(profile, escalation.decided_by or "")
    if ticket.assignee_id == escalation.engineer_id:
        line = f"{manager} assigned you this escalation; the ticket is yours now."
    else:
        stays = name_of(profile, ticket.assignee_id or "")
        line = (
            f"{manager} made you the engineering owner of this escalation; {stays} keeps the "
            "ticket and stays on the customer."
        )
    body: list[CardElement] = [
        heading(f"Escalated to you: {subject(ticket, link)}"),
        TextBlock(text=line, weight="Bolder", color="Accent", wrap=True),
    ]
    if escalation.reply:
        body.append(note(clip(f"{manager}: {escalation.reply}", DESCRIPTION), subtle=False))
    body.extend(handoff_elements(profile, ticket, escalation))
    body.append(note("Record the RCCA before resolving: it cannot be resolved without it."))
    rcca = button("Record RCCA", RCCA, {"number": ticket.number}, "none")
    return render(card(body, [open_ticket(ticket.number), note_form(ticket.number), rcca]))


def escalation_reply_card(
    profile: Profile, ticket: Ticket, escalation: Escalation, link: RecordLink | None = None
) -> dict:
    """The technician's answer: accepted (who has what now), or what Engineering still needs."""
    manager = name_of(profile, escalation.decided_by or "")
    if escalation.status is EscalationStatus.INFO_REQUESTED:
        body: list[CardElement] = [
            heading(f"{shown_number(ticket, link)}: Engineering needs more information"),
            TextBlock(
                text=clip(f"{manager} asks: {escalation.reply}", DESCRIPTION),
                weight="Bolder",
                wrap=True,
            ),
            note("The ticket is back with you, in progress: complete the handoff, send it again."),
        ]
        data = {"number": ticket.number}
        update = button("Complete the handoff", ESCALATE, data, "none", "positive")
        return render(card(body, [update, open_ticket(ticket.number)]))
    body = [
        heading(f"{shown_number(ticket, link)}: escalation accepted"),
        TextBlock(
            text=f"{manager} accepted your escalation; {ownership(profile, ticket, escalation)}.",
            weight="Bolder",
            color="Good",
            wrap=True,
        ),
    ]
    if escalation.reply:
        body.append(note(clip(f"{manager}: {escalation.reply}", DESCRIPTION), subtle=False))
    return render(card(body, [open_ticket(ticket.number)]))
