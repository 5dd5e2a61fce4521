"""The SLA alert card: deadlines of one ticket about to pass (to whoever works the ticket) or
passed (to the assignee, triage and the engineering manager), with the time left or how late."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Missed:
    """One deadline on the card: when it is due and the business minutes left or past it."""

    deadline: Deadline
    due_at: datetime
    minutes: float


def alert_title(ticket: Ticket, threshold: Threshold, missed: list[Missed]) -> str:
    """One line naming the ticket, its deadlines and the time left or how late they are."""
    if len(missed) == 1:
        [one] = missed
        what, how = DEADLINE_NAMES[one.deadline], shown_minutes(one.minutes)
        if threshold is Threshold.BREACH:
            return f"SLA breached: {ticket.number} {what} is {how} late"
        return f"SLA warning: {ticket.number} {what} due in {how}"
    names = " and ".join(DEADLINE_NAMES[m.deadline] for m in missed)
    if threshold is Threshold.BREACH:
        return f"SLA breached: {ticket.number} {names} are late"
    return f"SLA warning: {ticket.number} {names} are due soon"


def _deadline_facts(threshold: Threshold, missed: list[Missed], profile: Profile) -> list[Fact]:
    """Each deadline's due time and how late (or how soon); one deadline keeps the short titles."""
    how = "Late by" if threshold is Threshold.BREACH else "Time left"
    facts = []
    for one in missed:
        what = DEADLINE_NAMES[one.deadline].capitalize()
        facts.append(Fact(title=f"{what} due", value=local_time(profile, one.due_at)))
        title = how if len(missed) == 1 else f"{what} {how.lower()}"
        facts.append(Fact(title=title, value=shown_minutes(one.minutes)))
    return facts


def _since(ticket: Ticket, met: list[Deadline]) -> str | None:
    """What has happened since the alert, for a card shown again as the ticket stands now."""
    if not ticket.is_open:
        return "Since then the ticket was resolved: nothing more to do for this alert."
    if met:
        return f"Since met: {', '.join(DEADLINE_NAMES[d] for d in met)}."
    return None


def sla_alert_card(
    profile: Profile,
    ticket: Ticket,
    threshold: Threshold,
    missed: list[Missed],
    met: list[Deadline] | None = None,
) -> dict:
    """The alert for every deadline of the ticket at this threshold in one sweep.

    `met` is given when the card is shown again after the ticket moved: which of its deadlines
    have been met since.
    """
    assignee = name_of(profile, ticket.assignee_id) if ticket.assignee_id else "Nobody yet"
    facts = [
        Fact(title="Ticket", value=subject(ticket)),
        Fact(title="Priority", value=profile.priority(ticket.priority).label),
        Fact(title="Status", value=status_label(profile, ticket.status)),
        Fact(title="Assignee", value=assignee),
        *_deadline_facts(threshold, missed, profile),
    ]
    if threshold is Threshold.BREACH:
        advice = (
            "Get it moving, or reassign it to someone who can take it now."
            if ticket.assignee_id
            else "Nobody works this ticket yet: assign it to someone who can take it now."
        )
    else:
        advice = (
            "Act before the deadline passes."
            if ticket.assignee_id
            else "Nobody works this ticket yet: assign it before the deadline passes."
        )
    data = {"number": ticket.number}
    actions = [ExecuteAction(title="Open ticket", verb=REFRESH, data=data)]
    since = _since(ticket, met or []) if met is not None else None
    done = not ticket.is_open or {m.deadline for m in missed} <= set(met or [])
    if done and ticket.is_open:
        advice = f"{since} Nothing more to do for this alert."
    elif done:
        advice = since or advice
    else:
        # The same verb serves both: it opens the assignment choice for the ticket.
        title = "Reassign" if ticket.assignee_id else "Assign"
        actions.append(ExecuteAction(title=title, verb=REASSIGN, data=data))
        advice = f"{since} {advice}" if since else advice
    body = [
        heading(alert_title(ticket, threshold, missed)),
        FactSet(facts=facts),
        TextBlock(text=advice, wrap=True),
    ]
    return render(card(body, actions))
