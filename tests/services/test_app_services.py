"""build_services: the one factory that picks each port's implementation."""

from datetime import UTC, datetime

import httpx

from services.app_services import build_services, utc_now
from services.db import Database
from services.installed_base.embedded import EmbeddedCustomerDirectory, EmbeddedInstalledBase
from services.knowledge import EmbeddedKnowledgeBase
from services.parts import EmbeddedOrderSystem
from services.profile import load_profile
from services.service_requests import EmbeddedProjectSystem
from services.settings import Settings
from services.tickets import EmbeddedTicketSystem, TicketDraft
from tests.harness.domain import bestpack_variant

NOON = datetime(2026, 3, 13, 20, 0, tzinfo=UTC)


async def test_with_nothing_configured_every_port_is_embedded(sqlite_database: Database) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url)
    async with httpx.AsyncClient() as http:
        services = build_services(settings, load_profile("bestpack"), sqlite_database, http)

    assert isinstance(services.ticket_system, EmbeddedTicketSystem)
    assert isinstance(services.knowledge, EmbeddedKnowledgeBase)
    assert isinstance(services.orders, EmbeddedOrderSystem)
    assert isinstance(services.projects, EmbeddedProjectSystem)
    assert services.http is http and services.clock is utc_now


async def test_the_ticket_system_reads_what_the_repository_wrote(
    sqlite_database: Database,
) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url)
    async with httpx.AsyncClient() as http:
        services = build_services(
            settings, load_profile("bestpack"), sqlite_database, http, clock=lambda: NOON
        )
    draft = TicketDraft(subject="Labeler jams", description="Every tenth label.")
    ticket, _ = await services.tickets.create(draft, "mary", "form-1", services.clock())

    assert services.clock() == NOON
    assert await services.ticket_system.find(number=ticket.number) == ticket


async def test_bp_search_reads_the_bot_s_database_without_outside_systems(
    sqlite_database: Database,
) -> None:
    # The profile may name NetSuite and HubSpot; with no credentials the database answers.
    outside = {"installed_base": "netsuite", "customers": "hubspot"}
    profile = bestpack_variant(lambda data: data.update(bp_search=outside))
    settings = Settings(_env_file=None, database_url=sqlite_database.url)
    async with httpx.AsyncClient() as http:
        services = build_services(settings, profile, sqlite_database, http)

    assert isinstance(services.installed_base, EmbeddedInstalledBase)
    assert isinstance(services.directory, EmbeddedCustomerDirectory)
    assert services.installed_base.source == "the bot's database"
