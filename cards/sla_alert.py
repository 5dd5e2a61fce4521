"""The SLA alert card: deadlines of one ticket about to pass (to whoever works the ticket) or
passed (to the assignee, triage and the engineering manager), with the time left or how late."""

from __future__ import annotations

from microsoft_teams.cards import ExecuteAction, Fact, FactSet, TextBlock

from cards.deadlines import DEADLINE_NAMES, Missed, overdue_block
from cards.fit import RecordLink, subject
from cards.render import card, heading, render
from cards.ticket import REASSIGN, REFRESH
from services.profile import Profile
from services.sla.policy import Deadline, Threshold, shown_minutes
from services.tickets import Ticket
from services.tickets.rules import local_time, name_of, status_label


def alert_title(ticket: Ticket, threshold: Threshold, missed: list[Missed]) -> str:
    """One line naming the ticket, its deadlines and how late they are (or the time left)."""
    if len(missed) == 1:
        [one] = missed
        if threshold is Threshold.BREACH:
            line = one.line
            return f"SLA breached: {ticket.number} {line[0].lower()}{line[1:]}"
        return f"SLA warning: {ticket.number} {one.name} due in {shown_minutes(one.minutes)}"
    names = " and ".join(m.name for m in missed)
    if threshold is Threshold.BREACH:
        return f"SLA breached: {ticket.number} {names} are late"
    return f"SLA warning: {ticket.number} {names} are due soon"


def _deadline_facts(threshold: Threshold, missed: list[Missed], profile: Profile) -> list[Fact]:
    """Each deadline's due time; on a warning, the time left (a breach says how late below)."""
    facts = []
    for one in missed:
        what = one.name.capitalize()
        if one.due_at is not None:
            facts.append(Fact(title=f"{what} due", value=local_time(profile, one.due_at)))
        if threshold is Threshold.WARNING:
            title = "Time left" if len(missed) == 1 else f"{what} time left"
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
    link: RecordLink | None = None,
) -> dict:
    """The alert for every deadline of the ticket at this threshold in one sweep.

    `met` is given when the card is shown again after the ticket moved: which of its deadlines
    have been met since.
    """
    assignee = name_of(profile, ticket.assignee_id) if ticket.assignee_id else "Nobody yet"
    facts = [
        Fact(title="Ticket", value=subject(ticket, link)),
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
        *([overdue_block(missed)] if threshold is Threshold.BREACH else []),
        TextBlock(text=advice, wrap=True),
    ]
    return render(card(body, actions))
