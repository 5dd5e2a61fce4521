"""Process 8 without a database: resolve, close on confirmation or silence, auto-close, reopen."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.tickets import (
    SYSTEM_ACTOR,
    Confirmation,
    ConfirmationChannel,
    EventKind,
    TicketRuleError,
    TicketStatus,
)
from services.tickets.workflow import (
    auto_close,
    auto_close_refusal,
    business_days_without_answer,
    close,
    resolve,
)
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    bestpack_variant,
    make_ticket,
    only_event,
    resolved_by,
    weekdays_later,
)

S = TicketStatus
JANE_BY_PHONE = Confirmation(confirmed_by="Jane Roe (Acme)", via=ConfirmationChannel.PHONE)
FIVE_DAYS_LATER = weekdays_later(5)  # the following Monday, 09:00


def test_a_ticket_resolved_without_a_summary_is_refused() -> None:
    ticket = assigned_to("kevin", status=S.IN_PROGRESS)
    with pytest.raises(TicketRuleError) as refused:
        resolve(ticket, "kevin", BESTPACK, MONDAY_9AM, "   ")
    assert refused.value.message == (
        "BP-1001 cannot be resolved without a resolution summary: say what fixed it."
    )


def test_kevin_resolves_his_ticket_with_a_summary() -> None:
    ticket = assigned_to("kevin", status=S.IN_PROGRESS)
    resolved = resolve(ticket, "kevin", BESTPACK, MONDAY_9AM, " Replaced the I/O card. ")

    assert resolved.ticket.status is S.RESOLVED
    assert resolved.ticket.resolved_at == MONDAY_9AM
    event = only_event(resolved)
    assert (event.kind, event.body) == (EventKind.RESOLVED, "Replaced the I/O card.")


def test_only_the_assignee_or_someone_who_may_resolve_any_ticket_resolves() -> None:
    ticket = assigned_to("kevin", number="BP-1003", status=S.IN_PROGRESS)
    with pytest.raises(TicketRuleError) as refused:
        resolve(ticket, "sean", BESTPACK, MONDAY_9AM, "Fixed")
    assert refused.value.message == (
        "Only the assignee (Kevin) or someone who may resolve any ticket can resolve BP-1003."
    )
    assert resolve(ticket, "allison", BESTPACK, MONDAY_9AM, "Fixed").ticket.status is S.RESOLVED


def test_an_unassigned_ticket_is_resolved_only_by_someone_who_may_resolve_any() -> None:
    with pytest.raises(TicketRuleError, match="BP-1001 has no assignee, so only someone who may"):
        resolve(make_ticket(), "mary", BESTPACK, MONDAY_9AM, "Answered on the phone")
    assert resolve(make_ticket(), "allison", BESTPACK, MONDAY_9AM, "Answered").ticket.resolved_at


def test_a_confirmed_fix_closes_at_once_and_the_event_says_who_confirmed_and_how() -> None:
    closed_at = MONDAY_9AM + timedelta(hours=1)
    ticket, events = close(
        resolved_by("kevin"), "kevin", BESTPACK, closed_at, confirmation=JANE_BY_PHONE
    )

    assert (ticket.status, ticket.closed_at) == (S.CLOSED, closed_at)
    (event,) = events
    assert event.kind is EventKind.CLOSED
    assert event.after == {
        "status": "closed",
        "closed_at": closed_at.isoformat(),
        "closed_because": "customer_confirmed",
        "confirmed_by": "Jane Roe (Acme)",
        "confirmed_via": "phone",
    }


def test_a_confirmation_names_the_customer_and_a_known_channel() -> None:
    nobody = Confirmation(confirmed_by=" ", via=ConfirmationChannel.EMAIL)
    with pytest.raises(TicketRuleError, match="Say who at the customer confirmed the fix"):
        close(resolved_by("kevin"), "kevin", BESTPACK, MONDAY_9AM, confirmation=nobody)
    pigeon = Confirmation(confirmed_by="Jane", via="pigeon")  # type: ignore[arg-type]
    with pytest.raises(TicketRuleError, match="'pigeon' is not a way a customer confirms"):
        close(resolved_by("kevin"), "kevin", BESTPACK, MONDAY_9AM, confirmation=pigeon)


def test_without_confirmation_a_ticket_closes_only_after_five_silent_business_days() -> None:
    ticket = resolved_by("kevin")
    almost = FIVE_DAYS_LATER - timedelta(minutes=1)
    with pytest.raises(TicketRuleError) as refused:
        close(ticket, "kevin", BESTPACK, almost)
    assert refused.value.message == (
        "BP-1001 cannot be closed yet: the customer has not confirmed the fix, and only 4.9 of "
        "the 5 business days without an answer have passed."
    )

    closed = close(ticket, "kevin", BESTPACK, FIVE_DAYS_LATER)
    assert only_event(closed).after["closed_because"] == "no_answer"
    assert only_event(closed).after["business_days_without_answer"] == 5.0


def test_business_days_of_silence_skip_weekends_and_holidays() -> None:
    # Resolved Tuesday 22 Dec 2026, 09:00 Pacific; 24-25 Dec are holidays, 26-27 a weekend.
    resolved_at = datetime(2026, 12, 22, 17, 0, tzinfo=UTC)
    ticket = resolved_by("kevin", resolved_at)
    wednesday_30th = datetime(2026, 12, 30, 17, 0, tzinfo=UTC)

    assert business_days_without_answer(ticket, BESTPACK, wednesday_30th) == 4.0
    assert auto_close_refusal(ticket, BESTPACK, wednesday_30th) == (
        "BP-1001 has waited 4.0 of the 5 business days without an answer that close it."
    )
    assert auto_close_refusal(ticket, BESTPACK, wednesday_30th + timedelta(days=1)) is None


def test_the_system_auto_closes_a_silent_resolved_ticket() -> None:
    ticket, events = auto_close(resolved_by("kevin"), BESTPACK, FIVE_DAYS_LATER)
    assert ticket.status is S.CLOSED
    assert (events[0].actor_id, events[0].after["closed_because"]) == (SYSTEM_ACTOR, "no_answer")
    with pytest.raises(TicketRuleError, match=r"has waited 0\.0 of the 5 business days"):
        auto_close(resolved_by("kevin"), BESTPACK, MONDAY_9AM)


def test_tickets_still_being_worked_never_close_by_themselves() -> None:
    ticket = assigned_to("kevin", status=S.IN_PROGRESS)
    assert auto_close_refusal(ticket, BESTPACK, FIVE_DAYS_LATER) == (
        'BP-1001 is In progress; only tickets that are "Waiting on customer" or '
        '"Resolved, awaiting customer confirmation" close by themselves.'
    )
    with pytest.raises(TicketRuleError, match="BP-1001 is In progress; it cannot move to Closed"):
        close(ticket, "kevin", BESTPACK, FIVE_DAYS_LATER, confirmation=JANE_BY_PHONE)


def test_a_silent_wait_on_the_customer_closes_only_with_a_resolution_summary() -> None:
    waiting = assigned_to("kevin", status=S.WAITING_ON_CUSTOMER)
    assert auto_close_refusal(waiting, BESTPACK, FIVE_DAYS_LATER) == (
        "BP-1001 has no resolution summary, so it cannot close by itself; "
        "the assignee must close it with one."
    )
    with pytest.raises(TicketRuleError, match="has no resolution summary yet; resolve it first"):
        close(waiting, "kevin", BESTPACK, FIVE_DAYS_LATER)

    summary = "No reply to three requests for the alarm log; reset advice given."
    ticket, events = close(waiting, "kevin", BESTPACK, FIVE_DAYS_LATER, resolution=summary)
    assert [e.kind for e in events] == [EventKind.RESOLVED, EventKind.CLOSED]
    assert events[0].body == summary
    assert (ticket.resolved_at, ticket.closed_at) == (FIVE_DAYS_LATER, FIVE_DAYS_LATER)
    # The silence counts from when the wait began, not from the summary written just now.
    assert events[1].after["business_days_without_answer"] == 5.0


def test_a_second_resolution_summary_at_closing_is_refused() -> None:
    with pytest.raises(TicketRuleError, match="already has a resolution summary; add a note"):
        close(
            resolved_by("kevin"),
            "kevin",
            BESTPACK,
            MONDAY_9AM,
            confirmation=JANE_BY_PHONE,
            resolution="Also swapped the fuse",
        )


def test_only_the_assignee_or_a_resolver_of_any_ticket_closes() -> None:
    with pytest.raises(TicketRuleError, match=r"Only the assignee \(Kevin\) .* can close BP-1001."):
        close(resolved_by("kevin"), "mary", BESTPACK, MONDAY_9AM, confirmation=JANE_BY_PHONE)


def test_a_desk_that_does_not_ask_the_customer_closes_resolved_tickets_at_once() -> None:
    def no_confirmation(data: dict[str, Any]) -> None:
        data["closure"]["confirm_with_customer"] = False

    change = close(resolved_by("kevin"), "kevin", bestpack_variant(no_confirmation), MONDAY_9AM)
    assert only_event(change).after["closed_because"] == "confirmation_not_required"


def test_where_silence_does_not_count_only_a_confirmation_closes() -> None:
    def silence_only_after_resolving(data: dict[str, Any]) -> None:
        data["closure"]["auto_close_from"] = ["resolved"]

    profile = bestpack_variant(silence_only_after_resolving)
    waiting = assigned_to("kevin", status=S.WAITING_ON_CUSTOMER)
    with pytest.raises(TicketRuleError, match="can only be closed once the customer confirms"):
        close(waiting, "kevin", profile, FIVE_DAYS_LATER, resolution="Gave up")
    confirmed = close(
        waiting,
        "kevin",
        profile,
        MONDAY_9AM,
        resolution="Reset fixed it",
        confirmation=JANE_BY_PHONE,
    )
    assert confirmed.ticket.status is S.CLOSED
