"""How a typeahead pick travels in card data, and checking it against the installed base.

A ChoiceSet sends back the value of the choice picked, so BP Search's choices carry the record:
`machine:<ref>:<serial>` and `customer:<ref>:<name>`. The text after the ref is what the
person saw, so a pick still reads as that text when the source cannot confirm it. Any other
value is text the person typed (the typeahead offers what was typed as a choice of its own,
because a filtered ChoiceSet sends nothing for text that matches no choice in Microsoft's
reference renderers).

Some renderers send a dynamic choice's title instead of its value (the Adaptive Cards
JavaScript renderer the Agents Playground uses does), so the titles built here read back as
their serial or name (`as_typed`): such a pick files as typed text, and Fill finds its record.

Card data is written by the client: a pick only gives a ticket its refs once the installed
base confirms it (the machine's serial has that ref; the customer ref exists).
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any, Literal

from services.installed_base.model import Customer, Machine, SourceUnavailable
from services.installed_base.port import InstalledBase

Kind = Literal["machine", "customer"]
_KINDS: tuple[Kind, ...] = ("machine", "customer")
SEPARATOR = " · "  # between a title's parts: "CE4-10421 · BP-400 Case Erector · Acme (CA)"
_TYPED = re.compile(r"Use “(.+)” as typed", re.DOTALL)


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


def machine_title(machine: Machine) -> str:
    """How a machine reads in the dropdown: serial, model, customer (and its site's state)."""
    where = machine.site.state if machine.site and machine.site.state else None
    customer = f"{machine.customer_name} ({where})" if where else machine.customer_name
    return SEPARATOR.join((machine.serial, machine.model, customer))


def customer_title(customer: Customer) -> str:
    """How a customer reads in the dropdown: name, and its one site or how many it has."""
    if len(customer.sites) == 1:
        site = customer.sites[0]
        place = ", ".join(p for p in (site.city, site.state) if p) or site.name
        return f"{customer.name}{SEPARATOR}{place}"
    if customer.sites:
        return f"{customer.name}{SEPARATOR}{len(customer.sites)} sites"
    return customer.name


def typed_title(text: str) -> str:
    """The dropdown's choice of what was typed, as typed."""
    return f"Use “{text}” as typed"


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
    """What the person sees for a card value: a pick's text (from its value, or from a title a
    renderer sent instead), else the value itself."""
    pick = read_pick(value)
    if pick is not None:
        return pick.text
    if not isinstance(value, str):
        return value
    typed = _TYPED.fullmatch(value)
    if typed:
        return typed.group(1)
    return value.partition(SEPARATOR)[0]


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
