"""The ticket card: facts, description, timeline and the actions the viewer may take."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    Action,
    ActionSet,
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

from cards.deadlines import Missed, overdue_block
from cards.fit import DESCRIPTION, ENTRY, RecordLink, clip, fact_pairs, subject
from cards.machine_history import machine_history_block
from cards.render import card, heading, note, refresh, render
from services.bp_search import MachineHistory
from services.forms.bounds import MINUTES, REASON, TEXT, characters
from services.profile import Profile
from services.tickets import Ticket, TicketEvent, TicketStatus
from services.tickets.describe import facts, timeline
from services.tickets.workflow import WORK_STATUSES

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
HISTORY = "ticket.history"  # the whole timeline, a page at a time (cards.history)
SHOWN = 12  # timeline entries on the ticket card: the newest; the rest are counted


def history_command(number: str) -> str:
    """What to type for a ticket's whole timeline."""
    return f"history {number}"


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
                max_length=TEXT,
                placeholder=characters(TEXT).capitalize(),
            ),
            ToggleInput(
                id="public",
                label="Who sees it",
                title="Customer can see this",
                value="false",
                value_on="true",
                value_off="false",
            ),
            NumberInput(
                id="minutes",
                label="Time spent (minutes)",
                min=MINUTES[0],
                max=MINUTES[1],
                placeholder=f"{MINUTES[0]} to {MINUTES[1]:,}; leave empty if none",
                error_message=f"Minutes are a whole number from {MINUTES[0]} to {MINUTES[1]:,}.",
            ),
        ],
        [
            ExecuteAction(
                title="Save note", verb=ADD_NOTE, data={"number": number}, associated_inputs="auto"
            )
        ],
    )
    return ShowCardAction(title="Add note", card=form)


def status_form(profile: Profile, number: str, current: TicketStatus) -> ShowCardAction:
    """'Status' opens a choice of the profile's work statuses (not the current one) and why."""
    offered = [s for s in profile.statuses if s.role in WORK_STATUSES and s.role != current]
    form = card(
        [
            ChoiceSetInput(
                id="status",
                label="New status",
                choices=[Choice(title=s.label, value=s.key) for s in offered],
                value=offered[0].key if offered else None,
                is_required=True,
                error_message="Choose a status.",
            ),
            TextInput(
                id="status_note",
                label="Why (optional)",
                max_length=REASON,
                placeholder=characters(REASON).capitalize(),
            ),
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


def entry_line(text: str) -> TextBlock:
    """One timeline entry, small and close to the next."""
    return TextBlock(text=text, wrap=True, size="Small", spacing="None")


def _timeline(profile: Profile, number: str, events: list[TicketEvent]) -> list[CardElement]:
    """The newest entries, each cut to a preview, and how to see the older ones."""
    lines = timeline(profile, events, limit=SHOWN)
    if not lines:
        return []
    body: list[CardElement] = [TextBlock(text="Timeline", weight="Bolder", spacing="Medium")]
    older = len(events) - len(lines)
    if older:
        entries = "entry" if older == 1 else "entries"
        typed = history_command(number)
        body.append(note(f"{older:,} older {entries} not shown: `{typed}` shows them all."))
        button = ExecuteAction(title="Whole timeline", verb=HISTORY, data={"number": number})
        body.append(ActionSet(actions=[button], spacing="None"))
    body.extend(entry_line(clip(line, ENTRY)) for line in lines)
    return body


def ticket_card(
    profile: Profile,
    ticket: Ticket,
    events: Sequence[TicketEvent],
    actions: Sequence[Action] = (),
    *,
    headline: str | None = None,
    sections: Sequence[CardElement] = (),
    late: Sequence[Missed] = (),
    viewers: Sequence[str] = (),
    reach: str | None = None,
    link: RecordLink | None = None,
    machine: MachineHistory | None = None,
) -> dict:
    """The full ticket as a card; `headline` adds a line on top (e.g. "Assigned to you") and
    `sections` what other processes keep about the ticket (e.g. its escalation), above the
    timeline; `late` the deadlines it missed, under its facts; `viewers` the Teams ids of the
    people Teams refreshes it for when they open it (each gets their own buttons); `reach` the
    notices that wait for someone, in a plain line under the headline; `link` its system of
    record; `machine` BP Search's two lines on its serial."""
    body: list[CardElement] = [heading(subject(ticket, link))]
    if headline:
        body.append(TextBlock(text=headline, weight="Bolder", color="Accent", wrap=True))
    if reach:  # a notice that waits for someone: what happens next, not an alarm
        body.append(note(reach, subtle=False))
    pairs = fact_pairs(facts(profile, ticket))
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in pairs]))
    body.extend(machine_history_block(machine))
    lateness = overdue_block(list(late))  # the deadlines it missed, next to its facts
    if lateness is not None:
        body.append(lateness)
    if ticket.description and ticket.description != ticket.subject:
        body.append(note(clip(ticket.description, DESCRIPTION), subtle=False))
    body.extend(sections)
    body.extend(_timeline(profile, ticket.number, list(events)))
    data = {"number": ticket.number}
    button = ExecuteAction(title="Refresh", verb=REFRESH, data=data)
    return render(card(body, [*actions, button], refresh(REFRESH, data, viewers)))
