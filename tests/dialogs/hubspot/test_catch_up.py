"""The catch-up sync: a webhook HubSpot never delivered is repaired by searching the desk's
pipeline from a cursor kept in the database, by one replica at a time."""

from __future__ import annotations

from datetime import timedelta

from bot.scheduling import SCHEDULER
from services.scheduler import JobRunRepository, Scheduler
from services.sync.hubspot_catch_up import INDEX_LAG
from services.tickets import TicketStatus
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.hubspot_inbound import Inbound
from tests.harness.hubspot_profile import PIPELINE
from tests.harness.sync import Clock
from tests.harness.tickets import personal_chat, services, stored

SEARCH = "/crm/v3/objects/tickets/search"
EVERY = timedelta(minutes=5)


def catch_up_outcome(ran) -> str:
    [outcome] = [r.outcome for r in ran if r.job == "hubspot_catch_up"]
    return outcome


async def test_a_missed_webhook_is_repaired_by_the_catch_up(inbound: Inbound, clock: Clock):
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    await inbound.desk.app[SCHEDULER].run_due(clock())  # the first run stores a cursor
    ticket_id = inbound.mailed_in("Forms will not load", "No form loads in the kapp since noon.")
    mark = len(inbound.desk.connector.sent)

    # Its webhook never came; the next run finds it from where the last one stopped.
    clock.advance(EVERY.total_seconds())
    ran = await inbound.desk.app[SCHEDULER].run_due(clock())

    assert catch_up_outcome(ran) == "ok: 1 tickets read, 1 changed"
    assert (await stored(inbound.desk, "KD-1001")).external_id == ticket_id
    to_sam = [
        s for s in inbound.desk.connector.since(mark) if s.conversation_id == personal_chat(sam)
    ]
    assert [s.card is not None for s in to_sam] == [True]
    _, second = (call.body for call in inbound.hubspot.calls("POST", SEARCH))
    [pipeline, since] = second["filterGroups"][0]["filters"]
    assert pipeline == {"propertyName": "hs_pipeline", "operator": "EQ", "value": PIPELINE}
    # The second run starts where the first stopped: a minute before it ran (HubSpot's index lag).
    started = clock() - EVERY - INDEX_LAG
    assert since == {
        "propertyName": "hs_lastmodifieddate",
        "operator": "GTE",
        "value": str(int(started.timestamp() * 1000)),
    }
    assert second["sorts"] == [{"propertyName": "hs_lastmodifieddate", "direction": "ASCENDING"}]


async def test_a_stage_moved_while_the_bot_was_down_shows_after_the_catch_up(
    inbound: Inbound, clock: Clock
):
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    ticket_id = inbound.mailed_in("Forms will not load", "No form loads in the kapp since noon.")
    await inbound.sends()
    await inbound.sent_out()  # KD-1001's number written to the HubSpot ticket
    await inbound.desk.app[SCHEDULER].run_due(clock())
    clock.advance(EVERY.total_seconds())
    inbound.moved(ticket_id, "with_team")  # and HubSpot's event is lost

    clock.advance(EVERY.total_seconds())
    ran = await inbound.desk.app[SCHEDULER].run_due(clock())

    assert catch_up_outcome(ran) == "ok: 1 tickets read, 1 changed"
    assert (await stored(inbound.desk, "KD-1001")).status is TicketStatus.WAITING_ON_OTHER


async def test_what_the_catch_up_applied_again_changes_nothing(inbound: Inbound, clock: Clock):
    inbound.mailed_in("Forms will not load", "No form loads in the kapp since noon.")
    await inbound.sends()  # the webhook came after all
    await inbound.sent_out()
    before = await stored(inbound.desk, "KD-1001")

    ran = await inbound.desk.app[SCHEDULER].run_due(clock())

    assert catch_up_outcome(ran) == "ok: 1 tickets read, 0 changed"
    assert (await stored(inbound.desk, "KD-1001")).version == before.version


async def test_two_replicas_catch_up_once(inbound: Inbound, connector: FakeConnector, clock: Clock):
    twin = Desk(inbound.desk.settings, connector)
    await twin.start()
    try:
        services(twin).clock = clock
        replicas = [
            Scheduler(
                [j for j in desk.app[SCHEDULER].jobs if j.name == "hubspot_catch_up"],
                JobRunRepository(services(desk).db),
                services(desk),
                desk.app[SCHEDULER]._notifier,
                clock=clock,
                runner=name,
            )
            for name, desk in (("one", inbound.desk), ("two", twin))
        ]
        inbound.mailed_in("Forms will not load", "No form loads in the kapp since noon.")

        done = [await replica.run_due(clock()) for replica in replicas]

        outcomes = sorted(ran.outcome for batch in done for ran in batch)
        assert outcomes == ["ok: 1 tickets read, 1 changed", "skipped: already claimed"]
        assert len(inbound.hubspot.calls("POST", SEARCH)) == 1
    finally:
        await twin.close()
