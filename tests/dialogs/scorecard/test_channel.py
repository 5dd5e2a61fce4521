"""The Monday scorecard post when the profile names a scorecard channel."""

from __future__ import annotations

import pytest

from bot.keys import BOT, SERVICES
from bot.scheduling import SCHEDULER
from dialogs.scorecard.feature import post_scorecard
from tests.harness import activities as act
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.profiles import with_channel
from tests.harness.scorecard import POSTED

CHANNEL = act.Channel(channel_id="19:scorecard@thread.tacv2", name="Scorecard")


@pytest.fixture
def settings(settings, tmp_path):
    """The shipped BestPack profile with a scorecard channel."""
    return with_channel(settings, tmp_path, "scorecard", CHANNEL.channel_id)


async def test_the_post_goes_to_the_channel_and_nobody_s_chat(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("whoami")
    await mary.says_in_channel("whoami", CHANNEL)  # the bot can now reach the channel
    services, notifier = desk.app[SERVICES], desk.app[BOT].notifier
    mark = len(desk.connector.sent)

    said = await post_scorecard(services, notifier, POSTED)

    assert said == "2026-W47 scorecard posted in the scorecard channel."
    [post] = desk.connector.since(mark)
    assert post.conversation_id.split(";")[0] == CHANNEL.channel_id
    assert texts(post.card)[:3] == [
        "Weekly scorecard · 2026-W47",
        "Last week: Mon 16 Nov – Sun 22 Nov 2026",
        "Reopen rate: 50.0%",
    ]
    mark = len(desk.connector.sent)
    assert await post_scorecard(services, notifier, POSTED) == said
    assert not desk.connector.since(mark)  # once per week


async def test_a_channel_the_bot_cannot_reach_yet_gets_the_post_when_it_can(desk: Desk):
    services, notifier = desk.app[SERVICES], desk.app[BOT].notifier

    said = await post_scorecard(services, notifier, POSTED)

    assert said == (
        "2026-W47 scorecard posted (1 held until Teams can be reached) in the scorecard channel."
    )
    arrival = await desk.user("Sean").says_in_channel("whoami", CHANNEL)
    in_channel = [s.card for s in arrival.sent if s.conversation_id.startswith(CHANNEL.channel_id)]
    # What was held for the channel, then the answer to Sean.
    assert [texts(card)[0] for card in in_channel] == ["Weekly scorecard · 2026-W47", "Sean"]


async def test_the_scheduler_posts_it_on_monday_at_six_once(desk: Desk):
    await desk.user("Mary").says_in_channel("whoami", CHANNEL)
    scheduler = desk.app[SCHEDULER]
    mark = len(desk.connector.sent)

    ran = {r.job: r.outcome for r in await scheduler.run_due(POSTED)}
    again = {r.job: r.outcome for r in await scheduler.run_due(POSTED)}

    assert ran["scorecard"] == "ok: 2026-W47 scorecard posted in the scorecard channel."
    assert again["scorecard"] == "skipped: already claimed"
    posts = [s for s in desk.connector.since(mark) if s.card and s.card.get("body")]
    titles = [texts(s.card)[0] for s in posts if s.conversation_id.startswith(CHANNEL.channel_id)]
    assert titles == ["Weekly scorecard · 2026-W47"]


async def test_a_week_with_nothing_to_measure_posts_nothing(settings, connector):
    empty = Desk(settings, connector)
    await empty.start()
    try:
        await empty.user("Mary").says_in_channel("whoami", CHANNEL)
        mark = len(connector.sent)

        said = await post_scorecard(empty.app[SERVICES], empty.app[BOT].notifier, POSTED)

        assert said == "2026-W47: nothing to report, no scorecard posted."
        assert not connector.since(mark)
    finally:
        await empty.close()
