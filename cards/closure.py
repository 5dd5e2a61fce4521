"""Process 8's cards: the closure form, the customer's confirmation, the reminder to chase it.

Reopening has its own cards (cards.reopen).
"""

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

from cards.fit import RecordLink, fact_pairs, subject
from cards.forms import FIX_BANNER, form_inputs
from cards.render import card, heading, note, render
from cards.ticket import RCCA, REFRESH
from services.forms.bounds import LINE, characters
from services.profile import Choice, FieldKind, FormField, Profile
from services.tickets import ConfirmationChannel, Ticket
from services.tickets.rules import local_time

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
        # Short titles: a compact choice set cuts long ones off in Teams.
        choices=(
            Choice(key=CONFIRMED, label="Confirmed: close it now"),
            Choice(key=ASK, label="Not yet: ask the customer"),
        ),
        help="Not yet keeps it resolved until the customer answers.",
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
    *,
    rcca_missing: bool = False,
    link: RecordLink | None = None,
) -> dict:
    """The closure form; after a refused submission, the same form with errors and values kept,
    each problem under its field and named on top. `rcca_missing` adds the RCCA button."""
    values, errors = values or {}, errors or {}
    days = profile.closure.auto_close_after_business_days
    body: list[CardElement] = [
        heading(f"Resolve {subject(ticket, link)}"),
        note(
            f"It closes once the customer confirms the fix, or after {days} business days "
            "without an answer."
        ),
    ]
    marked = [spec.label for spec in CLOSURE_FIELDS if spec.id in errors]
    banner = f"Not resolved yet: see {', '.join(marked)} below." if marked else FIX_BANNER
    body.extend(form_inputs(profile, CLOSURE_FIELDS, values, errors, banner=banner))
    actions = [
        _button("Resolve", CLOSURE_SUBMIT, ticket.number).model_copy(update={"style": "positive"}),
    ]
    if rcca_missing:
        actions.append(_button("Record RCCA", RCCA, ticket.number, "none"))
    actions.append(_button("Back to the ticket", REFRESH, ticket.number, "none"))
    return render(card(body, actions))


def _confirmation_inputs(contact: str | None) -> list[CardElement]:
    """Who confirmed (the ticket's contact to start with) and how."""
    channels = [CardChoice(title=label, value=key.value) for key, label in CHANNELS.items()]
    return [
        TextInput(
            id="confirmed_by",
            label="Confirmed by (who at the customer)",
            value=contact[:LINE] if contact else None,
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


def confirm_form(number: str, contact: str | None = None) -> ShowCardAction:
    """'Customer confirmed' on a resolved ticket: who confirmed (`contact` to start with) and
    how, then it closes."""
    save = _button("Close ticket", CONFIRM, number)
    inputs = _confirmation_inputs(contact)
    return ShowCardAction(title="Customer confirmed", card=card(inputs, [save]))


def close_card(ticket: Ticket, link: RecordLink | None = None) -> dict:
    """`close <n>` on a resolved ticket: record the customer's confirmation to close it."""
    body = [
        heading(f"Close {subject(ticket, link)}"),
        note("A ticket closes on the customer's confirmation: record who confirmed, and how."),
        *_confirmation_inputs(ticket.contact_name),
    ]
    actions = [
        _button("Close ticket", CONFIRM, ticket.number),
        _button("Back to the ticket", REFRESH, ticket.number, "none"),
    ]
    return render(card(body, actions))


def reminder_card(
    profile: Profile, ticket: Ticket, days: int, link: RecordLink | None = None
) -> dict:
    """The nudge to the assignee after `days` business days without a word from the customer."""
    close_after = profile.closure.auto_close_after_business_days
    contact = [ticket.contact_name, ticket.contact_phone, ticket.contact_email]
    facts = [
        ("Ticket", subject(ticket, link)),
        ("Customer", ticket.company or ""),
        ("Contact", " · ".join(part for part in contact if part)),
        ("Resolved", local_time(profile, ticket.resolved_at) if ticket.resolved_at else ""),
    ]
    body = [
        heading(f"Reminder: the customer has not confirmed {ticket.number}"),
        TextBlock(
            text=(
                f"No word from the customer for {days} business days since it was resolved. "
                "Ask them whether the fix holds, and record their answer here."
            ),
            wrap=True,
        ),
        FactSet(facts=[Fact(title=t, value=v) for t, v in fact_pairs(facts) if v]),
        note(f"Without an answer it closes by itself after {close_after} business days."),
    ]
    actions = [
        _button("Open ticket", REFRESH, ticket.number, "none"),
        confirm_form(ticket.number, ticket.contact_name),
    ]
    return render(card(body, actions))
