"""The triage card for one ticket: what to check, who could work it and why, what happened last.

Shared by the triage and assignment processes; it reads the ticket, its timeline and everyone's
open tickets, and leaves the deciding to the workflow commands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from microsoft_teams.cards import CardElement

from bot.turn import ActionResult, Turn
from cards.triage import AssigneeOption, TriageView, triage_card
from dialogs.involvement.views import coordination_sections
from dialogs.shared.links import record_link
from dialogs.shared.tickets import refused
from dialogs.shared.viewers import viewers
from services.profile import Capability, FieldKind, FieldRole, Person, Profile
from services.routing import needed_skills, suggest_assignee
from services.tickets import EventKind, Ticket, TicketEvent
from services.tickets.describe import describe, timeline
from services.tickets.intake import answer, column_of

if TYPE_CHECKING:
    from services.app_services import AppServices

RECENT = 4  # timeline lines on the card; the ticket card has the whole story


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _triage_set_priority(events: list[TicketEvent]) -> bool:
    return any(e.kind is EventKind.CLASSIFIED and "priority" in (e.after or {}) for e in events)


def doubts(profile: Profile, ticket: Ticket, events: list[TicketEvent]) -> list[str]:
    """Missing or doubtful intake information, each in words triage can act on."""
    answers: Mapping[str, Any] = ticket.fields
    if not answers:
        return ["No intake answers are recorded: check the details with the customer."]
    found = []
    for spec in profile.intake:
        # A system of record may fill a column the intake form would have (HubSpot attaches
        # the e-mail's company and contact): that is an answer too.
        column = column_of(spec.role)
        kept = getattr(ticket, column) if column else None
        if spec.kind is FieldKind.TOGGLE or not _blank(answers.get(spec.id)) or not _blank(kept):
            continue
        if spec.role is FieldRole.SITE_STATE and profile.service:
            found.append(f"{spec.label} not given, so who would go on site is unknown.")
        else:
            found.append(f"{spec.label} {'is missing' if spec.required else 'not given'}.")
    suggested = profile.suggested_priority(answers)
    # Once triage has set the priority on purpose, the intake's suggestion is no longer news.
    if suggested.key != ticket.priority and not _triage_set_priority(events):
        current = profile.priority(ticket.priority).label
        found.append(f"Priority is {current}, but the intake answers suggest {suggested.label}.")
    return found


def team_facts(profile: Profile, ticket: Ticket) -> tuple[tuple[str, str], ...]:
    """The team the profile's routing gives the ticket's answers ("DevOps: installations and
    platform requirements."); none: the owner decides who to pull in."""
    team = profile.team_for(ticket.fields)
    if team is None:
        return ()
    return (("Team that helps", f"{team.label}: {team.help}" if team.help else team.label),)


def site_facts(profile: Profile, ticket: Ticket) -> tuple[tuple[str, str], ...]:
    """Who would go on site, from the machine's US state (a 3rd-party provider or our staff)."""
    service = profile.service
    state = answer(profile, ticket.fields, FieldRole.SITE_STATE)
    if service is None or _blank(state):
        return ()
    code = str(state).strip().upper()  # the intake's choice keys are lower-case ("nj")
    provider = profile.provider_for_state(code)
    return (("On-site service", f"{provider.name if provider else service.in_house} ({code})"),)


def _other_label(profile: Profile, person: Person, needed: tuple[str, ...], load: int) -> str:
    missing = [profile.skill(k).label for k in needed if k not in person.skills]
    if missing:
        return f"{person.name} — {load} open — lacks {', '.join(missing)}"
    return f"{person.name} — {person.title} — {load} open"


def no_suggestion(profile: Profile, ticket: Ticket) -> str:
    """Why routing suggests nobody: no rule for the issue, or nobody else holds the skills."""
    needed = needed_skills(profile, ticket.issue_type, ticket.complexity)
    if not needed:
        return "No routing rule covers this issue type: pick the assignee by judgement."
    labels = ", ".join(profile.skill(k).label for k in needed)
    return f"Nobody else holds {labels}: a pick needs an override reason."


def assignee_options(
    profile: Profile, ticket: Ticket, open_counts: Mapping[str, int]
) -> tuple[AssigneeOption | None, tuple[AssigneeOption, ...]]:
    """The suggestion (if routing has one) and every worker, best fits first, with reasons.

    The current assignee is left out: giving them the ticket again is no choice at all.
    """
    exclude = {ticket.assignee_id} if ticket.assignee_id else set()
    suggestion = None
    if ticket.issue_type:
        suggestion = suggest_assignee(
            profile, ticket.issue_type, ticket.complexity, open_counts, exclude=exclude
        )
    ranked = [suggestion, *suggestion.alternatives] if suggestion else []
    options = [AssigneeOption(s.person.id, s.reason) for s in ranked]
    listed = {o.person_id for o in options} | exclude
    needed = needed_skills(profile, ticket.issue_type, ticket.complexity)
    for person in profile.people_with_capability(Capability.WORK_TICKETS):
        if person.id not in listed:
            load = open_counts.get(person.id, 0)
            options.append(AssigneeOption(person.id, _other_label(profile, person, needed, load)))
    return (options[0] if suggestion else None), tuple(options)


async def triage_card_for(
    turn: Turn,
    ticket: Ticket,
    *,
    outcome: str | None = None,
    warning: str | None = None,
    reach: str | None = None,
    events: list[TicketEvent] | None = None,
    related: Sequence[CardElement] = (),
) -> dict:
    """The triage card for `ticket` as it stands now; `outcome`/`warning`/`reach` report an
    action (what it did, what went wrong, a notice that waits for someone).

    `events`: the ticket's timeline when the caller has read it already.
    """
    return await triage_card_of(
        turn.services,
        ticket,
        outcome=outcome,
        warning=warning,
        reach=reach,
        events=events,
        related=related,
        seen_by=await viewers(turn, ticket),
    )


async def triage_card_of(
    services: AppServices,
    ticket: Ticket,
    *,
    outcome: str | None = None,
    warning: str | None = None,
    reach: str | None = None,
    events: list[TicketEvent] | None = None,
    related: Sequence[CardElement] = (),
    seen_by: Sequence[str] = (),
) -> dict:
    """`triage_card_for` without a turn: for tickets that arrive from a system of record
    (`seen_by`: the Teams ids its refresh lists, see dialogs.shared.viewers)."""
    profile = services.profile
    if events is None:
        events = await services.tickets.events(ticket.id)
    counts = await services.tickets.open_counts_by_assignee()
    suggested, options = assignee_options(profile, ticket, counts)
    # Intake's similar solved problems are the matches already, unless the desk puts
    # documentation first: its section has the same matches, and answers with one.
    if profile.knowledge.documentation_first or not related:
        related = await coordination_sections(
            services, ticket, events, coordinates=True, on="triage"
        )
    due = ticket.ack_due_at
    view = TriageView(
        doubts=tuple(doubts(profile, ticket, events)),
        options=options,
        suggested=suggested,
        no_suggestion=no_suggestion(profile, ticket),
        extra_facts=(*site_facts(profile, ticket), *team_facts(profile, ticket)),
        escalations=tuple(
            describe(profile, e) for e in events if e.kind is EventKind.ESCALATED_AT_INTAKE
        ),
        recent=tuple(timeline(profile, events, limit=RECENT)),
        outcome=outcome,
        warning=warning,
        reach=reach,
        related=tuple(related),
        ack_overdue=ticket.acknowledged_at is None and due is not None and due <= services.clock(),
        viewers=tuple(seen_by),
        link=record_link(services, ticket),
        machine=await services.bp_search.machine_history(ticket, services.clock()),
    )
    return triage_card(profile, ticket, view)


async def refusal_result(turn: Turn, ticket: Ticket, problem: str) -> ActionResult:
    """A refused card action: the card stays as typed, unless the ticket moved on meanwhile,
    when the current version replaces it (as the stale-ticket message promises)."""
    current = await turn.services.tickets.get(ticket.number)
    if current is not None and current.version != ticket.version:
        return ActionResult(card=await triage_card_for(turn, current, warning=problem))
    return refused(problem)
