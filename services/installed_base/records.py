"""Rows of the embedded installed base turned into BP Search's values, and the search keys.

Searches compare casefolded text (`search_key`) with the *_key columns, so "sn-10" finds
"SN-1042" on SQLite and PostgreSQL alike, and an index serves the comparison.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import customer_sites, customers, deals, machines, sales_orders
from services.db.schema.installed_base import FOLD_FACTOR, NAME_LENGTH, SERIAL_LENGTH
from services.installed_base.model import (
    Contact,
    Customer,
    Deal,
    Machine,
    SalesOrder,
    Site,
    SourceUnavailable,
)

SOURCE = "the bot's database"
MAX_LIMIT = 50  # the most hits one search returns, whatever the caller asks for
LONGEST = max(NAME_LENGTH, SERIAL_LENGTH) * FOLD_FACTOR  # no stored key is longer
# Above every character a serial can hold: "abc" <= serial < "abc" + this is "starts with abc".
_AFTER_ALL = "\U0010ffff"


def search_key(text: str) -> str:
    """Text as the *_key columns hold it: trimmed, inner spaces single, casefolded."""
    return " ".join(text.split()).casefold()


@asynccontextmanager
async def answering(db: Database) -> AsyncIterator[AsyncConnection]:
    """A connection; the port's SourceUnavailable if the database fails on the way."""
    try:
        async with db.engine.connect() as connection:
            yield connection
    except (SQLAlchemyError, OSError) as error:
        raise SourceUnavailable(SOURCE, type(error).__name__) from error


def searchable(text: str) -> str | None:
    """The search key of typed text; None when blank or longer than any stored key."""
    key = search_key(text)
    return key if 0 < len(key) <= LONGEST else None


def bounded(limit: int) -> int:
    """A caller's limit kept between 1 and MAX_LIMIT."""
    return max(1, min(int(limit), MAX_LIMIT))


def serial_starts_with(key: str) -> ColumnElement[bool]:
    """Serials starting with `key`, as one range of the unique serial index (no LIKE, so a
    typed % or _ is just a character)."""
    return and_(machines.c.serial_key >= key, machines.c.serial_key < key + _AFTER_ALL)


def name_contains(key: str) -> ColumnElement[bool]:
    """Customer names containing `key`; %, _ and the escape character in it match literally."""
    return customers.c.name_key.contains(key, autoescape=True)


def starts_with_first(key: str) -> ColumnElement[int]:
    """0 for names starting with `key`, 1 for the rest: the order "best first" means."""
    return case((customers.c.name_key.startswith(key, autoescape=True), 0), else_=1)


def select_machines() -> Select[Any]:
    """Machines with their customer's name and their site, for machine_from_row."""
    return (
        select(
            machines,
            customers.c.name.label("customer_name"),
            customer_sites.c.name.label("site_name"),
            customer_sites.c.state.label("site_state"),
            customer_sites.c.city.label("site_city"),
        )
        .join(customers, customers.c.ref == machines.c.customer_ref)
        .outerjoin(customer_sites, customer_sites.c.ref == machines.c.site_ref)
    )


def machine_from_row(row: Mapping[str, Any]) -> Machine:
    """A Machine from a row of select_machines()."""
    site = None
    if row["site_ref"] is not None:
        site = Site(row["site_ref"], row["site_name"], row["site_state"], row["site_city"])
    return Machine(
        ref=row["ref"],
        serial=row["serial"],
        model=row["model"],
        customer_ref=row["customer_ref"],
        customer_name=row["customer_name"],
        complexity=row["complexity"],
        site=site,
        install_date=row["install_date"],
        warranty_end=row["warranty_end"],
        contract_end=row["contract_end"],
    )


def contact_from_row(row: Mapping[str, Any]) -> Contact | None:
    """The customer's main contact, if it has one."""
    if not row["contact_name"]:
        return None
    return Contact(row["contact_name"], row["contact_email"], row["contact_phone"])


def site_from_row(row: Mapping[str, Any]) -> Site:
    """A Site from a `customer_sites` row."""
    return Site(row["ref"], row["name"], row["state"], row["city"])


def customer_from_row(row: Mapping[str, Any], sites: tuple[Site, ...]) -> Customer:
    """A Customer from a `customers` row and its sites."""
    return Customer(row["ref"], row["name"], sites, contact_from_row(row))


def order_from_row(row: Mapping[str, Any]) -> SalesOrder:
    """A SalesOrder from a `sales_orders` row."""
    return SalesOrder(
        ref=row["ref"],
        number=row["number"],
        status=row["status"],
        customer_ref=row["customer_ref"],
        open=row["open"],
        ordered_on=row["ordered_on"],
        memo=row["memo"],
    )


def deal_from_row(row: Mapping[str, Any]) -> Deal:
    """A Deal from a `deals` row."""
    return Deal(row["ref"], row["name"], row["stage"], row["amount"])


def sites_of(refs: list[str]) -> Select[Any]:
    """The sites of these customers, by name."""
    return (
        select(customer_sites)
        .where(customer_sites.c.customer_ref.in_(refs))
        .order_by(customer_sites.c.name, customer_sites.c.ref)
    )


def deals_of(ref: str) -> Select[Any]:
    """A customer's open deals, by name."""
    return select(deals).where(deals.c.customer_ref == ref).order_by(deals.c.name, deals.c.ref)


def orders_where(*conditions: ColumnElement[bool]) -> Select[Any]:
    """Sales orders, newest first."""
    return (
        select(sales_orders)
        .where(*conditions)
        .order_by(sales_orders.c.ordered_on.desc().nulls_last(), sales_orders.c.number)
    )
