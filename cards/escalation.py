"""Process 4's cards: the handoff form, the engineering manager's review, and the notices the
engineer and the technician get once the manager has decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    CardElement,
    ChoiceSetInput,
    ExecuteAction,
    Fact,
    FactSet,
    ShowCardAction,
    TextBlock,
    TextInput,
    ToggleInput,
)
from microsoft_teams.cards import Choice as CardChoice

from cards.fit import DESCRIPTION, FACT, FULL, RecordLink, clip, shown_number, subject
from cards.forms import form_inputs
from cards.render import card, heading, note, render
from cards.ticket import ESCALATE, RCCA, REFRESH, note_form
from services.escalations import HANDOFF_FIELDS, Escalation, EscalationStatus, handoff_fields
from services.forms.bounds import REASON, characters
from services.profile import Person, Profile
from services.tickets import Ticket
from services.tickets.rules import name_of

ESCALATION_SUBMIT = "escalation.submit"
ESCALATION_ACCEPT = "escalation.accept"
ESCALATION_INFO = "escalation.info"
_CHOICE = 120  # an engineer choice: name, title and skills on a line or two
_LONG = ("symptoms", "steps_tried", "suspected_cause", "containment", "help_needed")


def _button(
    title: str, verb: str, data: dict, inputs: str = "auto", style: str | None = None
) -> ExecuteAction:
    return ExecuteAction(title=title, verb=verb, data=data, associated_inputs=inputs, style=style)


def _open(number: str) -> ExecuteAction:
    return _button("Open ticket", REFRESH, {"number": number}, "none")


def escalation_form_card(
    profile: Profile,
    ticket: Ticket,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    asked: str | None = None,
    link: RecordLink | None = None,
) -> dict:
    """The handoff form; after a refused submission, the same form with errors and values kept.

    `asked` is the engineering manager's question when a handoff came back for more information.
    """
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading(f"Escalate {subject(ticket, link)}"),
        note("Engineering takes the problem over from this handoff alone: make it complete."),
    ]
    if asked:
        body.append(
            TextBlock(text=clip(asked, DESCRIPTION), color="Accent", weight="Bolder", wrap=True)
        )
    asked = handoff_fields(profile)
    missing = [spec.label for spec in asked if spec.id in errors]
    if missing:
        body.append(
            TextBlock(
                text=f"Not sent yet. Still needed: {', '.join(missing)}.",
                color="Attention",
                weight="Bolder",
                wrap=True,
            )
        )
    body.extend(form_inputs(profile, asked, values, errors, banner=None))
    data = {"number": ticket.number}
    actions = [
        _button("Send to Engineering", ESCALATION_SUBMIT, data, style="positive"),
        _button("Back to the ticket", REFRESH, data, "none"),
    ]
    return render(card(body, actions))


def handoff_elements(profile: Profile, ticket: Ticket, escalation: Escalation) -> list[CardElement]:
    """The handoff as Engineering reads it: who asked, how urgent, the machine, then the story."""
    handoff = escalation.handoff
    facts = [
        ("Handed off by", name_of(profile, escalation.requested_by)),
        ("Urgency", profile.priority(handoff.urgency).label),
        ("Company", ticket.company or ""),
        ("Machine", handoff.machine_model),
        ("Serial number", handoff.serial_number),
        ("Software", handoff.software_versions),
    ]
    body: list[CardElement] = [
        FactSet(facts=[Fact(title=k, value=clip(v, FACT)) for k, v in facts if v]),
    ]
    labels = {spec.id: spec.label for spec in HANDOFF_FIELDS}
    for key in _LONG:
        body.append(TextBlock(text=labels[key], weight="Bolder", spacing="Medium"))
        body.append(note(clip(getattr(handoff, key), FULL), subtle=False))
    return body


def _engineer_choice(profile: Profile, person: Person) -> CardChoice:
    """ "Sean (Electrical Engineer): Electrical systems, Sensors, Motors…": who knows what."""
    skills = ", ".join(profile.skill(key).label for key in person.skills)
    title = f"{person.name} ({person.title})" + (f": {skills}" if skills else "")
    return CardChoice(title=clip(title, _CHOICE), value=person.id)


def decision_actions(
    profile: Profile,
    ticket: Ticket,
    escalation: Escalation,
    engineers: Sequence[Person],
    suggested: str | None = None,
) -> list[ShowCardAction]:
    """Accept and assign (an engineer, and whether the assignee stays on the customer), or ask
    for more: on the review card, the escalations queue and the manager's ticket card."""
    data = {"number": ticket.number, "escalation_id": escalation.id}
    inputs: list[CardElement] = [
        ChoiceSetInput(
            id="engineer",
            label="Engineer who owns the engineering",
            choices=[_engineer_choice(profile, p) for p in engineers],
            value=suggested,
            is_required=True,
            error_message="Pick the engineer who takes it over.",
        )
    ]
    if ticket.assignee_id:
        assignee = name_of(profile, ticket.assignee_id)
        inputs.append(
            ToggleInput(
                id="keep_assignee",
                label="Customer contact",
                title=f"{assignee} stays on the customer (keeps the ticket)",
                value="false",
                value_on="true",
                value_off="false",
            )
        )
    inputs.append(
        TextInput(
            id="note",
            label="Note for the engineer (optional)",
            max_length=REASON,
            placeholder=characters(REASON).capitalize(),
        )
    )
    accept_form = card(inputs, [_button("Accept and assign", ESCALATION_ACCEPT, data)])
    info_form = card(
        [
            TextInput(
                id="question",
                label="What does Engineering need to know?",
                is_multiline=True,
                is_required=True,
                error_message="Say what is missing.",
                max_length=REASON,
                placeholder=characters(REASON).capitalize(),
            )
        ],
        [_button("Send back", ESCALATION_INFO, data)],
    )
    return [
        ShowCardAction(title="Accept and assign", card=accept_form),
        ShowCardAction(title="Ask for more info", card=info_form),
    ]


def escalation_review_card(
    profile: Profile,
    ticket: Ticket,
    escalation: Escalation,
    engineers: Sequence[Person],
    suggested: str | None = None,
    outcome: str | None = None,
    *,
    reach: str | None = None,
    link: RecordLink | None = None,
) -> dict:
    """The engineering manager's card: accept and assign an engineer, or ask for more info.

    With `outcome` (the decision, once taken, or why it no longer waits) the card only reports
    it; `reach` says, plainly, which notices of it wait for someone.
    """
    body: list[CardElement] = [heading(f"Escalation {subject(ticket, link)}")]
    if outcome:
        body.append(TextBlock(text=outcome, weight="Bolder", color="Good", wrap=True))
    if reach:
        body.append(note(reach, subtle=False))
    body.extend(handoff_elements(profile, ticket, escalation))
    if outcome:
        return render(card(body, [_open(ticket.number)]))
    actions = [
        *decision_actions(profile, ticket, escalation, engineers, suggested),
        _open(ticket.number),
    ]
    return render(card(body, actions))


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
    rcca = _button("Record RCCA", RCCA, {"number": ticket.number}, "none")
    return render(card(body, [_open(ticket.number), note_form(ticket.number), rcca]))


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
        update = _button("Complete the handoff", ESCALATE, data, "none", "positive")
        return render(card(body, [update, _open(ticket.number)]))
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
    return render(card(body, [_open(ticket.number)]))
