"""`time <ticket> <duration> [note]` as conversations: time is stored, counts in the ticket's
total, and reaches Harvest once, in the project the profile maps it to, whatever Harvest does."""

from __future__ import annotations

from datetime import date

from bot.keys import SERVICES
from tests.harness import activities as act
from tests.harness.cards import facts
from tests.harness.desk import Desk
from tests.harness.fake_harvest import ACCOUNT_ID, ENTRIES, USER_AGENT, FakeHarvest
from tests.harness.harvest import (
    ACME,
    ACME_TASK,
    REQUEST_CE,
    REQUEST_CE_TASK,
    SAM_IN_HARVEST,
    SUPPORT,
    SUPPORT_TASK,
    file_ticket,
    harvest_queue,
    person,
    send_time,
    try_sending,
)
from tests.harness.sync import Clock

MONDAY = date(2026, 12, 7)  # Chicago's date at MONDAY_EVENING (UTC is already on Tuesday)


async def entries_of(desk: Desk, number: str):
    """The time entries stored on a ticket."""
    services = desk.app[SERVICES]
    ticket = await services.tickets.get(number)
    return await services.time_entries.of_ticket(ticket.id)


def booked(fake: FakeHarvest) -> list[dict]:
    """Every time entry Harvest holds, oldest first."""
    return sorted(fake.store.entries.values(), key=lambda e: e["id"])


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


async def test_time_goes_to_the_customers_project_else_to_the_default(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock, company="ACME Corp")  # its own project, whatever the app
    await file_ticket(desk, clock, application="Kinetic Core 6.1")  # no project of its own
    erin = await person(desk, "Erin")
    await erin.says("time KD-1001 1h30 remote session")
    await erin.says("time KD-1002 20 min")

    await send_time(desk, clock)

    by_ticket = {e["external_reference"]["group_id"]: e for e in booked(harvest)}
    acme, other = by_ticket["KD-1001"], by_ticket["KD-1002"]
    assert (acme["project"]["id"], acme["task"]["id"], acme["hours"]) == (ACME, ACME_TASK, 1.5)
    assert (other["project"]["id"], other["task"]["id"]) == (SUPPORT, SUPPORT_TASK)
    assert other["hours"] == 0.33
    assert other["notes"] == "KD-1002 · Approval node never completes."  # no note: the subject
    # Erin has no Harvest user of his own: the token's user keeps his time.
    assert [acme["user"]["id"], other["user"]["id"]] == [harvest.store.me] * 2


async def test_time_logged_while_harvest_is_down_reaches_it_once_it_is_back(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")
    harvest.down = True

    answer = await sam.says("time KD-1001 1.5 h on the phone")

    assert answer.texts[0].startswith("Logged 1 h 30 min on KD-1001")
    await try_sending(desk, clock, rounds=4)
    assert booked(harvest) == []
    assert {r.status for r in harvest.requests} == {503}
    queue = await harvest_queue(desk)
    assert (queue.depth, queue.dead) == (1, 0)  # waiting, not lost

    harvest.down = False
    await send_time(desk, clock)

    [made] = booked(harvest)
    assert made["notes"] == "KD-1001 · Approval node never completes. — on the phone"
    # Once back, a retry looks for what a refused try might have made, then makes it once.
    assert [r.status for r in harvest.requests if r.status != 503] == [200, 201]


async def test_a_429_storm_loses_no_entry_and_doubles_none(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam, erin = await person(desk, "Sam"), await person(desk, "Erin")
    for typed in ("time KD-1001 10m triage", "time KD-1001 25m logs", "time KD-1001 1h fix"):
        await sam.says(typed)
    await erin.says("time KD-1001 40 minutes review")
    harvest.storm(6, retry_after=15)
    started = clock.now

    await send_time(desk, clock)

    assert sum(r.status == 429 for r in harvest.requests) == 6
    assert (clock.now - started).total_seconds() >= 15  # Retry-After was waited out
    references = [e["external_reference"]["id"] for e in booked(harvest)]
    assert sorted(references) == [f"kinetic-time-{n}" for n in (1, 2, 3, 4)]
    assert sorted(e["hours"] for e in booked(harvest)) == [0.17, 0.42, 0.67, 1.0]
    assert (await harvest_queue(desk)).depth == 0


async def test_an_answer_lost_after_harvest_made_the_entry_makes_no_second_one(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")
    harvest.lose_next("POST", ENTRIES)  # made there; the bot never hears so
    await sam.says("time KD-1001 45m call with customer")

    await send_time(desk, clock)

    assert [(r.method, r.status) for r in harvest.requests] == [("POST", None), ("GET", 200)]
    [lookup] = harvest.calls("GET")
    assert lookup.query["external_reference_id"] == "kinetic-time-1"
    [made] = booked(harvest)
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


async def test_an_entry_harvest_refuses_is_told_to_whoever_logged_it(
    desk: Desk, harvest: FakeHarvest, clock: Clock
):
    await file_ticket(desk, clock)
    sam = await person(desk, "Sam")
    del harvest.store.projects[REQUEST_CE]  # archived in Harvest since the profile was written
    await sam.says("time KD-1001 45m call with customer")
    mark = len(desk.connector.sent)

    await send_time(desk, clock)

    assert booked(harvest) == []
    told = [s.text for s in desk.connector.since(mark) if s.text]
    assert told == [
        "Harvest refused your 45 min on KD-1001 for Mon 07 Dec 2026: Project can't be blank "
        "or is not a project of this account. It is still logged here, on the ticket; enter it "
        "in Harvest by hand, or have the [harvest] project and task in the desk's profile fixed."
    ]
    assert (await harvest_queue(desk)).dead == 1
    listed = (await sam.says("time KD-1001")).texts[0]
    assert listed.endswith("Sam · 45 min: call with customer · refused by Harvest")


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
