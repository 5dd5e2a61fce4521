"""Process 6 as conversations: Mary requests on-site service; who goes follows the site's state."""

from __future__ import annotations

import asyncio

import pytest

from cards.service_form import CANCEL, SUBMIT
from services.service_requests import RequestStatus
from services.tickets import TicketDraft
from tests.harness.cards import facts, reads_as_alarm, texts
from tests.harness.desk import Desk
from tests.harness.service import BILLABLE_IN_TEXAS, form_id, request_service, sent_to
from tests.harness.tickets import (
    MONDAY_9AM,
    freeze,
    inputs,
    personal_chat,
    replied_card,
    replied_message,
    services,
    timeline_lines,
)


async def test_billable_work_needs_no_approval_and_the_technician_is_told(desk: Desk):
    freeze(desk, MONDAY_9AM)
    mary, jordan, allison = desk.user("Mary"), desk.user("Jordan"), desk.user("Allison")
    await jordan.installs_the_app()
    await allison.installs_the_app()

    _, answer = await request_service(mary, BILLABLE_IN_TEXAS)

    card = replied_card(answer)
    assert texts(card)[:2] == [
        "SR-1001 · Service at Lone Star Snacks, Austin",
        "Scheduled.",
    ]
    assert facts(card)["Who goes"] == "Jordan (BestPack service staff)"
    assert (facts(card)["Billing"], facts(card)["Billing reason"]) == (
        "Billable: the customer pays",
        "Outside warranty",
    )
    assert facts(card)["Project"] == "PRJ-2026-0001"
    assert not any("PRJ-2026-0001" in text for text in texts(card))  # shown once, as a fact
    assert "Jordan gets the notice in Teams." in texts(card)
    [notice] = sent_to(answer, jordan)
    assert "You are scheduled on site: Tue 1 Dec 2026" in texts(notice)
    assert facts(notice)["Project"] == "PRJ-2026-0001"
    assert sent_to(answer, allison) == []  # billable: nobody is asked to approve
    stored = await services(desk).service_requests.get("SR-1001")
    assert (stored.status, stored.decided_by, stored.notice_via) == (
        RequestStatus.SCHEDULED,
        None,
        "teams",
    )


async def test_a_technician_teams_refuses_after_the_answer_is_named_to_mary_next(desk: Desk):
    freeze(desk, MONDAY_9AM)
    mary, jordan = desk.user("Mary"), desk.user("Jordan")
    await jordan.installs_the_app()
    desk.connector.refuse[personal_chat(jordan)] = 403  # blocked since: found out on sending

    _, answer = await request_service(mary, BILLABLE_IN_TEXAS)

    # The answer knew only that Jordan's notice was queued; the refusal came after it.
    assert texts(replied_card(answer))[1:] == [
        "Scheduled.",
        "Scope: Annual preventive maintenance of the BP-500 wrapper",
        "Jordan gets the notice in Teams.",
    ]
    [follow_up] = [s.text for s in answer.sent if s.conversation_id == personal_chat(mary)]
    assert follow_up.startswith("Jordan has removed or blocked the Support Desk app and gets")


async def test_a_technician_without_the_app_is_spoken_of_once_with_what_happens_next(desk: Desk):
    freeze(desk, MONDAY_9AM)
    mary = desk.user("Mary")  # Jordan has never opened the app

    _, answer = await request_service(mary, BILLABLE_IN_TEXAS)

    card = replied_card(answer)
    waits = (
        "Jordan hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Jordan the install link if it is urgent."
    )
    # Never also "Jordan gets the notice in Teams." for the same person, and not as an error.
    assert [t for t in texts(card) if "Jordan" in t] == [waits]
    assert not reads_as_alarm(card, waits)


@pytest.mark.parametrize(
    ("state", "goes", "contact"),
    [
        ("nj", "PLC Paramedics (3rd-party provider for NJ)", "dispatch@plcparamedics.example"),
        ("il", "Best Packaging (3rd-party provider for IL)", "service@bestpackaging.example"),
        ("ut", "Vanpack (3rd-party provider for UT)", "service@vanpack.example"),
        ("tx", "Jordan (BestPack service staff)", None),
    ],
)
async def test_the_site_state_decides_who_goes(desk: Desk, state: str, goes: str, contact):
    freeze(desk, MONDAY_9AM)
    mary, jordan = desk.user("Mary"), desk.user("Jordan")
    await jordan.installs_the_app()

    _, answer = await request_service(mary, {**BILLABLE_IN_TEXAS, "site_state": state})

    card = replied_card(answer)
    assert facts(card)["Who goes"] == goes
    told_jordan = sent_to(answer, jordan)
    if contact is None:
        assert len(told_jordan) == 1
        return
    # A provider is not on Teams: nobody is messaged; Mary is given what to send, and where.
    assert told_jordan == []
    assert [s for s in answer.sent if s.card] == []
    plea = next(t for t in texts(card) if "is not on Teams" in t)
    assert plea.endswith(f"Please e-mail them at {contact} (or call them) with the message below.")
    message = texts(card)[texts(card).index(plea) + 1]
    assert message.startswith("Subject: BestPack service SR-1001: Lone Star Snacks, Austin")
    assert "BestPack project: PRJ-2026-0001" in message
    stored = await services(desk).service_requests.get("SR-1001")
    assert (stored.notice_via, stored.notice_email, stored.notice) == (
        "requester",
        contact,
        message,
    )


