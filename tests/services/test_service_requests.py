"""Process 6's rules: who goes on site by state, dates, billing, and who may decide."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from services.service_requests import NoticeVia, RequestStatus
from services.service_requests import ServiceRuleError as Refused
from services.service_requests.notices import notice_for
from services.service_requests.providers import dispatch_for
from services.service_requests.workflow import (
    approve,
    draft_problems,
    file_request,
    local_today,
    reject,
    schedule,
)
from tests.harness.domain import BESTPACK, MONDAY_9AM, bestpack_variant
from tests.harness.service_domain import DRAFT, IN_HOUSE

TODAY = local_today(BESTPACK, MONDAY_9AM)  # Mon 30 Nov 2026 in Pacific time


@pytest.mark.parametrize(
    ("state", "goes"),
    [
        ("NJ", "PLC Paramedics"),
        ("dc", "PLC Paramedics"),
        ("IL", "Best Packaging"),
        ("WI", "Best Packaging"),
        ("UT", "Vanpack"),
        ("TX", "BestPack service staff"),
        ("KY", "BestPack service staff"),
    ],
)
def test_the_site_state_decides_who_goes(state: str, goes: str):
    assert dispatch_for(BESTPACK, state).label == goes


def test_a_state_that_is_not_one_is_refused():
    with pytest.raises(Refused, match="'XX' is not a US state"):
        dispatch_for(BESTPACK, "XX")


def test_a_clean_draft_has_no_problems_and_a_bad_one_names_each_field():
    assert draft_problems(BESTPACK, DRAFT, TODAY) == {}
    bad = replace(
        DRAFT, start_date=date(2026, 11, 29), end_date=date(2026, 11, 28), billing_reason=" "
    )
    problems = draft_problems(BESTPACK, bad, TODAY)
    assert problems == {
        "start_date": "The start date is in the past; today is Mon 30 Nov 2026.",
        "end_date": "The end date is before the start date.",
        "billing_reason": (
            "Say why this work is non-billable: the engineering manager decides on it."
        ),
    }


def test_today_is_allowed_and_one_day_is_a_visit():
    assert draft_problems(BESTPACK, replace(DRAFT, start_date=TODAY, end_date=TODAY), TODAY) == {}


def test_our_own_staff_need_a_technician_who_works_tickets_a_provider_does_not():
    no_one = replace(IN_HOUSE, technician_id=None)
    assert "pick the technician" in draft_problems(BESTPACK, no_one, TODAY)["technician"]
    mary = replace(IN_HOUSE, technician_id="mary")  # on the roster, but does not work tickets
    assert draft_problems(BESTPACK, mary, TODAY) == {
        "technician": "Pick a technician from the list."
    }
    provider = file_request(replace(DRAFT, technician_id="jordan"), "mary", BESTPACK, MONDAY_9AM)
    assert (provider.provider_key, provider.technician_id) == ("plc_paramedics", None)


def test_non_billable_work_waits_for_approval_billable_work_does_not():
    waiting = file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM)
    assert (waiting.status, waiting.site_state) == (RequestStatus.AWAITING_APPROVAL, "NJ")
    billable = file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM)
    assert (billable.status, billable.decided_by) == (RequestStatus.APPROVED, None)
    with pytest.raises(Refused, match="is billable; it needs nobody's approval"):
        approve(replace(billable, number="SR-1002"), "allison", BESTPACK, MONDAY_9AM)


def test_only_who_may_schedule_service_files_a_request():
    with pytest.raises(Refused, match="Jordan may not"):
        file_request(IN_HOUSE, "jordan", BESTPACK, MONDAY_9AM)


def test_only_the_approver_decides_and_only_once():
    waiting = replace(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), number="SR-1001")
    for person in ("mary", "kevin", "nobody"):
        with pytest.raises(Refused):
            approve(waiting, person, BESTPACK, MONDAY_9AM)
    with pytest.raises(Refused, match=r"\(Allison\) can reject SR-1001; Mary may not"):
        reject(waiting, "mary", BESTPACK, MONDAY_9AM, "no")
    with pytest.raises(Refused, match="Say why you reject SR-1001"):
        reject(waiting, "allison", BESTPACK, MONDAY_9AM, "  ")
    approved = approve(waiting, "allison", BESTPACK, MONDAY_9AM)
    assert (approved.status, approved.decided_by) == (RequestStatus.APPROVED, "allison")
    with pytest.raises(Refused, match="SR-1001 was already approved by Allison on Mon 30 Nov"):
        reject(approved, "allison", BESTPACK, MONDAY_9AM, "changed my mind")


def test_a_profile_without_an_approver_cannot_take_non_billable_work():
    def no_approvals(data: dict) -> None:
        for role in data["roles"]:
            role["capabilities"] = [c for c in role["capabilities"] if c != "approve_non_billable"]

    profile = bestpack_variant(no_approvals)
    assert draft_problems(profile, DRAFT, TODAY) == {
        "billing": "Nobody on the roster may approve non-billable work."
    }


def test_a_provider_gets_a_message_for_the_requester_to_send_a_technician_a_teams_notice():
    waiting = replace(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), number="SR-1001")
    approved = approve(waiting, "allison", BESTPACK, MONDAY_9AM)
    notice = notice_for(BESTPACK, approved, "PRJ-2026-0001")
    assert (notice.via, notice.email) == (NoticeVia.REQUESTER, "dispatch@plcparamedics.example")
    assert notice.to == "PLC Paramedics dispatch (PLC Paramedics)"
    assert "Dates: Tue 1 Dec 2026 – Wed 2 Dec 2026" in notice.text
    assert "BestPack project: PRJ-2026-0001" in notice.text
    scheduled = schedule(approved, MONDAY_9AM, "PRJ-2026-0001", notice)
    assert (scheduled.status, scheduled.notice) == (RequestStatus.SCHEDULED, notice.text)
    with pytest.raises(Refused, match="only an approved request is scheduled"):
        schedule(scheduled, MONDAY_9AM, "PRJ-2026-0002", notice)

    billable = replace(file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM), number="SR-1002")
    told = notice_for(BESTPACK, billable, "PRJ-2026-0002")
    assert (told.via, told.to, told.email) == (NoticeVia.TEAMS, "Jordan", None)
    assert told.text.startswith("You are scheduled for on-site service SR-1002.")
