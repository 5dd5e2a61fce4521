"""SLA alerts and the weekly scorecard in the Microsoft 365 Agents Playground, on the demo's
seeded week of tickets (what `make demo` then `make playground` shows). Opt-in with PLAYGROUND=1;
conftest.py starts the bot and the playground, here on a database filled by scripts.demo_data.

The story, as the processes really run it:
- The demo fills a fresh database with ten days of tickets up to now. The last few hours' tickets
  were never acknowledged, so they are past their one-hour deadline whatever the time of day.
- The bot starts with its scheduler on, and the scheduler's first pass runs at once: the SLA
  sweep finds the breaches, and the weekly scorecard job posts last week's card. Nobody has
  talked to the bot yet, so it has no chat in which to reach Mary (triage) or Allison
  (engineering manager, who triages too). The outbox holds their messages as "waiting".
- Mary types in her 1:1 chat and Allison installs the app: each breach's card reaches both of
  them, once each. Mary sees hers in the chat pane; Allison's 1:1 chat is only in the log
  stream (see test_playground_lifecycle.py).
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
from sqlalchemy import select

from cards.sla_alert import DEADLINE_NAMES
from scripts.playground import Activity, Playground, card_title, cards
from services.db import Database
from services.db.schema import sla_alerts, tickets
from services.profile import load_profile
from services.scheduler import JobRun, JobRunRepository
from services.scorecard import Scorecards, last_complete_week, shown
from services.sla.policy import Deadline, Threshold
from tests.harness.cards import facts
from tests.playground.conftest import Stack, demo_database, sqlite_url

# The scheduler's first pass starts with the bot; the sweep is quick, this is only a bound.
FIRST_SWEEP_SECONDS = 30
# Held messages are sent when their person appears, then paced out by the outbox worker.
DELIVERY_SECONDS = 30
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


async def breaches(db: Database) -> list[tuple[str, Deadline]]:
    """(ticket number, deadline) of every breach the sweeps have recorded."""
    query = (
        select(tickets.c.number, sla_alerts.c.deadline)
        .join(tickets, tickets.c.id == sla_alerts.c.ticket_id)
        .where(sla_alerts.c.threshold == Threshold.BREACH.value)
        .order_by(tickets.c.number, sla_alerts.c.deadline)
    )
    async with db.engine.connect() as connection:
        return [(number, Deadline(d)) for number, d in (await connection.execute(query)).all()]


def breach_heading(number: str, deadline: Deadline) -> str:
    """How a breach alert card's heading starts (the rest says how late it is)."""
    return f"SLA breached: {number} {DEADLINE_NAMES[deadline]} is "


def alert_cards(messages: list[Activity]) -> list[dict]:
    """The SLA breach cards among messages, oldest first."""
    found = [card for m in messages for card in cards(m)]
    return [card for card in found if card_title(card).startswith("SLA breached: ")]


def all_breaches_in(messages: list[Activity], expected: list[tuple[str, Deadline]]) -> bool:
    """Whether a breach card has arrived for every expected (ticket, deadline)."""
    headings = [card_title(card) for card in alert_cards(messages)]
    return all(any(h.startswith(breach_heading(*b)) for h in headings) for b in expected)


def assert_each_breach_once(messages: list[Activity], expected: list[tuple[str, Deadline]]) -> None:
    """Exactly one card per breach, naming the ticket and saying how late it is."""
    shown_cards = alert_cards(messages)
    for number, deadline in expected:
        heading = breach_heading(number, deadline)
        mine = [c for c in shown_cards if card_title(c).startswith(heading)]
        assert len(mine) == 1, [card_title(c) for c in shown_cards]
        assert facts(mine[0])["Ticket"].startswith(f"{number} · ")
        assert facts(mine[0])["Late by"] in card_title(mine[0])


async def test_breaches_reach_triage_and_the_manager_and_the_scorecard_shows(
    pg: Playground, db: Database, stack: Stack
):
    sweep = await first_sweep(db, stack)
    assert sweep.outcome is not None and sweep.outcome.startswith("ok"), sweep.outcome
    expected = await breaches(db)
    # The demo leaves the last tickets unacknowledged: there is always something late.
    assert any(deadline is Deadline.ACKNOWLEDGE for _, deadline in expected), expected

    # Mary talks to the bot: what was held for her arrives in her 1:1 chat, on screen.
    await pg.say("help")
    marys_chat = pg.personal_chat_id
    await pg.wait_for(
        lambda: all_breaches_in(pg.shown_messages(marys_chat), expected), DELIVERY_SECONDS
    )
    assert_each_breach_once(pg.shown_messages(marys_chat), expected)

    # Allison installs the app: her copies, and the scheduled weekly scorecard, reach her chat.
    allisons_chat = await pg.install_app("Allison")
    week = last_complete_week(datetime.now(UTC), load_profile("bestpack").business_hours.zone)
    weekly = f"Weekly scorecard · {week.label}"

    def allison_has_it_all() -> bool:
        told = pg.logged_messages(allisons_chat)
        posted = any(card_title(c) == weekly for m in told for c in cards(m))
        return posted and all_breaches_in(told, expected)

    await pg.wait_for(allison_has_it_all, DELIVERY_SECONDS)
    assert_each_breach_once(pg.logged_messages(allisons_chat), expected)

    # Allison asks for it herself in the group chat: the headline and the chart.
    replies = await pg.say("scorecard", as_user="Allison")
    [card] = [c for reply in replies for c in cards(reply)]
    assert card_title(card) == weekly
    profile = load_profile("bestpack")
    figures = await Scorecards(db, profile).scorecard(week, datetime.now(UTC))
    headline = figures.headline
    assert headline.label == "Reopen rate"
    assert card["body"][2]["text"] == f"Reopen rate: {shown(headline.value, headline.unit)}"
    [image] = [e for e in card["body"] if e.get("type") == "Image"]
    assert image["url"].startswith("data:image/png;base64,")
    assert base64.b64decode(image["url"].split(",", 1)[1]).startswith(PNG)
    assert image["altText"].startswith("Reopen rate and acknowledgement rate by week.")
