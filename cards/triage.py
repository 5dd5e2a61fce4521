"""The triage card (processes 1 and 2): what to check, who should work it, the actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from microsoft_teams.cards import (
    Action,
    CardElement,
    ChoiceSetInput,
    Container,
    ExecuteAction,
    Fact,
    FactSet,
    ShowCardAction,
    TextBlock,
    TextInput,
)
from microsoft_teams.cards import Choice as CardChoice

from cards.fit import ENTRY, RecordLink, clip, fact_pairs, subject
from cards.machine_history import machine_history_block
from cards.render import card, heading, note, refresh, render
from services.bp_search import MachineHistory
from services.forms.bounds import REASON, characters
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.describe import facts

ASSIGN = "triage.assign"
PRIORITY = "triage.priority"
REQUEST_INFO = "triage.request_info"
ACKNOWLEDGE = "triage.acknowledge"
REFRESH = "triage.refresh"  # the card as the ticket stands now (Teams' automatic refresh)
_DESCRIPTION = 600  # bytes: triage reads the gist, the ticket card has more


@dataclass(frozen=True)
class AssigneeOption:
    """Someone triage may pick, labelled with the reason line ("Kevin — PLC — 0 open")."""

    person_id: str
    label: str


@dataclass(frozen=True)
class TriageView:
    """What the triage card shows besides the ticket, worked out by the dialog."""

    doubts: tuple[str, ...] = ()  # missing or doubtful information, in words to act on
    options: tuple[AssigneeOption, ...] = ()
    suggested: AssigneeOption | None = None  # pre-selected; None: triage decides
    no_suggestion: str = "Pick the assignee by judgement."  # says why there is none
    extra_facts: tuple[tuple[str, str], ...] = ()
    escalations: tuple[str, ...] = ()  # why the profile's rules escalated it on filing
    recent: tuple[str, ...] = ()  # the latest timeline lines
    outcome: str | None = None  # what the last action did
    warning: str | None = None  # a problem with what the person acting did
    reach: str | None = None  # a notice that waits for someone: what happens next, not an error
    ack_overdue: bool = False
    related: tuple[CardElement, ...] = ()  # solved problems that may be related (process 7)
    viewers: tuple[str, ...] = ()  # Teams ids of who sees the card, refreshed when they open it
    link: RecordLink | None = None  # the ticket in the system of record
    machine: MachineHistory | None = None  # BP Search's two lines on the ticket's serial


def _line(text: str, color: str, *, bold: bool = True) -> TextBlock:
    return TextBlock(text=text, color=color, weight="Bolder" if bold else None, wrap=True)


def _doubts(doubts: Sequence[str]) -> Container:
    items = [_line("Check before assigning", "Warning")]
    items += [TextBlock(text=f"• {d}", wrap=True, spacing="None") for d in doubts]
    return Container(style="warning", items=items)


def _assignment(view: TriageView) -> list[CardElement]:
    hint = f"Suggested: {view.suggested.label}" if view.suggested else view.no_suggestion
    choices = [CardChoice(title=o.label, value=o.person_id) for o in view.options]
    return [
        note(hint, subtle=False),
        ChoiceSetInput(
            id="assignee",
            label="Assign to",
            choices=choices,
            value=view.suggested.person_id if view.suggested else None,
            style="compact",
            placeholder="Choose who works it",
        ),
        TextInput(
            id="override_reason",
            label="Override reason (needed only when your pick does not fit the ticket)",
            max_length=REASON,
            placeholder=characters(REASON).capitalize(),
        ),
    ]


def priority_form(profile: Profile, ticket: Ticket) -> ShowCardAction:
    """'Change priority' opens the profile's priorities, the ticket's own pre-selected."""
    ranked = sorted(profile.priorities, key=lambda p: p.rank)
    form = card(
        [
            ChoiceSetInput(
                id="priority",
                label="Priority",
                choices=[CardChoice(title=p.label, value=p.key) for p in ranked],
                value=ticket.priority,
                style="compact",
            )
        ],
        [ExecuteAction(title="Set priority", verb=PRIORITY, data={"number": ticket.number})],
    )
    return ShowCardAction(title="Change priority", card=form)


def _info_form(ticket: Ticket) -> ShowCardAction:
    form = card(
        [
            TextInput(
                id="question",
                label="What is missing or doubtful?",
                is_multiline=True,
                is_required=True,
                error_message="Say what you need to know.",
                max_length=REASON,
                placeholder=characters(REASON).capitalize(),
            )
        ],
        [ExecuteAction(title="Send request", verb=REQUEST_INFO, data={"number": ticket.number})],
    )
    return ShowCardAction(title="Request info", card=form)


def _actions(profile: Profile, ticket: Ticket) -> list[Action]:
    data = {"number": ticket.number}
    verb_title = "Reassign" if ticket.assignee_id else "Assign"
    actions: list[Action] = [
        ExecuteAction(
            title=verb_title, verb=ASSIGN, data=data, style="positive", associated_inputs="auto"
        ),
        priority_form(profile, ticket),
        _info_form(ticket),
    ]
    if ticket.acknowledged_at is None:
        actions.append(ExecuteAction(title="Acknowledge", verb=ACKNOWLEDGE, data=data))
    return actions


def triage_card(profile: Profile, ticket: Ticket, view: TriageView) -> dict:
    """The ticket as triage sees it: what to check, who should work it, and the actions."""
    body: list[CardElement] = [heading(f"Triage {subject(ticket, view.link)}")]
    if view.outcome:
        body.append(_line(view.outcome, "Good"))
    if view.warning:
        body.append(_line(view.warning, "Attention"))
    if view.reach:
        body.append(note(view.reach, subtle=False))
    body.extend(_line(text, "Attention") for text in view.escalations)
    pairs = fact_pairs([*facts(profile, ticket), *view.extra_facts])
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in pairs]))
    body.extend(machine_history_block(view.machine))
    if view.ack_overdue:
        body.append(_line("The acknowledgement is overdue.", "Attention"))
    if view.doubts:
        body.append(_doubts(view.doubts))
    if ticket.description and ticket.description != ticket.subject:
        body.append(note(clip(ticket.description, _DESCRIPTION), subtle=False))
    if ticket.is_open and view.options:
        body.extend(_assignment(view))
    body.extend(view.related)
    if view.recent:
        body.append(TextBlock(text="Latest", weight="Bolder", spacing="Medium"))
        body.extend(
            TextBlock(text=clip(t, ENTRY), wrap=True, size="Small", spacing="None")
            for t in view.recent
        )
    actions = _actions(profile, ticket) if ticket.is_open else None
    return render(card(body, actions, refresh(REFRESH, {"number": ticket.number}, view.viewers)))
