"""The intake form (process 1), built from the profile's intake fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    CardElement,
    ExecuteAction,
    Fact,
    FactSet,
)

from cards.fit import RecordLink, fact_pairs, subject
from cards.forms import form_inputs
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.describe import facts

SUBMIT_VERB = "intake.submit"
CANCEL_VERB = "intake.cancel"


def intake_form_card(
    profile: Profile,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    similar: Sequence[CardElement] = (),
) -> dict:
    """The intake form; after a refused submission, the same form with errors and values kept.

    `similar` (solved problems like this one, process 7) goes on top; the form then files
    with "File anyway", marked as having shown them.
    """
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading("New support ticket"),
        note("Capture what the customer tells you; triage checks it within one business hour."),
        *similar,
    ]
    body.extend(
        form_inputs(
            profile,
            profile.intake,
            values,
            errors,
            banner=f"Please fix {len(errors)} field{'s' if len(errors) > 1 else ''} below.",
        )
    )
    actions = [
        ExecuteAction(
            title="File anyway" if similar else "File ticket",
            verb=SUBMIT_VERB,
            data={"form_id": form_id, **({"seen_suggestions": True} if similar else {})},
            associated_inputs="auto",
            style="positive",
        ),
        ExecuteAction(
            title="Cancel", verb=CANCEL_VERB, data={"form_id": form_id}, associated_inputs="none"
        ),
    ]
    return render(card(body, actions))


ALREADY_FILED = "This form was already submitted; this is the ticket it created."


def with_priority_reason(pairs: list[tuple[str, str]], reason: str | None) -> list[tuple[str, str]]:
    """The facts with the priority's reason beside it ("Urgent — suggested from Machine down")."""
    if not reason:
        return pairs
    return [(k, f"{v} — {reason}" if k == "Priority" else v) for k, v in pairs]


def intake_summary_card(
    profile: Profile,
    ticket: Ticket,
    *,
    already_filed: bool = False,
    similar: Sequence[CardElement] = (),
    priority_reason: str | None = None,
    link: RecordLink | None = None,
) -> dict:
    """What replaces the form once the ticket exists: read-only, with the acknowledgement due.

    `similar`: solved problems that may be related (process 7), shown below the ticket;
    `priority_reason`: why the ticket has its priority, when the rules set it, not the filer.
    """
    body: list[CardElement] = [heading(f"Filed {subject(ticket, link)}")]
    if already_filed:
        body.append(note(ALREADY_FILED))
    pairs = fact_pairs(with_priority_reason(facts(profile, ticket), priority_reason))
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in pairs]))
    # The triage card goes out after this answer: on its way, not yet seen.
    body.append(note("On its way to triage; the acknowledgement is due by the time above."))
    body.extend(similar)
    open_it = ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": ticket.number})
    return render(card(body, [open_it]))


def intake_cancelled_card() -> dict:
    """What replaces the form when the person cancels: nothing was filed."""
    return render(card([heading("Intake cancelled"), note("Nothing was filed.")]))
