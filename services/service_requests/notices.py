"""What whoever goes on site is told: the technician in Teams, or a provider's e-mail to send."""

from __future__ import annotations

from services.profile import Profile
from services.service_requests.model import Notice, NoticeVia, ServiceRequest
from services.service_requests.providers import provider
from services.service_requests.wording import date_range, pending_project
from services.tickets.rules import name_of


def notice_for(profile: Profile, request: ServiceRequest, project_number: str | None) -> Notice:
    """The notice for a request about to be scheduled under `project_number` (None: an outside
    system is still creating the project; the notice is written again when its number comes).

    A technician gets it in Teams. A 3rd-party provider is not on Teams and the desk has no
    e-mail port, so the notice is the message the requester sends them, with the address.
    """
    dates = date_range(request.start_date, request.end_date)
    requester = _requester(profile, request.requester_id)
    lines = [
        f"Site: {request.site} ({request.site_state})",
        f"Dates: {dates}",
        f"Scope: {request.scope}",
        f"BestPack project: {project_number or pending_project(profile)}",
    ]
    if request.ticket_number:
        lines.append(f"Support ticket: {request.ticket_number}")
    if request.in_house:
        assert request.technician_id is not None  # the workflow requires one on this path
        name = name_of(profile, request.technician_id)
        text = "\n".join(
            [f"You are scheduled for on-site service {request.number}.", *lines, requester]
        )
        return Notice(to=name, via=NoticeVia.TEAMS, text=text)
    found = provider(profile, request.provider_key)
    company = found.name if found else str(request.provider_key)
    contact = (found.contact_name if found else "") or company
    subject = f"Subject: {profile.company} service {request.number}: {request.site}, {dates}"
    text = "\n".join(
        [
            subject,
            "",
            f"Hello {contact},",
            f"please schedule on-site service for {profile.company}:",
            *(f"- {line}" for line in lines),
            requester,
        ]
    )
    email = found.contact_email if found else None
    return Notice(to=f"{contact} ({company})", via=NoticeVia.REQUESTER, text=text, email=email)


def _requester(profile: Profile, person_id: str) -> str:
    try:
        person = profile.person(person_id)
    except KeyError:
        return f"Questions: {person_id}."
    return f"Questions: {person.name}, {person.title} ({person.email})."
