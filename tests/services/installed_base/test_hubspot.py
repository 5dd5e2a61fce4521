"""HubSpotDirectory: the CRM side of a BP Search card, read from HubSpot.

Mary looks a customer up by the name NetSuite has for it; the card shows HubSpot's company, its
owner, its main contact and its open deals, with a link to the record, or says HubSpot is
unavailable, and why, when it is."""

from __future__ import annotations

import pytest

from services.installed_base import Company, Contact, Deal, SourceUnavailable
from services.installed_base.hubspot import HubSpotDirectory
from tests.harness.fake_hubspot_client import client_of

SEARCH = "/crm/v3/objects/companies/search"


async def test_a_customer_comes_with_owner_main_contact_open_deals_and_link(world, directory):
    company = await directory.company("Acme Packaging")

    assert company == Company(
        ref=world.acme,
        name="Acme Packaging",
        domain="acme-pack.example",
        owner="Dana Whitfield",
        main_contact=Contact(
            name="Ruth Nakamura",
            email="ruth@acme-pack.example",
            phone="+1 555 0199",
            ref=world.ruth,
        ),
        open_deals=(
            Deal(world.open_deal, "Line 4 retrofit", stage="Contract Sent", amount="48000"),
        ),
        link=f"https://app.hubspot.com/contacts/24681357/record/0-2/{world.acme}",
    )
    assert directory.source == "HubSpot"


async def test_the_name_as_netsuite_spells_it_finds_the_company(world, directory):
    company = await directory.company("ACME  packaging")

    assert company is not None and company.ref == world.acme


async def test_the_exact_name_wins_over_one_that_holds_it(world, directory):
    company = await directory.company("Acme Packaging West")

    assert company is not None and company.ref == world.acme_west
    assert (company.owner, company.main_contact, company.open_deals) == (None, None, ())


async def test_without_an_exact_name_the_closest_holding_its_words_wins(world, directory):
    company = await directory.company("Packaging, Acme")

    assert company is not None and company.ref == world.acme


async def test_the_exact_name_is_found_among_many_older_look_alikes(hubspot, world, directory):
    hubspot.store.records["companies"].pop(world.acme)  # re-created after 30 look-alikes
    for n in range(30):
        hubspot.store.add_company(f"Acme Packaging Plant {n}")
    newest = hubspot.store.add_company("Acme Packaging")

    company = await directory.company("Acme Packaging")

    assert company is not None and company.ref == newest
    assert len(hubspot.calls("POST", SEARCH)) == 2


async def test_one_search_is_enough_when_the_page_holds_every_match(hubspot, world, directory):
    await directory.company("Acme Packaging")

    assert len(hubspot.calls("POST", SEARCH)) == 1


@pytest.mark.parametrize("name", ["O'Brien & Søn Emballage", "o’brien søn emballage"])
async def test_names_with_quotes_and_other_scripts_find_their_company(world, directory, name):
    company = await directory.company(name)

    assert company is not None
    assert (company.ref, company.name, company.owner) == (
        world.obrien,
        "O'Brien & Søn Emballage",
        "Dana Whitfield",
    )


# "Acmevil*" would find "Packaging Acmeville" if the typed `*` were HubSpot's wildcard.
@pytest.mark.parametrize("name", ["Globex Industrial", "Acmevil*", "%", "'; --"])
async def test_a_customer_hubspot_does_not_know_is_none(world, directory, name):
    assert await directory.company(name) is None


async def test_the_contact_whose_primary_company_it_is_comes_before_the_rest(
    hubspot, world, directory
):
    hubspot.store.archive("contacts", world.ruth)  # the labelled main contact is gone

    company = await directory.company("Acme Packaging")

    assert company is not None and company.main_contact is not None
    assert company.main_contact.name == "Sam Ortiz"


async def test_with_no_contact_marked_the_first_is_the_main_one(hubspot, world, directory):
    beta = hubspot.store.add_company("Beta Bottling")
    for first, last in (("Ana", "Silva"), ("Ben", "Cole")):
        contact = hubspot.store.add_contact(first, last)
        hubspot.store.associate("companies", beta, "contacts", contact)

    company = await directory.company("Beta Bottling")

    assert company is not None and company.main_contact is not None
    assert (company.main_contact.name, company.main_contact.email) == ("Ana Silva", None)


async def test_a_deal_without_hubspots_closed_flag_is_judged_by_its_stage(
    hubspot, world, directory
):
    for deal in (world.open_deal, world.won_deal):
        hubspot.store.records["deals"][deal]["properties"]["hs_is_closed"] = None

    company = await directory.company("Acme Packaging")

    assert company is not None and [d.ref for d in company.open_deals] == [world.open_deal]


async def test_a_deactivated_owner_leaves_the_owner_blank(hubspot, world, directory):
    hubspot.store.owners[world.dana]["archived"] = True

    company = await directory.company("Acme Packaging")

    assert company is not None and company.owner is None


async def test_a_429_storm_is_ridden_out_and_nothing_is_lost(hubspot, world, directory):
    calm = await directory.company("Acme Packaging")
    hubspot.storm(4, retry_after=0.05)

    stormy = await directory.company("Acme Packaging")

    assert stormy == calm
    assert len(hubspot.answered(429)) == 4


async def test_a_storm_past_the_callers_patience_says_hubspot_is_unavailable(
    hubspot, world, directory
):
    hubspot.storm(1, retry_after=30)

    with pytest.raises(SourceUnavailable) as unavailable:
        await directory.company("Acme Packaging")

    assert unavailable.value.source == "HubSpot"
    assert "rate limit" in unavailable.value.reason and "30s" in unavailable.value.reason


async def test_a_bad_token_says_so_in_words(hubspot, world, http):
    directory = HubSpotDirectory(client_of(hubspot, http, token="pat-na1-expired"))

    with pytest.raises(SourceUnavailable) as unavailable:
        await directory.company("Acme Packaging")

    assert unavailable.value.source == "HubSpot"
    assert "HUBSPOT_ACCESS_TOKEN is wrong, revoked or rotated" in unavailable.value.reason


async def test_hubspot_down_is_unavailable_not_an_error_of_the_client(hubspot, world, directory):
    hubspot.down = True

    with pytest.raises(SourceUnavailable, match="HubSpot is unavailable: HubSpot answered 503"):
        await directory.company("Acme Packaging")
