"""A service request as the NetSuite project (REST record `job`) it becomes, and its external id.

Field names are the REST record's (Oracle's Job record reference): `companyName` is the project's
name, `entityId` its project id (numbered by NetSuite unless the profile says otherwise),
`parent` the customer, `projectedEndDate` the planned end (`endDate` is when it really ended).
Which ids go in `subsidiary`, `entityStatus`, `projectExpenseType` and the billable checkbox is
the profile's ([bp_search.netsuite_projects]).
"""

from __future__ import annotations

from typing import Any

from services.profile import Profile
from services.service_requests.model import Billing, ServiceRequest
from services.service_requests.wording import billing_label, project_name, who_goes
from services.tickets.rules import name_of

RECORD = "job"
NAME_LIMIT = 83  # NetSuite's entity names (companyName, entityId)
COMMENTS_LIMIT = 999  # NetSuite's comments box


def external_id(profile: Profile, request_number: str) -> str:
    """The project's external id, the same on every try: "bestpack-SR-1001".

    The profile's name keeps two desks sharing one account apart (each has its own SR-1001);
    NetSuite takes letters, digits, "_" and "-" in an external id, which both parts are.
    """
    return f"{profile.name}-{request_number}"


def job_body(profile: Profile, request: ServiceRequest, customer_ref: str | None) -> dict[str, Any]:
    """The project's fields for an upsert; `customer_ref` is the customer's NetSuite id."""
    setup = profile.bp_search.netsuite_projects
    body: dict[str, Any] = {
        "companyName": project_name(request)[:NAME_LIMIT],
        "startDate": request.start_date.isoformat(),
        "projectedEndDate": request.end_date.isoformat(),
        "comments": comments(profile, request)[:COMMENTS_LIMIT],
    }
    if setup.numbering == "request":
        body["entityId"] = request.number
    if customer_ref:
        body["parent"] = {"id": customer_ref}
    for name, value in (
        ("subsidiary", setup.subsidiary),
        ("entityStatus", setup.status),
        ("projectExpenseType", setup.expense_type),
    ):
        if value is not None:
            body[name] = {"id": value}
    if setup.billable_field is not None:
        body[setup.billable_field] = request.billing is Billing.BILLABLE
    return body


def comments(profile: Profile, request: ServiceRequest) -> str:
    """Billing, who goes and where it came from, then the scope (cut short last, if need be)."""
    billing = billing_label(profile, request.billing)
    if request.billing_reason:
        billing += f" ({request.billing_reason})"
    lines = [
        f"Service request {request.number} by {name_of(profile, request.requester_id)}, "
        "from the Support Desk in Teams.",
        f"Billing: {billing}",
        f"Who goes: {who_goes(profile, request)}",
    ]
    if request.ticket_number:
        lines.append(f"Support ticket: {request.ticket_number}")
    lines.append(f"Scope: {request.scope}")
    return "\n".join(lines)
