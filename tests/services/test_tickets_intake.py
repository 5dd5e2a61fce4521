"""Intake: answers become a draft, drafts are checked, and the acknowledgement clock starts."""

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from services.tickets import TicketDraft, TicketRuleError, check_draft, draft_from_answers
from services.tickets.intake import acknowledge_due, priority_reason
from services.tickets.titles import TITLE, title
from tests.harness.domain import BESTPACK, MONDAY_9AM, bestpack_variant, make_ticket

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


def test_the_subject_field_gives_the_subject() -> None:
    answers = ANSWERS | {"subject": "  Sealer   stops "}
    draft = draft_from_answers(BESTPACK, answers)
    assert (draft.subject, draft.description) == ("Sealer stops", ANSWERS["issue_description"])


def test_a_machine_down_without_a_chosen_priority_is_suggested_urgent_and_says_why() -> None:
    answers = {k: v for k, v in ANSWERS.items() if k != "priority"} | {"production_impact": True}
    assert draft_from_answers(BESTPACK, answers).priority == "urgent"
    assert priority_reason(BESTPACK, answers, "urgent") == "suggested from Machine down"
    # Triage changed it since: the rule no longer explains the ticket's priority.
    assert priority_reason(BESTPACK, answers, "high") is None
    answers["production_impact"] = False
    assert draft_from_answers(BESTPACK, answers).priority == "normal"
    assert priority_reason(BESTPACK, answers, "normal") is None


def test_a_priority_the_filer_chose_stands_and_needs_no_reason() -> None:
    answers = ANSWERS | {"production_impact": True, "priority": "normal"}
    assert draft_from_answers(BESTPACK, answers).priority == "normal"
    assert priority_reason(BESTPACK, answers, "normal") is None


def test_without_a_subject_the_title_is_the_first_sentence_cut_at_a_word() -> None:
    said = "Infeed conveyor on line three jams whenever the night shift operator changes the film "
    draft = draft_from_answers(BESTPACK, ANSWERS | {"issue_description": f"{said}roll. E42."})
    assert (
        draft.subject
        == "Infeed conveyor on line three jams whenever the night shift operator changes…"
    )
    short = draft_from_answers(BESTPACK, ANSWERS | {"issue_description": "Jams. Alarm E42."})
    assert short.subject == "Jams."
    long_line = "conveyor " * 60
    cut = draft_from_answers(BESTPACK, ANSWERS | {"issue_description": long_line}).subject
    assert len(cut) <= TITLE and cut.endswith("conveyor…")


def test_an_old_ticket_titled_by_its_description_cut_mid_word_reads_as_a_summary() -> None:
    description = "The sealer stops after every twenty cases. Alarm 204 shows on the HMI then."
    old = make_ticket(subject=description[:30] + "…", description=description)
    assert old.subject == "The sealer stops after every t…"
    assert title(old) == "The sealer stops after every twenty cases."
    typed = replace(old, subject="Sealer stops every 20 cases")
    assert title(typed) == "Sealer stops every 20 cases"


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
