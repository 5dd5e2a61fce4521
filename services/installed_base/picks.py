"""How a typeahead pick travels in card data, and checking it against the installed base.

A ChoiceSet sends back the value of the choice picked, so BP Search's choices carry the record:
`machine:<ref>:<serial>` and `customer:<ref>:<name>`. The text after the ref is what the
person saw, so a pick still reads as that text when the source cannot confirm it. Any other
value is text the person typed (the typeahead offers what was typed as a choice of its own,
because Teams' filtered ChoiceSet sends nothing for text that matches no choice).

Card data is written by the client: a pick only gives a ticket its refs once the installed
base confirms it (the machine's serial has that ref; the customer ref exists).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Literal

from services.installed_base.model import Customer, Machine, SourceUnavailable
from services.installed_base.port import InstalledBase

Kind = Literal["machine", "customer"]
_KINDS: tuple[Kind, ...] = ("machine", "customer")


@dataclass(frozen=True)
class Pick:
    """A record picked in a typeahead: its kind, its ref, and the text the person saw."""

    kind: Kind
    ref: str
    text: str


def pick_value(kind: Kind, ref: str, text: str) -> str:
    """The choice value for a record; plain `text` when its ref cannot be carried safely."""
    return f"{kind}:{ref}:{text}" if ref and ":" not in ref else text


def machine_value(machine: Machine) -> str:
    """The choice value of a machine (its serial is what the person sees)."""
    return pick_value("machine", machine.ref, machine.serial)


def customer_value(customer: Customer) -> str:
    """The choice value of a customer (its name is what the person sees)."""
    return pick_value("customer", customer.ref, customer.name)


def read_pick(value: Any) -> Pick | None:
    """The pick a card value carries, or None for text typed by hand."""
    if not isinstance(value, str):
        return None
    kind, _, rest = value.partition(":")
    ref, colon, text = rest.partition(":")
    if kind not in _KINDS or not colon or not ref or not text.strip():
        return None
    return Pick(kind, ref, text)  # type: ignore[arg-type]


def as_typed(value: Any) -> Any:
    """What the person sees for a card value: a pick's text, else the value itself."""
    pick = read_pick(value)
    return pick.text if pick is not None else value


@dataclass(frozen=True)
class Confirmed:
    """The machine and customer an intake form's picks name, as the installed base has them."""

    machine: Machine | None = None
    customer: Customer | None = None
    unavailable: str | None = None  # the source that did not answer, when one did not

    @property
    def machine_ref(self) -> str | None:
        """The picked machine's ref, when the installed base confirmed it."""
        return self.machine.ref if self.machine else None

    @property
    def customer_ref(self) -> str | None:
        """The picked customer's ref, else the picked machine's customer."""
        if self.customer is not None:
            return self.customer.ref
        return self.machine.customer_ref if self.machine else None


async def confirm(base: InstalledBase, serial: Any, company: Any, timeout: float) -> Confirmed:
    """Check the serial's and company's picks against the installed base, within `timeout`.

    Typed text confirms nothing; a pick the base no longer has, or cannot answer about in
    time, confirms nothing either (the ticket is filed with the text, without refs).
    """
    machine_pick, customer_pick = read_pick(serial), read_pick(company)
    machine = customer = None
    try:
        async with asyncio.timeout(timeout):
            if machine_pick is not None and machine_pick.kind == "machine":
                found = await base.machine(machine_pick.text)
                machine = found if found is not None and found.ref == machine_pick.ref else None
            if customer_pick is not None and customer_pick.kind == "customer":
                customer = await base.customer(customer_pick.ref)
    except (TimeoutError, SourceUnavailable):
        return Confirmed(machine, customer, unavailable=base.source)
    return Confirmed(machine, customer)
