"""Process 6 with NetSuite keeping the service projects: the desk on the fake NetSuite, its sync
worker moved along by hand, and what NetSuite and the posted cards hold afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot.keys import NETSUITE_SYNC_WORKER, SERVICES
from services.settings import Settings
from services.sync import SyncQueue, SyncSettings
from tests.harness.connector import FakeConnector, Sent
from tests.harness.desk import Desk
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import on_netsuite
from tests.harness.sync import Clock, drain

JOBS = "/services/rest/record/v1/job"  # where NetSuite keeps projects (REST record `job`)
UPSERT = rf"{JOBS}/eid:[A-Za-z0-9_-]+"


@asynccontextmanager
async def netsuite_desk(
    settings: Settings, connector: FakeConnector, fake: FakeNetSuite, clock: Clock
) -> AsyncIterator[Desk]:
    """The bot with the fake as NetSuite (bestpack.toml keeps projects there), on `clock`; the
    sync worker runs only when a test pumps it (`make_projects`)."""
    sync = SyncSettings(_env_file=None, background=False, retry_cap_seconds=120.0)
    desk = Desk(on_netsuite(settings, fake).model_copy(update={"sync": sync}), connector)
    await desk.start()
    desk.app[SERVICES].clock = clock
    try:
        yield desk
    finally:
        await desk.close()


async def make_projects(desk: Desk, clock: Clock) -> int:
    """Run the NetSuite worker's rounds, moving the clock as they ask, until all is sent; the
    rounds it took."""
    db = desk.app[SERVICES].db
    return await drain(desk.app[NETSUITE_SYNC_WORKER], clock, SyncQueue(db))


def jobs(fake: FakeNetSuite) -> list[dict[str, Any]]:
    """Every project NetSuite holds, each with its internal id."""
    return [{"id": rid, **doc} for (kind, rid), doc in fake.store.records.items() if kind == "job"]


def updates_of(desk: Desk, mark: int, activity_id: str) -> list[dict[str, Any]]:
    """The cards the bot put in place of message `activity_id` since `mark`, in order."""
    return [
        s.card
        for s in desk.connector.since(mark)
        if s.op == "update" and s.activity_id == activity_id and s.card
    ]


def delivered(desk: Desk, conversation_id: str) -> Sent:
    """The last card the bot posted in a conversation."""
    return [s for s in desk.connector.sent if s.conversation_id == conversation_id and s.card][-1]
