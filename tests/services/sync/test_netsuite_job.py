"""A service request as the NetSuite project it becomes: the fields the profile asks for, the
customer when the ticket names one, and an external id that is the same on every try."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from services.service_requests import Billing, RequestStatus, ServiceRequest
from services.sync.netsuite.job import COMMENTS_LIMIT, external_id, job_body
from tests.harness.domain import BESTPACK, MONDAY_9AM, bestpack_variant

REQUEST = ServiceRequest(
    id=1,
    number="SR-1001",
    profile="bestpack",
    status=RequestStatus.APPROVED,
    site="Lone Star Snacks, Austin",
    site_state="TX",
    start_date=datetime(2026, 12, 1, tzinfo=UTC).date(),
    end_date=datetime(2026, 12, 3, tzinfo=UTC).date(),
    billing=Billing.BILLABLE,
    scope="Annual preventive maintenance of the BP-500 wrapper",
    requester_id="mary",
    created_at=MONDAY_9AM,
    updated_at=MONDAY_9AM,
    billing_reason="Outside warranty",
    technician_id="jordan",
    ticket_number="BP-1001",
)


def with_projects(**setup) -> object:
    return bestpack_variant(lambda data: data["bp_search"]["netsuite_projects"].update(setup))


def test_the_project_carries_name_dates_subsidiary_billing_and_scope():
    body = job_body(BESTPACK, REQUEST, customer_ref="4711")
    assert body == {
        "companyName": "SR-1001 · Lone Star Snacks, Austin (TX)",
        "startDate": "2026-12-01",
        "projectedEndDate": "2026-12-03",
        "comments": (
            "Service request SR-1001 by Mary, from the Support Desk in Teams.\n"
            "Billing: Billable: the customer pays (Outside warranty)\n"
            "Who goes: Jordan (BestPack service staff)\n"
            "Support ticket: BP-1001\n"
            "Scope: Annual preventive maintenance of the BP-500 wrapper"
        ),
        "parent": {"id": "4711"},
        "subsidiary": {"id": "1"},
        "custentity_sd_billable": True,
    }  # no entityId: BestPack's account numbers its projects itself


def test_non_billable_work_clears_the_checkbox_and_no_customer_means_no_parent():
    body = job_body(BESTPACK, replace(REQUEST, billing=Billing.NON_BILLABLE), customer_ref=None)
    assert body["custentity_sd_billable"] is False
    assert "parent" not in body


def test_an_account_without_auto_numbering_takes_the_request_number_as_project_id():
    profile = with_projects(numbering="request", status="2", expense_type="-2")
    body = job_body(profile, REQUEST, None)
    assert body["entityId"] == "SR-1001"
    assert (body["entityStatus"], body["projectExpenseType"]) == ({"id": "2"}, {"id": "-2"})


def test_a_long_scope_is_what_is_cut_to_netsuites_comment_box():
    body = job_body(BESTPACK, replace(REQUEST, scope="Replace " * 300), None)
    assert len(body["comments"]) == COMMENTS_LIMIT
    assert body["comments"].startswith("Service request SR-1001 by Mary")
    assert "Who goes: Jordan" in body["comments"]


def test_the_external_id_is_stable_and_tells_two_desks_apart():
    kinetic = BESTPACK.model_copy(update={"name": "kinetic"})
    first, again = external_id(BESTPACK, "SR-1001"), external_id(BESTPACK, "SR-1001")
    assert first == again == "bestpack-SR-1001"
    assert external_id(kinetic, "SR-1001") == "kinetic-SR-1001"


@pytest.mark.parametrize(
    "setup",
    [{"subsidiary": "one"}, {"billable_field": "billable"}, {"numbering": "auto"}],
)
def test_a_profile_naming_an_id_netsuite_cannot_have_is_refused(setup):
    with pytest.raises(ValidationError):
        with_projects(**setup)
