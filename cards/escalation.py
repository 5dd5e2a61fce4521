"""Process 4's handoff form, and the verbs and buttons its other cards share.

The engineering manager's review is in cards/escalation_review.py, the notices of the decision
in cards/escalation_notices.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import CardElement, ExecuteAction, TextBlock

from cards.fit import DESCRIPTION, RecordLink, clip, subject
from cards.forms import form_inputs
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.escalations import handoff_fields
from services.profile import Profile
from services.tickets import Ticket

ESCALATION_SUBMIT = "escalation.submit"
ESCALATION_ACCEPT = "escalation.accept"
ESCALATION_INFO = "escalation.info"


def button(
    title: str, verb: str, data: dict, inputs: str = "auto", style: str | None = None
) -> ExecuteAction:
    """An Execute button sending `verb` with `data` (and the card's inputs unless told not to)."""
    return ExecuteAction(title=title, verb=verb, data=data, associated_inputs=inputs, style=style)


def open_ticket(number: str) -> ExecuteAction:
    """The button that opens the ticket's card."""
    return button("Open ticket", REFRESH, {"number": number}, "none")


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
        button("Send to Engineering", ESCALATION_SUBMIT, data, style="positive"),
        button("Back to the ticket", REFRESH, data, "none"),
    ]
    return render(card(body, actions))
