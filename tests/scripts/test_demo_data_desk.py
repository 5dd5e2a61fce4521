"""`SUPPORT_PROFILE=kinetic make demo`: Kinetic Data's desk filled without a single machine,
through the same workflow commands, by whoever its roles say."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scripts.demo_data.__main__ import filler, run
from scripts.demo_data.desk import fill_desk
from scripts.demo_data.fill import fill
from services.db import Database
from services.profile import load_profile
from services.settings import Settings
from services.tickets import EventKind, TicketRepository, TicketStatus

NOW = datetime(2026, 3, 13, 20, 0, tzinfo=UTC)  # a Friday, 14:00 in Chicago
KINETIC = load_profile("kinetic")


def test_the_profile_picks_its_demo():
    assert filler(KINETIC) is fill_desk
    assert filler(load_profile("bestpack")) is fill


@pytest.fixture
def kinetic_settings(tmp_path) -> Settings:
    url = f"sqlite+aiosqlite:///{tmp_path / 'kinetic-demo.db'}"
    return Settings(_env_file=None, database_url=url, profile="kinetic")


async def test_ten_days_of_platform_tickets_on_the_desks_own_statuses(kinetic_settings):
    url = kinetic_settings.database_url
    lines = await run(url, kinetic_settings, days=10, seed=7, now=NOW, force=False)

    assert lines[1].startswith("Stories: ") and "escalated" in lines[1]
    db = await Database.connect(url)
    try:
        tickets = await TicketRepository(db, KINETIC).with_status(list(TicketStatus))
        events = [e for t in tickets for e in await TicketRepository(db, KINETIC).events(t.id)]
    finally:
        await db.close()
    assert len(tickets) >= 20 and all(t.number.startswith("KD-") for t in tickets)
    statuses = {t.status for t in tickets}
    assert {TicketStatus.NEW, TicketStatus.RESOLVED, TicketStatus.CLOSED} <= statuses
    assert all(t.serial_number is None and t.machine_ref is None for t in tickets)
    owners = {t.assignee_id for t in tickets if t.assignee_id}
    assert owners and owners <= {"sam", "riley"}  # the specialists own every ticket
    assert any(t.reopen_count for t in tickets)
    production = [t for t in tickets if t.fields.get("environment") == "production"]
    assert production and all(t.priority == "urgent" for t in production)
    escalated = [e for e in events if e.kind is EventKind.ESCALATED_AT_INTAKE]
    assert len(escalated) == len(production)
    assert escalated[0].body == "environment is production → DevOps told"
    assert {EventKind.RCCA, EventKind.REOPENED, EventKind.CLOSED} <= {e.kind for e in events}


async def test_a_second_run_adds_nothing(kinetic_settings):
    url = kinetic_settings.database_url
    await run(url, kinetic_settings, days=5, seed=3, now=NOW, force=False)
    again = await run(url, kinetic_settings, days=5, seed=3, now=NOW, force=True)
    assert again[1].startswith("Stories: none new; ")
