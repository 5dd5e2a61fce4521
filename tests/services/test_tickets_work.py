"""Process 3 without a database: working and waiting, internal and public notes, time spent."""

from datetime import timedelta
from typing import Any

import pytest

from services.tickets import EventKind, TicketRuleError, TicketStatus, Visibility
from services.tickets.workflow import add_note, change_status
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    bestpack_variant,
    closed_by,
    make_ticket,
    only_event,
)

S = TicketStatus
LATER = MONDAY_9AM + timedelta(hours=2)


def test_kevin_starts_work_then_waits_on_parts_by_its_key_then_resumes() -> None:
    started = change_status(assigned_to("kevin"), "kevin", BESTPACK, LATER, S.IN_PROGRESS)
    event = only_event(started)
    assert (event.kind, event.before, event.after) == (
        EventKind.STATUS_CHANGED,
        {"status": "assigned"},
        {"status": "in_progress"},
    )

    waiting = change_status(
        started.ticket, "kevin", BESTPACK, LATER, "waiting_on_parts", note="Relay ordered"
    )
    assert waiting.ticket.status is S.WAITING_ON_OTHER
    assert only_event(waiting).after == {"status": "waiting_on_other"}
    assert only_event(waiting).body == "Relay ordered"

    resumed = change_status(waiting.ticket, "kevin", BESTPACK, LATER, S.IN_PROGRESS)
    assert resumed.ticket.status is S.IN_PROGRESS


def test_waiting_on_the_customer_restarts_the_status_clock() -> None:
    ticket = change_status(assigned_to("kevin"), "kevin", BESTPACK, LATER, S.WAITING_ON_CUSTOMER)
    assert ticket.ticket.status is S.WAITING_ON_CUSTOMER
    assert ticket.ticket.status_changed_at == LATER


def test_only_the_assignee_or_a_resolver_of_any_ticket_changes_the_status() -> None:
    with pytest.raises(TicketRuleError) as refused:
        change_status(assigned_to("kevin"), "jordan", BESTPACK, LATER, S.IN_PROGRESS)
    assert refused.value.message == (
        "Only the assignee (Kevin) or someone who may resolve any ticket "
        "can change the status of BP-1001."
    )
    allowed = change_status(assigned_to("kevin"), "allison", BESTPACK, LATER, S.IN_PROGRESS)
    assert only_event(allowed).actor_id == "allison"


def test_work_does_not_start_before_someone_is_assigned() -> None:
    with pytest.raises(TicketRuleError, match="BP-1001 has no assignee yet; assign it before"):
        change_status(make_ticket(), "allison", BESTPACK, LATER, S.IN_PROGRESS)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (S.RESOLVED, "is not set to Resolved, awaiting customer confirmation directly: resolve"),
        (S.CLOSED, "is not set to Closed directly: close it."),
        (S.ASSIGNED, "is not set to Assigned directly: assign it."),
        ("done", "The BestPack desk has no status 'done'."),
        (S.WAITING_ON_CUSTOMER, "BP-1001 is Closed; it cannot move to Waiting on customer."),
    ],
)
def test_statuses_with_rules_of_their_own_are_not_set_directly(status: str, message: str) -> None:
    with pytest.raises(TicketRuleError, match=message):
        change_status(closed_by("kevin"), "kevin", BESTPACK, LATER, status)


def test_moving_to_the_status_a_ticket_already_has_is_refused() -> None:
    ticket = assigned_to("kevin", status=S.IN_PROGRESS)
    with pytest.raises(TicketRuleError, match="BP-1001 is already In progress"):
        change_status(ticket, "kevin", BESTPACK, LATER, S.IN_PROGRESS)


def test_a_desk_without_a_parts_wait_refuses_it() -> None:
    def no_parts_wait(data: dict[str, Any]) -> None:
        data["statuses"] = [s for s in data["statuses"] if s["key"] != "waiting_on_parts"]
        data["sla"]["paused_statuses"] = ["waiting_on_customer"]

    desk = bestpack_variant(no_parts_wait)
    with pytest.raises(TicketRuleError, match="desk has no status for 'waiting on other'"):
        change_status(assigned_to("kevin"), "kevin", desk, LATER, S.WAITING_ON_OTHER)
    with pytest.raises(TicketRuleError, match="desk has no status 'waiting_on_parts'"):
        change_status(assigned_to("kevin"), "kevin", desk, LATER, "waiting_on_parts")


def test_an_internal_note_is_no_first_response_but_the_first_public_one_is() -> None:
    internal = add_note(assigned_to("kevin"), "kevin", BESTPACK, LATER, "Checked the PLC log.")
    assert internal.ticket.first_response_at is None
    assert only_event(internal).visibility is Visibility.INTERNAL
    assert only_event(internal).after is None

    reply_at = LATER + timedelta(minutes=5)
    public = add_note(internal.ticket, "kevin", BESTPACK, reply_at, "Please resend", public=True)
    assert public.ticket.first_response_at == reply_at
    event = only_event(public)
    assert (event.kind, event.visibility, event.body) == (
        EventKind.NOTE,
        Visibility.PUBLIC,
        "Please resend",
    )
    assert event.after == {"first_response_at": reply_at.isoformat()}

    second = add_note(
        public.ticket, "kevin", BESTPACK, reply_at + timedelta(hours=1), "Thanks!", public=True
    )
    assert second.ticket.first_response_at == reply_at


def test_minutes_logged_on_notes_add_up_per_ticket() -> None:
    ticket = assigned_to("kevin")
    for minutes in (30, None, 45):
        ticket, events = add_note(
            ticket, "kevin", BESTPACK, LATER, "Remote session", minutes=minutes
        )
        expected_after = {"minutes": minutes} if minutes is not None else None
        assert events[0].after == expected_after
    assert ticket.time_spent_minutes == 75


@pytest.mark.parametrize(
    ("body", "minutes", "message"),
    [
        ("  ", None, "A note needs some text."),
        ("Log", 0, "Time spent must be at least one minute"),
        ("Log", -5, "Time spent must be at least one minute"),
        ("Log", 1.5, "Time spent is a whole number of minutes."),
        ("Log", True, "Time spent is a whole number of minutes."),
    ],
)
def test_a_note_needs_text_and_whole_positive_minutes(
    body: str, minutes: Any, message: str
) -> None:
    with pytest.raises(TicketRuleError, match=message):
        add_note(assigned_to("kevin"), "kevin", BESTPACK, LATER, body, minutes=minutes)


def test_anyone_on_the_team_may_note_an_open_ticket_but_nobody_a_closed_one() -> None:
    assert add_note(assigned_to("kevin"), "ezechiel", BESTPACK, LATER, "Part no. 44-120").ticket
    with pytest.raises(TicketRuleError, match="nobody with the id 'acme-jane' is on the roster"):
        add_note(assigned_to("kevin"), "acme-jane", BESTPACK, LATER, "Hello")
    with pytest.raises(TicketRuleError, match="BP-1001 is closed; reopen it to add a note"):
        add_note(closed_by("kevin"), "kevin", BESTPACK, LATER, "One more thing")
