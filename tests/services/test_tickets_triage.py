"""Processes 1 and 2 without a database: classify, acknowledge and assign."""

from datetime import timedelta
from typing import Any

import pytest

from services.tickets import EventKind, TicketRuleError, TicketStatus
from services.tickets.workflow import acknowledge, assign, classify
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    bestpack_variant,
    closed_by,
    make_ticket,
    only_event,
)

LATER = MONDAY_9AM + timedelta(minutes=20)


def test_mary_assigns_a_controls_ticket_to_kevin() -> None:
    ticket, events = assign(make_ticket(), "mary", BESTPACK, LATER, assignee_id="kevin")

    assert (ticket.status, ticket.assignee_id) == (TicketStatus.ASSIGNED, "kevin")
    assert (ticket.updated_at, ticket.status_changed_at) == (LATER, LATER)
    (event,) = events
    assert (event.kind, event.actor_id, event.at, event.body) == (
        EventKind.ASSIGNED,
        "mary",
        LATER,
        None,
    )
    assert event.before == {"status": "new", "assignee_id": None}
    assert event.after == {"status": "assigned", "assignee_id": "kevin"}


def test_someone_without_the_skills_routing_asks_for_is_refused_without_a_reason() -> None:
    with pytest.raises(TicketRuleError) as refused:
        assign(make_ticket(), "mary", BESTPACK, LATER, assignee_id="jordan")

    assert refused.value.message == (
        "Jordan lacks PLC (needed for PLC, programming or HMI — Standard machine). "
        "Give an override reason to assign BP-1001 to Jordan anyway."
    )


def test_an_override_reason_assigns_anyway_and_the_event_keeps_what_was_overridden() -> None:
    reason = "Kevin is on leave; Jordan is on site at Acme this week."
    change = assign(
        make_ticket(), "mary", BESTPACK, LATER, assignee_id="jordan", override_reason=f" {reason} "
    )

    assert change.ticket.assignee_id == "jordan"
    event = only_event(change)
    assert event.body == reason
    assert event.after is not None
    assert event.after["override"] == {"missing_skills": ["plc"], "works_tickets": True}


def test_a_blank_override_reason_is_no_reason() -> None:
    with pytest.raises(TicketRuleError, match="Give an override reason"):
        assign(make_ticket(), "mary", BESTPACK, LATER, assignee_id="jordan", override_reason="  ")


def test_routing_follows_the_machine_complexity() -> None:
    custom = make_ticket(issue_type="mechanical", complexity="custom")
    needs = r"Jordan lacks Mechanical eng.* \(needed for Mechanical — Custom"
    with pytest.raises(TicketRuleError, match=needs):
        assign(custom, "mary", BESTPACK, LATER, assignee_id="jordan")
    assert assign(custom, "mary", BESTPACK, LATER, assignee_id="ezechiel").ticket.assignee_id
    standard = make_ticket(issue_type="mechanical", complexity="standard")
    assert assign(standard, "mary", BESTPACK, LATER, assignee_id="jordan").ticket.assignee_id


def test_someone_who_does_not_work_tickets_needs_an_override_even_without_skills_needed() -> None:
    other = make_ticket(issue_type="other")
    with pytest.raises(TicketRuleError) as refused:
        assign(other, "mary", BESTPACK, LATER, assignee_id="allison")
    assert refused.value.message == (
        "Allison cannot be assigned tickets: no role of theirs grants work_tickets. "
        "Give an override reason to assign BP-1001 to Allison anyway."
    )

    change = assign(
        other, "mary", BESTPACK, LATER, assignee_id="allison", override_reason="Owner's call"
    )
    assert only_event(change).after["override"] == {"missing_skills": [], "works_tickets": False}
    # "Other" needs no skill, so anyone who works tickets takes it without an override.
    assert only_event(assign(other, "mary", BESTPACK, LATER, assignee_id="sean")).after == {
        "status": "assigned",
        "assignee_id": "sean",
    }


@pytest.mark.parametrize(
    ("actor", "assignee", "message"),
    [
        ("kevin", "kevin", "Only someone who may assign can assign BP-1001; Kevin may not."),
        ("bob", "kevin", "nobody with the id 'bob' is on the roster"),
        ("mary", "bob", "Nobody with the id 'bob' is on the BestPack team"),
    ],
)
def test_only_assigners_assign_and_only_to_people_on_the_team(
    actor: str, assignee: str, message: str
) -> None:
    with pytest.raises(TicketRuleError, match=message):
        assign(make_ticket(), actor, BESTPACK, LATER, assignee_id=assignee)


def test_reassigning_to_the_same_person_is_refused() -> None:
    with pytest.raises(TicketRuleError, match="BP-1001 is already assigned to Kevin"):
        assign(assigned_to("kevin"), "allison", BESTPACK, LATER, assignee_id="kevin")


