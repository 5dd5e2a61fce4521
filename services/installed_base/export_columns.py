"""The columns of a NetSuite saved-search export of machines (docs/installed-base.md), and
each cell read into its value or refused in words.

Labels match whatever their case and spacing; lengths come from the tables they are stored in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from services.db.schema import customer_sites, customers, machines
from services.profile import Profile
from services.profile.base import US_STATES
from services.profile.states import STATE_NAMES

_STATE_BY_NAME = {name.casefold(): code for code, name in STATE_NAMES.items()}
# NetSuite writes dates as the exporting user's preference says; these two are accepted.
DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d")


class CellError(ValueError):
    """A cell that cannot be read: the message says why, in words."""


@dataclass(frozen=True)
class ExportColumn:
    """One column: its header label, the longest value stored, whether every row needs one."""

    label: str
    limit: int | None = None
    required: bool = False
    kind: str = "text"  # or "date", "state", "complexity"


def _length(column) -> int:
    return column.type.length


COLUMNS: dict[str, ExportColumn] = {
    "ref": ExportColumn("Internal ID", _length(machines.c.ref), required=True),
    "serial": ExportColumn("Serial Number", _length(machines.c.serial), required=True),
    "model": ExportColumn("Model", _length(machines.c.model), required=True),
    "complexity": ExportColumn("Complexity", kind="complexity"),
    "install_date": ExportColumn("Install Date", kind="date"),
    "warranty_end": ExportColumn("Warranty End", kind="date"),
    "contract_end": ExportColumn("Service Contract End", kind="date"),
    "customer_ref": ExportColumn("Customer Internal ID", _length(customers.c.ref), True),
    "customer": ExportColumn("Customer", _length(customers.c.name), required=True),
    "site_ref": ExportColumn("Site Internal ID", _length(customer_sites.c.ref)),
    "site": ExportColumn("Site", _length(customer_sites.c.name)),
    "site_city": ExportColumn("Site City", _length(customer_sites.c.city)),
    "site_state": ExportColumn("Site State", kind="state"),
    "contact": ExportColumn("Main Contact", _length(customers.c.contact_name)),
    "contact_email": ExportColumn("Main Contact Email", _length(customers.c.contact_email)),
    "contact_phone": ExportColumn("Main Contact Phone", _length(customers.c.contact_phone)),
}
CONTACT_FIELDS = ("contact", "contact_email", "contact_phone")


def label_key(label: str) -> str:
    """A header label as matched: spacing and case do not matter."""
    return " ".join(label.split()).casefold()


def read_cell(name: str, text: str | None, profile: Profile) -> object:
    """The value of column `name` from its text; None when empty. CellError when unreadable."""
    column = COLUMNS[name]
    text = " ".join((text or "").split())
    if not text:
        if column.required:
            raise CellError(f"{column.label} is empty")
        return None
    if column.limit is not None and len(text) > column.limit:
        raise CellError(
            f"{column.label} is {len(text)} characters long; at most {column.limit} fit"
        )
    if column.kind == "date":
        return _date(column.label, text)
    if column.kind == "state":
        return _state(text)
    if column.kind == "complexity":
        return _complexity(text, profile)
    return text


def _date(label: str, text: str) -> date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(f"{label} '{text}' is not a date (write it as M/D/YYYY or YYYY-MM-DD)")


def _state(text: str) -> str:
    code = text.upper()
    if code in US_STATES:
        return code
    if text.casefold() in _STATE_BY_NAME:
        return _STATE_BY_NAME[text.casefold()]
    raise CellError(f"Site State '{text}' is not a US state (a two-letter code or its name)")


def _complexity(text: str, profile: Profile) -> str:
    known = {c.key.casefold(): c.key for c in profile.complexities}
    known |= {label_key(c.label): c.key for c in profile.complexities}
    if label_key(text) in known:
        return known[label_key(text)]
    keys = ", ".join(c.key for c in profile.complexities)
    raise CellError(f"Complexity '{text}' is not one of the {profile.company} desk's ({keys})")
