"""Workflow statuses are stored as Zendesk status + substatus without loss; the moves allowed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.db.schema import TICKET_STATUSES
from services.tickets import TRANSITIONS, TicketStatus, from_zendesk, to_zendesk
from services.tickets.statuses import can_move
from tests.services.test_tickets_helpers import BESTPACK, make_ticket

S = TicketStatus


def test_the_workflow_knows_exactly_the_bestpack_statuses() -> None:
    assert {status.key for status in BESTPACK.statuses} == {status.value for status in S}


@pytest.mark.parametrize(
    ("status", "zendesk", "substatus"),
    [
        (S.NEW, "new", None),
        (S.ASSIGNED, "open", "assigned"),
        (S.IN_PROGRESS, "open", "in_progress"),
        (S.ESCALATED, "open", "escalated"),
        (S.WAITING_ON_CUSTOMER, "pending", "waiting_on_customer"),
        (S.WAITING_ON_PARTS, "hold", "waiting_on_parts"),
        (S.RESOLVED, "solved", "resolved"),
        (S.CLOSED, "closed", None),
    ],
)
def test_each_status_is_stored_as_a_zendesk_status_and_substatus(
    status: TicketStatus, zendesk: str, substatus: str | None
) -> None:
    assert to_zendesk(status) == (zendesk, substatus)
    ticket = make_ticket(status=status)
    assert (ticket.zendesk_status, ticket.substatus) == (zendesk, substatus)


@given(st.sampled_from(S))
def test_every_status_comes_back_unchanged_from_its_zendesk_form(status: TicketStatus) -> None:
    zendesk, substatus = to_zendesk(status)
    assert zendesk in TICKET_STATUSES
    assert from_zendesk(zendesk, substatus) is status


@pytest.mark.parametrize(
    ("zendesk", "substatus", "expected"),
    [
        ("open", None, S.ASSIGNED),
        ("pending", None, S.WAITING_ON_CUSTOMER),
        ("hold", "something_zendesk_added", S.WAITING_ON_PARTS),
        ("solved", "waiting_on_parts", S.RESOLVED),  # a substatus contradicting the status loses
    ],
)
def test_a_zendesk_status_without_a_substatus_we_know_gets_its_default(
    zendesk: str, substatus: str | None, expected: TicketStatus
) -> None:
    assert from_zendesk(zendesk, substatus) is expected


def test_an_unknown_zendesk_status_is_an_error() -> None:
    with pytest.raises(ValueError, match="'deleted' is not a Zendesk ticket status"):
        from_zendesk("deleted", None)


def test_closed_tickets_only_come_back_through_a_reopen() -> None:
    assert TRANSITIONS[S.CLOSED] == {S.ASSIGNED, S.NEW}
    assert {s for s in S if can_move(s, S.CLOSED)} == {S.RESOLVED, S.WAITING_ON_CUSTOMER}


def test_nothing_returns_to_new_except_a_reopen_of_an_unassigned_ticket() -> None:
    assert {s for s in S if can_move(s, S.NEW)} == {S.RESOLVED, S.CLOSED}


def test_every_status_is_reachable_from_new_and_can_reach_closed() -> None:
    def reachable(start: TicketStatus) -> set[TicketStatus]:
        seen, todo = {start}, [start]
        while todo:
            for target in TRANSITIONS[todo.pop()] - seen:
                seen.add(target)
                todo.append(target)
        return seen

    assert reachable(S.NEW) == set(S)
    assert all(S.CLOSED in reachable(status) for status in S)
