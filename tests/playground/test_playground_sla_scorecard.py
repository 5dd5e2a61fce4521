"""SLA alerts and the weekly scorecard in the Microsoft 365 Agents Playground, on the demo's
seeded week of tickets (what `make demo` then `make playground` shows). Opt-in with PLAYGROUND=1;
conftest.py starts the bot and the playground, here on a database filled by scripts.demo_data.

The story, as the processes really run it:
- The demo fills a fresh database with ten days of tickets up to now. The last few hours' tickets
  were never acknowledged, so they are past their one-hour deadline whatever the time of day.
- The bot starts with its scheduler on, and the scheduler's first pass runs at once: the SLA
  sweep finds the breaches, one alert per ticket naming every deadline it missed, the assignee
  told before triage and the manager; the weekly scorecard job posts last week's card. Nobody
  has talked to the bot yet, so the outbox holds everything as "waiting".
- Mary types in her 1:1 chat and Allison installs the app: what was held for each arrives as one
  summary, each breached ticket once with every deadline it missed and where it stands now, not
  a burst of cards. Mary sees hers in the chat pane; Allison's 1:1 chat is only in the log
  stream (see test_playground_lifecycle.py). The scorecard keeps its own card.
- A ticket misses two deadlines while Mary is in her chat: one card names both, and when she
  acknowledges it that card is updated in place, not followed by a new one.
- Allison types `scorecard`: last week's card, with the reopen rate as its headline and the
  8-week chart as an image.
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cards.deadlines import DEADLINE_NAMES
from scripts.playground import Activity, Playground, card_title, cards
from services.db import Database
from services.profile import load_profile
from services.scheduler import JobRun, JobRunRepository
from services.scorecard import Scorecards, last_complete_week, shown
from services.sla.policy import Deadline
from tests.harness.cards import texts
from tests.harness.sla_story import assignees, breaches, make_late, told_in_order
from tests.playground.conftest import Stack, demo_database, sqlite_url

# The scheduler's first pass starts with the bot; the sweep is quick, this is only a bound.
FIRST_SWEEP_SECONDS = 30
# Held messages are sent when their person appears, then paced out by the outbox worker.
DELIVERY_SECONDS = 30
# The sweep runs every minute: a ticket made late waits for the next one.
NEXT_SWEEP_SECONDS = 75
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's ten days up to the real now, as `make demo` fills them."""
    return demo_database(tmp_path_factory)


@pytest.fixture(scope="module")
def bot_environment() -> dict[str, str]:
    """The scheduler on, whatever the developer's environment says."""
    return {"SCHEDULER_ENABLED": "true"}


@pytest.fixture
async def db(stack: Stack) -> AsyncIterator[Database]:
    """The bot's database, read beside the running bot."""
    assert stack.database is not None
    database = await Database.connect(sqlite_url(stack.database))
    try:
        yield database
    finally:
        await database.close()


async def first_sweep(db: Database, stack: Stack) -> JobRun:
    """The scheduler's first SLA sweep once it has finished (it starts with the bot)."""
    runs = JobRunRepository(db)
    deadline = time.monotonic() + FIRST_SWEEP_SECONDS
    while time.monotonic() < deadline:
        done = [run for run in await runs.runs("sla_sweep") if run.finished_at is not None]
        if done:
            return done[0]
        await asyncio.sleep(0.2)
    log = stack.bot_log.read_text(errors="replace") if stack.bot_log else ""
    pytest.fail(f"no SLA sweep finished within {FIRST_SWEEP_SECONDS}s:\n{log}")


def held_summary(messages: list[Activity]) -> list[dict]:
    """The summaries of what was held, among messages."""
    found = [card for m in messages for card in cards(m)]
    return [card for card in found if card_title(card).startswith("While you were away")]


def breach_cards(messages: list[Activity]) -> list[dict]:
    """The SLA breach cards among messages that arrived on their own."""
    found = [card for m in messages if not m.get("updated") for card in cards(m)]
    return [card for card in found if card_title(card).startswith("SLA breached: ")]


def names_every_deadline(line: str, number: str, missed: set[Deadline]) -> bool:
    """Whether an alert line is about this ticket and names each deadline it missed."""
    return line.startswith(f"SLA breached: {number} ") and all(
        DEADLINE_NAMES[d] in line for d in missed
    )


