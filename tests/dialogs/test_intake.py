"""Mary takes a customer's call and files it with `new ticket`."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from tests.harness.cards import texts
from tests.harness.desk import Desk

PACIFIC = ZoneInfo("America/Los_Angeles")
GOOD = {
    "company": "Acme Foods",
    "contact_name": "Dana Lee",
    "phone": "+1 555 010 0100",
    "email": "dana@acme.example",
    "site_state": "nj",
    "machine_model": "BP-500 Wrapper",
    "serial_number": "SN-12345",
    "machine_complexity": "standard",
    "issue_description": "Infeed conveyor jams when the film roll changes.\nAlarm E42.",
    "issue_type": "controls",
    "production_impact": "true",
    "priority": "urgent",
}


def form_id(card: dict) -> str:
    """The form id the intake card's submit button carries."""
    submit = next(a for a in card["actions"] if a.get("verb") == SUBMIT_VERB)
    return submit["data"]["form_id"]


def input_values(card: dict) -> dict:
    """Each input's current value, as the card shows it."""
    return {e["id"]: e.get("value") for e in card["body"] if e["type"].startswith("Input.")}


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


async def test_a_clean_form_files_one_ticket_and_becomes_its_summary(desk: Desk):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    answer = await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
    summary = answer.body["value"]
    assert summary["body"][0]["text"].startswith("Filed BP-1001 · Infeed conveyor jams")
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.requester_id == "mary"
    assert (ticket.company, ticket.serial_number, ticket.priority) == (
        "Acme Foods",
        "SN-12345",
        "urgent",
    )
    assert ticket.fields["site_state"] == "nj" and ticket.fields["production_impact"] is True


async def test_a_double_click_or_a_teams_retry_files_one_ticket(desk: Desk):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    fid = form_id(form.card)
    first, second = await asyncio.gather(
        mary.executes(form, SUBMIT_VERB, form_id=fid, **GOOD),
        mary.executes(form, SUBMIT_VERB, form_id=fid, **GOOD),
    )
    heads = {first.body["value"]["body"][0]["text"], second.body["value"]["body"][0]["text"]}
    assert len(heads) == 1 and next(iter(heads)).startswith("Filed BP-1001")
    retry = await mary.submits(form, SUBMIT_VERB, form_id=fid, **GOOD)  # as Action.Submit
    assert retry.last.op == "update" and "already submitted" in str(retry.card)
    assert len(await desk.app[SERVICES].tickets.untriaged_or_unassigned()) == 1


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
