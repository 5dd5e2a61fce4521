"""The facts and rows a BP Search card is made of: machine, order, customer, CRM company."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from microsoft_teams.cards import CardElement, TextBlock

from cards.fit import ENTRY, clip
from services.bp_search import Finding, Visit
from services.bp_search.wording import day
from services.installed_base import Company, Machine, SalesOrder, Site
from services.profile import Profile

MACHINES_SHOWN = 10
DEALS_SHOWN = 5


def where(site: Site | None) -> str:
    """ "Newark plant · Newark, NJ", or what of it is known."""
    if site is None:
        return ""
    place = ", ".join(part for part in (site.city, site.state) if part)
    return " · ".join(part for part in (site.name, place) if part)


def _complexity(profile: Profile, key: str | None) -> str:
    if not key:
        return ""
    try:
        return profile.complexity(key).label
    except KeyError:
        return key


def _until(end: date | None, now: datetime) -> str:
    if end is None:
        return ""
    return f"{'until' if end >= now.date() else 'ended'} {day(end)}"


def machine_facts(profile: Profile, machine: Machine, now: datetime) -> list[tuple[str, str]]:
    """The machine's model, serial, complexity class, install date, coverage and site."""
    return [
        ("Customer", machine.customer_name),
        ("Model", machine.model),
        ("Serial", machine.serial),
        ("Complexity", _complexity(profile, machine.complexity)),
        ("Installed", day(machine.install_date) if machine.install_date else ""),
        ("Warranty", _until(machine.warranty_end, now)),
        ("Service contract", _until(machine.contract_end, now)),
        ("Site", where(machine.site)),
    ]


def order_facts(finding: Finding) -> list[tuple[str, str]]:
    """The sales order's customer, status, date and memo."""
    order = finding.order
    if order is None:
        return []
    return [
        ("Customer", finding.name),
        ("Status", f"{order.status}{'' if order.open else ' (closed)'}"),
        ("Ordered", day(order.ordered_on) if order.ordered_on else ""),
        ("Memo", order.memo or ""),
    ]


def customer_facts(finding: Finding) -> list[tuple[str, str]]:
    """The customer's sites and their states, main contact and CRM owner."""
    customer, company = finding.customer, finding.company
    pairs: list[tuple[str, str]] = []
    if customer is not None and customer.sites:
        sites = [f"{s.name} ({s.state})" if s.state else s.name for s in customer.sites]
        pairs.append(("Sites", ", ".join(sites)))
    contact = (customer.main_contact if customer else None) or (
        company.main_contact if company else None
    )
    if contact is not None:
        reach = [part for part in (contact.name, contact.email, contact.phone) if part]
        pairs.append(("Main contact", " · ".join(reach)))
    if company is not None and company.owner:
        pairs.append(("Account owner", company.owner))
    return pairs


def deals(company: Company | None) -> list[CardElement]:
    """The CRM's open deals, a line each."""
    if company is None or not company.open_deals:
        return []
    rows: list[CardElement] = [TextBlock(text="Open deals", weight="Bolder", spacing="Medium")]
    for deal in company.open_deals[:DEALS_SHOWN]:
        amount = f" · ${float(deal.amount):,.0f}" if _number(deal.amount) else ""
        text = clip(f"{deal.name} · {deal.stage}{amount}", ENTRY)
        rows.append(TextBlock(text=text, wrap=True, size="Small", spacing="None"))
    return rows


def machine_rows(machines: Sequence[Machine]) -> list[str]:
    """A customer's machines, a line each, and how many more there are."""
    rows = [
        " · ".join(part for part in (m.serial, m.model, where(m.site)) if part)
        for m in machines[:MACHINES_SHOWN]
    ]
    if len(machines) > MACHINES_SHOWN:
        rows.append("… and more: `lookup <serial>` shows one of them.")
    return rows


def visit_line(visit: Visit) -> str:
    """ "SR-1002 · 9 Dec 2026 · Newark plant · project PRJ-7"."""
    when = day(visit.start)
    if visit.end != visit.start:
        when += f" – {day(visit.end)}"
    project = f" · project {visit.project_number}" if visit.project_number else ""
    return f"{visit.number} · {when} · {visit.site}{project}"


def order_line(order: SalesOrder) -> str:
    """ "SO-1042 · Pending Fulfillment · ordered 2 Nov 2026"."""
    ordered = f" · ordered {day(order.ordered_on)}" if order.ordered_on else ""
    return f"{order.number} · {order.status}{ordered}"


def _number(text: str | None) -> bool:
    try:
        float(text or "")
    except ValueError:
        return False
    return True