def assert_summary_of(
    messages: list[Activity], expected: dict[str, set[Deadline]], now: dict[str, str]
) -> None:
    """One summary, each breached ticket in it once, naming every deadline, as it stands now;
    no alert card of its own."""
    [summary] = held_summary(messages)
    assert not breach_cards(messages), "no burst of cards"
    lines = texts(summary)
    for number, missed in expected.items():
        mine = [i for i, line in enumerate(lines) if line.startswith(f"SLA breached: {number} ")]
        assert len(mine) == 1, lines
        assert names_every_deadline(lines[mine[0]], number, missed), lines[mine[0]]
        assert lines[mine[0] + 1].startswith("Now: ") and lines[mine[0] + 1].endswith(now[number])


async def test_breaches_reach_triage_and_the_manager_and_the_scorecard_shows(
    pg: Playground, db: Database, stack: Stack
):
    sweep = await first_sweep(db, stack)
    assert sweep.outcome is not None and sweep.outcome.startswith("ok"), sweep.outcome
    expected = await breaches(db)
    # The demo leaves the last tickets unacknowledged: there is always something late.
    assert sum(Deadline.ACKNOWLEDGE in missed for missed in expected.values()) >= 2, expected
    profile = load_profile("bestpack")
    assigned = await assignees(db, list(expected))
    now = {n: profile.person(a).name if a else "nobody yet" for n, a in assigned.items()}
    # Whoever works a late ticket can act at once: they are told before triage and the manager.
    for number, assignee in assigned.items():
        if assignee:
            assert (await told_in_order(db, number))[0] == assignee, number

    # Mary talks to the bot: what was held for her arrives in her 1:1 chat as one summary.
    await pg.say("help")
    marys_chat = pg.personal_chat_id
    await pg.wait_for(lambda: held_summary(pg.shown_messages(marys_chat)), DELIVERY_SECONDS)
    assert_summary_of(pg.shown_messages(marys_chat), expected, now)

    # Allison installs the app: her summary, and the scheduled weekly scorecard, reach her chat.
    allisons_chat = await pg.install_app("Allison")
    week = last_complete_week(datetime.now(UTC), profile.business_hours.zone)
    weekly = f"Weekly scorecard · {week.label}"

    def allison_has_it_all() -> bool:
        told = pg.logged_messages(allisons_chat)
        posted = any(card_title(c) == weekly for m in told for c in cards(m))
        return posted and held_summary(told)

    await pg.wait_for(allison_has_it_all, DELIVERY_SECONDS)
    assert_summary_of(pg.logged_messages(allisons_chat), expected, now)

    # A ticket misses two deadlines while Mary is in her chat: one card names both.
    number = await make_late(db, exclude=set(expected))

    def marys_alert() -> list[dict]:
        found = breach_cards(pg.shown_messages(marys_chat))
        return [card for card in found if card_title(card).startswith(f"SLA breached: {number} ")]

    [alert] = await pg.wait_for(marys_alert, NEXT_SWEEP_SECONDS)
    both = {Deadline.ACKNOWLEDGE, Deadline.FIRST_RESPONSE}
    assert names_every_deadline(card_title(alert), number, both), card_title(alert)
    assert (await told_in_order(db, number))[0] == (await assignees(db, [number]))[number]

    # Mary acknowledges it: the same card now says so, no new card follows.
    await pg.say(f"acknowledge {number}")

    def updated() -> list[dict]:
        found = [m for m in pg.logged_messages(marys_chat) if m.get("updated")]
        return [c for m in found for c in cards(m) if card_title(c) == card_title(alert)]

    [shown_now] = await pg.wait_for(updated, DELIVERY_SECONDS)
    assert "Since met: acknowledgement." in " ".join(texts(shown_now))
    assert len(marys_alert()) == 1, "updated in place, not followed by a new card"

    # Allison asks for it herself in the group chat: the headline and the chart.
    replies = await pg.say("scorecard", as_user="Allison")
    [card] = [c for reply in replies for c in cards(reply)]
    assert card_title(card) == weekly
    figures = await Scorecards(db, profile).scorecard(week, datetime.now(UTC))
    headline = figures.headline
    assert headline.label == "Reopen rate"
    assert card["body"][2]["text"] == f"Reopen rate: {shown(headline.value, headline.unit)}"
    [image] = [e for e in card["body"] if e.get("type") == "Image"]
    assert image["url"].startswith("data:image/png;base64,")
    assert base64.b64decode(image["url"].split(",", 1)[1]).startswith(PNG)
    assert image["altText"].startswith("Reopen rate and acknowledgement rate by week.")
