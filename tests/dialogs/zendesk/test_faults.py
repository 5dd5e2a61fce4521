"""Zendesk's limits and faults: the bot waits a 429 out, survives kill -9, loses nothing."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from services.db import Database
from services.settings import Settings
from services.sync import SyncQueue
from tests.harness.bot_process import bot_env, kill_9, start_bot, stop
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk, refuse
from tests.harness.sync import Clock
from tests.harness.triage import CHANNEL, filing_desk, in_channel, triage_desk
from tests.harness.zendesk_desk import comments, deliver, on_zendesk

RETRY_AFTER = 30


async def test_a_429_storm_is_waited_out_and_everything_arrives(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    mary, _, _ = await triage_desk(desk)
    for preset in ("plc", "wiring", "doubtful"):
        in_channel(await mary.says(f"file {preset}"))
    storm = [refuse(429, retry_after=RETRY_AFTER)] * 6
    zendesk.fail_next(*storm)
    await deliver(desk, clock)
    numbers = sorted(t["external_id"] for t in zendesk.store.tickets.values())
    assert numbers == ["BP-1001", "BP-1002", "BP-1003"]  # each once
    assert [r.status for r in zendesk.requests].count(429) == len(storm)
    for limited in (r for r in zendesk.requests if r.status == 429):
        until = limited.at + timedelta(seconds=RETRY_AFTER)
        early = [r for r in zendesk.requests if limited.at < r.at < until]
        assert early == [], f"asked Zendesk again {early[0].at - limited.at} after a 429"
    assert clock.now >= zendesk.requests[0].at + timedelta(seconds=RETRY_AFTER)


async def test_a_bot_killed_while_sending_delivers_each_change_once_after_restart(
    settings: Settings, connector: FakeConnector, tmp_path: Path, zendesk: FakeZendesk
):
    on = on_zendesk(settings, tmp_path, zendesk, CHANNEL.channel_id)
    async with filing_desk(on, connector) as desk:  # pumped by hand: nothing is sent yet
        mary, kevin, _ = await triage_desk(desk)
        in_channel(await mary.says("file plc"))
        await mary.says("assign BP-1001 kevin")
        await kevin.says("note BP-1001 Replaced the encoder cable")
    env = bot_env(on, lease_seconds=3, send_timeout_seconds=2, conflict_retries=0, poll_seconds=0.2)
    log = tmp_path / "bot.log"
    # Killed once after Zendesk filed the ticket, once after it took the note: both unanswered.
    for method, path in (("POST", r"/api/v2/tickets\.json"), ("PUT", r"/api/v2/tickets/\d+\.json")):
        applied = zendesk.hold_next(method, path)
        bot = await start_bot(env, log)
        try:
            await asyncio.wait_for(applied.wait(), 60)
        finally:
            await kill_9(bot)
    bot = await start_bot(env, log)
    try:
        await _drained(on, log)
    finally:
        await stop(bot)
    [filed] = zendesk.store.tickets.values()
    assert filed["external_id"] == "BP-1001"
    assert filed["assignee_id"] == zendesk.store.user_by_email("kevin@bestpack.example")["id"]
    assert [body for body, _ in comments(zendesk, filed["id"])[1:]] == [
        "Kevin: Replaced the encoder cable"
    ]
    assert len(zendesk.calls("POST", "/api/v2/tickets.json")) == 1  # the restart found it


async def _drained(settings: Settings, log: Path, seconds: float = 60) -> None:
    """Wait until the restarted bot has sent every queued change (read from its database)."""
    db = await Database.connect(settings.database_url)
    try:
        async with asyncio.timeout(seconds):
            while (await SyncQueue(db).stats())["zendesk"].depth:  # noqa: ASYNC110
                await asyncio.sleep(0.2)
    except TimeoutError:
        said = await asyncio.to_thread(log.read_text)
        raise AssertionError(f"still unsent; the bot said:\n{said}") from None
    finally:
        await db.close()
