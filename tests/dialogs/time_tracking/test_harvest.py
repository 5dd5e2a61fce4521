"""Time on its way to Harvest, whatever Harvest does: booked to the project the profile maps
the ticket to, waiting while Harvest is down, never lost or doubled by a 429 storm or a lost
answer, and a refusal told to whoever logged the time."""

from __future__ import annotations

from tests.harness.desk import Desk
from tests.harness.fake_harvest import ENTRIES, FakeHarvest
from tests.harness.harvest import (
    ACME,
    ACME_TASK,
    REQUEST_CE,
    SUPPORT,
    SUPPORT_TASK,
    booked,
    entries_of,
    file_ticket,
    harvest_queue,
    person,
    send_time,
    try_sending,
)
from tests.harness.sync import Clock


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
