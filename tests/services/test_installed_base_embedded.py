"""The installed base and customer directory on the bot's database, on SQLite and PostgreSQL:
serial prefixes first, then customers by name (starts-with first); case and LIKE wildcards
typed never change what is found."""

from __future__ import annotations

import pytest

from services.db import Database
from services.db.engines import create_engine
from services.installed_base import Company, SourceUnavailable
from services.installed_base.embedded import EmbeddedCustomerDirectory, EmbeddedInstalledBase
from tests.harness.installed_base import (
    BACKSLASH,
    CO_OP,
    CO_OP_HEAD,
    DANA,
    ERECTOR,
    FORMER,
    HARV,
    HARVEST,
    HARVEST_CRM,
    JUICE,
    JUICE_HEAD,
    NORTHWIND,
    SEALER,
    STRASSE,
    UNDERSCORE,
    stock,
)


@pytest.fixture
async def base(database: Database) -> EmbeddedInstalledBase:
    """The sample installed base, stored."""
    await stock(database)
    return EmbeddedInstalledBase(database)


def serials(found) -> list[str]:
    """The serials of machines, in the order found."""
    return [machine.serial for machine in found]


async def test_a_serial_finds_its_machine_in_any_case_with_customer_and_site(base) -> None:
    assert await base.machine("  ce4-10421 ") == ERECTOR
    assert (await base.machine("CE4-10421")).site.state == "CA"
    assert await base.machine("tf3-20001") == FORMER  # no site recorded
    assert await base.machine("CE4-1042") is None  # a prefix is not a serial
    assert await base.machine("") is None
    assert base.source == "the bot's database"


async def test_serials_starting_with_the_text_come_first_then_customers_by_name(base) -> None:
    # HARV-1 by its serial; then Harvest Valley's machines (its name starts with the text),
    # then Valley Harvest Co-op's (its name only contains it).
    found = await base.find_machines("harv", 10)

    assert found == [HARV, ERECTOR, FORMER, CO_OP_HEAD]
    assert serials(await base.find_machines("HARV", 2)) == ["HARV-1", "CE4-10421"]
    assert serials(await base.find_machines("ce4-", 10)) == ["CE4-10421", "CE4-10422"]


async def test_a_machine_found_by_serial_and_by_customer_is_listed_once(base) -> None:
    # "100-7" starts with the text, and so does its customer's name "100% Juice Co".
    assert await base.find_machines("100", 10) == [JUICE_HEAD]


async def test_like_wildcards_typed_are_plain_characters(base) -> None:
    assert await base.find_machines("ce4%", 10) == []
    assert await base.find_machines("ce4_10421", 10) == []
    assert await base.find_machines("0%", 10) == [JUICE_HEAD]  # "100% Juice Co"
    assert [c.name for c in await base.find_customers("%", 10)] == [JUICE.name]
    assert [c.name for c in await base.find_customers("_", 10)] == [UNDERSCORE.name]
    assert [c.name for c in await base.find_customers("\\", 10)] == [BACKSLASH.name]
    assert [c.name for c in await base.find_customers("o_s", 10)] == []


async def test_customers_whose_name_contains_the_text_starts_with_first(base) -> None:
    found = await base.find_customers("HARVEST", 10)

    assert found == [HARVEST, CO_OP]  # with sites by name and the main contact
    assert found[0].main_contact == DANA
    assert [c.ref for c in await base.find_customers("harvest", 1)] == ["C-100"]
    assert await base.find_customers("STRASSE", 5) == [STRASSE]  # casefolded: ß is ss
    assert await base.find_customers("   ", 5) == []
    assert await base.find_customers("x" * 5000, 5) == []


async def test_one_customer_its_machines_and_its_open_orders(base) -> None:
    assert await base.customer("C-200") == NORTHWIND
    assert await base.customer("C-999") is None
    assert await base.machines_of("C-100", 10) == [ERECTOR, FORMER]
    assert await base.machines_of("C-200", 1) == [SEALER]
    opened = await base.open_orders("C-100", 10)
    assert [o.number for o in opened] == ["SO-1050", "SO-1042"]  # newest first, billed left out
    assert opened[0].memo == "Belts" and opened[0].open


async def test_an_order_is_found_by_its_number_open_or_not(base) -> None:
    assert (await base.order("SO-1043")).status == "Billed"
    assert (await base.order(" so-1042 ")).customer_ref == "C-100"
    assert await base.order("SO-9999") is None


async def test_the_directory_gives_the_crm_side_of_the_best_matching_customer(
    database: Database, base
) -> None:
    directory = EmbeddedCustomerDirectory(database)

    company = await directory.company("harvest valley foods")

    assert company == Company(
        "C-100",
        "Harvest Valley Foods",
        owner="Priya Natarajan",
        main_contact=DANA,
        open_deals=tuple(sorted(HARVEST_CRM.open_deals, key=lambda deal: deal.name)),
    )
    assert (await directory.company("Harvest")).ref == "C-100"  # starts with it
    assert await directory.company("valley harvest co-op") == Company("C-300", CO_OP.name)
    assert await directory.company("Nobody Inc") is None


async def test_a_database_that_does_not_answer_is_an_unavailable_source() -> None:
    url = "postgresql+asyncpg://postgres@127.0.0.1:9/nowhere"  # the discard port: refused
    db = Database(create_engine(url, None), url)
    base, directory = EmbeddedInstalledBase(db), EmbeddedCustomerDirectory(db)
    try:
        for call in (
            base.machine("CE4-10421"),
            base.find_machines("ce4", 5),
            base.find_customers("harvest", 5),
            base.customer("C-100"),
            base.machines_of("C-100", 5),
            base.order("SO-1042"),
            base.open_orders("C-100", 5),
            directory.company("Harvest"),
        ):
            with pytest.raises(SourceUnavailable) as raised:
                await call
            assert raised.value.source == "the bot's database"
    finally:
        await db.close()
