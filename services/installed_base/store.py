"""Writing the embedded installed base (for `make demo` and the CSV importer): every record is
upserted by its ref, inside the caller's transaction, so a failed load leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.schema import customer_sites, customers, deals, machines, sales_orders
from services.installed_base.model import Company, Customer, Machine, SalesOrder
from services.installed_base.records import search_key

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
# Rows per statement: far below SQLite's and asyncpg's limits on bound parameters.
_CHUNK = 500


def batched(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    """`items` in slices of `size` (itertools.batched arrives with Python 3.12)."""
    return (items[start : start + size] for start in range(0, len(items), size))


async def upsert_rows(
    connection: AsyncConnection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert rows, or overwrite the columns they carry where their ref is already stored."""
    if not rows:
        return
    statement = _INSERT[connection.dialect.name](table)
    statement = statement.on_conflict_do_update(
        index_elements=["ref"],
        set_={name: statement.excluded[name] for name in rows[0] if name != "ref"},
    )
    for chunk in batched(rows, _CHUNK):
        await connection.execute(statement, list(chunk))


async def put_customers(
    connection: AsyncConnection, found: Iterable[Customer], *, contacts: bool = True
) -> None:
    """Customers and their sites; `contacts` False leaves the stored main contacts as they are.

    The CRM owner is never touched here (put_companies writes it).
    """
    rows, sites = [], []
    for customer in found:
        row: dict[str, Any] = {
            "ref": customer.ref,
            "name": customer.name,
            "name_key": search_key(customer.name),
        }
        if contacts:
            contact = customer.main_contact
            row["contact_name"] = contact.name if contact else None
            row["contact_email"] = contact.email if contact else None
            row["contact_phone"] = contact.phone if contact else None
        rows.append(row)
        sites += [
            {"ref": s.ref, "customer_ref": customer.ref, "name": s.name, "city": s.city,
             "state": s.state}
            for s in customer.sites
        ]  # fmt: skip
    await upsert_rows(connection, customers, rows)
    await upsert_rows(connection, customer_sites, sites)


async def put_companies(connection: AsyncConnection, companies: Iterable[Company]) -> None:
    """The CRM side of stored customers (a Company's ref is its customer's): the owner, and the
    open deals, which replace those stored."""
    for company in companies:
        await connection.execute(
            update(customers).where(customers.c.ref == company.ref).values(owner_name=company.owner)
        )
        await connection.execute(delete(deals).where(deals.c.customer_ref == company.ref))
        rows = [
            {"ref": d.ref, "customer_ref": company.ref, "name": d.name, "stage": d.stage,
             "amount": d.amount}
            for d in company.open_deals
        ]  # fmt: skip
        if rows:
            await connection.execute(insert(deals), rows)


async def put_machines(connection: AsyncConnection, found: Iterable[Machine]) -> None:
    """Machines (their customers and sites must be stored already)."""
    rows = [
        {
            "ref": m.ref,
            "serial": m.serial,
            "serial_key": search_key(m.serial),
            "model": m.model,
            "complexity": m.complexity,
            "customer_ref": m.customer_ref,
            "site_ref": m.site.ref if m.site else None,
            "install_date": m.install_date,
            "warranty_end": m.warranty_end,
            "contract_end": m.contract_end,
        }
        for m in found
    ]
    await upsert_rows(connection, machines, rows)


async def put_orders(connection: AsyncConnection, found: Iterable[SalesOrder]) -> None:
    """Sales orders (their customers must be stored already)."""
    rows = [
        {"ref": o.ref, "number": o.number, "status": o.status, "open": o.open,
         "customer_ref": o.customer_ref, "ordered_on": o.ordered_on, "memo": o.memo}
        for o in found
    ]  # fmt: skip
    await upsert_rows(connection, sales_orders, rows)


async def serial_holders(connection: AsyncConnection, serials: Iterable[str]) -> dict[str, str]:
    """{serial key: ref} of the stored machines holding any of these serials (any case)."""
    keys = sorted({search_key(serial) for serial in serials})
    held: dict[str, str] = {}
    for chunk in batched(keys, _CHUNK):
        query = select(machines.c.serial_key, machines.c.ref).where(
            machines.c.serial_key.in_(chunk)
        )
        held.update((key, ref) for key, ref in await connection.execute(query))
    return held


async def stored_refs(connection: AsyncConnection, table: Table, refs: Iterable[str]) -> set[str]:
    """Which of these refs `table` holds already."""
    held: set[str] = set()
    for chunk in batched(sorted(set(refs)), _CHUNK):
        held.update(await connection.scalars(select(table.c.ref).where(table.c.ref.in_(chunk))))
    return held


async def analyze(connection: AsyncConnection) -> None:
    """Refresh the planner's statistics of the installed-base tables after a bulk load (what
    PostgreSQL's autovacuum would do a while later; SQLite's planner uses them too)."""
    for table in (customers, customer_sites, machines):
        await connection.execute(text(f"ANALYZE {table.name}"))
