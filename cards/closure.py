"""Process 8's cards: the closure form, the customer's confirmation, reopening and its notice."""

from __future__ import annotations

from collections.abc import Mapping
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
)
from microsoft_teams.cards import Choice as CardChoice

from cards.fit import DESCRIPTION, FACT, TITLE, clip, subject
from cards.forms import form_inputs
from cards.render import card, heading, note, render
from cards.ticket import REFRESH, REOPEN
from services.forms.bounds import LINE, TEXT, characters
from services.profile import Choice, FieldKind, FormField, Profile
from services.tickets import ConfirmationChannel, ReopenSource, Ticket, TicketEvent
from services.tickets.rules import name_of

CLOSURE_SUBMIT = "closure.submit"
CONFIRM = "closure.confirm"
CONFIRMED, ASK = "confirmed", "ask"

CHANNELS = {
    ConfirmationChannel.PHONE: "Phone",
    ConfirmationChannel.EMAIL: "E-mail",
    ConfirmationChannel.TEAMS: "Teams",
    ConfirmationChannel.ZENDESK: "Zendesk",
    ConfirmationChannel.ON_SITE: "On site",
}
_CHANNEL_CHOICES = tuple(Choice(key=k.value, label=v) for k, v in CHANNELS.items())

# The closure form as field specs: the card is drawn from them and the server checks answers
# against the same specs (services.forms), so the two cannot disagree.
CLOSURE_FIELDS = (
    FormField(
        id="summary",
        label="Resolution summary",
        kind=FieldKind.MULTILINE,
        required=True,
        help="What fixed it, in words the customer would recognise.",
    ),
    FormField(
        id="root_cause",
        label="Root cause",
        kind=FieldKind.MULTILINE,
        required=True,
        help="Why it happened, so the next person fixes it faster (and it does not come back).",
    ),
    FormField(
        id="confirmation",
        label="Customer confirmation",
        kind=FieldKind.CHOICE,
        required=True,
        choices=(
            Choice(key=CONFIRMED, label="The customer confirmed the fix: close it now"),
            Choice(key=ASK, label="Ask the customer, and keep it resolved until they answer"),
        ),
    ),
    FormField(
        id="confirmed_by",
        label="Confirmed by",
        kind=FieldKind.TEXT,
        help="Who at the customer confirmed it (when they did).",
    ),
    FormField(
        id="confirmed_via",
        label="Confirmed how",
        kind=FieldKind.CHOICE,
        choices=_CHANNEL_CHOICES,
        help="How they confirmed it (when they did).",
    ),
    FormField(id="kb_article", label="Worth a KB article?", kind=FieldKind.TOGGLE),
)


def _button(title: str, verb: str, number: str, inputs: str = "auto") -> ExecuteAction:
    """A button acting on ticket `number`, sending the card's inputs unless `inputs` is "none"."""
    return ExecuteAction(title=title, verb=verb, data={"number": number}, associated_inputs=inputs)


def closure_card(
    profile: Profile,
    ticket: Ticket,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict:
    """The closure form; after a refused submission, the same form with errors and values kept."""
    values, errors = values or {}, errors or {}
    days = profile.closure.auto_close_after_business_days
    body: list[CardElement] = [
        heading(f"Resolve {subject(ticket)}"),
        note(
            f"It closes once the customer confirms the fix, or after {days} business days "
            "without an answer."
        ),
    ]
    body.extend(form_inputs(profile, CLOSURE_FIELDS, values, errors))
    actions = [
        _button("Resolve", CLOSURE_SUBMIT, ticket.number).model_copy(update={"style": "positive"}),
        _button("Back to the ticket", REFRESH, ticket.number, "none"),
    ]
    return render(card(body, actions))


def _confirmation_inputs() -> list[CardElement]:
    channels = [CardChoice(title=label, value=key.value) for key, label in CHANNELS.items()]
    return [
        TextInput(
            id="confirmed_by",
            label="Confirmed by (who at the customer)",
            is_required=True,
            error_message="Say who confirmed the fix.",
            max_length=LINE,
            placeholder=characters(LINE).capitalize(),
        ),
        ChoiceSetInput(
            id="confirmed_via",
            label="How",
            choices=channels,
            is_required=True,
            error_message="Say how they confirmed it.",
        ),
    ]


def confirm_form(number: str) -> ShowCardAction:
    """'Customer confirmed' on a resolved ticket: who confirmed and how, then it closes."""
    save = _button("Close ticket", CONFIRM, number)
    return ShowCardAction(title="Customer confirmed", card=card(_confirmation_inputs(), [save]))


def close_card(ticket: Ticket) -> dict:
    """`close <n>` on a resolved ticket: record the customer's confirmation to close it."""
    body = [
        heading(f"Close {subject(ticket)}"),
        note("A ticket closes on the customer's confirmation: record who confirmed, and how."),
        *_confirmation_inputs(),
    ]
    actions = [
        _button("Close ticket", CONFIRM, ticket.number),
        _button("Back to the ticket", REFRESH, ticket.number, "none"),
    ]
    return render(card(body, actions))


def reopen_form(number: str) -> ShowCardAction:
    """'Reopen' on a resolved or closed ticket: why, and whether the customer reported it."""
    sources = [
        CardChoice(title="We found the fix did not hold", value=ReopenSource.STAFF.value),
        CardChoice(title="The customer reported it", value=ReopenSource.CUSTOMER_REPORT.value),
    ]
    form = card(
        [
            TextInput(
                id="reason",
                label="Why is it coming back?",
                is_multiline=True,
                is_required=True,
                error_message="Say why it is being reopened.",
                max_length=TEXT,
                placeholder=characters(TEXT).capitalize(),
            ),
            ChoiceSetInput(
                id="source", label="Who found it", choices=sources, value=ReopenSource.STAFF.value
            ),
            TextInput(
                id="reported_by",
                label="Reported by (for a customer report)",
                max_length=LINE,
                placeholder=characters(LINE).capitalize(),
            ),
        ],
        [_button("Reopen", REOPEN, number)],
    )
    return ShowCardAction(title="Reopen", card=form)


def reopened_card(profile: Profile, ticket: Ticket, reopened: TicketEvent) -> dict:
    """The notice to the assignee and the engineering manager that a fix did not hold."""
    after = dict(reopened.after or {})
    source = "Staff"
    if after.get("source") == ReopenSource.CUSTOMER_REPORT:
        source = clip(f"Customer report from {after.get('reported_by')}", FACT)
    reason = clip(reopened.body or "", DESCRIPTION)
    body = [
        heading(f"{ticket.number} reopened · {clip(ticket.subject, TITLE)}"),
        TextBlock(
            text=f"{name_of(profile, reopened.actor_id)} reopened it: {reason}",
            color="Attention",
            weight="Bolder",
            wrap=True,
        ),
        FactSet(
            facts=[
                Fact(title="Reopens", value=f"{ticket.reopen_count}×"),
                Fact(title="Source", value=source),
                Fact(title="Assignee", value=name_of(profile, ticket.assignee_id or "nobody")),
                Fact(title="Priority", value=profile.priority(ticket.priority).label),
            ]
        ),
        note("The reopen rate is the team's #1 priority: find out why the fix did not hold."),
    ]
    open_it = ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": ticket.number})
    return render(card(body, [open_it]))
