"""Several hits make a short list to pick from: what each line says, and what picking asks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from services.bp_search.model import Candidate, Finding
from services.bp_search.query import Kind
from services.installed_base import Customer, Machine


@dataclass(frozen=True)
class Hits:
    """What a search found: findings, or candidates (and whether more matched than listed)."""

    findings: list[Finding] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    more: bool = False


def _where(machine: Machine) -> str:
    site = machine.site
    if site is None:
        return ""
    return ", ".join(part for part in (site.city, site.state) if part) or site.name


def of_machines(found: Sequence[Machine], shown: int) -> Hits:
    """One line per machine: its serial, model, customer and where it stands."""
    listed = [
        Candidate(
            Kind.MACHINE,
            m.serial,
            f"{m.serial} · {m.model}",
            " · ".join(part for part in (m.customer_name, _where(m)) if part),
        )
        for m in found[:shown]
    ]
    return Hits(candidates=listed, more=len(found) > shown)


def of_customers(found: Sequence[Customer], shown: int) -> Hits:
    """One line per customer: its name and the states its sites are in."""
    listed = []
    for customer in found[:shown]:
        states = sorted({s.state for s in customer.sites if s.state})
        detail = f"Sites in {', '.join(states)}" if states else ""
        listed.append(Candidate(Kind.CUSTOMER, customer.ref, customer.name, detail))
    return Hits(candidates=listed, more=len(found) > shown)
