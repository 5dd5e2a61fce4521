"""Process 8 when a fix does not hold: the Reopen form on the ticket card, and the reopen notice."""

from __future__ import annotations

from microsoft_teams.cards import Choice as CardChoice
from microsoft_teams.cards import (
    ChoiceSetInput,
    ExecuteAction,
    Fact,
    FactSet,
    ShowCardAction,
    TextBlock,
    TextInput,
)

from cards.fit import DESCRIPTION, FACT, TITLE, RecordLink, clip, shown_number
from cards.render import card, heading, note, render
from cards.ticket import REFRESH, REOPEN
from services.forms.bounds import LINE, TEXT, characters
from services.profile import Profile
from services.tickets import ReopenSource, Ticket, TicketEvent
from services.tickets.rules import name_of


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
        [ExecuteAction(title="Reopen", verb=REOPEN, data={"number": number})],
    )
    return ShowCardAction(title="Reopen", card=form)


def reopened_card(
    profile: Profile, ticket: Ticket, reopened: TicketEvent, link: RecordLink | None = None
) -> dict:
    """The notice to the assignee and the engineering manager that a fix did not hold."""
    after = dict(reopened.after or {})
    source = "Staff"
    if after.get("source") == ReopenSource.CUSTOMER_REPORT:
        source = clip(f"Customer report from {after.get('reported_by')}", FACT)
    reason = clip(reopened.body or "", DESCRIPTION)
    body = [
        heading(f"{shown_number(ticket, link)} reopened · {clip(ticket.subject, TITLE)}"),
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