@pytest.mark.parametrize(
    ("status", "after"),
    [
        (TicketStatus.IN_PROGRESS, TicketStatus.ASSIGNED),
        (TicketStatus.WAITING_ON_OTHER, TicketStatus.WAITING_ON_OTHER),
        (TicketStatus.ESCALATED, TicketStatus.ESCALATED),
    ],
)
def test_reassigning_restarts_active_work_but_keeps_a_wait(
    status: TicketStatus, after: TicketStatus
) -> None:
    ticket = assigned_to("kevin", status=status)
    change = assign(ticket, "mary", BESTPACK, LATER, assignee_id="sean", override_reason="Wiring")
    assert (change.ticket.status, change.ticket.assignee_id) == (after, "sean")


def test_a_closed_ticket_is_reopened_before_it_is_assigned() -> None:
    with pytest.raises(TicketRuleError, match="BP-1001 is Closed; reopen it before assigning it"):
        assign(closed_by("kevin"), "mary", BESTPACK, LATER, assignee_id="sean")


def test_acknowledging_records_the_time_once() -> None:
    ticket, events = acknowledge(make_ticket(), "mary", BESTPACK, LATER)
    assert ticket.acknowledged_at == LATER
    assert events[0].kind is EventKind.ACKNOWLEDGED
    assert events[0].after == {"acknowledged_at": LATER.isoformat()}

    with pytest.raises(TicketRuleError) as refused:
        acknowledge(ticket, "allison", BESTPACK, LATER + timedelta(minutes=5))
    assert refused.value.message == (
        "BP-1001 was already acknowledged on Mon 30 Nov 2026 09:20 PST."
    )


def test_the_assignee_may_acknowledge_but_other_technicians_may_not() -> None:
    ticket = make_ticket(status=TicketStatus.ASSIGNED, assignee_id="kevin")
    assert acknowledge(ticket, "kevin", BESTPACK, LATER).ticket.acknowledged_at == LATER
    with pytest.raises(TicketRuleError, match="Only the assignee or someone who may triage"):
        acknowledge(ticket, "jordan", BESTPACK, LATER)


def test_triage_raises_the_priority_and_the_acknowledgement_deadline_follows() -> None:
    def faster_urgent(data: dict[str, Any]) -> None:
        next(t for t in data["sla"]["targets"] if t["priority"] == "urgent")["acknowledge"] = 30

    profile = bestpack_variant(faster_urgent)
    ticket, events = classify(make_ticket(), "mary", profile, LATER, priority="urgent")

    assert ticket.priority == "urgent"
    assert ticket.ack_due_at == MONDAY_9AM + timedelta(minutes=30)
    assert events[0].before == {
        "priority": "normal",
        "ack_due_at": (MONDAY_9AM + timedelta(hours=1)).isoformat(),
    }
    # Once acknowledged, the deadline is history and stays put.
    acknowledged = make_ticket(acknowledged_at=MONDAY_9AM + timedelta(minutes=5))
    ticket, events = classify(acknowledged, "mary", profile, LATER, priority="urgent")
    assert ticket.ack_due_at == acknowledged.ack_due_at
    assert events[0].after == {"priority": "urgent"}


def test_a_new_priority_keeps_the_time_already_paused() -> None:
    def faster_urgent(data: dict[str, Any]) -> None:
        next(t for t in data["sla"]["targets"] if t["priority"] == "urgent")["acknowledge"] = 30

    profile = bestpack_variant(faster_urgent)
    # Waited on the customer 09:05-09:15 (10 business minutes), then back in progress.
    resumed = make_ticket(sla_paused_minutes=10.0, ack_due_at=MONDAY_9AM + timedelta(minutes=70))
    ticket, events = classify(resumed, "mary", profile, LATER, priority="urgent")
    due = MONDAY_9AM + timedelta(minutes=40)  # urgent: 30 business minutes, plus the 10 paused
    assert ticket.ack_due_at == due
    # The event tells the due time the ticket is stored with, not one that forgets the pause.
    assert events[0].after == {"priority": "urgent", "ack_due_at": due.isoformat()}


def test_classifying_checks_the_keys_and_wants_a_change() -> None:
    ticket, events = classify(
        make_ticket(), "mary", BESTPACK, LATER, issue_type="electrical", complexity="standard"
    )
    assert (ticket.issue_type, events[0].after) == ("electrical", {"issue_type": "electrical"})
    with pytest.raises(TicketRuleError, match="already has that priority and classification"):
        classify(ticket, "mary", BESTPACK, LATER, issue_type="electrical")
    with pytest.raises(TicketRuleError, match="There is no issue type 'hydraulics'"):
        classify(ticket, "mary", BESTPACK, LATER, issue_type="hydraulics")
    with pytest.raises(TicketRuleError, match="Only someone who may triage can classify BP-1001"):
        classify(ticket, "jordan", BESTPACK, LATER, priority="low")
