"""`time <ticket> <duration> [note]` as conversations: time is stored as the sender's, on the
team's day, counts in the ticket's total, goes to Harvest when it is on, and is refused in words
when it cannot be taken."""

from __future__ import annotations

from datetime import date

from tests.harness import activities as act
from tests.harness.cards import facts
from tests.harness.desk import Desk
from tests.harness.fake_harvest import ACCOUNT_ID, USER_AGENT, FakeHarvest
from tests.harness.harvest import (
    REQUEST_CE,
    REQUEST_CE_TASK,
    SAM_IN_HARVEST,
    booked,
    entries_of,
    file_ticket,
    harvest_queue,
    person,
    send_time,
)
from tests.harness.sync import Clock

MONDAY = date(2026, 12, 7)  # Chicago's date at MONDAY_EVENING (UTC is already on Tuesday)


async def test_the_specialist_logs_a_call_and_harvest_books_it_to_the_applications_project(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")

    answer = await sam.says("time KD-1001 45m call with customer")

    assert answer.texts == [
        "Logged 45 min on KD-1001 for Mon 07 Dec 2026 (call with customer). "
        "KD-1001 has 45 min worked in all. It goes to Harvest shortly."
    ]
    [entry] = await entries_of(desk, "KD-1001")
    assert (entry.person_id, entry.minutes, entry.note) == ("sam", 45, "call with customer")
    assert entry.spent_date == MONDAY  # the team's day, not UTC's
    card = (await sam.says("ticket KD-1001")).card
    assert facts(card)["Time spent"] == "45 min"
    assert harvest.requests == []  # the chat did not wait on Harvest

    await send_time(desk, clock)

    [made] = booked(harvest)
    assert (made["project"]["id"], made["task"]["id"]) == (REQUEST_CE, REQUEST_CE_TASK)
    assert (made["user"]["id"], made["spent_date"]) == (SAM_IN_HARVEST, "2026-12-07")
    assert (made["hours"], made["is_running"]) == (0.75, False)
    assert made["notes"] == "KD-1001 · Approval node never completes. — call with customer"
    assert made["external_reference"]["id"] == "kinetic-time-1"
    assert made["external_reference"]["group_id"] == "KD-1001"
    [post] = harvest.calls("POST")
    assert (post.headers["User-Agent"], post.headers["Harvest-Account-Id"]) == (
        USER_AGENT,
        ACCOUNT_ID,
    )
    [entry] = await entries_of(desk, "KD-1001")
    assert entry.harvest_id == str(made["id"])


async def test_a_time_teams_sends_again_is_logged_and_booked_once(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")
    typed = act.personal_message(sam.user, "time KD-1001 45m call", desk.service_url)

    first = await sam.posts(typed)
    retry = await sam.posts(typed)  # Teams did not hear the answer in time

    assert first.texts[0].startswith("Logged 45 min on KD-1001")
    assert retry.texts == []
    assert [e.minutes for e in await entries_of(desk, "KD-1001")] == [45]
    await send_time(desk, clock)
    assert len(booked(harvest)) == 1


async def test_durations_the_bot_cannot_take_are_refused_in_words_and_nothing_is_stored(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")

    assert (await sam.says("time KD-1001 forty minutes on the phone")).texts == [
        "How long did you work on KD-1001? Put the time after the ticket, like "
        "`time KD-1001 45m call with customer` (45m, 1h30, 1.5 h or 90 minutes)."
    ]
    assert (await sam.says("time KD-1001 0 min")).texts == [
        "Time worked must be at least a minute."
    ]
    assert (await sam.says("time KD-1001 26h on site")).texts == [
        "Time worked is at most 1440 minutes (a day) per entry; 1560 minutes is more. "
        "Log each day on its own."
    ]
    said = (await sam.says("time KD-1001 20m " + "x" * 1001)).texts[0]
    assert said.startswith("That note is too long, so nothing was saved.")
    assert (await sam.says("time KD-9999 20m")).texts == ["There is no ticket KD-9999."]

    assert await entries_of(desk, "KD-1001") == []
    assert (await harvest_queue(desk)).depth == 0


async def test_time_alone_lists_the_tickets_entries_and_where_each_stands(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam, erin = await person(desk, "Sam"), await person(desk, "Erin")
    await sam.says("time KD-1001 45m call with customer")
    await send_time(desk, clock)
    await erin.says("time KD-1001 1h30")

    listed = await sam.says("time KD-1001")

    assert listed.texts == [
        "Time on KD-1001 (2 h 15 min worked in all):\n"
        "- Mon 07 Dec 2026 · Sam · 45 min: call with customer · in Harvest\n"
        "- Mon 07 Dec 2026 · Erin · 1 h 30 min · on its way to Harvest"
    ]


async def test_with_harvest_off_time_is_stored_and_counted_only(
    desk_without_harvest: Desk, clock: Clock
):
    desk = desk_without_harvest
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")
    await sam.says("note KD-1001 20 min read the logs")  # a note's minutes count too

    answer = await sam.says("time KD-1001 1h30 remote session")

    assert answer.texts == [
        "Logged 1 h 30 min on KD-1001 for Mon 07 Dec 2026 (remote session). "
        "KD-1001 has 1 h 50 min worked in all."
    ]
    assert [e.minutes for e in await entries_of(desk, "KD-1001")] == [90]
    assert (await harvest_queue(desk)).depth == 0
    card = (await sam.says("ticket KD-1001")).card
    assert facts(card)["Time spent"] == "110 min"


async def test_help_offers_time_with_harvest_off_too(desk_without_harvest: Desk, clock: Clock):
    card = (await (await person(desk_without_harvest, "Erin")).says("help")).card
    said = {name: what for name, what in facts(card).items() if name.startswith("time")}
    assert said == {
        "time KD-1001 ‹duration› [note]": (
            "Log time worked on a ticket: 45m, 1h30, 1.5 h or 90 minutes; alone, list its time"
        )
    }
