"""Writing the embedded installed base: upserts by ref, one serial per machine in any case."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.exc import IntegrityError

from services.db import Database
from services.installed_base import Contact, Deal, Machine
from services.installed_base.embedded import EmbeddedCustomerDirectory, EmbeddedInstalledBase
from services.installed_base.store import (
    put_companies,
    put_customers,
    put_machines,
    serial_holders,
)
from tests.harness.installed_base import DANA, ERECTOR, HARVEST, HARVEST_CRM, NEWARK, stock


async def test_a_customer_stored_again_under_its_ref_is_renamed_not_doubled(
    database: Database,
) -> None:
    await stock(database)
    renamed = replace(HARVEST, name="Harvest Valley Farms", main_contact=Contact("Ann Lee"))

    async with database.engine.begin() as connection:
        await put_customers(connection, [renamed])

    base = EmbeddedInstalledBase(database)
    assert [c.name for c in await base.find_customers("harvest valley", 5)] == [renamed.name]
    assert await base.find_customers("foods", 5) != []  # others still there
    assert (await base.customer("C-100")).main_contact == Contact("Ann Lee")
    # Its CRM side (owner, deals) is not the customer writer's to change.
    assert (await EmbeddedCustomerDirectory(database).company("farms")).owner == "Priya Natarajan"


async def test_contacts_can_be_left_as_they_are(database: Database) -> None:
    await stock(database)

    async with database.engine.begin() as connection:
        await put_customers(connection, [replace(HARVEST, main_contact=None)], contacts=False)

    assert (await EmbeddedInstalledBase(database).customer("C-100")).main_contact == DANA


async def test_a_company_s_deals_are_replaced_and_its_owner_set(database: Database) -> None:
    await stock(database)
    now = replace(HARVEST_CRM, owner="Greg Holloway", open_deals=(Deal("D-9", "Retrofit", "New"),))

    async with database.engine.begin() as connection:
        await put_companies(connection, [now])

    company = await EmbeddedCustomerDirectory(database).company(HARVEST.name)
    assert (company.owner, company.open_deals) == ("Greg Holloway", now.open_deals)


async def test_a_machine_moves_site_under_its_ref_and_keeps_one_serial_in_any_case(
    database: Database,
) -> None:
    await stock(database)
    moved = replace(ERECTOR, model="BP-400 Case Erector (rebuilt)", site=None)
    async with database.engine.begin() as connection:
        await put_machines(connection, [moved])
        holders = await serial_holders(connection, ["ce4-10421", "CE4-10422", "XX-1"])

    assert await EmbeddedInstalledBase(database).machine("CE4-10421") == moved
    assert holders == {"ce4-10421": "M-1", "ce4-10422": "M-3"}
    twin = Machine("M-99", "ce4-10421", "BP-400 Case Erector", "C-200", "", site=NEWARK)
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await put_machines(connection, [twin])
