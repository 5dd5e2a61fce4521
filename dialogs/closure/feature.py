"""Process 8's resolve and close: the closure card, the customer's confirmation, `close`.

The flows register on this feature: reopen.py (a fix that did not hold), silence.py (the
scheduled reminders and silent close).
"""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.closure import CHANNELS, CLOSURE_SUBMIT, CONFIRM, close_card, closure_card
from cards.forms import GENERAL
from cards.ticket import RESOLVE
from dialogs.closure.inputs import ClosureInputs, ConfirmInputs, check_closure, resolution
from dialogs.closure.notices import capture_knowledge
from dialogs.shared.links import record_link
from dialogs.shared.ticket_view import refusal_result, ticket_view
from dialogs.shared.tickets import TicketRef, apply, find_ticket, now, refused
from services.tickets import Confirmation, ConfirmationChannel, Ticket, TicketRuleError
from services.tickets.closure import RccaRecord, require_rcca
from services.tickets.rules import require_engineering_answer, require_move, require_worker
from services.tickets.statuses import TicketStatus
from services.tickets.workflow import close

feature = Feature("closure")


def may_resolve(turn: Turn, ticket: Ticket) -> str | None:
    """Why the caller cannot resolve this ticket now, in the workflow's words; None if they can."""
    assert turn.caller is not None
    profile = turn.services.profile
    try:
        require_worker(profile, turn.caller.id, ticket, "resolve")
        require_engineering_answer(profile, ticket)
        require_move(profile, ticket, TicketStatus.RESOLVED)
    except TicketRuleError as refusal:
        return str(refusal)
    return None


async def _closure_form(turn: Turn, ticket: Ticket) -> dict:
    """The closure card as it opens: what the RCCA and the ticket already say filled in (the
    corrective action as the summary, its root cause, the contact as who confirmed)."""
    rcca = await turn.services.escalations.rcca_for(ticket)
    known = {
        "summary": rcca.corrective_action if rcca else None,
        "root_cause": rcca.root_cause if rcca else None,
        "confirmed_by": ticket.contact_name,
    }
    values = {key: value for key, value in known.items() if value}
    missing = ticket.escalated and rcca is None
    link = record_link(turn.services, ticket)
    return closure_card(turn.services.profile, ticket, values, rcca_missing=missing, link=link)


def _rcca_problem(ticket: Ticket, rcca: RccaRecord | None) -> dict[str, str]:
    """An escalated ticket's missing RCCA, marked at the form's root cause."""
    try:
        require_rcca(ticket, rcca)
    except TicketRuleError as refusal:
        return {"root_cause": str(refusal)}
    return {}


def _closed_headline(confirmation: Confirmation) -> str:
    return f"Closed: {confirmation.confirmed_by} confirmed the fix ({CHANNELS[confirmation.via]})."


@feature.command(
    "resolve", usage="<ticket>", help="Resolve a ticket: summary, root cause, customer"
)
async def resolve_command(turn: Turn, args: str) -> None:
    """Send the closure card for a ticket the caller may resolve."""
    ticket, problem = await find_ticket(turn, args)
    problem = problem or (may_resolve(turn, ticket) if ticket else None)
    if ticket is None or problem:
        await turn.say(problem or "")
        return
    await turn.send_card(await _closure_form(turn, ticket), summary=f"Resolve {ticket.number}")


@feature.command("close", usage="<ticket>", help="Close a resolved ticket the customer confirmed")
async def close_command(turn: Turn, args: str) -> None:
    """Ask who confirmed a resolved ticket; an open one goes through the closure card first."""
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, args)
    if ticket is None:
        await turn.say(problem or "")
        return
    if ticket.is_open:
        await resolve_command(turn, ticket.number)
        return
    if ticket.status is TicketStatus.CLOSED:
        await turn.say(f"{ticket.number} is already closed; `reopen` it if the fix did not hold.")
        return
    try:
        require_worker(turn.services.profile, turn.caller.id, ticket, "close")
    except TicketRuleError as refusal:
        await turn.say(str(refusal))
        return
    await turn.send_card(
        close_card(ticket, record_link(turn.services, ticket)), summary=f"Close {ticket.number}"
    )


@feature.action(RESOLVE, model=TicketRef)
async def open_closure_card(turn: Turn, data: TicketRef) -> ActionResult:
    """Replace the ticket card with the closure card, if the caller may resolve the ticket."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    problem = may_resolve(turn, ticket)
    if problem:
        return await refusal_result(turn, ticket, problem)
    return ActionResult(card=await _closure_form(turn, ticket))


@feature.action(CLOSURE_SUBMIT, model=ClosureInputs)
async def submit_closure(turn: Turn, data: ClosureInputs) -> ActionResult:
    """Resolve (and close, if confirmed); a refused form comes back with what was typed."""
    ticket, problem = await find_ticket(turn, data.number)
    problem = problem or (may_resolve(turn, ticket) if ticket else None)
    if ticket is None or problem:
        return refused(problem or "")
    profile, typed = turn.services.profile, data.model_dump(exclude={"number"})
    form, errors = check_closure(profile, data)
    rcca = await turn.services.escalations.rcca_for(ticket)  # an escalated ticket needs it
    missing = _rcca_problem(ticket, rcca)
    if form is None or missing:
        errors = {**errors, **missing}
        link = record_link(turn.services, ticket)
        card = closure_card(profile, ticket, typed, errors, rcca_missing=bool(missing), link=link)
        return ActionResult(card=card)
    saved, refusal = await apply(turn, ticket, resolution(turn, form, rcca))
    if saved is None:
        link = record_link(turn.services, ticket)
        card = closure_card(profile, ticket, typed, {GENERAL: refusal or ""}, link=link)
        return ActionResult(card=card)
    saved, drafted = await capture_knowledge(turn, saved, form.kb_article)
    if form.confirmation is not None:
        headline = _closed_headline(form.confirmation)
    else:
        days = profile.closure.auto_close_after_business_days
        headline = (
            "Resolved. Waiting for the customer's confirmation; without an answer it closes "
            f"by itself after {days} business days."
        )
    headline = f"{headline} {drafted.said}".strip()
    card = await ticket_view(turn, saved, headline=headline, reach=drafted.reach)
    return ActionResult(card=card)


@feature.action(CONFIRM, model=ConfirmInputs)
async def customer_confirmed(turn: Turn, data: ConfirmInputs) -> ActionResult:
    """Close a resolved ticket on the customer's confirmation: who said so, and how."""
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    if data.confirmed_via not in set(ConfirmationChannel):
        return refused("Say how the customer confirmed the fix.")
    confirmation = Confirmation(data.confirmed_by, ConfirmationChannel(data.confirmed_via))
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    saved, refusal = await apply(
        turn, ticket, lambda t: close(t, actor, profile, at, confirmation=confirmation)
    )
    if saved is None:
        return await refusal_result(turn, ticket, refusal or "")
    return ActionResult(
        card=await ticket_view(turn, saved, headline=_closed_headline(confirmation))
    )


# The flows register their commands, verbs and jobs on this feature when imported.
import dialogs.closure.reopen  # noqa: E402
import dialogs.closure.silence  # noqa: E402
import dialogs.closure.warning  # noqa: E402, F401
