"""Status roles: the profile's statuses play them, stored as Zendesk status + role; moves."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.db.schema import TICKET_STATUSES
from services.tickets import TRANSITIONS, TicketStatus, from_zendesk, to_zendesk
from services.tickets.rules import status_label
from services.tickets.statuses import can_move
from tests.harness.domain import BESTPACK

S = TicketStatus


def test_bestpack_has_one_status_for_every_role() -> None:
    assert [status.role for status in BESTPACK.statuses] == list(S)
    assert BESTPACK.status_for(S.WAITING_ON_OTHER).key == "waiting_on_parts"
    assert status_label(BESTPACK, S.WAITING_ON_OTHER) == "Waiting on parts"


@pytest.mark.parametrize(
    ("role", "zendesk"),
    [
        (S.NEW, "new"),
        (S.ASSIGNED, "open"),
        (S.IN_PROGRESS, "open"),
        (S.ESCALATED, "open"),
        (S.WAITING_ON_CUSTOMER, "pending"),
        (S.WAITING_ON_OTHER, "hold"),
        (S.RESOLVED, "solved"),
        (S.CLOSED, "closed"),
    ],
)
def test_each_role_is_stored_as_the_profiles_zendesk_status_and_the_role(
    role: TicketStatus, zendesk: str
) -> None:
    assert to_zendesk(BESTPACK, role) == (zendesk, role.value)


@given(st.sampled_from(S))
def test_every_role_comes_back_unchanged_from_its_zendesk_form(role: TicketStatus) -> None:
    zendesk, substatus = to_zendesk(BESTPACK, role)
    assert zendesk in TICKET_STATUSES
    assert from_zendesk(BESTPACK, zendesk, substatus) is role


@pytest.mark.parametrize(
    ("zendesk", "substatus", "expected"),
    [
        ("open", None, S.ASSIGNED),
        ("pending", None, S.WAITING_ON_CUSTOMER),
        ("hold", "something_zendesk_added", S.WAITING_ON_OTHER),
        ("hold", "waiting_on_parts", S.WAITING_ON_OTHER),  # a profile key, not a role
        ("solved", "waiting_on_other", S.RESOLVED),  # a substatus contradicting the status loses
    ],
)
def test_a_zendesk_status_without_a_role_it_can_stand_for_gets_the_profiles_first(
    zendesk: str, substatus: str | None, expected: TicketStatus
) -> None:
    assert from_zendesk(BESTPACK, zendesk, substatus) is expected


def test_an_unmapped_zendesk_status_is_an_error() -> None:
    with pytest.raises(ValueError, match="'deleted' is not a Zendesk status the bestpack profile"):
        from_zendesk(BESTPACK, "deleted", None)


def test_closed_tickets_only_come_back_through_a_reopen() -> None:
    assert TRANSITIONS[S.CLOSED] == {S.ASSIGNED, S.NEW}
    assert {s for s in S if can_move(s, S.CLOSED)} == {S.RESOLVED, S.WAITING_ON_CUSTOMER}


def test_nothing_returns_to_new_except_a_reopen_of_an_unassigned_ticket() -> None:
    assert {s for s in S if can_move(s, S.NEW)} == {S.RESOLVED, S.CLOSED}


def test_every_role_is_reachable_from_new_and_can_reach_closed() -> None:
    def reachable(start: TicketStatus) -> set[TicketStatus]:
        seen, todo = {start}, [start]
        while todo:
            for target in TRANSITIONS[todo.pop()] - seen:
                seen.add(target)
                todo.append(target)
        return seen

    assert reachable(S.NEW) == set(S)
    assert all(S.CLOSED in reachable(status) for status in S)
