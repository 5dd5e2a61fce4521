"""Zendesk's limits and faults: the bot waits a 429 out and loses nothing."""

from __future__ import annotations

from datetime import timedelta

from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk, refuse
from tests.harness.sync import Clock
from tests.harness.triage import in_channel, triage_desk
from tests.harness.zendesk_desk import deliver

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
