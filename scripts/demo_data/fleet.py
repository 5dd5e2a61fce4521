"""The demo's installed base: the catalog's customers and a few dozen more across the states
(every 3rd-party provider's among them), their sites, a few hundred machines of the catalog's
models, sales orders in NetSuite's statuses and open deals. Deterministic for a seed and a day.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product

from scripts.demo_data import catalog, places
from services.db import Database
from services.installed_base import Company, Contact, Customer, Deal, Machine, SalesOrder, Site
from services.installed_base.store import put_companies, put_customers, put_machines, put_orders
from services.profile import Profile

MORE_CUSTOMERS = 34  # besides the catalog's eight
_ELSEWHERE = (("Springfield", "555"),)  # a state places.TOWNS does not know


@dataclass(frozen=True)
class Fleet:
    """The installed base the demo stores, and what its tickets say about a machine."""

    customers: tuple[Customer, ...]
    companies: tuple[Company, ...]
    machines: tuple[Machine, ...]
    orders: tuple[SalesOrder, ...]

    def pick(self, rng: random.Random) -> Machine:
        """A machine for a ticket; some machines come back often, so repeats show."""
        busy = self.machines[:: max(1, len(self.machines) // 8)]
        return rng.choice(busy if rng.random() < 0.3 else self.machines)

    def caller(self, machine: Machine) -> catalog.Customer:
        """The customer as intake records them: its main contact, the machine's site."""
        customer = next(c for c in self.customers if c.ref == machine.customer_ref)
        contact, site = customer.main_contact, machine.site
        assert contact is not None and site is not None and site.state is not None
        return catalog.Customer(
            customer.name, contact.name, contact.email or "", contact.phone or "",
            site.state, site.name,
        )  # fmt: skip

    def kind(self, machine: Machine) -> catalog.Machine:
        """The catalog's model of the machine."""
        return next(m for m in catalog.MACHINES if m.model == machine.model)


def _town(rng: random.Random, state: str, first: bool = False) -> tuple[str, str]:
    towns = places.TOWNS.get(state, _ELSEWHERE)
    return towns[0] if first else rng.choice(towns)


def _customers(rng: random.Random, profile: Profile) -> list[Customer]:
    """The catalog's customers, then more in every provider's states and the others."""
    made = [
        Customer(
            f"CUS-{1001 + i}", c.company,
            (Site(f"SITE-{2001 + i}", c.site, c.state, _town(rng, c.state, first=True)[0]),),
            Contact(c.contact, c.email, c.phone),
        )
        for i, c in enumerate(catalog.CUSTOMERS)
    ]  # fmt: skip
    served = [s for p in profile.service.providers for s in p.states]
    states = [*dict.fromkeys([*served, *places.TOWNS])]
    taken = {c.name for c in made}
    names = [" ".join(n) for n in product(places.NAME_STARTS, places.NAME_ENDS, places.TRADES)]
    names = rng.sample([n for n in names if n not in taken], MORE_CUSTOMERS)
    for i, name in enumerate(names):
        number = len(made) + 1001
        home = states[i % len(states)]
        town, area = _town(rng, home)
        located = [(home, town)] + [
            (state, _town(rng, state)[0])
            for state in rng.sample(states, rng.choice((0, 0, 0, 1, 1, 2)))
        ]
        kinds = [rng.choice(places.SITE_KINDS) for _ in located]
        sites = tuple(
            Site(f"SITE-{number * 10 + k}", f"{where} {kind}", state, where)
            for k, ((state, where), kind) in enumerate(zip(located, kinds, strict=True))
        )
        first, last = rng.choice(places.FIRST_NAMES), rng.choice(places.LAST_NAMES)
        domain = re.sub(r"[^a-z]", "", name.split()[0].lower() + name.split()[1].lower())
        contact = Contact(
            f"{first} {last}",
            f"{first.lower()}.{last.lower()}@{domain}.example.com",
            f"+1 {area} 555 01{rng.randint(10, 99)}",
        )
        made.append(Customer(f"CUS-{number}", name, sites, contact))
    return made


def _machines(rng: random.Random, customers: list[Customer], today: date) -> list[Machine]:
    """Three to twelve machines per customer, some under warranty or a service contract."""
    made: list[Machine] = []
    numbers = iter(rng.sample(range(10000, 100000), 12 * len(customers)))
    for customer in customers:
        for _ in range(rng.randint(3, 12)):
            kind = rng.choice(catalog.MACHINES)
            installed = today - timedelta(days=rng.randint(20, 12 * 365))
            years = 2 if kind.complexity == "custom" else 1
            contract = today + timedelta(days=rng.randint(-200, 900))
            made.append(
                Machine(
                    f"MCH-{30001 + len(made)}", f"{kind.serial_prefix}-{next(numbers)}",
                    kind.model, customer.ref, customer.name, kind.complexity,
                    rng.choice(customer.sites), installed,
                    installed + timedelta(days=365 * years),
                    contract if rng.random() < 0.45 else None,
                )
            )  # fmt: skip
    return made


def _orders(rng: random.Random, customers: list[Customer], today: date) -> list[SalesOrder]:
    """Up to four sales orders per customer; the open ones are recent."""
    made: list[SalesOrder] = []
    for customer in customers:
        for _ in range(rng.randint(0, 4)):
            status, still_open = rng.choice(places.ORDER_STATUSES)
            age = rng.randint(2, 60) if still_open else rng.randint(30, 500)
            made.append(
                SalesOrder(
                    f"ORD-{50001 + len(made)}", f"SO-{40001 + len(made)}", status,
                    customer.ref, still_open, today - timedelta(days=age),
                    rng.choice(places.ORDER_MEMOS),
                )
            )  # fmt: skip
    return made


def _companies(rng: random.Random, customers: list[Customer]) -> list[Company]:
    """The CRM's side: most customers have an owner, about a third an open deal or two."""
    made: list[Company] = []
    deal_number = 70001
    for customer in customers:
        deals = []
        for _ in range(rng.choice((0, 0, 0, 0, 1, 2))):
            topic = rng.choice(places.DEAL_TOPICS)
            amount = str(rng.randint(16, 480) * 500)
            deals.append(
                Deal(f"DEAL-{deal_number}", f"{customer.name}: {topic}",
                     rng.choice(places.DEAL_STAGES), amount)
            )  # fmt: skip
            deal_number += 1
        owner = rng.choice(places.SALES_REPS) if rng.random() < 0.9 else None
        made.append(Company(customer.ref, customer.name, owner=owner, open_deals=tuple(deals)))
    return made


def build(profile: Profile, today: date, seed: int) -> Fleet:
    """The whole installed base for this seed, dated from `today`."""
    rng = random.Random(f"installed base {seed}")
    customers = _customers(rng, profile)
    return Fleet(
        tuple(customers),
        tuple(_companies(rng, customers)),
        tuple(_machines(rng, customers, today)),
        tuple(_orders(rng, customers, today)),
    )


async def store(db: Database, fleet: Fleet) -> None:
    """Store it (upserted by ref: a second run changes nothing), in one transaction."""
    async with db.engine.begin() as connection:
        await put_customers(connection, fleet.customers)
        await put_companies(connection, fleet.companies)
        await put_machines(connection, fleet.machines)
        await put_orders(connection, fleet.orders)
