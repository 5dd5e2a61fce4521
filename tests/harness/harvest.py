"""Desks that log time: the shipped Kinetic profile (its [harvest] section, Sam's Harvest user,
a customer's own project), the fake Harvest holding the projects it names, its sync worker moved
along by hand, and a filed ticket."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.keys import HARVEST_SYNC_WORKER, SERVICES
from services.profile.loader import SHIPPED
from services.settings import Settings
from services.sync import QueueStats, SyncQueue, SyncSettings
from services.sync.harvest import SYSTEM
from services.tickets import Ticket, check_draft, draft_from_answers
from services.time_entries import TimeEntry
from tests.harness.connector import FakeConnector
from tests.harness.desk import Chat, Desk
from tests.harness.fake_harvest import FakeHarvest
from tests.harness.sync import Clock, drain

# Monday 7 Dec 2026, 17:30 in Chicago: already Tuesday in UTC, still Monday's timesheet there.
MONDAY_EVENING = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
SAM_IN_HARVEST = 1782960  # Sam's Harvest user; Erin has none, so hers is the token's user's
# kinetic.toml's [harvest]: the default project and the Kinetic Request CE one, and a customer's
# own project the tests add.
SUPPORT, SUPPORT_TASK = 14307913, 8083365
REQUEST_CE, REQUEST_CE_TASK = 14308070, 8083367
ACME, ACME_TASK = 14308069, 8083366
ACME_PROJECT = f"""
[[harvest.projects]]
customer = "Acme Corp"
project_id = {ACME}
task_id = {ACME_TASK}
"""
ANSWERS = {
    "description": "Approval node never completes.\nSince the 6.1 upgrade.",
    "installation_type": "kinops",
    "environment": "test",
    "application": "Kinetic Request CE 6.1",
    "category": "problem",
    "type": "workflow",
}


def timesheet_profile(folder: Path, *edits: tuple[str, str]) -> Path:
    """The shipped Kinetic profile with Sam's Harvest user and Acme Corp's own project, each
    (old, new) of `edits` made to the result."""
    text = (SHIPPED / "kinetic.toml").read_text(encoding="utf-8")
    sam = 'email = "sam@kineticdata.example"\n'
    text = _once(text, sam, f"{sam}harvest_user_id = {SAM_IN_HARVEST}\n") + ACME_PROJECT
    for old, new in edits:
        text = _once(text, old, new)
    path = folder / "kinetic-harvest.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _once(text: str, old: str, new: str) -> str:
    # Exactly once, or the profile changed shape and the edit would mean nothing.
    assert text.count(old) == 1, f"the Kinetic profile has no single {old!r}"
    return text.replace(old, new)


def stock(fake: FakeHarvest) -> None:
    """The account's users and the projects (with their tasks) the profile names."""
    fake.store.users[SAM_IN_HARVEST] = "Sam"
    fake.store.add_project(SUPPORT, "Support", {SUPPORT_TASK: "Support"})
    fake.store.add_project(ACME, "Acme Corp support", {ACME_TASK: "Support"})
    fake.store.add_project(REQUEST_CE, "Kinetic Request CE", {REQUEST_CE_TASK: "Support"})


def on_harvest(settings: Settings, fake: FakeHarvest | None) -> Settings:
    """`settings` with the fake as Harvest (none: Harvest off), its worker pumped by hand."""
    sync = SyncSettings(_env_file=None, background=False, retry_cap_seconds=120.0)
    values = fake.settings() if fake is not None else {}
    update = {name.lower(): value for name, value in values.items()}
    return settings.model_copy(update={**update, "sync": sync})


@asynccontextmanager
async def timesheet_desk(
    settings: Settings,
    connector: FakeConnector,
    folder: Path,
    fake: FakeHarvest | None,
    clock: Clock,
    *edits: tuple[str, str],
) -> AsyncIterator[Desk]:
    """The Kinetic desk on `clock`, with the fake as Harvest (None: Harvest off)."""
    profile = str(timesheet_profile(folder, *edits))
    desk = Desk(on_harvest(settings, fake).model_copy(update={"profile": profile}), connector)
    await desk.start()
    desk.app[SERVICES].clock = clock
    try:
        yield desk
    finally:
        await desk.close()


async def send_time(desk: Desk, clock: Clock) -> int:
    """Run the Harvest worker's rounds, moving the clock as they ask, until all is sent."""
    queue = SyncQueue(desk.app[SERVICES].db)
    return await drain(desk.app[HARVEST_SYNC_WORKER], clock, queue)


async def try_sending(desk: Desk, clock: Clock, rounds: int) -> None:
    """Run `rounds` of the Harvest worker, moving the clock as each asks (sent or not)."""
    worker = desk.app[HARVEST_SYNC_WORKER]
    for _ in range(rounds):
        clock.advance(max(await worker.pump(), 0.001))


async def harvest_queue(desk: Desk) -> QueueStats:
    """Where the Harvest queue stands: unsent changes, the oldest one's age, dead letters."""
    stats = await SyncQueue(desk.app[SERVICES].db).stats()
    return stats.get(SYSTEM, QueueStats())


async def file_ticket(
    desk: Desk, clock: Clock, company: str | None = None, **answers: Any
) -> Ticket:
    """A ticket Sam filed from the seed's fields (`answers` replacing some), for `company`."""
    services = desk.app[SERVICES]
    profile = services.profile
    draft = check_draft(draft_from_answers(profile, {**ANSWERS, **answers}), profile)
    if company is not None:
        draft = replace(draft, company=company)  # HubSpot's company, as the e-mail brings it
    key = f"form-{company}-{answers}"
    ticket, _ = await services.tickets.create(draft, "sam", key, clock.now)
    return ticket


async def entries_of(desk: Desk, number: str) -> list[TimeEntry]:
    """The time entries stored on a ticket, oldest first."""
    services = desk.app[SERVICES]
    ticket = await services.tickets.get(number)
    assert ticket is not None, number
    return await services.time_entries.of_ticket(ticket.id)


def booked(fake: FakeHarvest) -> list[dict[str, Any]]:
    """Every time entry Harvest holds, oldest first."""
    return sorted(fake.store.entries.values(), key=lambda entry: entry["id"])


async def person(desk: Desk, name: str) -> Chat:
    """A roster member of the Kinetic desk, with the app installed."""
    chat = desk.user(name, f"{name.lower()}@kineticdata.example")
    await chat.installs_the_app()
    return chat
