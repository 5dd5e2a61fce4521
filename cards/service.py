"""Process 6's requests: one as its requester, its technician and its approver see it.

The form is cards.service_form.
"""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    Action,
    CardElement,
    ExecuteAction,
    Fact,
    FactSet,
    ShowCardAction,
    TextBlock,
    TextInput,
)

from cards.fit import RecordLink, linked_number
from cards.render import card, heading, note, render
from services.forms.bounds import REASON, characters
from services.profile import Profile
from services.service_requests import NoticeVia, RequestStatus, ServiceRequest
from services.service_requests.wording import (
    billing_label,
    date_range,
    project_label,
    who_goes,
)
from services.tickets.rules import local_time, name_of

APPROVE = "service.approve"
REJECT = "service.reject"

STATUS_LABELS = {
    RequestStatus.AWAITING_APPROVAL: "Waiting for approval",
    RequestStatus.APPROVED: "Approved, being scheduled",
    RequestStatus.SCHEDULED: "Scheduled",
    RequestStatus.REJECTED: "Rejected",
}


def _facts(
    profile: Profile,
    request: ServiceRequest,
    ticket_link: RecordLink | None,
    project: str | None = None,
) -> list[Fact]:
    billing = billing_label(profile, request.billing)
    requested = (
        f"{name_of(profile, request.requester_id)}, {local_time(profile, request.created_at)}"
    )
    pairs = [
        ("Status", STATUS_LABELS[request.status]),
        ("Site", f"{request.site} ({request.site_state})"),
        ("Dates", date_range(request.start_date, request.end_date)),
        # The reason on its own line: after "Billable: the customer pays" a colon read twice.
        ("Billing", billing),
        ("Billing reason", request.billing_reason or ""),
        ("Who goes", who_goes(profile, request)),
        ("Project", project or project_label(profile, request)),
        ("Ticket", linked_number(request.ticket_number, ticket_link)),
        ("Requested by", requested),
    ]
    if request.decided_by and request.decided_at:
        verdict = "Rejected by" if request.status is RequestStatus.REJECTED else "Approved by"
        when = local_time(profile, request.decided_at)
        pairs.append((verdict, f"{name_of(profile, request.decided_by)}, {when}"))
    if request.decision_reason:
        pairs.append(("Why rejected", request.decision_reason))
    return [Fact(title=k, value=v) for k, v in pairs if v]


def _notice(request: ServiceRequest) -> list[CardElement]:
    """Who was told, or, for a provider not on Teams, what the requester must send them."""
    if request.notice_via is NoticeVia.TEAMS:
        return [note(f"{request.notice_to} gets the notice in Teams.", subtle=False)]
    if request.notice_via is not NoticeVia.REQUESTER:
        return []
    where = f"e-mail them at {request.notice_email}" if request.notice_email else "contact them"
    return [
        TextBlock(
            text=f"{request.notice_to} is not on Teams, so I have not told them. Please {where} "
            "(or call them) with the message below.",
            weight="Bolder",
            color="Attention",
            wrap=True,
        ),
        TextBlock(text=request.notice or "", wrap=True, font_type="Monospace", size="Small"),
    ]


def service_request_card(
    profile: Profile,
    request: ServiceRequest,
    *,
    headline: str | None = None,
    lines: Sequence[str] = (),
    actions: Sequence[Action] = (),
    show_notice: bool = True,
    ticket_link: RecordLink | None = None,
    project: str | None = None,
) -> dict:
    """One request: its facts, scope, and (for the requester) what was sent or is to be sent.

    `project` says what became of a project still without a number, in place of its state."""
    body: list[CardElement] = [heading(f"{request.number} · Service at {request.site}")]
    if headline:
        body.append(TextBlock(text=headline, weight="Bolder", color="Accent", wrap=True))
    body.append(FactSet(facts=_facts(profile, request, ticket_link, project)))
    body.append(note(f"Scope: {request.scope}", subtle=False))
    if show_notice:
        body.extend(_notice(request))
    body.extend(note(line) for line in lines)
    return render(card(body, list(actions)))


def service_approval_card(
    profile: Profile, request: ServiceRequest, ticket_link: RecordLink | None = None
) -> dict:
    """For the approver: the request, Approve, and Reject with the reason the requester gets."""
    data = {"number": request.number}
    reason = TextInput(
        id="reason",
        label="Why not (the requester is told)",
        is_multiline=True,
        is_required=True,
        error_message="Say why you reject it.",
        max_length=REASON,
        placeholder=characters(REASON).capitalize(),
    )
    reject = ExecuteAction(
        title="Reject", verb=REJECT, data=data, style="destructive", associated_inputs="auto"
    )
    actions: list[Action] = [
        ExecuteAction(
            title="Approve", verb=APPROVE, data=data, style="positive", associated_inputs="none"
        ),
        ShowCardAction(title="Reject…", card=card([reason], [reject])),
    ]
    headline = f"Non-billable service: {name_of(profile, request.requester_id)} asks your approval"
    return service_request_card(
        profile,
        request,
        headline=headline,
        actions=actions,
        show_notice=False,
        ticket_link=ticket_link,
    )
