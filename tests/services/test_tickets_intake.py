"""Intake: answers become a draft, drafts are checked, and the acknowledgement clock starts."""

from datetime import UTC, datetime
from typing import Any

import pytest

from services.tickets import TicketDraft, TicketRuleError, check_draft, draft_from_answers
from services.tickets.intake import acknowledge_due
from tests.harness.domain import BESTPACK, MONDAY_9AM, bestpack_variant

ANSWERS = {
    "company": "Acme Foods",
    "contact_name": "Jane Roe",
    "phone": "+1 555 010 0100",
    "email": "jane@acme.example",
    "site_state": "ut",
    "machine_model": "BP-900 Case Sealer",
    "serial_number": "SN-4711",
    "machine_complexity": "standard",
    "issue_description": "Sealer stops after every 20 cases.\nAlarm 204 on the HMI.",
    "issue_type": "controls",
    "production_impact": False,
    "priority": "high",
}


def test_intake_answers_fill_the_ticket_columns_and_keep_every_answer() -> None:
    draft = draft_from_answers(BESTPACK, ANSWERS)

    assert draft.subject == "Sealer stops after every 20 cases."
    assert draft.description == ANSWERS["issue_description"]
    assert (draft.company, draft.contact_name) == ("Acme Foods", "Jane Roe")
    assert (draft.contact_email, draft.contact_phone) == ("jane@acme.example", "+1 555 010 0100")
    assert (draft.machine_model, draft.serial_number) == ("BP-900 Case Sealer", "SN-4711")
    assert (draft.issue_type, draft.complexity, draft.priority) == ("controls", "standard", "high")
    assert draft.fields == ANSWERS


def test_answers_fill_the_columns_by_the_role_of_their_field_whatever_its_id() -> None:
    def renamed(data: dict[str, Any]) -> None:
        for spec in data["intake"]:
            spec["id"] = f"q_{spec['id']}"
        for rule in data["rules"]:
            rule["field"] = f"q_{rule['field']}"

    answers = {f"q_{key}": value for key, value in ANSWERS.items()}
    draft = draft_from_answers(bestpack_variant(renamed), answers)

    assert draft.description == ANSWERS["issue_description"]
    assert draft.subject == "Sealer stops after every 20 cases."
    assert (draft.contact_email, draft.contact_phone) == ("jane@acme.example", "+1 555 010 0100")
    assert (draft.serial_number, draft.complexity) == ("SN-4711", "standard")
    assert (draft.issue_type, draft.priority) == ("controls", "high")
    assert draft.fields == answers


def test_a_subject_field_gives_the_subject() -> None:
    def with_subject(data: dict[str, Any]) -> None:
        title = {"id": "title", "label": "Title", "kind": "text", "role": "subject"}
        data["intake"].insert(0, title)

    answers = ANSWERS | {"title": " Sealer stops "}
    draft = draft_from_answers(bestpack_variant(with_subject), answers)
    assert (draft.subject, draft.description) == ("Sealer stops", ANSWERS["issue_description"])


def test_a_machine_down_without_a_chosen_priority_is_suggested_urgent() -> None:
    answers = {k: v for k, v in ANSWERS.items() if k != "priority"} | {"production_impact": True}
    assert draft_from_answers(BESTPACK, answers).priority == "urgent"
    answers["production_impact"] = False
    assert draft_from_answers(BESTPACK, answers).priority == "normal"


def test_a_long_first_line_is_shortened_into_the_subject() -> None:
    long_line = "word " * 60
    draft = draft_from_answers(BESTPACK, ANSWERS | {"issue_description": long_line})
    assert len(draft.subject) == 120
    assert draft.subject.endswith("…")


def test_without_a_description_the_subject_names_the_company() -> None:
    draft = draft_from_answers(BESTPACK, {"company": "Acme Foods"})
    assert draft.subject == "Support request from Acme Foods"
    assert draft.description == ""


def test_a_draft_without_a_priority_gets_the_default_one() -> None:
    assert check_draft(TicketDraft(subject=" Jam "), BESTPACK).priority == "normal"
    assert check_draft(TicketDraft(subject=" Jam "), BESTPACK).subject == "Jam"


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (TicketDraft(subject="  "), "A ticket needs a subject"),
        (
            TicketDraft(subject="Jam", priority="p1"),
            "There is no priority 'p1' on the BestPack desk",
        ),
        (TicketDraft(subject="Jam", issue_type="hydraulics"), "no issue type 'hydraulics'"),
        (TicketDraft(subject="Jam", complexity="huge"), "no machine complexity 'huge'"),
    ],
)
def test_a_draft_naming_something_the_profile_lacks_is_refused(
    draft: TicketDraft, message: str
) -> None:
    with pytest.raises(TicketRuleError, match=message):
        check_draft(draft, BESTPACK)


def test_acknowledgement_is_due_one_business_hour_after_intake() -> None:
    assert acknowledge_due(BESTPACK, "low", MONDAY_9AM) == datetime(2026, 11, 30, 18, tzinfo=UTC)
    # Friday 16:30 Pacific: half an hour on Friday, the other half on Monday from 05:00.
    friday = datetime(2026, 12, 5, 0, 30, tzinfo=UTC)
    assert acknowledge_due(BESTPACK, "urgent", friday) == datetime(2026, 12, 7, 13, 30, tzinfo=UTC)
