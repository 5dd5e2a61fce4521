"""Process 6's rules as pure commands: file a request, approve or reject it, schedule it.

Each command checks the rules, raising ServiceRuleError with a sentence for the person, and
returns the new request; ServiceRequestRepository stores it. The actor is always the caller's
roster id, and what they may do comes from the profile, never from what a card says.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from services.profile import Capability, Person, Profile
from services.service_requests.errors import ServiceRuleError
from services.service_requests.model import (
    Billing,
    Notice,
    RequestStatus,
    ServiceDraft,
    ServiceRequest,
)
from services.service_requests.providers import dispatch_for, technicians
from services.service_requests.wording import day
from services.tickets.rules import local_time, name_of


def local_today(profile: Profile, now: datetime) -> date:
    """Today's date where the team works (the business hours' timezone)."""
    return now.astimezone(profile.business_hours.zone).date()


def draft_problems(profile: Profile, draft: ServiceDraft, today: date) -> dict[str, str]:
    """What is wrong with a draft, per form field id; empty when it may be filed."""
    problems: dict[str, str] = {}
    if draft.start_date < today:
        problems["start_date"] = f"The start date is in the past; today is {day(today)}."
    if draft.end_date < draft.start_date:
        problems["end_date"] = "The end date is before the start date."
    if draft.billing is Billing.NON_BILLABLE and not approvers(profile):
        problems["billing"] = "Nobody on the roster may approve non-billable work."
    elif draft.billing is Billing.NON_BILLABLE and not draft.billing_reason.strip():
        problems["billing_reason"] = (
            "Say why this work is non-billable: the engineering manager decides on it."
        )
    for field, text in (("site", draft.site), ("scope", draft.scope)):
        if not text.strip():
            problems[field] = f"The {field} is required."
    try:
        dispatch = dispatch_for(profile, draft.site_state)
    except ServiceRuleError as refusal:
        return problems | {"site_state": str(refusal)}
    workers = {p.id for p in technicians(profile)}
    if dispatch.provider is None and draft.technician_id is None:
        problems["technician"] = (
            f"No 3rd-party provider serves {dispatch.state}, so {dispatch.in_house} go: "
            "pick the technician to schedule."
        )
    elif dispatch.provider is None and draft.technician_id not in workers:
        problems["technician"] = "Pick a technician from the list."
    return problems


def file_request(
    draft: ServiceDraft, requester_id: str, profile: Profile, now: datetime
) -> ServiceRequest:
    """A new request (not stored yet: id 0, no number); billable ones need no approval."""
    requester = _member(profile, requester_id)
    if not profile.has_capability(requester, Capability.SCHEDULE_SERVICE):
        raise ServiceRuleError(
            f"Only someone who may schedule service can request it; {requester.name} may not."
        )
    problems = draft_problems(profile, draft, local_today(profile, now))
    if problems:
        raise ServiceRuleError(" ".join(problems.values()))
    dispatch = dispatch_for(profile, draft.site_state)
    approved = draft.billing is Billing.BILLABLE
    return ServiceRequest(
        id=0,
        number="",
        profile=profile.name,
        status=RequestStatus.APPROVED if approved else RequestStatus.AWAITING_APPROVAL,
        site=draft.site.strip(),
        site_state=dispatch.state,
        start_date=draft.start_date,
        end_date=draft.end_date,
        billing=draft.billing,
        scope=draft.scope.strip(),
        requester_id=requester.id,
        created_at=now,
        updated_at=now,
        billing_reason=draft.billing_reason.strip(),
        provider_key=dispatch.provider.key if dispatch.provider else None,
        # A provider's state ignores a technician picked on the form: the provider goes.
        technician_id=draft.technician_id if dispatch.provider is None else None,
        ticket_number=draft.ticket_number,
    )


def approvers(profile: Profile) -> tuple[Person, ...]:
    """Who may approve non-billable work."""
    return profile.people_with_capability(Capability.APPROVE_NON_BILLABLE)


def approve(
    request: ServiceRequest, actor_id: str, profile: Profile, now: datetime
) -> ServiceRequest:
    """The approver signs off non-billable work; scheduling comes next."""
    _require_approver(profile, actor_id, request, "approve")
    _require_awaiting(profile, request)
    return replace(
        request, status=RequestStatus.APPROVED, decided_by=actor_id, decided_at=now, updated_at=now
    )


def reject(
    request: ServiceRequest, actor_id: str, profile: Profile, now: datetime, reason: str
) -> ServiceRequest:
    """The approver turns non-billable work down, saying why (the requester is told)."""
    _require_approver(profile, actor_id, request, "reject")
    _require_awaiting(profile, request)
    why = " ".join((reason or "").split())
    if not why:
        raise ServiceRuleError(f"Say why you reject {request.number}; the requester is told.")
    return replace(
        request,
        status=RequestStatus.REJECTED,
        decided_by=actor_id,
        decided_at=now,
        decision_reason=why,
        updated_at=now,
    )


def schedule(
    request: ServiceRequest, now: datetime, project_number: str | None, notice: Notice
) -> ServiceRequest:
    """An approved request with its project created (or, None, on its way to an outside system)
    and its notice given (or handed over)."""
    if request.status is not RequestStatus.APPROVED:
        raise ServiceRuleError(
            f"{request.number} is {request.status.value.replace('_', ' ')}; "
            "only an approved request is scheduled."
        )
    return replace(
        request,
        status=RequestStatus.SCHEDULED,
        project_number=project_number,
        notice_to=notice.to,
        notice_via=notice.via,
        notice_email=notice.email,
        notice=notice.text,
        notified_at=now,
        updated_at=now,
    )


def _member(profile: Profile, actor_id: str) -> Person:
    try:
        return profile.person(actor_id)
    except KeyError:
        raise ServiceRuleError(
            f"Nobody with the id '{actor_id}' is on the {profile.company} roster."
        ) from None


def _require_approver(profile: Profile, actor_id: str, request: ServiceRequest, doing: str) -> None:
    person = _member(profile, actor_id)
    if not profile.has_capability(person, Capability.APPROVE_NON_BILLABLE):
        names = ", ".join(p.name for p in approvers(profile)) or "nobody on the roster"
        raise ServiceRuleError(
            f"Only someone who may approve non-billable service ({names}) can {doing} "
            f"{request.number}; {person.name} may not."
        )


def _require_awaiting(profile: Profile, request: ServiceRequest) -> None:
    if not request.needs_approval:
        raise ServiceRuleError(f"{request.number} is billable; it needs nobody's approval.")
    if request.status is RequestStatus.AWAITING_APPROVAL:
        return
    who = name_of(profile, request.decided_by) if request.decided_by else "someone"
    when = f" on {local_time(profile, request.decided_at)}" if request.decided_at else ""
    verdict = "rejected" if request.status is RequestStatus.REJECTED else "approved"
    raise ServiceRuleError(f"{request.number} was already {verdict} by {who}{when}.")
