"""SuiteQL rows of NetSuite's installed base made into BP Search's values, and the machine
queries built from the profile's mapping (script ids checked there, by regex, again here)."""

from __future__ import annotations

from collections.abc import Callable

from services.clients.netsuite import Row
from services.clients.netsuite.suiteql import identifier
from services.installed_base.model import Contact, Customer, Machine, Site
from services.installed_base.netsuite_orders import iso_date
from services.profile.bp_search import NetSuiteMapping

Link = Callable[[str, str], str]  # (page path, internal id) -> URL
CUSTOMER_PAGE = "/app/common/entity/custjob.nl"
RECORD_PAGE = "/app/common/custom/custrecordentry.nl"
_DATES = ("install_date", "warranty_end", "contract_end")


def customer_from_row(row: Row, link: Link) -> Customer:
    """A customer (no sites or contact: those take their own queries)."""
    record_id = row.get("id") or ""
    name = row.get("companyname") or row.get("entityid") or f"Customer {record_id}"
    return Customer(ref=record_id, name=name, link=link(CUSTOMER_PAGE, record_id))


def contact_from_row(row: Row) -> Contact:
    """A contact of a customer."""
    name = " ".join(p for p in (row.get("firstname"), row.get("lastname")) if p)
    return Contact(
        name=name or row.get("email") or "Contact",
        email=row.get("email"),
        phone=row.get("phone"),
        ref=row.get("id"),
    )


def site_from_row(customer_id: str, row: Row) -> Site:
    """A site from its name and state (the machine record's fields)."""
    state = (row.get("bp_state") or "").strip().upper() or None
    name = row.get("bp_site") or (f"Site in {state}" if state else "Site")
    return Site(ref=f"{customer_id}/{name}", name=name, state=state)


class MachineReader:
    """The machine custom record as [bp_search.netsuite] describes it."""

    def __init__(self, mapping: NetSuiteMapping, link: Link) -> None:
        """Read `mapping`'s record; `link` makes NetSuite page URLs."""
        self.mapping = mapping
        self._link = link
        self._record = identifier(mapping.machine_record)
        fields = mapping.fields
        named = {name: getattr(fields, name) for name in type(fields).model_fields}
        self._columns = {name: identifier(f) for name, f in named.items() if f is not None}

    def query(self, where: str, order_by: str) -> str:
        """SELECT the machines matching `where` (built from checked text), with customers."""
        columns = ["m.id AS id", "COALESCE(c.companyname, c.entityid) AS customername"]
        for name, field in self._columns.items():
            value = f"TO_CHAR(m.{field}, 'YYYY-MM-DD')" if name in _DATES else f"m.{field}"
            # Aliased bp_*: a bare MODEL or STATE could read as an Oracle keyword.
            columns.append(f"{value} AS bp_{name}")
        return (
            f"SELECT {', '.join(columns)} FROM {self._record} m"
            f" JOIN customer c ON c.id = m.{self._columns['customer']}"
            f" WHERE m.isinactive = 'F' AND {where} ORDER BY {order_by}"
        )

    def sites_query(self, customer_id: str) -> str | None:
        """The distinct site/state pairs a customer's machines stand at (None: the record has
        neither field)."""
        site, state = self._columns.get("site"), self._columns.get("state")
        if site is None and state is None:
            return None
        picked = [f"m.{site} AS bp_site"] if site else []
        picked += [f"m.{state} AS bp_state"] if state else []
        return (
            f"SELECT DISTINCT {', '.join(picked)} FROM {self._record} m WHERE m.isinactive = 'F'"
            f" AND m.{self._columns['customer']} = {customer_id} ORDER BY 1"
        )

    def from_row(self, row: Row) -> Machine:
        """A Machine from its row."""
        record_id = row.get("id") or ""
        customer_ref = row.get("bp_customer") or ""
        has_site = row.get("bp_site") or row.get("bp_state")
        type_id = self.mapping.machine_record_type_id
        link = None
        if type_id is not None:
            link = self._link(RECORD_PAGE, record_id).replace("?id=", f"?rectype={type_id}&id=")
        return Machine(
            ref=record_id,
            serial=row.get("bp_serial") or "",
            model=row.get("bp_model") or "",
            customer_ref=customer_ref,
            customer_name=row.get("customername") or "",
            complexity=self.mapping.complexities.get(row.get("bp_complexity") or ""),
            site=site_from_row(customer_ref, row) if has_site else None,
            install_date=iso_date(row.get("bp_install_date")),
            warranty_end=iso_date(row.get("bp_warranty_end")),
            contract_end=iso_date(row.get("bp_contract_end")),
            link=link,
        )
