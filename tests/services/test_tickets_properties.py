"""Whatever anyone tries in whatever order, the workflow's invariants hold after every step."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from services.tickets import (
    Change,
    Confirmation,
    ConfirmationChannel,
    EventKind,
    Ticket,
    TicketRuleError,
    TicketStatus,
    Visibility,
)
from services.tickets import workflow as w
from services.tickets.statuses import can_move
from tests.harness.domain import BESTPACK, MONDAY_9AM, make_ticket

P = BESTPACK
PEOPLE = [person.id for person in P.roster] + ["stranger"]
Command = Callable[[Ticket, str, Any, st.DataObject], Change]

COMMANDS: dict[str, Command] = {
    "acknowledge": lambda t, a, now, d: w.acknowledge(t, a, P, now),
    "classify": lambda t, a, now, d: w.classify(
        t, a, P, now, priority=d.draw(st.sampled_from([None, "urgent", "low"]))
    ),
    "assign": lambda t, a, now, d: w.assign(
        t,
        a,
        P,
        now,
        assignee_id=d.draw(st.sampled_from(PEOPLE)),
        override_reason=d.draw(st.sampled_from([None, "Cover"])),
    ),
    "status": lambda t, a, now, d: w.change_status(
        t, a, P, now, d.draw(st.sampled_from(TicketStatus))
    ),
    "note": lambda t, a, now, d: w.add_note(
        t,
        a,
        P,
        now,
        "Checked",
        public=d.draw(st.booleans()),
        minutes=d.draw(st.one_of(st.none(), st.integers(1, 240))),
    ),
    "resolve": lambda t, a, now, d: w.resolve(t, a, P, now, d.draw(st.sampled_from(["", "Fixed"]))),
    "close": lambda t, a, now, d: w.close(
        t,
        a,
        P,
        now,
        confirmation=d.draw(
            st.sampled_from([None, Confirmation("Jane", ConfirmationChannel.PHONE)])
        ),
        resolution=d.draw(st.sampled_from([None, "Gave up"])),
    ),
    "auto_close": lambda t, a, now, d: w.auto_close(t, P, now),
    "reopen": lambda t, a, now, d: w.reopen(
        t, a, P, now, reason="Back", source="customer_report", reported_by="Jane"
    ),
}


def check_step(old: Ticket, change: Change, actor: str, now: Any) -> None:
    """The invariants one successful command must keep."""
    new, events = change
    assert events and all(e.at == now for e in events)
    assert new.updated_at == now and new.version == old.version
    if new.status != old.status:
        assert can_move(old.status, new.status)
        assert new.status_changed_at == now
        assert events[-1].after["status"] == new.status.value
    else:
        assert new.status_changed_at == old.status_changed_at
    if new.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        assert new.resolved_at is not None
    assert (new.closed_at is not None) == (new.status is TicketStatus.CLOSED)
    if old.acknowledged_at is not None:
        assert new.acknowledged_at == old.acknowledged_at
    if old.first_response_at is not None:
        assert new.first_response_at == old.first_response_at
    assert new.reopen_count - old.reopen_count == sum(e.kind is EventKind.REOPENED for e in events)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_sequences_of_commands_keep_every_invariant(data: st.DataObject) -> None:
    ticket, now = make_ticket(), MONDAY_9AM
    timeline = []
    for _ in range(data.draw(st.integers(1, 25), label="steps")):
        # Big jumps too, so silences run past the closure policy's 5 business days.
        now += timedelta(hours=data.draw(st.sampled_from([0, 1, 4, 24, 80, 200])))
        name = data.draw(st.sampled_from(sorted(COMMANDS)), label="command")
        # Mostly people who may act, so walks get far; anyone at all (strangers too) otherwise.
        likely = [ticket.assignee_id or "allison", "allison", "mary"]
        actor = data.draw(st.sampled_from(likely * 3 + PEOPLE), label="actor")
        try:
            change = COMMANDS[name](ticket, actor, now, data)
        except TicketRuleError as refused:
            assert refused.message.endswith((".", ")")) and refused.message[0].isupper()
            continue
        check_step(ticket, change, actor, now)
        event(f"{name} succeeded")  # --hypothesis-show-statistics shows what the walks reach
        ticket = change.ticket
        timeline.extend(change.events)

    notes = [e for e in timeline if e.kind is EventKind.NOTE]
    assert ticket.time_spent_minutes == sum((e.after or {}).get("minutes") or 0 for e in notes)
    public = [e.at for e in notes if e.visibility is Visibility.PUBLIC]
    assert ticket.first_response_at == (public[0] if public else None)
    assert ticket.reopen_count == sum(e.kind is EventKind.REOPENED for e in timeline)
