"""The weekly queue review, posted Monday 09:00 Central to the team's review channel.

KD-1001 and KD-1002 came in on Monday 16 Nov and went to Sam; KD-1003 went to Riley the day
after; Sam worked KD-1002 on Friday 27 Nov; KD-1004 came in this morning and waits for triage;
KD-1005 is closed. Thanksgiving (Thursday 26 Nov) is no business day.
"""

from __future__ import annotations

import pytest

from bot.keys import BOT
from dialogs.routines.weekly import post_review
from dialogs.shared.tickets import chained
from services.scheduler import skipping
from services.tickets import Confirmation, ConfirmationChannel
from services.tickets.workflow import add_note, close, resolve
from tests.harness import activities as act
from tests.harness.cards import facts, texts
from tests.harness.clock import freeze, tick
from tests.harness.desk import Desk
from tests.harness.routines import REVIEW_CHANNEL, central, kinetic_ticket, kinetic_user
from tests.harness.tickets import services

CHANNEL = act.Channel(channel_id=REVIEW_CHANNEL, name="Support team")
NOV_16 = central(2026, 11, 16, 10)
REVIEW_TIME = central(2026, 11, 30, 9)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's jobs (another test may have run them)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def open_queue(desk: Desk) -> None:
    """The tickets of the story."""
    app = services(desk)
    await kinetic_ticket(desk, NOV_16, status="waiting_on_contact")
    worked = await kinetic_ticket(desk, NOV_16, status="waiting_on_us", type="forms")
    await kinetic_ticket(desk, central(2026, 11, 17, 10), owner="riley", status="waiting_on_us")
    friday = central(2026, 11, 27, 15)
    change = add_note(worked, "sam", app.profile, friday, "Reproduced on 6.1.2")
    await app.tickets.save(change.ticket, worked.version, change.events)
    await kinetic_ticket(desk, central(2026, 11, 30, 8, 10), owner=None, type="install")
    done = await kinetic_ticket(desk, NOV_16)
    confirmed = Confirmation("Dana", ConfirmationChannel.EMAIL)
    closing = chained(
        lambda t: resolve(t, "sam", app.profile, NOV_16, "Restarted the workflow engine"),
        lambda t: close(t, "sam", app.profile, NOV_16, confirmation=confirmed),
    )(done)
    await app.tickets.save(closing.ticket, done.version, closing.events)


async def test_the_review_goes_to_the_team_channel_once_a_week(desk: Desk):
    sam = kinetic_user(desk, "sam")
    await sam.says_in_channel("whoami", CHANNEL)  # the bot can now reach the channel
    await open_queue(desk)
    mark = len(desk.connector.sent)

    await tick(desk, REVIEW_TIME)

    [post] = [s for s in desk.connector.since(mark) if s.conversation_id.startswith(REVIEW_CHANNEL)]
    shown = texts(post.card)
    assert shown[:2] == [
        "Weekly queue review · 2026-W49",
        "4 open tickets as of Mon 30 Nov 2026 09:00 CST.",
    ]
    assert facts(post.card) == {
        "New": "1",
        "Waiting on us": "2",
        "Waiting on contact": "1",
        "Sam": "2",
        "Riley": "1",
        "Unassigned": "1",
    }
    oldest = shown[shown.index("Oldest") + 1 : shown.index("No movement for 5+ business days (2)")]
    assert [line.split(" · ")[0] for line in oldest[::2]] == [
        "**KD-1001**",
        "**KD-1002**",
        "**KD-1003**",
        "**KD-1004**",
    ]
    assert oldest[1] == "open 8.8 business days · Waiting on contact · Sam"
    still = shown[shown.index("No movement for 5+ business days (2)") + 1 :]
    assert still == [
        "**KD-1001** · Approval node never completes.",
        "untouched 8.8 business days · Waiting on contact · Sam",
        "**KD-1003** · Approval node never completes.",
        "untouched 7.8 business days · Waiting on us · Riley",
    ]

    # A second run that week posts nothing new.
    mark = len(desk.connector.sent)
    said = await post_review(services(desk), desk.app[BOT].notifier, central(2026, 11, 30, 15))
    assert said == "2026-W49 queue review posted in the review channel."
    assert not desk.connector.since(mark)


async def test_sam_asks_for_the_review_and_devon_may_not(desk: Desk):
    sam, devon = kinetic_user(desk, "sam"), kinetic_user(desk, "devon")
    await open_queue(desk)
    freeze(desk, REVIEW_TIME)
    assert texts((await sam.says("review")).card)[0] == "Weekly queue review · 2026-W49"
    # The review is the team's view, as the scorecard is.
    assert (await devon.says("review")).texts == [
        "Only Sam, Riley or Lee may see the team scorecard."
    ]
