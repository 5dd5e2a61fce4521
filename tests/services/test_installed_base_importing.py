"""Loading an export into the database, on SQLite and PostgreSQL: upserts by Internal ID, and
all or nothing when a serial already belongs to another machine there."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.db import Database
from services.installed_base import Machine
from services.installed_base.embedded import EmbeddedInstalledBase
from services.installed_base.importing import load_export
from services.installed_base.saved_search import ExportRefused, MachineExport
from tests.harness.installed_base import ERECTOR, HARVEST, NORTHWIND, SEALER, stock

NEW = Machine("M-50", "NC3-7", "NC-3 Long-Leader Tape Head", "C-900", "Prairie Grain Mills")
PRAIRIE = replace(HARVEST, ref="C-900", name="Prairie Grain Mills", sites=())


def export_of(*machines: Machine, customers=(HARVEST, NORTHWIND, PRAIRIE)) -> MachineExport:
    """An export holding these machines and customers, each machine on its own line."""
    lines = {m.ref: line for line, m in enumerate(machines, start=2)}
    return MachineExport(list(customers), list(machines), lines, has_contacts=True)


async def test_new_machines_are_added_and_known_ones_updated(database: Database) -> None:
    await stock(database)
    rebuilt = replace(ERECTOR, model="BP-400 Case Erector (rebuilt)")

    loaded = await load_export(database, export_of(rebuilt, SEALER, NEW))

    assert (loaded.new_machines, loaded.updated_machines) == (1, 2)
    assert (loaded.new_customers, loaded.customers, loaded.sites) == (1, 3, 3)
    base = EmbeddedInstalledBase(database)
    assert await base.machine("ce4-10421") == rebuilt
    assert await base.machine("NC3-7") == NEW


async def test_a_serial_held_by_another_machine_refuses_the_whole_file(database: Database) -> None:
    await stock(database)
    taken = replace(NEW, ref="M-51", serial="ce4-10421")

    with pytest.raises(ExportRefused) as refused:
        await load_export(database, export_of(NEW, taken))

    assert refused.value.problems == [
        "line 3: serial ce4-10421 already belongs to machine M-1 in the database"
    ]
    base = EmbeddedInstalledBase(database)
    assert await base.machine("NC3-7") is None  # the good line was not loaded either
    assert await base.customer("C-900") is None
