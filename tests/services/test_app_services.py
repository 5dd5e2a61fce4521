"""build_services: the one factory that picks each port's implementation."""

from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest

from services.app_services import build_services, utc_now
from services.clients.netsuite import NetSuiteClient
from services.db import Database
from services.installed_base.embedded import EmbeddedCustomerDirectory, EmbeddedInstalledBase
from services.installed_base.netsuite import NetSuiteInstalledBase
from services.knowledge import EmbeddedKnowledgeBase
from services.parts import EmbeddedOrderSystem
from services.profile import load_profile
from services.service_requests import EmbeddedProjectSystem
from services.service_requests.workflow import file_request
from services.settings import Settings
from services.sync import SyncQueue
from services.sync.netsuite.system import NetSuiteProjectSystem
from services.tickets import EmbeddedTicketSystem, TicketDraft
from tests.harness.domain import bestpack_variant
from tests.harness.service_domain import IN_HOUSE

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


NETSUITE = {
    "netsuite_url": "https://1234567.suitetalk.api.netsuite.com",
    "netsuite_account_id": "1234567",
    "netsuite_consumer_key": "ck",
    "netsuite_consumer_secret": "cs",
    "netsuite_token_id": "tk",
    "netsuite_token_secret": "ts",
}


async def test_with_netsuite_set_the_installed_base_is_netsuite_on_the_shared_client(
    sqlite_database: Database,
) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url, **NETSUITE)
    async with httpx.AsyncClient() as http:
        services = build_services(settings, load_profile("bestpack"), sqlite_database, http)

    assert isinstance(services.installed_base, NetSuiteInstalledBase)
    assert services.installed_base.source == "NetSuite"
    assert isinstance(services.netsuite, NetSuiteClient)
    assert services.netsuite.config.realm == "1234567"


async def test_netsuite_set_but_nowhere_said_for_machines_refuses_to_start(
    sqlite_database: Database,
) -> None:
    profile = bestpack_variant(lambda data: data["bp_search"].pop("netsuite"))
    settings = Settings(_env_file=None, database_url=sqlite_database.url, **NETSUITE)
    async with httpx.AsyncClient() as http:
        with pytest.raises(ValueError, match=r"no \[bp_search\.netsuite\]"):
            build_services(settings, profile, sqlite_database, http)


async def test_netsuite_keeps_the_projects_the_profile_gives_it_and_only_those(
    sqlite_database: Database,
) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url, **NETSUITE)
    embedded = bestpack_variant(lambda data: data["bp_search"].update(projects="embedded"))
    async with httpx.AsyncClient() as http:
        on_netsuite = build_services(settings, load_profile("bestpack"), sqlite_database, http)
        kept_here = build_services(settings, embedded, sqlite_database, http)
        no_credentials = build_services(
            Settings(_env_file=None, database_url=sqlite_database.url),
            load_profile("bestpack"),
            sqlite_database,
            http,
        )

    assert isinstance(on_netsuite.projects, NetSuiteProjectSystem)
    assert isinstance(kept_here.projects, EmbeddedProjectSystem)
    assert isinstance(no_credentials.projects, EmbeddedProjectSystem)
    # Only NetSuite's requests queue their project for the sync worker when approved.
    for services in (kept_here, on_netsuite):
        draft = replace(IN_HOUSE, site=f"{type(services.projects).__name__} site")
        new = file_request(draft, "mary", services.profile, NOON)
        await services.service_requests.create(new, None)
    queued = (await SyncQueue(sqlite_database).stats())["netsuite"]
    assert queued.depth == 1
