"""Process 4's workflow commands: the handoff, the manager's decision, the RCCA, and resolve's
refusal of an escalated ticket without its RCCA."""

from dataclasses import replace
from datetime import timedelta

import pytest

from services.escalations import HANDOFF_FIELDS, EscalationStatus, Rcca, read_handoff
from services.escalations.forms import handoff_prefill, steps_from_notes
from services.escalations.workflow import accept, ask_for_information, escalate, record_rcca
from services.forms import check_answers
from services.forms.answers import MAX_TEXT
from services.tickets import (
    Confirmation,
    ConfirmationChannel,
    EventKind,
    TicketEvent,
    TicketRuleError,
    TicketStatus,
)
from services.tickets.workflow import change_status, close, resolve
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    bestpack_variant,
    only_event,
)
from tests.harness.escalation_domain import HANDOFF, RCCA

AT = MONDAY_9AM + timedelta(hours=2)
DANA = Confirmation("Dana Lee", ConfirmationChannel.PHONE)


def in_progress(person_id: str = "kevin", **overrides):
    """A ticket `person_id` is working on."""
    return assigned_to(person_id, **({"status": TicketStatus.IN_PROGRESS} | overrides))


def handed_off(person_id: str = "kevin"):
    """The escalated ticket and its pending escalation (as if stored under id 7)."""
    ticket, request = escalate(in_progress(person_id), person_id, BESTPACK, AT, HANDOFF)
    return ticket.ticket, replace(request, id=7)


def test_the_handoff_escalates_the_ticket_and_says_what_help_is_needed():
    decision = escalate(in_progress(), "kevin", BESTPACK, AT, HANDOFF)

    ticket, request = decision.change.ticket, decision.escalation
    assert (ticket.status, ticket.escalated, ticket.assignee_id) == (
        TicketStatus.ESCALATED,
        True,
        "kevin",
    )
    event = only_event(decision.change)
    assert (event.kind, event.body) == (EventKind.STATUS_CHANGED, HANDOFF.help_needed)
    assert event.after == {
        "status": "escalated",
        "escalated": True,
        "escalation": "requested",
        "urgency": "high",
    }
    assert (request.status, request.requested_by, request.handoff) == (
        EscalationStatus.REQUESTED,
        "kevin",
        HANDOFF,
    )


def test_an_incomplete_handoff_is_refused_naming_every_missing_part():
    blank = replace(HANDOFF, software_versions=" ", containment="", help_needed="")
    with pytest.raises(TicketRuleError) as refusal:
        escalate(in_progress(), "kevin", BESTPACK, AT, blank)
    assert str(refusal.value) == (
        "BP-1001 cannot go to Engineering yet: the handoff has no software versions, "
        "containment in place and what help is needed."
    )


@pytest.mark.parametrize(
    ("ticket", "actor", "refusal"),
    [
        (
            in_progress(),
            "jordan",
            "Only the assignee (Kevin) or someone who may resolve any ticket can escalate BP-1001.",
        ),
        (
            in_progress(escalated=True),
            "kevin",
            "BP-1001 is already with Engineering.",
        ),
        (
            in_progress(status=TicketStatus.WAITING_ON_OTHER),
            "kevin",
            "BP-1001 is Waiting on parts; it cannot move to Escalated to Engineering.",
        ),
    ],
)
def test_only_the_worker_escalates_a_ticket_being_worked_once(ticket, actor, refusal):
    with pytest.raises(TicketRuleError) as refused:
        escalate(ticket, actor, BESTPACK, AT, HANDOFF)
    assert str(refused.value) == refusal


def test_nothing_is_escalated_where_nobody_may_accept_escalations():
    def no_taker(data):
        for role in data["roles"]:
            role["capabilities"] = [c for c in role["capabilities"] if c != "accept_escalation"]

    with pytest.raises(TicketRuleError, match="Nobody on the BestPack team may accept escalations"):
        escalate(in_progress(), "kevin", bestpack_variant(no_taker), AT, HANDOFF)


def test_the_form_is_checked_like_the_card_and_names_each_missing_field():
    answers = HANDOFF.answers() | {"containment": "", "urgency": "someday"}
    handoff, errors = read_handoff(BESTPACK, answers)
    assert handoff is None
    assert errors == {
        "containment": "Containment in place is required.",
        "urgency": "Choose one of the options listed for Urgency.",
    }
    assert read_handoff(BESTPACK, HANDOFF.answers()) == (HANDOFF, {})


