"""A small installed base for the tests: customers whose names try the search rules (a shared
word, %, _, a backslash, unicode), their sites and machines, sales orders and open deals.

`stock(db)` stores it in a migrated database the way `make demo` and the importer do.
"""

from __future__ import annotations

from datetime import date

from services.db import Database
from services.installed_base import Company, Contact, Customer, Deal, Machine, SalesOrder, Site
from services.installed_base.store import put_companies, put_customers, put_machines, put_orders

FRESNO = Site("S-100", "Fresno plant, line 3", "CA", "Fresno")
MODESTO = Site("S-101", "Modesto warehouse", "CA", "Modesto")
NEWARK = Site("S-200", "Newark bottling hall", "NJ", "Newark")
DANA = Contact("Dana Whitfield", "dana.whitfield@harvestvalley.example.com", "+1 559 555 0142")

HARVEST = Customer("C-100", "Harvest Valley Foods", (FRESNO, MODESTO), DANA)
NORTHWIND = Customer("C-200", "Northwind Bottling", (NEWARK,))
CO_OP = Customer("C-300", "Valley Harvest Co-op")
JUICE = Customer("C-400", "100% Juice Co")
UNDERSCORE = Customer("C-500", "Under_Score Packaging")
BACKSLASH = Customer("C-600", "Back\\Slash Foods")
STRASSE = Customer("C-700", "Straße Verpackung GmbH")
CUSTOMERS = (HARVEST, NORTHWIND, CO_OP, JUICE, UNDERSCORE, BACKSLASH, STRASSE)


def _machine(ref: str, serial: str, model: str, customer: Customer, **more) -> Machine:
    return Machine(ref, serial, model, customer.ref, customer.name, **more)


ERECTOR = _machine(
    "M-1", "CE4-10421", "BP-400 Case Erector", HARVEST, complexity="standard", site=FRESNO,
    install_date=date(2024, 5, 3), warranty_end=date(2025, 5, 3), contract_end=date(2027, 6, 30),
)  # fmt: skip
FORMER = _machine("M-2", "TF3-20001", "TF-300 Tray Former", HARVEST, complexity="custom")
SEALER = _machine("M-3", "CE4-10422", "BP-400 Case Erector", NORTHWIND, site=NEWARK)
HARV = _machine("M-4", "HARV-1", "NC-2 Tape Head", NORTHWIND, site=NEWARK)
CO_OP_HEAD = _machine("M-5", "NC2-30001", "NC-2 Tape Head", CO_OP)
JUICE_HEAD = _machine("M-6", "100-7", "NC-2 Tape Head", JUICE)
MACHINES = (ERECTOR, FORMER, SEALER, HARV, CO_OP_HEAD, JUICE_HEAD)

ORDERS = (
    SalesOrder("O-1", "SO-1042", "Pending Fulfillment", "C-100", True, date(2026, 11, 2)),
    SalesOrder("O-2", "SO-1043", "Billed", "C-100", False, date(2026, 11, 20)),
    SalesOrder("O-3", "SO-1050", "Pending Approval", "C-100", True, date(2026, 11, 25), "Belts"),
    SalesOrder("O-4", "SO-1051", "Partially Fulfilled", "C-200", True, date(2026, 11, 26)),
)
HARVEST_CRM = Company(
    "C-100",
    "Harvest Valley Foods",
    owner="Priya Natarajan",
    open_deals=(
        Deal("D-2", "Spare parts contract 2027", "Qualified To Buy"),
        Deal("D-1", "Line 4 tray formers", "Contract Sent", "84000"),
    ),
)


async def stock(db: Database) -> None:
    """Store the whole sample in `db`, in one transaction."""
    async with db.engine.begin() as connection:
        await put_customers(connection, CUSTOMERS)
        await put_companies(connection, [HARVEST_CRM])
        await put_machines(connection, MACHINES)
        await put_orders(connection, ORDERS)
