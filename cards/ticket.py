"""The ticket card: facts, description, timeline and the actions the viewer may take."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    Action,
    CardElement,
    Choice,
    ChoiceSetInput,
    ExecuteAction,
    Fact,
    FactSet,
    NumberInput,
    ShowCardAction,
    TextBlock,
    TextInput,
    ToggleInput,
)

from cards.render import card, heading, note, render
from services.profile import Profile
from services.tickets import Ticket, TicketEvent
from services.tickets.describe import facts, timeline

# The statuses troubleshooting sets directly (workflow.WORK_STATUSES), in the form's order.
STATUS_CHOICES = ("in_progress", "waiting_on_customer", "waiting_on_parts")

# The verbs ticket cards carry; each process dialog registers the ones it handles.
ACCEPT = "ticket.accept"
ADD_NOTE = "ticket.note"
SET_STATUS = "ticket.status"
RESOLVE = "ticket.resolve"
REOPEN = "ticket.reopen"
REASSIGN = "ticket.reassign"
REFRESH = "ticket.refresh"
ESCALATE = "ticket.escalate"  # process 4: the escalation form
RCCA = "ticket.rcca"  # process 4: an escalated ticket's RCCA form
KB_ARTICLE = "ticket.kb_article"  # process 7: draft (or open) the KB article from it


def note_form(number: str) -> ShowCardAction:
    """'Add note' opens inline inputs: the note, customer-visible or not, minutes spent."""
    form = card(
        [
            TextInput(
                id="body",
                label="Note",
                is_multiline=True,
                is_required=True,
                error_message="Write the note.",
                max_length=4000,
            ),
            ToggleInput(
                id="public",
                title="Customer can see this",
                value="false",
                value_on="true",
                value_off="false",
            ),
            NumberInput(id="minutes", label="Time spent (minutes)", min=0, max=1440),
        ],
        [
            ExecuteAction(
                title="Save note", verb=ADD_NOTE, data={"number": number}, associated_inputs="auto"
            )
        ],
    )
    return ShowCardAction(title="Add note", card=form)


def status_form(profile: Profile, number: str, current: str) -> ShowCardAction:
    """'Status' opens a choice of the working statuses (not the current one) and why."""
    keys = [k for k in STATUS_CHOICES if k != current and k in {s.key for s in profile.statuses}]
    form = card(
        [
            ChoiceSetInput(
                id="status",
                label="New status",
                choices=[Choice(title=profile.status(k).label, value=k) for k in keys],
                value=keys[0] if keys else None,
                is_required=True,
                error_message="Choose a status.",
            ),
            TextInput(id="status_note", label="Why (optional)", max_length=1000),
        ],
        [
            ExecuteAction(
                title="Set status",
                verb=SET_STATUS,
                data={"number": number},
                associated_inputs="auto",
            )
        ],
    )
    return ShowCardAction(title="Status", card=form)


def ticket_card(
    profile: Profile,
    ticket: Ticket,
    events: Sequence[TicketEvent],
    actions: Sequence[Action] = (),
    *,
    headline: str | None = None,
    sections: Sequence[CardElement] = (),
) -> dict:
    """The full ticket as a card; `headline` adds a line on top (e.g. "Assigned to you") and
    `sections` what other processes keep about the ticket (e.g. its escalation), above the
    timeline."""
    body = [heading(f"{ticket.number} · {ticket.subject}")]
    if headline:
        body.append(TextBlock(text=headline, weight="Bolder", color="Accent", wrap=True))
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in facts(profile, ticket)]))
    if ticket.description and ticket.description != ticket.subject:
        body.append(note(ticket.description, subtle=False))
    body.extend(sections)
    lines = timeline(profile, list(events))
    if lines:
        body.append(TextBlock(text="Timeline", weight="Bolder", spacing="Medium"))
        body.extend(TextBlock(text=line, wrap=True, size="Small", spacing="None") for line in lines)
    refresh = ExecuteAction(title="Refresh", verb=REFRESH, data={"number": ticket.number})
    return render(card(body, [*actions, refresh]))
