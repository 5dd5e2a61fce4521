"""Example renderings of the service request cards (process 6)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from cards.service import service_approval_card, service_request_card
from cards.service_form import service_cancelled_card, service_form_card
from services.profile import load_profile
from services.service_requests import Billing, RequestStatus, ServiceRequest
from services.service_requests.forms import service_fields
from services.service_requests.notices import notice_for
from services.service_requests.workflow import schedule

PROFILE = load_profile("bestpack")
AT = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
LONG_SCOPE = "Replace the infeed belt, realign the photo-eyes and retrain the night shift. " * 50
WAITING = ServiceRequest(
    id=1,
    number="SR-1001",
    profile="bestpack",
    status=RequestStatus.AWAITING_APPROVAL,
    site="Acme Foods, Newark plant",
    site_state="NJ",
    start_date=date(2026, 12, 1),
    end_date=date(2026, 12, 2),
    billing=Billing.NON_BILLABLE,
    scope=LONG_SCOPE,
    requester_id="mary",
    created_at=AT,
    updated_at=AT,
    billing_reason="Warranty: the belt failed within 90 days of installation. " * 10,
    provider_key="plc_paramedics",
    ticket_number="BP-1001",
)
APPROVED = replace(
    WAITING, status=RequestStatus.APPROVED, decided_by="allison", decided_at=AT + timedelta(hours=1)
)
BY_PROVIDER = schedule(
    APPROVED, AT, "PRJ-2026-0001", notice_for(PROFILE, APPROVED, "PRJ-2026-0001")
)
IN_HOUSE = replace(
    APPROVED,
    site_state="TX",
    provider_key=None,
    technician_id="jordan",
    billing=Billing.BILLABLE,
    billing_reason="",
    scope="Annual preventive maintenance.",
)
BY_JORDAN = schedule(IN_HOUSE, AT, "PRJ-2026-0002", notice_for(PROFILE, IN_HOUSE, "PRJ-2026-0002"))
REJECTED = replace(
    WAITING,
    status=RequestStatus.REJECTED,
    decided_by="allison",
    decided_at=AT,
    decision_reason="The warranty ran out in March; quote it as billable. " * 10,
)
TYPED = {
    "site": "Acme Foods, Newark plant",
    "site_state": "nj",
    "start_date": "2026-12-02",
    "end_date": "2026-12-01",
    "billing": "non_billable",
    "billing_reason": "",
    "scope": LONG_SCOPE,
    "technician": "jordan",
    "ticket": "BP-99999",
}

EXAMPLES = {
    "service_form_card": [
        lambda: service_form_card(PROFILE, "f" * 32),
        lambda: service_form_card(
            PROFILE,
            "f" * 32,
            TYPED,
            {
                spec.id: f"{spec.label} is wrong in a long way. " * 5
                for spec in service_fields(PROFILE)
            }
            | {"": "Only someone who may schedule service can request it; Jordan may not."},
        ),
    ],
    "service_cancelled_card": [service_cancelled_card],
    "service_request_card": [
        lambda: service_request_card(PROFILE, WAITING, headline="Waiting for Allison's approval."),
        lambda: service_request_card(
            PROFILE,
            BY_PROVIDER,
            headline="Allison approved it; it is scheduled.",
            lines=["This form was already submitted; this is the request it made."],
        ),
        lambda: service_request_card(PROFILE, BY_JORDAN, headline="You are scheduled on site"),
        lambda: service_request_card(PROFILE, REJECTED, headline="Rejected."),
    ],
    "service_approval_card": [lambda: service_approval_card(PROFILE, WAITING)],
}
