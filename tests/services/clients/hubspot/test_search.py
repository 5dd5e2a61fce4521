"""Company search by name: one request finds the exact and the close matches, and what a person
typed reaches HubSpot as words, never as search syntax."""

from __future__ import annotations

import pytest

from services.clients.hubspot import HubSpotRejected

SEARCH = "/crm/v3/objects/companies/search"


async def test_one_search_finds_the_exact_name_and_the_names_holding_its_words(
    hubspot, world, client
):
    found = await client.companies_named("acme packaging", prefix=False)

    # "Packaging Acmeville" holds "packaging" but not the word "acme".
    assert [c.get("name") for c in found] == ["Acme Packaging", "Acme Packaging West"]
    [request] = hubspot.calls("POST", SEARCH)
    assert request.body["filterGroups"] == [
        {"filters": [{"propertyName": "name", "operator": "EQ", "value": "acme packaging"}]},
        {
            "filters": [
                {"propertyName": "name", "operator": "CONTAINS_TOKEN", "value": "acme"},
                {"propertyName": "name", "operator": "CONTAINS_TOKEN", "value": "packaging"},
            ]
        },
    ]
    assert request.body["properties"] == ["name", "domain", "hubspot_owner_id"]


async def test_the_values_come_back_as_strings_with_the_record_times(hubspot, world, client):
    [acme] = await client.companies_named("Acme Packaging", prefix=False, limit=1)

    assert acme.id == world.acme
    assert acme.properties["hubspot_owner_id"] == world.dana
    assert acme.properties["hs_object_id"] == world.acme
    assert acme.created_at is not None and acme.archived is False


async def test_a_name_being_typed_finds_companies_by_the_start_of_its_last_word(
    hubspot, world, client
):
    found = await client.companies_named("Acme Pack")

    assert {c.get("name") for c in found} == {"Acme Packaging", "Acme Packaging West"}


@pytest.mark.parametrize(
    "typed", ["O'Brien & Søn Emballage", "o'brien  &  SØN emballage", "O’Brien Søn"]
)
async def test_quotes_ampersands_and_other_scripts_find_the_company(hubspot, world, client, typed):
    found = await client.companies_named(typed, prefix=False)

    assert [c.id for c in found] == [world.obrien]


@pytest.mark.parametrize("typed", ["Acme*", "Acme%", "Acme --", "*", "Acme' OR '1'='1"])
async def test_wildcards_and_sql_look_alikes_are_not_syntax(hubspot, world, client, typed):
    found = await client.companies_named(typed, prefix=False)

    assert "Packaging Acmeville" not in {c.get("name") for c in found}
    for request in hubspot.calls("POST", SEARCH):
        tokens = [f["value"] for g in request.body["filterGroups"][1:] for f in g["filters"]]
        assert all("*" not in t and "%" not in t and "'" not in t for t in tokens)


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
async def test_no_name_in_the_text_asks_hubspot_nothing(hubspot, client, typed):
    assert await client.companies_named(typed) == []
    assert hubspot.requests == []


async def test_a_name_hubspot_does_not_have_finds_nothing(hubspot, world, client):
    assert await client.companies_named("Globex Industrial", prefix=False) == []


async def test_a_long_name_asks_for_five_words_and_stays_under_the_body_limit(
    hubspot, world, client
):
    await client.companies_named("Acme " * 400)

    [request] = hubspot.calls("POST", SEARCH)
    assert len(request.body["filterGroups"][1]["filters"]) == 5
    assert len(request.body["filterGroups"][0]["filters"][0]["value"]) <= 200
    assert request.status == 200


async def test_a_body_hubspot_will_not_run_is_rejected_with_its_reason(hubspot, client):
    groups = [{"filters": [{"propertyName": "name", "operator": "EQ", "value": "x"}]}] * 6

    with pytest.raises(HubSpotRejected) as refused:
        await client.crm.search("companies", {"filterGroups": groups, "limit": 10})

    assert (refused.value.status, refused.value.category) == (400, "VALIDATION_ERROR")
    assert "filter groups" in refused.value.reason


async def test_more_than_a_page_of_two_hundred_is_never_asked_for(hubspot, client):
    with pytest.raises(ValueError, match="1 to 200"):
        await client.companies_named("Acme", limit=201)

    assert hubspot.requests == []
