"""Mary takes a customer's call and files it with `new ticket`."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from tests.harness.cards import elements, facts, texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, form_id, input_values
from tests.harness.triage import in_chat_of

PACIFIC = ZoneInfo("America/Los_Angeles")


async def test_a_form_with_problems_comes_back_with_the_errors_and_every_value_kept(desk: Desk):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    typed = {**GOOD, "serial_number": "", "phone": "call me maybe"}
    answer = await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **typed)
    card = answer.body["value"]
    assert "Please fix 2 fields below." in texts(card)
    assert "Serial number is required." in texts(card)
    assert any("Enter a phone number" in t for t in texts(card))
    assert input_values(card)["company"] == "Acme Foods"
    assert input_values(card)["phone"] == "call me maybe"
    assert await desk.app[SERVICES].tickets.untriaged_or_unassigned() == []


async def test_a_clean_form_files_one_ticket_and_becomes_its_summary_and_triage_is_told(
    desk: Desk,
):
    mary, kevin = desk.user("Mary"), desk.user("Kevin")
    await mary.says("whoami")
    form = (await kevin.says("new ticket")).last
    answer = await kevin.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
    summary = answer.body["value"]
    assert (
        summary["body"][0]["text"]
        == "Filed BP-1001 · Infeed conveyor jams when the film roll changes."
    )
    # The triage card goes out after this answer: the summary does not claim triage saw it.
    assert "On its way to triage; the acknowledgement is due by the time above." in texts(summary)
    [told] = [s.card for s in in_chat_of(mary, answer) if s.card]
    assert told["body"][0]["text"].startswith("Triage BP-1001")
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.requester_id == "kevin"
    assert (ticket.company, ticket.serial_number, ticket.priority) == (
        "Acme Foods",
        "SN-12345",
        "urgent",
    )
    assert ticket.fields["site_state"] == "nj" and ticket.fields["production_impact"] is True


async def test_triage_filing_gets_one_card_the_triage_card_saying_it_was_filed(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("whoami")
    form = (await mary.says("new ticket")).last
    answer = await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
    card = answer.body["value"]
    assert (
        card["body"][0]["text"]
        == "Triage BP-1001 · Infeed conveyor jams when the film roll changes."
    )
    assert "Filed BP-1001: triage it here." in texts(card)
    assert not any("triage has been told" in t.lower() or "on its way" in t for t in texts(card))
    assert [s for s in in_chat_of(mary, answer) if s.card] == [], "no second copy in her chat"


async def test_a_double_click_or_a_teams_retry_files_one_ticket(desk: Desk):
    kevin = desk.user("Kevin")
    form = (await kevin.says("new ticket")).last
    fid = form_id(form.card)
    first, second = await asyncio.gather(
        kevin.executes(form, SUBMIT_VERB, form_id=fid, **GOOD),
        kevin.executes(form, SUBMIT_VERB, form_id=fid, **GOOD),
    )
    heads = {first.body["value"]["body"][0]["text"], second.body["value"]["body"][0]["text"]}
    assert len(heads) == 1 and next(iter(heads)).startswith("Filed BP-1001")
    retry = await kevin.submits(form, SUBMIT_VERB, form_id=fid, **GOOD)  # as Action.Submit
    assert retry.last.op == "update" and "already submitted" in str(retry.card)
    assert len(await desk.app[SERVICES].tickets.untriaged_or_unassigned()) == 1


async def test_a_priority_left_to_the_rules_follows_machine_down_and_says_so(desk: Desk):
    kevin = desk.user("Kevin")
    form = (await kevin.says("new ticket")).last
    answers = GOOD | {"priority": ""}
    answer = await kevin.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **answers)
    assert facts(answer.body["value"])["Priority"] == (
        "Urgent: machine down — suggested from Machine down"
    )
    form = (await kevin.says("new ticket")).last
    chosen = GOOD | {"priority": "high"}  # the customer says it still runs, slowly
    answer = await kevin.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **chosen)
    assert facts(answer.body["value"])["Priority"] == "High"


async def test_the_form_asks_for_a_short_subject_and_lists_states_by_name(desk: Desk):
    kevin = desk.user("Kevin")
    form = (await kevin.says("new ticket")).last
    subject = next(e for e in elements(form.card) if e.get("id") == "subject")
    assert (subject["type"], subject["label"], subject["maxLength"]) == (
        "Input.Text",
        "Subject",
        100,
    )
    states = next(e for e in elements(form.card) if e.get("id") == "site_state")["choices"]
    assert {"title": "Ohio (OH)", "value": "oh"} in states
    assert states[0]["title"] == "Alabama (AL)"
    answers = GOOD | {"subject": "Infeed jams at every roll change"}
    answer = await kevin.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **answers)
    assert (
        answer.body["value"]["body"][0]["text"]
        == "Filed BP-1001 · Infeed jams at every roll change"
    )


async def test_the_acknowledgement_is_due_one_business_hour_after_receipt(desk: Desk):
    friday_evening = datetime(2026, 11, 20, 16, 30, tzinfo=PACIFIC)
    desk.app[SERVICES].clock = lambda: friday_evening.astimezone(UTC)
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.ack_due_at.astimezone(PACIFIC) == datetime(2026, 11, 23, 5, 30, tzinfo=PACIFIC)


async def test_someone_off_the_roster_cannot_file(desk: Desk):
    visitor = desk.user("Pat Visitor", "pat@elsewhere.example")
    answer = await visitor.says("new ticket")
    assert "not on the support roster" in answer.texts[0]


async def test_cancel_closes_the_form_without_filing(desk: Desk):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    answer = await mary.executes(form, "intake.cancel", form_id=form_id(form.card))
    assert texts(answer.body["value"]) == ["Intake cancelled", "Nothing was filed."]
    assert await desk.app[SERVICES].tickets.untriaged_or_unassigned() == []