async def test_a_form_with_problems_comes_back_with_the_errors_and_every_value_kept(desk: Desk):
    freeze(desk, MONDAY_9AM)
    typed = {
        **BILLABLE_IN_TEXAS,
        "start_date": "2026-11-27",
        "end_date": "2026-11-26",
        "billing": "non_billable",
        "billing_reason": "",
        "technician": "",
    }

    _, answer = await request_service(desk.user("Mary"), typed)

    card = replied_card(answer)
    assert "Please fix the problems below." in texts(card)
    for problem in (
        "The start date is in the past; today is Mon 30 Nov 2026.",
        "The end date is before the start date.",
        "Say why this work is non-billable: the engineering manager decides on it.",
    ):
        assert problem in texts(card)
    assert any(t.startswith("No 3rd-party provider serves TX") for t in texts(card))
    kept = inputs(card)
    assert (kept["site"], kept["start_date"], kept["billing"]) == (
        "Lone Star Snacks, Austin",
        "2026-11-27",
        "non_billable",
    )
    assert await services(desk).service_requests.get("SR-1001") is None


async def test_a_required_field_left_empty_and_an_unknown_ticket_are_named(desk: Desk):
    freeze(desk, MONDAY_9AM)
    mary = desk.user("Mary")
    _, answer = await request_service(mary, {**BILLABLE_IN_TEXAS, "scope": " "})
    assert "Scope of work is required." in texts(replied_card(answer))

    _, answer = await request_service(mary, {**BILLABLE_IN_TEXAS, "ticket": "4242"})
    card = replied_card(answer)
    assert "There is no ticket BP-4242." in texts(card)
    assert inputs(card)["ticket"] == "4242"
    assert await services(desk).service_requests.get("SR-1001") is None


async def test_a_request_about_a_ticket_starts_from_it_and_lands_in_its_timeline(desk: Desk):
    freeze(desk, MONDAY_9AM)
    draft = TicketDraft("Wrapper film tears", company="Acme Foods", fields={"site_state": "ut"})
    await services(desk).tickets.create(draft, "mary", "acme-1", MONDAY_9AM)
    mary = desk.user("Mary")

    form = (await mary.says("service request BP-1001")).last
    assert {k: inputs(form.card)[k] for k in ("site", "site_state", "ticket")} == {
        "site": "Acme Foods",
        "site_state": "ut",
        "ticket": "BP-1001",
    }
    answers = {**BILLABLE_IN_TEXAS, "site": "Acme Foods", "site_state": "ut", "ticket": "BP-1001"}
    await mary.executes(form, SUBMIT, form_id=form_id(form.card), **answers)

    assert (await timeline_lines(desk, "BP-1001"))[1:] == [
        "Mary filed service request SR-1001: billable, Acme Foods (UT), Tue 1 Dec 2026, by Vanpack",
        "Mary scheduled service request SR-1001: project PRJ-2026-0001; Mary was given the "
        "message to send to Vanpack service (Vanpack) at service@vanpack.example.",
    ]
    assert (await mary.says("service request BP-77")).texts == ["There is no ticket BP-77."]


async def test_a_double_click_files_one_request_and_tells_the_technician_once(desk: Desk):
    freeze(desk, MONDAY_9AM)
    mary, jordan = desk.user("Mary"), desk.user("Jordan")
    await jordan.installs_the_app()
    form = (await mary.says("service request")).last
    fid = form_id(form.card)
    mark = len(desk.connector.sent)

    first, second = await asyncio.gather(
        mary.executes(form, SUBMIT, form_id=fid, **BILLABLE_IN_TEXAS),
        mary.executes(form, SUBMIT, form_id=fid, **BILLABLE_IN_TEXAS),
    )

    heads = {texts(replied_card(a))[0] for a in (first, second)}
    assert heads == {"SR-1001 · Service at Lone Star Snacks, Austin"}
    # The two answers overlap in time, so count what reached Jordan's chat since the clicks.
    chat = personal_chat(jordan)
    assert len([s for s in desk.connector.since(mark) if s.conversation_id == chat]) == 1
    again = await mary.executes(form, SUBMIT, form_id=fid, **BILLABLE_IN_TEXAS)
    assert "This form was already submitted; this is the request it made." in texts(
        replied_card(again)
    )
    assert await services(desk).service_requests.get("SR-1002") is None


async def test_who_may_not_schedule_service_is_refused_even_with_a_forged_card(desk: Desk):
    freeze(desk, MONDAY_9AM)
    jordan = desk.user("Jordan")
    refusal = "Only Mary or Allison may schedule on-site service."
    assert (await jordan.says("service request")).texts == [refusal]
    form = (await desk.user("Mary").says("service request")).last
    forged = await jordan.executes(
        form,
        SUBMIT,
        form_id=form_id(form.card),
        **BILLABLE_IN_TEXAS,
        caller="mary",
        role="intake_admin",
        capability="schedule_service",
    )
    assert replied_message(forged) == refusal
    assert await services(desk).service_requests.get("SR-1001") is None


async def test_cancel_closes_the_form_without_requesting_anything(desk: Desk):
    mary = desk.user("Mary")
    form = (await mary.says("schedule service")).last
    answer = await mary.executes(form, CANCEL, form_id=form_id(form.card))
    assert texts(replied_card(answer)) == ["Service request cancelled", "Nothing was requested."]


async def test_help_offers_the_service_commands_to_whoever_may_use_them(desk: Desk):
    mary, allison, kevin = desk.user("Mary"), desk.user("Allison"), desk.user("Kevin")
    assert "service request [ticket]" in facts((await mary.says("help")).card)
    assert "service approvals" not in facts((await mary.says("help")).card)
    assert "service approvals" in facts((await allison.says("help")).card)
    kevins = facts((await kevin.says("help")).card)
    assert "service request [ticket]" not in kevins and "service approvals" not in kevins
