"""build_services and HubSpot: the client exists when its token is set, and serves BP Search's
customers when the profile says [bp_search] customers = "hubspot"."""

from __future__ import annotations

import httpx
import pytest

from services.app_services import build_services
from services.clients.hubspot import HubSpotClient
from services.db import Database
from services.installed_base.hubspot import HubSpotDirectory
from services.profile import Profile, load_profile
from services.settings import Settings

TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"


def bestpack(customers: str) -> Profile:
    profile = load_profile("bestpack")
    section = profile.bp_search.model_copy(update={"customers": customers})
    return profile.model_copy(update={"bp_search": section})


@pytest.mark.parametrize("customers", ["embedded", "hubspot"])
async def test_without_a_token_there_is_no_hubspot_whatever_the_profile_says(
    sqlite_database: Database, customers: str
) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_database.url)
    async with httpx.AsyncClient() as http:
        services = build_services(settings, bestpack(customers), sqlite_database, http)

    assert services.hubspot is None
    assert not isinstance(services.directory, HubSpotDirectory)


async def test_with_a_token_the_client_exists_but_serves_only_what_the_profile_says(
    sqlite_database: Database,
) -> None:
    settings = Settings(
        _env_file=None, database_url=sqlite_database.url, hubspot_access_token=TOKEN
    )
    async with httpx.AsyncClient() as http:
        services = build_services(settings, bestpack("embedded"), sqlite_database, http)

    assert isinstance(services.hubspot, HubSpotClient)
    assert services.hubspot.config.base_url == "https://api.hubapi.com"
    assert not isinstance(services.directory, HubSpotDirectory)


async def test_the_profile_naming_hubspot_for_customers_gets_the_hubspot_directory(
    sqlite_database: Database,
) -> None:
    settings = Settings(
        _env_file=None, database_url=sqlite_database.url, hubspot_access_token=TOKEN
    )
    async with httpx.AsyncClient() as http:
        services = build_services(settings, bestpack("hubspot"), sqlite_database, http)

    assert isinstance(services.directory, HubSpotDirectory)
    assert services.directory.source == "HubSpot"
