"""Service requests in the words the team reads them: dates, who goes, what they are told."""

from __future__ import annotations

from datetime import date

from services.profile import Profile
from services.service_requests.model import Billing, RequestStatus, ServiceRequest
from services.service_requests.providers import DEFAULT_IN_HOUSE, provider
from services.tickets.rules import name_of

# How the profile's [bp_search] projects system is named on cards and in notices.
PROJECT_SYSTEMS = {"netsuite": "NetSuite"}


def billing_label(profile: Profile, billing: Billing | str) -> str:
    """ "Billable: the customer pays" or "Non-billable: BestPack covers it"."""
    if Billing(billing) is Billing.BILLABLE:
        return "Billable: the customer pays"
    return f"Non-billable: {profile.company} covers it"


def project_name(request: ServiceRequest) -> str:
    """The name a request's project goes by: "SR-1001 · Lone Star Snacks, Austin (TX)"."""
    return f"{request.number} · {request.site} ({request.site_state})"


def day(value: date) -> str:
    """A date as people read it: "Tue 1 Dec 2026"."""
    return f"{value:%a} {value.day} {value:%b %Y}"


def date_range(start: date, end: date) -> str:
    """ "Tue 1 Dec 2026" for one day, "Tue 1 Dec 2026 – Wed 2 Dec 2026" for several."""
    return day(start) if start == end else f"{day(start)} – {day(end)}"


def goer(profile: Profile, request: ServiceRequest) -> str:
    """Who goes on site, by name: "Jordan" or "PLC Paramedics"."""
    if request.in_house:
        return name_of(profile, request.technician_id) if request.technician_id else "nobody"
    found = provider(profile, request.provider_key)
    return found.name if found else str(request.provider_key)


def who_goes(profile: Profile, request: ServiceRequest) -> str:
    """ "Jordan (BestPack service staff)" or "PLC Paramedics (3rd-party provider for NJ)"."""
    if request.in_house:
        staff = profile.service.in_house if profile.service else DEFAULT_IN_HOUSE
        return f"{goer(profile, request)} ({staff})"
    return f"{goer(profile, request)} (3rd-party provider for {request.site_state})"


def summary(profile: Profile, request: ServiceRequest) -> str:
    """One line: "non-billable, Acme Foods, Newark (NJ), Tue 1 Dec 2026, by PLC Paramedics"."""
    billing = request.billing.value.replace("_", "-")
    dates = date_range(request.start_date, request.end_date)
    return f"{billing}, {request.site} ({request.site_state}), {dates}, by {goer(profile, request)}"


def told(profile: Profile, request: ServiceRequest) -> str:
    """Who hears of a scheduled request, or who must tell them (a provider not on Teams)."""
    if request.notice_to is None:
        return ""
    if request.in_house:  # said while the notice is queued: it is sent after the answer
        return f"{request.notice_to} gets the notice in Teams."
    at = f" at {request.notice_email}" if request.notice_email else ""
    requester = name_of(profile, request.requester_id)
    return f"{requester} was given the message to send to {request.notice_to}{at}."


def pending_project(profile: Profile) -> str:
    """What a project still being made is called: "being created in NetSuite"."""
    where = PROJECT_SYSTEMS.get(profile.bp_search.projects, "the project system")
    return f"being created in {where}"


def project_label(profile: Profile, request: ServiceRequest) -> str:
    """The request's project: its number, "being created in NetSuite" while a scheduled
    request's project is on its way, else nothing."""
    if request.project_number:
        return request.project_number
    return pending_project(profile) if request.status is RequestStatus.SCHEDULED else ""
