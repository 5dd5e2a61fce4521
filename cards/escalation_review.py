"""Process 4's review card: the handoff as Engineering reads it, and the manager's decision."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    CardElement,
    ChoiceSetInput,
    Fact,
    FactSet,
    ShowCardAction,
    TextBlock,
    TextInput,
    ToggleInput,
)
from microsoft_teams.cards import Choice as CardChoice

from cards.escalation import ESCALATION_ACCEPT, ESCALATION_INFO, button, open_ticket
from cards.fit import FACT, FULL, RecordLink, clip, subject
from cards.render import card, heading, note, render
from services.escalations import HANDOFF_FIELDS, Escalation
from services.forms.bounds import REASON, characters
from services.profile import Person, Profile
from services.tickets import Ticket
from services.tickets.rules import name_of

_CHOICE = 120  # an engineer choice: name, title and skills on a line or two
_LONG = ("symptoms", "steps_tried", "suspected_cause", "containment", "help_needed")


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
    accept_form = card(inputs, [button("Accept and assign", ESCALATION_ACCEPT, data)])
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
        [button("Send back", ESCALATION_INFO, data)],
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
        return render(card(body, [open_ticket(ticket.number)]))
    actions = [
        *decision_actions(profile, ticket, escalation, engineers, suggested),
        open_ticket(ticket.number),
    ]
    return render(card(body, actions))
