"""The shipped Kinetic profile with its routines, and tickets on it for the routines' stories.

services/profile/kinetic.toml turns every routine on: Sam and Riley (the Support Specialists)
get a daily check at 08:15 Central, the queue review goes out on Mondays at 09:00, escalated
tickets' customers hear every business day, and a ticket waiting on its contact is warned after
7 silent business days and closes 3 after the warning. Tests may give the review a channel.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.keys import BOT
from dialogs.intake.escalation import escalate_arrived
from services.profile.loader import SHIPPED
from services.settings import Settings
from services.tickets import Ticket, check_draft, draft_from_answers
from services.tickets.workflow import acknowledge, assign, change_status
from tests.harness.connector import FakeConnector
from tests.harness.desk import Chat, Desk
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.hubspot_desk import on_hubspot as hubspot_settings
from tests.harness.hubspot_desk import set_up
from tests.harness.tickets import services

CENTRAL = ZoneInfo("America/Chicago")
REVIEW_CHANNEL = "19:kinetic-review@thread.tacv2"
SENDER = "A-52779312"  # the support agent the desk writes to customers as (the fake's agent)
ANSWERS = {
    "description": "Approval node never completes.\nSince the 6.1 upgrade.",
    "installation_type": "kinops",
    "environment": "test",
    "application": "Kinetic Request CE",
    "category": "problem",
    "type": "workflow",
}


def central(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Central wall-clock time (Kinetic's business hours) as the UTC instant the app uses."""
    return datetime(year, month, day, hour, minute, tzinfo=CENTRAL).astimezone(UTC)


def kinetic_text(*edits: tuple[str, str]) -> str:
    """The shipped kinetic.toml with each (old, new) made (each old found exactly once)."""
    text = (SHIPPED / "kinetic.toml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"kinetic.toml has no single {old!r}"
        text = text.replace(old, new)
    return text


def kinetic_settings(settings: Settings, folder: Path, *edits: tuple[str, str]) -> Settings:
    """`settings` on the shipped Kinetic profile, with `edits` made to a copy of it."""
    if not edits:
        return settings.model_copy(update={"profile": "kinetic"})
    path = folder / "kinetic-edited.toml"
    path.write_text(kinetic_text(*edits), encoding="utf-8")
    return settings.model_copy(update={"profile": str(path)})


# The edit that gives the weekly review a Teams channel.
REVIEW_IN_CHANNEL = ('review = ""', f'review = "{REVIEW_CHANNEL}"')


def kinetic_user(desk: Desk, person_id: str) -> Chat:
    """One of the Kinetic roster as a Teams user (Sam, Riley, Devon, ...)."""
    return desk.user(person_id.title(), f"{person_id}@kineticdata.example")


async def kinetic_ticket(
    desk: Desk,
    at: datetime,
    *,
    owner: str | None = "sam",
    status: str | None = None,
    contact: str | None = "dana@customer.example",
    external_id: str | None = None,
    **answers: str,
) -> Ticket:
    """A ticket filed from the seed's fields at `at` (from `contact` at Acme Health; with
    `external_id`, its id in the system of record), acknowledged and assigned to `owner` (None:
    left for triage), then set to `status` (a Kinetic status key) if given."""
    app = services(desk)
    profile = app.profile
    draft = check_draft(draft_from_answers(profile, ANSWERS | answers), profile)
    draft = replace(draft, contact_email=contact, company="Acme Health", external_id=external_id)
    ticket, _ = await app.tickets.create(draft, "sam", None, at)
    if owner is None:
        return ticket
    steps = [
        lambda t: acknowledge(t, "sam", profile, at),
        lambda t: assign(t, "sam", profile, at, assignee_id=owner),
    ]
    if status:
        steps.append(lambda t: change_status(t, owner, profile, at, status))
    current, events = ticket, []
    for step in steps:
        current, new = step(current)
        events.extend(new)
    return await app.tickets.save(current, ticket.version, events)


async def escalate_at_once(desk: Desk, ticket: Ticket, at: datetime) -> Ticket:
    """Apply the profile's escalate rules to a ticket just filed at `at`, as happens when it
    arrives from the system of record (a production ticket: escalated, its team told)."""
    app = services(desk)
    app.clock = lambda: at
    return await escalate_arrived(app, desk.app[BOT].notifier, ticket)


@asynccontextmanager
async def desk_on_hubspot(
    settings: Settings, connector: FakeConnector, folder: Path, *edits: tuple[str, str]
) -> AsyncIterator[tuple[Desk, FakeHubSpot]]:
    """The Kinetic desk (with `edits`) keeping its tickets in a fake HubSpot set up as Kinetic's
    admin has it, and writing to customers in their conversations there as the support agent
    (HUBSPOT_SENDER_ACTOR_ID). Its sync to HubSpot is pumped by hand (hubspot_desk.deliver)."""
    hubspot = FakeHubSpot()
    await hubspot.start()
    set_up(hubspot)
    on_hubspot = hubspot_settings(settings, folder, hubspot)
    _edit(Path(on_hubspot.profile), edits)
    desk = Desk(on_hubspot.model_copy(update={"hubspot_sender_actor_id": SENDER}), connector)
    await desk.start()
    try:
        yield desk, hubspot
    finally:
        await desk.close()
        await hubspot.close()


def _edit(path: Path, edits: tuple[tuple[str, str], ...]) -> None:
    """Make each (old, new) in the profile file at `path` (each old found exactly once)."""
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"the HubSpot Kinetic profile has no single {old!r}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
