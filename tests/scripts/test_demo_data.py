"""The demo data script: realistic variety through the domain, deterministic, and careful
never to mix itself into a database that is in use, or into PostgreSQL without --force."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select

from scripts.demo_data import fill, fleet, summarize
from scripts.demo_data.__main__ import main
from scripts.demo_data.catalog import CUSTOMERS, MACHINES, PROBLEMS
from scripts.demo_data.steps import intake
from services.app_services import build_services
from services.db import Database
from services.db.schema import machines, ticket_events, tickets
from services.installed_base.embedded import EmbeddedInstalledBase
from services.profile import load_profile
from services.settings import Settings
from services.tickets import EventKind, Ticket, TicketRepository, TicketStatus
from tests.fixtures.databases import DatabaseTarget
from tests.harness.domain import BESTPACK
from tests.harness.profiles import bestpack_with

NOW = datetime(2026, 3, 13, 20, 0, tzinfo=UTC)  # a Friday, noon in the team's time zone
NOW_ARG = ["--now", NOW.isoformat()]
# BestPack's intake with ids of its own for the description, the serial and the site's state.
OWN_IDS = tuple(
    (f'id = "{old}"', f'id = "{new}"')
    for old, new in [
        ("issue_description", "what_happened"),
        ("serial_number", "nameplate"),
        ("site_state", "machine_site"),
    ]
)


def url_in(tmp_path, name: str = "demo.db") -> str:
    """A SQLite URL for a file that does not exist yet."""
    return f"sqlite+aiosqlite:///{tmp_path / name}"


async def services_on(db: Database):
    """The services the bot would build on `db` (the HTTP client is never used)."""
    http = httpx.AsyncClient()
    settings = Settings(_env_file=None, database_url=db.url)
    return build_services(settings, load_profile("bestpack"), db, http), http


async def all_tickets(db: Database) -> list[Ticket]:
    """Every ticket the demo filed."""
    return await TicketRepository(db, BESTPACK).with_status(list(TicketStatus))


async def filled(database: Database, days: int = 10):
    """Fill `database` with the demo up to NOW and return its summary."""
    services, http = await services_on(database)
    async with http:
        await fill(services, NOW, days=days, seed=7)
        return await summarize(services, NOW)


async def test_ten_days_of_tickets_with_every_step_of_the_support_way(database: Database):
    summary = await filled(database)
    statuses = summary.tickets_by_status
    assert sum(statuses.values()) >= 20
    for status in ("new", "in_progress", "escalated", "resolved", "closed"):
        assert statuses[status] >= 1, status
    assert summary.span_days >= 7
    assert summary.late_acks >= 1
    assert summary.overdue_unacknowledged >= 1  # so the SLA alerts have work on start-up
    assert summary.reopened_tickets >= 1
    assert summary.escalations >= 2 and summary.rccas >= 1
    assert summary.parts_requests >= 1 and summary.orders_by_status.get("delivered", 0) >= 1
    assert summary.service_requests_by_status.get("scheduled", 0) >= 1
    assert summary.service_requests_by_status.get("awaiting_approval", 0) >= 1
    assert summary.kb_articles_by_status.get("draft", 0) >= 1
    assert summary.kb_articles_by_status.get("published", 0) >= 1
    # Steps BestPack's process does not have: rules that escalate at intake, helper teams to
    # pull in, documentation first (Kinetic Data's demo shows those it has).
    absent = {EventKind.ESCALATED_AT_INTAKE.value}
    if not BESTPACK.teams:
        absent.add(EventKind.INVOLVED.value)
    if not BESTPACK.knowledge.documentation_first:
        absent.add(EventKind.DOCUMENTATION_ANSWER.value)
    # Messages wait on the sync queue only where HubSpot carries them to customers.
    if BESTPACK.system_of_record != "hubspot":
        absent.add(EventKind.MESSAGE_QUEUED.value)
    assert set(summary.events_by_kind) == {kind.value for kind in EventKind} - absent


async def test_an_installed_base_across_the_states_with_every_ticket_on_one_of_its_machines(
    database: Database,
):
    summary = await filled(database, days=4)
    assert summary.customers >= 24 and 200 <= summary.machines <= 500
    providers = {s for p in BESTPACK.service.providers for s in p.states}
    assert providers <= set(summary.sites_by_state) and len(summary.sites_by_state) >= 20
    assert len(summary.sales_orders_by_status) >= 4 and summary.open_deals >= 5

    made = fleet.build(BESTPACK, NOW.date(), 7)
    assert {m.complexity for m in made.machines} == {"standard", "custom"}
    assert {o.open for o in made.orders} == {True, False}
    base = EmbeddedInstalledBase(database)
    everything = await all_tickets(database)
    assert everything and summary.tickets_on_machines == len(everything)
    for ticket in everything:
        machine = await base.machine(ticket.serial_number)
        assert (ticket.machine_ref, ticket.customer_ref) == (machine.ref, machine.customer_ref)
        assert (ticket.machine_model, ticket.complexity) == (machine.model, machine.complexity)
        assert ticket.company == machine.customer_name
        assert ticket.fields["site_state"] == machine.site.state.lower()
    served = [t for t in everything if BESTPACK.provider_for_state(t.fields["site_state"])]
    assert served, "no demo ticket is in a 3rd-party provider's state"


async def test_every_timeline_runs_forward_and_stops_before_now(sqlite_database: Database):
    await filled(sqlite_database)
    query = select(ticket_events.c.ticket_id, ticket_events.c.at).order_by(ticket_events.c.id)
    async with sqlite_database.engine.connect() as connection:
        rows = (await connection.execute(query)).all()
        created = dict((await connection.execute(select(tickets.c.id, tickets.c.created_at))).all())
    last: dict[int, datetime] = {}
    for ticket_id, at in rows:
        assert at >= last.get(ticket_id, created[ticket_id]), f"ticket {ticket_id} went back"
        assert at <= NOW
        last[ticket_id] = at


async def test_the_same_seed_and_time_make_the_same_demo(tmp_path, open_database):
    made, fleets = [], []
    for name in ("a.db", "b.db"):
        db = await open_database(DatabaseTarget(url_in(tmp_path, name)))
        await db.migrate()
        await filled(db, days=4)
        async with db.engine.connect() as connection:
            made.append((await connection.execute(select(ticket_events).order_by("id"))).all())
            fleets.append((await connection.execute(select(machines).order_by("ref"))).all())
    assert made[0] == made[1] and len(made[0]) > 50
    assert fleets[0] == fleets[1] and len(fleets[0]) > 200


async def test_demo_intake_answers_each_field_by_its_role(sqlite_database: Database, tmp_path):
    settings = Settings(_env_file=None, database_url=sqlite_database.url)
    variant = bestpack_with(settings, tmp_path, "own-ids", *OWN_IDS)
    http = httpx.AsyncClient()
    services = build_services(variant, load_profile(variant.profile), sqlite_database, http)
    down = next(problem for problem in PROBLEMS if problem.machine_down)
    async with http:
        ticket, _ = await intake(services, CUSTOMERS[1], MACHINES[0], down, "CE4-0001", "k", NOW)
    assert (ticket.description, ticket.serial_number) == (down.description, "CE4-0001")
    assert ticket.fields["machine_site"] == "nj"  # Northwind Bottling, New Jersey
    assert (ticket.company, ticket.machine_model) == (CUSTOMERS[1].company, MACHINES[0].model)
    assert ticket.priority == "urgent"  # what the rules suggest for a machine down


def test_the_command_fills_an_empty_database_then_refuses_it_unless_forced(tmp_path, capsys):
    url = url_in(tmp_path)
    assert main(["--database-url", url, *NOW_ARG]) == 0
    first = capsys.readouterr().out.splitlines()
    assert any(line.startswith("Tickets: ") for line in first)
    assert any(line.startswith("Reopened tickets: ") and line[-2:] != " 0" for line in first)
    assert "delete the SQLite file" in first[-1]  # how to start over
    # In use now: refused, saying what it holds.
    assert main(["--database-url", url, *NOW_ARG, "--seed", "8"]) == 2
    refusal = capsys.readouterr().err
    assert "is not empty" in refusal and "tickets" in refusal and "--force" in refusal
    # Forced with the same seed: its tickets are found by their intake keys, nothing is added.
    assert main(["--database-url", url, *NOW_ARG, "--force"]) == 0
    again = capsys.readouterr().out.splitlines()
    assert "already there, skipped" in again[1]
    assert again[2:] == first[2:]


@pytest.mark.parametrize("url", ["postgresql+asyncpg://bot:pw@db.example.com/prod"])
def test_postgresql_is_refused_without_force_and_without_connecting(url, capsys):
    assert main(["--database-url", url]) == 2
    refusal = capsys.readouterr().err
    assert "PostgreSQL" in refusal and "--force" in refusal and "pw" not in refusal
