"""Intake's "Fill from BP Search": find the machine or customer a form names, and fill the form.

From a machine: its serial, company, site state, model and complexity, and its customer's main
contact; from a customer: the company, its main contact and, when it has exactly one site, that
site's state. What BP Search knows about the machine replaces what was typed (that is what the
button is for); a contact is only filled where the form has none, since the person calling is
not always the customer's main contact. Every other answer is kept as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from services.installed_base.model import Customer, Machine
from services.installed_base.picks import (
    as_typed,
    customer_value,
    machine_value,
    pick_value,
    read_pick,
)
from services.installed_base.port import InstalledBase
from services.profile import FieldRole, Profile

CANDIDATES = 5  # customers whose names contain a typed company: enough to find the exact one


@dataclass(frozen=True)
class Prefill:
    """The answers filled in, and the ids of the fields BP Search changed."""

    answers: dict[str, Any]
    changed: tuple[str, ...]


async def find_machine(base: InstalledBase, value: Any) -> Machine | None:
    """The machine a serial input names, picked or typed exactly (any case); SourceUnavailable
    when the installed base cannot answer."""
    serial = str(as_typed(value) or "").strip()
    return await base.machine(serial) if serial else None


async def find_customer(base: InstalledBase, value: Any) -> Customer | None:
    """The customer a company input names: picked, or typed as its exact name (any case)."""
    pick = read_pick(value)
    if pick is not None and pick.kind == "customer":
        return await base.customer(pick.ref)
    name = " ".join(str(as_typed(value) or "").split())  # "Acme  Foods" is Acme Foods
    if not name:
        return None
    same = [c for c in await base.find_customers(name, CANDIDATES) if _same(c.name, name)]
    if len(same) != 1:
        return None
    # A search hit may carry less than the record (sites, contact): read the record.
    return await base.customer(same[0].ref) or same[0]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _state_key(profile: Profile, state: str | None) -> str | None:
    spec = profile.field_for(FieldRole.SITE_STATE)
    if spec is None or not state:
        return None
    keys = {c.key for c in profile.choices_for(spec)}
    return state.lower() if state.lower() in keys else None


def _complexity(profile: Profile, key: str | None) -> str | None:
    spec = profile.field_for(FieldRole.COMPLEXITY)
    if spec is None or not key:
        return None
    return key if key in {c.key for c in profile.choices_for(spec)} else None


def prefill(
    profile: Profile,
    answers: Mapping[str, Any],
    machine: Machine | None,
    customer: Customer | None,
) -> Prefill:
    """`answers` with what BP Search knows about `machine` and/or `customer` filled in."""
    known: dict[FieldRole, Any] = {}
    if machine is not None:
        known[FieldRole.SERIAL_NUMBER] = machine_value(machine)
        known[FieldRole.MACHINE_MODEL] = machine.model
        known[FieldRole.COMPLEXITY] = _complexity(profile, machine.complexity)
        known[FieldRole.COMPANY] = pick_value(
            "customer", machine.customer_ref, machine.customer_name
        )
        known[FieldRole.SITE_STATE] = _state_key(profile, machine.site and machine.site.state)
    if customer is not None:
        known[FieldRole.COMPANY] = customer_value(customer)
        if known.get(FieldRole.SITE_STATE) is None and len(customer.sites) == 1:
            known[FieldRole.SITE_STATE] = _state_key(profile, customer.sites[0].state)
    filled, changed = dict(answers), []
    for role, value in known.items():
        spec = profile.field_for(role)
        if spec is not None and value is not None and filled.get(spec.id) != value:
            filled[spec.id] = value
            changed.append(spec.id)
    contact = customer.main_contact if customer is not None else None
    if contact is not None:
        for role, value in (
            (FieldRole.CONTACT_NAME, contact.name),
            (FieldRole.CONTACT_EMAIL, contact.email),
            (FieldRole.CONTACT_PHONE, contact.phone),
        ):
            spec = profile.field_for(role)
            if spec is not None and value and not str(filled.get(spec.id) or "").strip():
                filled[spec.id] = value
                changed.append(spec.id)
    order = [spec.id for spec in profile.intake]  # said in the form's order
    return Prefill(filled, tuple(sorted(changed, key=order.index)))
