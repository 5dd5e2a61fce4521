"""Reading records: a company, contacts and deals by batch, associations with their labels,
owners, and the account's portal id and deal stages (read once, then kept)."""

from __future__ import annotations

import pytest

from tests.harness.hubspot_world import MAIN_CONTACT_LABEL


async def test_a_company_is_read_with_its_name_domain_and_owner(world, client):
    company = await client.company(world.acme)

    assert company is not None
    assert (company.get("name"), company.get("domain")) == ("Acme Packaging", "acme-pack.example")
    assert company.get("hubspot_owner_id") == world.dana


async def test_a_company_hubspot_does_not_have_is_none(hubspot, world, client):
    hubspot.store.archive("companies", world.acme_west)

    assert await client.company(world.acme_west) is None
    assert await client.company("999999") is None


async def test_an_id_that_is_not_hubspots_never_reaches_the_path(hubspot, client):
    with pytest.raises(ValueError, match="not a HubSpot id"):
        await client.company("12/../../owners")

    assert hubspot.requests == []


async def test_contacts_come_with_the_labels_of_their_association(world, client):
    associated = await client.contacts_of(world.acme)

    assert [a.to_id for a in associated] == [world.lee, world.sam, world.ruth]
    sam, ruth = associated[1], associated[2]
    assert {(t.category, t.type_id) for t in sam.types} == {
        ("HUBSPOT_DEFINED", 280),
        ("HUBSPOT_DEFINED", 2),
    }
    assert ("USER_DEFINED", *MAIN_CONTACT_LABEL) in {
        (t.category, t.type_id, t.label) for t in ruth.types
    }


async def test_a_company_with_more_contacts_than_a_page_is_read_to_the_end(hubspot, world, client):
    for n in range(505):
        contact = hubspot.store.add_contact("Crew", f"Member {n}")
        hubspot.store.associate("companies", world.acme_west, "contacts", contact)

    associated = await client.contacts_of(world.acme_west)

    assert len(associated) == 505
    path = f"/crm/v4/objects/companies/{world.acme_west}/associations/contacts"
    assert len(hubspot.calls("GET", path)) == 2


async def test_a_batch_leaves_out_the_records_hubspot_no_longer_has(hubspot, world, client):
    hubspot.store.archive("contacts", world.sam)

    read = await client.contacts([world.ruth, world.sam, world.lee])

    assert [c.id for c in read] == [world.ruth, world.lee]
    assert [r.status for r in hubspot.calls("POST", "/crm/v3/objects/contacts/batch/read")] == [207]
    assert read[0].get("phone") == "+1 555 0199"


async def test_deals_are_read_with_hubspots_own_closed_flag(world, client):
    deals = await client.deals([world.open_deal, world.won_deal])

    assert [(d.get("dealname"), d.get("hs_is_closed")) for d in deals] == [
        ("Line 4 retrofit", "false"),
        ("Spare parts 2025", "true"),
    ]
    assert deals[0].get("amount") == "48000"


async def test_an_owner_is_named_as_hubspot_shows_them(world, client):
    owner = await client.owner(world.dana)

    assert owner is not None and owner.name == "Dana Whitfield"
    assert await client.owner("12345") is None


async def test_the_company_link_uses_the_accounts_portal_and_host_read_once(hubspot, world, client):
    hubspot.store.ui_domain = "app-eu1.hubspot.com"

    first = await client.account.company_url(world.acme)
    second = await client.account.company_url(world.obrien)

    assert first == f"https://app-eu1.hubspot.com/contacts/24681357/record/0-2/{world.acme}"
    assert second.endswith(f"/record/0-2/{world.obrien}")
    assert len(hubspot.calls("GET", "/account-info/v3/details")) == 1


async def test_deal_stages_are_read_once_with_their_labels_and_closed_flags(hubspot, client):
    stages = await client.account.deal_stages()
    again = await client.account.deal_stages()

    assert stages["contractsent"].label == "Contract Sent" and not stages["contractsent"].closed
    assert stages["closedlost"].closed and again == stages
    assert len(hubspot.calls("GET", "/crm/v3/pipelines/deals")) == 1
