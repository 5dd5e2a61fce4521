"""build_services and Harvest: with HARVEST_* set, each time entry's copy is queued for Harvest
in the transaction storing it; without them, time is stored only; and a profile that does not
say where time goes refuses to start with Harvest on."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from services.app_services import build_services
from services.clients.harvest import HarvestClient
from services.db import Database
from services.ports import check_systems
from services.profile import load_profile
from services.settings import Settings
from services.sync import SyncQueue
from services.sync.harvest import SYSTEM, TIME_ENTRY
from services.tickets import TicketDraft
from services.time_entries import log_time
from tests.harness.harvest import timesheet_profile

HARVEST = {
    "harvest_account_id": "123456",
    "harvest_token": "2284577.pt.token",
    "harvest_user_agent": "Support Desk (support-it@example.com)",
}
EVENING = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)


async def logged_once(sqlite_database: Database, tmp_path, settings: Settings):
    """Build the services, log 45 minutes on a new ticket; the services and the entry."""
    profile = load_profile(timesheet_profile(tmp_path))
    async with httpx.AsyncClient() as http:
        services = build_services(settings, profile, sqlite_database, http)
    ticket, _ = await services.tickets.create(TicketDraft("Approval"), "sam", "f-1", EVENING)
    entry = await services.time_entries.add(log_time(ticket, "sam", profile, EVENING, 45))
    return services, entry


async def test_with_harvest_set_each_entry_is_queued_for_harvest_as_it_is_stored(
    sqlite_database: Database, tmp_path
) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url, **HARVEST)
    services, entry = await logged_once(sqlite_database, tmp_path, settings)

    assert isinstance(services.harvest, HarvestClient)
    assert services.time_entries.sends
    [change] = await SyncQueue(sqlite_database).of_record(SYSTEM, f"time-{entry.id}")
    assert (change.kind, change.payload, change.actor_id) == (
        TIME_ENTRY,
        {"entry": entry.id, "ticket": "KD-1001"},
        "sam",
    )


async def test_without_harvest_time_is_stored_and_nothing_is_queued(
    sqlite_database: Database, tmp_path
) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url)
    services, entry = await logged_once(sqlite_database, tmp_path, settings)

    assert services.harvest is None and not services.time_entries.sends
    assert await services.time_entries.get(entry.id) == entry
    assert await SyncQueue(sqlite_database).stats() == {}


def test_harvest_on_with_a_profile_that_does_not_say_where_time_goes_refuses_to_start() -> None:
    settings = Settings(_env_file=None, **HARVEST)
    with pytest.raises(ValueError, match=r"the bestpack profile has no \[harvest\] section"):
        check_systems(settings, load_profile("bestpack"))