def test_allison_accepts_and_the_engineer_she_picks_becomes_the_assignee():
    ticket, request = handed_off()

    decision = accept(ticket, request, "allison", BESTPACK, AT, engineer_id="sean", note="Drive?")

    # Accepted, the ticket is worked again: Escalated only means waiting for this answer.
    assert (decision.change.ticket.assignee_id, decision.change.ticket.status) == (
        "sean",
        TicketStatus.IN_PROGRESS,
    )
    event = only_event(decision.change)
    assert (event.kind, event.body) == (
        EventKind.ASSIGNED,
        "Escalation accepted: Sean owns the engineering. Drive?",
    )
    assert event.after == {
        "assignee_id": "sean",
        "status": "in_progress",
        "escalation": "accepted",
        "engineering_owner": "sean",
    }
    assert decision.escalation == replace(
        request,
        status=EscalationStatus.ACCEPTED,
        decided_by="allison",
        decided_at=AT,
        engineer_id="sean",
        reply="Drive?",
    )


def test_when_kevin_stays_on_the_customer_sean_owns_the_engineering_and_kevin_keeps_it():
    ticket, request = handed_off()

    decision = accept(
        ticket, request, "allison", BESTPACK, AT, engineer_id="sean", keep_assignee=True
    )

    assert (decision.change.ticket.assignee_id, decision.change.ticket.status) == (
        "kevin",
        TicketStatus.IN_PROGRESS,
    )
    event = only_event(decision.change)
    # Not an assignment: the scorecard keeps counting the ticket as Kevin's.
    assert (event.kind, event.body) == (
        EventKind.STATUS_CHANGED,
        "Escalation accepted: Sean owns the engineering; Kevin stays on it",
    )
    assert "assignee_id" not in event.after
    assert decision.escalation.engineer_id == "sean"
    # Sean records the RCCA as its engineering owner; Kevin, the assignee, may too.
    accepted = decision.change.ticket
    assert (
        record_rcca(accepted, decision.escalation, "sean", BESTPACK, AT, RCCA)[1].recorded_by
        == "sean"
    )
    assert (
        record_rcca(accepted, decision.escalation, "kevin", BESTPACK, AT, RCCA)[1].recorded_by
        == "kevin"
    )


def test_kevin_may_be_picked_to_own_the_engineering_of_his_own_handoff():
    ticket, request = handed_off()

    decision = accept(ticket, request, "allison", BESTPACK, AT, engineer_id="kevin")

    assert decision.change.ticket.assignee_id == "kevin"
    assert only_event(decision.change).kind is EventKind.STATUS_CHANGED


@pytest.mark.parametrize(
    ("actor", "engineer", "refusal"),
    [
        ("jordan", "sean", "Only someone who may accept escalation can accept the escalation"),
        ("allison", "jordan", "Jordan does not take escalations; pick one of the engineers"),
        ("allison", "mary", "Mary does not take escalations; pick one of the engineers offered."),
        ("allison", "nobody", "Nobody with the id 'nobody' is on the BestPack team."),
    ],
)
def test_accepting_needs_the_capability_and_an_engineer(actor, engineer, refusal):
    ticket, request = handed_off()
    with pytest.raises(TicketRuleError, match=refusal):
        accept(ticket, request, actor, BESTPACK, AT, engineer_id=engineer)


def test_while_engineering_has_not_answered_the_ticket_does_not_move():
    ticket, _ = handed_off()
    waits = (
        "BP-1001 is waiting for Allison to accept the escalation or ask for more information; "
        "until then it stays Escalated to Engineering."
    )

    with pytest.raises(TicketRuleError) as back_to_work:
        change_status(ticket, "kevin", BESTPACK, AT, TicketStatus.IN_PROGRESS)
    with pytest.raises(TicketRuleError) as resolved:
        resolve(ticket, "allison", BESTPACK, AT, "Fixed it meanwhile")

    assert str(back_to_work.value) == str(resolved.value) == waits


def test_a_decided_escalation_is_not_decided_again():
    ticket, request = handed_off()
    accepted = accept(ticket, request, "allison", BESTPACK, AT, engineer_id="sean")

    with pytest.raises(
        TicketRuleError, match="Allison already accepted this escalation of BP-1001"
    ):
        ask_for_information(
            accepted.change.ticket, accepted.escalation, "allison", BESTPACK, AT, "Which PLC?"
        )


def test_asking_for_more_sends_the_ticket_back_to_troubleshooting():
    ticket, request = handed_off()
    with pytest.raises(TicketRuleError, match="Say what Engineering needs to know"):
        ask_for_information(ticket, request, "allison", BESTPACK, AT, "  ")

    decision = ask_for_information(ticket, request, "allison", BESTPACK, AT, "Which PLC program?")

    returned = decision.change.ticket
    assert (returned.status, returned.escalated, returned.assignee_id) == (
        TicketStatus.IN_PROGRESS,
        False,
        "kevin",
    )
    assert only_event(decision.change).body == (
        "Engineering needs more information: Which PLC program?"
    )
    assert (decision.escalation.status, decision.escalation.reply) == (
        EscalationStatus.INFO_REQUESTED,
        "Which PLC program?",
    )


