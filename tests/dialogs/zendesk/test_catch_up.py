"""The catch-up sync: a webhook Zendesk never delivered is repaired from the incremental
export, read from a cursor kept in the database, by one replica at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.scheduling import SCHEDULER
from services.scheduler import JobRunRepository, Scheduler
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.tickets import personal_chat, services, stored
from tests.harness.zendesk_inbound import ZendeskDesk

EXPORT = "/api/v2/incremental/tickets/cursor.json"


async def test_a_missed_webhook_is_repaired_by_the_catch_up(zd: ZendeskDesk):
    mary = zd.desk.user("Mary")
    await mary.says("whoami")
    first = datetime.now(UTC)
    await zd.desk.app[SCHEDULER].run_due(first)  # the first run stores a cursor
    zendesk_id = zd.mailed_in("Labeler prints blank", "The labeler prints blank labels.")
    mark = len(zd.desk.connector.sent)

    # Its webhook never came; the next minute's run finds it from where the last one stopped.
    ran = await zd.desk.app[SCHEDULER].run_due(first + timedelta(minutes=1))

    assert "ok: 1 tickets read, 1 changed" in [r.outcome for r in ran]

    ticket = await stored(zd.desk, "BP-1001")
    assert ticket.external_id == str(zendesk_id)
    to_mary = [s for s in zd.desk.connector.since(mark) if s.conversation_id == personal_chat(mary)]
    assert [s.card is not None for s in to_mary] == [True]
    calls = zd.zendesk.calls("GET", EXPORT)
    assert "start_time" in calls[0].query and "cursor" in calls[-1].query


async def test_two_replicas_catch_up_once(zd: ZendeskDesk, connector: FakeConnector):
    twin = Desk(zd.desk.settings, connector)
    await twin.start()
    try:
        now = datetime.now(UTC)
        replicas = [
            Scheduler(
                [j for j in desk.app[SCHEDULER].jobs if j.name == "zendesk_catch_up"],
                JobRunRepository(services(desk).db),
                services(desk),
                desk.app[SCHEDULER]._notifier,
                clock=lambda: now,
                runner=name,
            )
            for name, desk in (("one", zd.desk), ("two", twin))
        ]
        zd.mailed_in()

        done = [await replica.run_due(now) for replica in replicas]

        outcomes = sorted(ran.outcome for batch in done for ran in batch)
        assert outcomes[0].startswith("ok: 1 tickets read")
        assert outcomes[1] == "skipped: already claimed"
        assert len(zd.zendesk.calls("GET", EXPORT)) == 1
    finally:
        await twin.close()
