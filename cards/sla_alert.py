"""The SLA alert card: a deadline about to pass (to whoever works the ticket) or passed (to
triage and the engineering manager), with how much time is left or how late it is."""

from __future__ import annotations

from datetime import datetime

from microsoft_teams.cards import ExecuteAction, Fact, FactSet, TextBlock

from cards.fit import subject
from cards.render import card, heading, render
from cards.ticket import REASSIGN, REFRESH
from services.profile import Profile
from services.sla.policy import Deadline, Threshold, shown_minutes
from services.tickets import Ticket
from services.tickets.rules import local_time, name_of, status_label

DEADLINE_NAMES = {
    Deadline.ACKNOWLEDGE: "acknowledgement",
    Deadline.FIRST_RESPONSE: "first response",
    Deadline.RESOLUTION: "resolution",
}


def alert_title(ticket: Ticket, deadline: Deadline, threshold: Threshold, minutes: float) -> str:
    """One line naming the ticket, the deadline and the time left or how late it is."""
    what = DEADLINE_NAMES[deadline]
    if threshold is Threshold.BREACH:
        return f"SLA breached: {ticket.number} {what} is {shown_minutes(minutes)} late"
    return f"SLA warning: {ticket.number} {what} due in {shown_minutes(minutes)}"


def sla_alert_card(
    profile: Profile,
    ticket: Ticket,
    deadline: Deadline,
    threshold: Threshold,
    due_at: datetime,
    minutes: float,
) -> dict:
    """The alert: `minutes` is business time left (warning) or past the due time (breach)."""
    assignee = name_of(profile, ticket.assignee_id) if ticket.assignee_id else "Nobody yet"
    what = DEADLINE_NAMES[deadline]
    facts = [
        Fact(title="Ticket", value=subject(ticket)),
        Fact(title="Priority", value=profile.priority(ticket.priority).label),
        Fact(title="Status", value=status_label(profile, ticket.status)),
        Fact(title="Assignee", value=assignee),
        Fact(title=f"{what.capitalize()} due", value=local_time(profile, due_at)),
    ]
    if threshold is Threshold.BREACH:
        facts.append(Fact(title="Late by", value=shown_minutes(minutes)))
        advice = (
            "Get it moving, or reassign it to someone who can take it now."
            if ticket.assignee_id
            else "Nobody works this ticket yet: assign it to someone who can take it now."
        )
    else:
        facts.append(Fact(title="Time left", value=shown_minutes(minutes)))
        advice = (
            "Act before the deadline passes."
            if ticket.assignee_id
            else "Nobody works this ticket yet: assign it before the deadline passes."
        )
    data = {"number": ticket.number}
    actions = [
        ExecuteAction(title="Open ticket", verb=REFRESH, data=data),
        # The same verb serves both: it opens the assignment choice for the ticket.
        ExecuteAction(
            title="Reassign" if ticket.assignee_id else "Assign", verb=REASSIGN, data=data
        ),
    ]
    body = [
        heading(alert_title(ticket, deadline, threshold, minutes)),
        FactSet(facts=facts),
        TextBlock(text=advice, wrap=True),
    ]
    return render(card(body, actions))
