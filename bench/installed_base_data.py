"""A large made-up installed base for bench/installed_base_search.py: customers with one or
two sites each and machines spread over them, stored through services.installed_base.store
(so the search keys are the ones the app writes)."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from sqlalchemy import text

from services.db import Database
from services.installed_base import Customer, Machine, Site
from services.installed_base.store import put_customers, put_machines

FIRST = (
    "Golden", "Harvest", "Blue", "Prairie", "Summit", "Cascade", "Lakeshore", "Northwind",
    "Gulf", "Pioneer", "Evergreen", "Silver", "Red", "Valley", "Coastal", "Granite", "Maple",
    "Sunrise", "Heritage", "Liberty", "Iron", "Cedar", "Atlas", "Keystone", "Frontier",
    "Riverbend", "Highland", "Meadow", "Copper", "Bayside",
)  # fmt: skip
SECOND = (
    "Valley", "Ridge", "Creek", "Point", "Harbor", "Field", "Orchard", "Mill", "Springs",
    "Grove", "Farms", "Hills", "Brook", "Lake", "Plains", "Forest", "Bay", "Canyon", "Mesa",
    "Trail", "Rock", "Prairie", "Coast", "Park", "Glen", "Crossing", "Bend", "Peak", "Dale",
    "Haven",
)  # fmt: skip
TRADE = (
    "Foods", "Bottling", "Confections", "Packaging", "Dairy", "Bakery", "Brewing", "Pet Foods",
    "Nutrition", "Beverages",
)  # fmt: skip
MODELS = (
    ("CE4", "BP-400 Case Erector", "standard"),
    ("CE6", "BP-600 Case Erector", "standard"),
    ("TF3", "TF-300 Tray Former", "standard"),
    ("TF5", "TF-500 Tray Former", "custom"),
    ("NC2", "NC-2 Tape Head", "standard"),
    ("NC3", "NC-3 Tape Head", "standard"),
    ("CS8", "CS-800 Case Sealer", "standard"),
    ("RP9", "BP-900 Robotic Palletizer", "custom"),
)
STATES = ("CA", "NJ", "IL", "UT", "TX", "OH", "PA", "NY", "WI", "GA", "WA", "MO", "VA", "IA")
INSTALLED_SINCE = date(2012, 1, 1)


def generate(machines: int, customers: int, seed: int = 14) -> tuple[list[Customer], list[Machine]]:
    """`customers` customers and `machines` machines, the same for the same arguments."""
    rng = random.Random(seed)
    names = [" ".join(parts) for parts in itertools.product(FIRST, SECOND, TRADE)]
    rng.shuffle(names)
    base = len(names)  # past it, names come again with a number: "Blue Mill Foods 2"
    names = [names[i % base] + (f" {i // base + 1}" if i >= base else "") for i in range(customers)]
    made: list[Customer] = []
    for i, name in enumerate(names):
        sites = tuple(
            Site(f"S{i}-{k}", f"{name} plant {k + 1}", rng.choice(STATES))
            for k in range(rng.choice((1, 1, 2)))
        )
        made.append(Customer(f"C{i}", name, sites))
    numbers = rng.sample(range(100000, 1000000), machines)
    fleet = []
    for i, number in enumerate(numbers):
        prefix, model, complexity = rng.choice(MODELS)
        owner = made[rng.randrange(len(made))]
        installed = INSTALLED_SINCE + timedelta(days=rng.randrange(5000))
        fleet.append(
            Machine(
                ref=f"M{i}",
                serial=f"{prefix}-{number}",
                model=model,
                customer_ref=owner.ref,
                customer_name=owner.name,
                complexity=complexity,
                site=rng.choice(owner.sites),
                install_date=installed,
                warranty_end=installed + timedelta(days=365),
            )
        )
    return made, fleet


async def load(db: Database, customers: list[Customer], machines: list[Machine]) -> None:
    """Store them in one transaction, then let the planner see them."""
    async with db.engine.begin() as connection:
        await put_customers(connection, customers)
        await put_machines(connection, machines)
        # What autovacuum does shortly after a bulk load (and SQLite's planner uses too).
        await connection.execute(text("ANALYZE"))
