"""Intake's command and card verbs: send the form, file the ticket, or cancel."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from microsoft_teams.cards import CardElement

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.forms import GENERAL
from cards.intake import (
    ALREADY_FILED,
    CANCEL_VERB,
    SUBMIT_VERB,
    TYPEAHEADS,
    intake_cancelled_card,
    intake_summary_card,
)
from cards.knowledge import similar_problems
from dialogs.intake.escalation import escalate_in_turn
from dialogs.intake.inputs import IntakeSubmission
from dialogs.intake.views import intake_form
from dialogs.knowledge.feature import similar_solved
from dialogs.shared.links import record_link
from dialogs.triage.notices import post_triage_card
from dialogs.triage.views import triage_card_for
from services.forms import check_answers
from services.installed_base.picks import Confirmed, as_typed, confirm
from services.knowledge.matching import holds_filing, is_strong, is_urgent
from services.profile import Capability, FieldRole, Profile
from services.tickets import Ticket, TicketDraft, TicketRuleError, check_draft, draft_from_answers
from services.tickets.intake import priority_reason

feature = Feature("intake")


@feature.command(
    "new ticket",
    aliases=("new", "intake", "open ticket"),
    help="File a ticket from a customer's call or e-mail",
    button=True,
)
async def new_ticket(turn: Turn, args: str) -> None:
    """Send a fresh intake form."""
    card = intake_form(turn, uuid.uuid4().hex)
    await turn.send_card(card, summary="New support ticket")


def typed_answers(profile: Profile, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as the person reads them: a BP Search pick's text in the serial and company."""
    searched = {spec.id for role in TYPEAHEADS if (spec := profile.field_for(role))}
    return {k: as_typed(v) if k in searched else v for k, v in answers.items()}


async def confirmed_picks(turn: Turn, answers: dict[str, Any]) -> Confirmed:
    """The machine and customer picked in BP Search, as the installed base confirms them."""
    profile = turn.services.profile
    serial, company = (profile.field_for(r) for r in (FieldRole.SERIAL_NUMBER, FieldRole.COMPANY))
    return await confirm(
        turn.services.installed_base,
        answers.get(serial.id) if serial else None,
        answers.get(company.id) if company else None,
        profile.bp_search.timeout_seconds,
    )


def with_refs(draft: TicketDraft, picks: Confirmed) -> TicketDraft:
    """The draft carrying the installed base's refs of what was picked (none for typed text)."""
    return replace(draft, machine_ref=picks.machine_ref, customer_ref=picks.customer_ref)


@feature.action(SUBMIT_VERB, model=IntakeSubmission)
async def submit(turn: Turn, data: IntakeSubmission) -> ActionResult:
    """File the ticket, or return the form with what needs fixing."""
    profile = turn.services.profile
    check = check_answers(profile, profile.intake, typed_answers(profile, data.answers))
    if not check.ok:
        return ActionResult(card=intake_form(turn, data.form_id, data.answers, check.errors))
    try:
        draft = check_draft(draft_from_answers(profile, check.values), profile)
        # The same problem may be solved already (process 7): a strong match is offered before
        # filing, once, unless the call is urgent; any other match goes beside the filed ticket.
        similar = [] if data.seen_suggestions else await similar_solved(turn, draft)
        if holds_filing(similar, urgent=is_urgent(profile, draft, data.answers)):
            card = intake_form(turn, data.form_id, data.answers, similar=similar_problems(similar))
            return ActionResult(card=card)
        ticket, created = await turn.services.tickets.create(
            with_refs(draft, await confirmed_picks(turn, data.answers)),
            requester_id=turn.caller.id,
            intake_key=f"intake:{data.form_id}",
            now=turn.services.clock(),
        )
    except TicketRuleError as refusal:
        # The draft's refusals are about what the ticket says: shown by the description.
        described = profile.field_for(FieldRole.DESCRIPTION)
        errors = {described.id if described else GENERAL: str(refusal)}
        return ActionResult(card=intake_form(turn, data.form_id, data.answers, errors))
    # Triage filing sees the triage card as its answer: one card, not a summary and a copy.
    triages = profile.has_capability(turn.caller, Capability.TRIAGE)
    if created:
        # Before triage sees it: the card then says why it was escalated and who was told.
        ticket = await escalate_in_turn(turn, ticket)
        await post_triage_card(turn, ticket, answered=turn.caller.id if triages else None)
    reason = priority_reason(profile, ticket.fields, ticket.priority)
    close = any(is_strong(hit) for hit in similar)
    beside = similar_problems(similar, filed=True, strong=close) if similar else []
    if triages:
        return ActionResult(card=await filed_for_triage(turn, ticket, created, reason, beside))
    card = intake_summary_card(
        profile,
        ticket,
        already_filed=not created,
        similar=beside,
        priority_reason=reason,
        link=record_link(turn.services, ticket),
    )
    return ActionResult(card=card)


async def filed_for_triage(
    turn: Turn, ticket: Ticket, created: bool, reason: str | None, beside: list[CardElement]
) -> dict:
    """The triage card in place of the form, saying it was filed (and why its priority)."""
    label = turn.services.profile.priority(ticket.priority).label
    said = [f"Filed {ticket.number}: triage it here." if created else ALREADY_FILED]
    if reason:
        said.append(f"Priority {label} — {reason}.")
    return await triage_card_for(turn, ticket, outcome=" ".join(said), related=beside)


@feature.action(CANCEL_VERB, model=IntakeSubmission)
async def cancel(turn: Turn, data: IntakeSubmission) -> ActionResult:
    """Close the form without filing anything."""
    return ActionResult(card=intake_cancelled_card())


# The flows register their verbs and typeaheads on this feature when imported.
import dialogs.intake.fill  # noqa: E402
import dialogs.intake.typeahead  # noqa: E402, F401
