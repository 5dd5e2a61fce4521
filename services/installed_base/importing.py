"""Loading a read saved-search export into the bot's database: all of it in one transaction,
or nothing when a serial already belongs to another machine there."""

from __future__ import annotations

from dataclasses import dataclass

from services.db.database import Database
from services.db.schema import customers, machines
from services.installed_base.records import search_key
from services.installed_base.saved_search import MAX_PROBLEMS, ExportRefused, MachineExport
from services.installed_base.store import (
    analyze,
    put_customers,
    put_machines,
    serial_holders,
    stored_refs,
)


@dataclass(frozen=True)
class Loaded:
    """What a load wrote."""

    new_machines: int
    updated_machines: int
    new_customers: int
    customers: int
    sites: int


async def load_export(db: Database, export: MachineExport) -> Loaded:
    """Upsert the export's customers, sites and machines by ref; ExportRefused, writing
    nothing, when one of its serials belongs to a different machine already stored."""
    async with db.engine.begin() as connection:
        holders = await serial_holders(connection, [m.serial for m in export.machines])
        clashes = [
            f"line {export.line_of[m.ref]}: serial {m.serial} already belongs to machine "
            f"{holder} in the database"
            for m in export.machines
            if (holder := holders.get(search_key(m.serial), m.ref)) != m.ref
        ]
        if clashes:
            raise ExportRefused(clashes[:MAX_PROBLEMS])
        known = await stored_refs(connection, machines, (m.ref for m in export.machines))
        old_customers = await stored_refs(connection, customers, (c.ref for c in export.customers))
        await put_customers(connection, export.customers, contacts=export.has_contacts)
        await put_machines(connection, export.machines)
        await analyze(connection)
    return Loaded(
        new_machines=len(export.machines) - len(known),
        updated_machines=len(known),
        new_customers=len(export.customers) - len(old_customers),
        customers=len(export.customers),
        sites=sum(len(c.sites) for c in export.customers),
    )