def test_the_rcca_is_recorded_by_whoever_works_the_escalated_ticket():
    ticket, request = handed_off()
    ticket = accept(ticket, request, "allison", BESTPACK, AT, engineer_id="sean").change.ticket

    with pytest.raises(TicketRuleError, match="Only the assignee \\(Sean\\)"):
        record_rcca(ticket, request, "kevin", BESTPACK, AT, RCCA)
    with pytest.raises(TicketRuleError) as missing:
        record_rcca(ticket, request, "sean", BESTPACK, AT, {"root_cause": "Loose bracket"})
    assert str(missing.value) == (
        "The RCCA of BP-1001 needs its corrective action and preventive action."
    )
    change, rcca = record_rcca(ticket, request, "sean", BESTPACK, AT, RCCA)

    assert only_event(change).kind is EventKind.RCCA
    assert only_event(change).after == RCCA
    assert rcca == Rcca(**RCCA, recorded_by="sean", recorded_at=AT, escalation_id=7, ticket_id=1)


def test_a_ticket_that_was_not_escalated_has_no_rcca():
    with pytest.raises(TicketRuleError, match="BP-1001 was not escalated to Engineering"):
        record_rcca(in_progress(), None, "kevin", BESTPACK, AT, RCCA)


def test_an_escalated_ticket_is_resolved_only_with_its_whole_rcca():
    ticket = in_progress("sean", escalated=True)
    with pytest.raises(TicketRuleError) as refusal:
        resolve(ticket, "sean", BESTPACK, AT, "New bracket fitted")
    assert str(refusal.value) == (
        "BP-1001 was escalated to Engineering, so it cannot be resolved without its RCCA: "
        "record its root cause, corrective action and preventive action first "
        "(the ticket's RCCA button, or `rcca BP-1001`)."
    )
    partial = Rcca("Loose bracket", "New bracket", " ", "sean", AT)
    with pytest.raises(TicketRuleError, match="record its preventive action first"):
        resolve(ticket, "sean", BESTPACK, AT, "New bracket fitted", rcca=partial)
    whole = Rcca(**RCCA, recorded_by="sean", recorded_at=AT)

    resolved = resolve(ticket, "sean", BESTPACK, AT, "New bracket fitted", rcca=whole)

    assert resolved.ticket.status is TicketStatus.RESOLVED
    assert resolve(in_progress("sean"), "sean", BESTPACK, AT, "Fixed").ticket.resolved_at == AT


def test_closing_an_unresolved_escalated_ticket_needs_the_rcca_too():
    waiting = in_progress("sean", escalated=True, status=TicketStatus.WAITING_ON_CUSTOMER)
    with pytest.raises(TicketRuleError, match="cannot be resolved without its RCCA"):
        close(waiting, "sean", BESTPACK, AT, resolution="New bracket", confirmation=DANA)
    whole = Rcca(**RCCA, recorded_by="sean", recorded_at=AT)

    closed = close(
        waiting, "sean", BESTPACK, AT, resolution="New bracket", confirmation=DANA, rcca=whole
    )

    assert [e.kind for e in closed.events] == [EventKind.RESOLVED, EventKind.CLOSED]


def test_the_steps_tried_keep_the_latest_notes_that_fit_the_form():
    notes = [
        TicketEvent(EventKind.NOTE, "kevin", AT, body=f"Step {i}: " + "checked the wiring " * 20)
        for i in range(30)
    ]
    other = TicketEvent(EventKind.STATUS_CHANGED, "kevin", AT, body="Waiting on parts")

    steps = steps_from_notes([*notes, other])

    lines = steps.splitlines()
    assert len(steps) <= MAX_TEXT
    assert lines[-1].startswith("- Step 29: checked the wiring")
    assert lines[0].startswith(f"- Step {30 - len(lines)}:")
    assert check_answers(BESTPACK, HANDOFF_FIELDS[1:2], {"steps_tried": steps}).ok


def test_a_handoff_sent_back_fills_the_form_in_again():
    ticket, request = handed_off()
    returned = ask_for_information(ticket, request, "allison", BESTPACK, AT, "Which PLC?")
    assert handoff_prefill(ticket, [], returned.escalation) == HANDOFF.answers()
    assert handoff_prefill(in_progress(), [], None) == {
        "symptoms": "HMI shows alarm 204 after restart",
        "urgency": "normal",
    }
