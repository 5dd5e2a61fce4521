"""The values BP Search shows: a customer with its sites, a machine, a sales order, a CRM company.

`ref` is the record's id in the system it came from (a NetSuite internal id, a HubSpot object
id, or the bot's own row key when the bot's database is the installed base); `link` is where a
person opens that record, when the system has a web page for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class SourceUnavailable(Exception):
    """An outside source did not answer in time, refused, or is down: `source` names it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} is unavailable: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Contact:
    """A person at a customer."""

    name: str
    email: str | None = None
    phone: str | None = None
    ref: str | None = None


@dataclass(frozen=True)
class Site:
    """Where a customer's machines stand; `state` is the US state's two-letter code."""

    ref: str
    name: str
    state: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Customer:
    """A customer as the installed base (NetSuite) knows it."""

    ref: str
    name: str
    sites: tuple[Site, ...] = ()
    main_contact: Contact | None = None
    link: str | None = None


@dataclass(frozen=True)
class Machine:
    """One installed machine; `complexity` is a key of the profile's [[complexities]]."""

    ref: str
    serial: str
    model: str
    customer_ref: str
    customer_name: str
    complexity: str | None = None
    site: Site | None = None
    install_date: date | None = None
    warranty_end: date | None = None
    contract_end: date | None = None  # a service contract, when the customer has one
    link: str | None = None

    def covered_on(self, day: date) -> str | None:
        """'warranty' or 'contract' while either runs on `day`, else None."""
        if self.warranty_end is not None and day <= self.warranty_end:
            return "warranty"
        if self.contract_end is not None and day <= self.contract_end:
            return "contract"
        return None


@dataclass(frozen=True)
class SalesOrder:
    """A sales order (NetSuite `transaction` of type SalesOrd): its number and status label."""

    ref: str
    number: str
    status: str  # the label, e.g. "Pending Fulfillment"
    customer_ref: str
    open: bool
    ordered_on: date | None = None
    memo: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Deal:
    """An open deal in the CRM."""

    ref: str
    name: str
    stage: str
    amount: str | None = None


@dataclass(frozen=True)
class Company:
    """A customer as the CRM (HubSpot) knows it: owner, main contact and open deals."""

    ref: str
    name: str
    domain: str | None = None
    owner: str | None = None  # the HubSpot company owner's name
    main_contact: Contact | None = None
    open_deals: tuple[Deal, ...] = ()
    link: str | None = None
