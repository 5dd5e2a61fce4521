"""Sales orders from NetSuite: the `transaction` rows of type 'SalesOrd', read through SuiteQL.

SuiteQL gives a sales order's status as its letter (a search filter writes it "SalesOrd:B");
the labels are NetSuite's own. Open means the order still has something to happen: pending
approval, fulfilment or billing. Dates are read with TO_CHAR so the user's date format
preference never matters.
"""

from __future__ import annotations

from datetime import date

from services.clients.netsuite import NetSuiteClient, NetSuiteError, Row
from services.clients.netsuite.suiteql import UnsafeText, equals
from services.installed_base.model import SalesOrder, SourceUnavailable

SOURCE = "NetSuite"
STATUS_LABELS = {
    "A": "Pending Approval",
    "B": "Pending Fulfillment",
    "C": "Cancelled",
    "D": "Partially Fulfilled",
    "E": "Pending Billing/Partially Fulfilled",
    "F": "Pending Billing",
    "G": "Billed",
    "H": "Closed",
}
OPEN = frozenset("ABDEF")
_COLUMNS = (
    "t.id AS id, t.tranid AS tranid, t.status AS status, t.entity AS entity,"
    " TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, t.memo AS memo"
)
_SALES_ORDERS = f"SELECT {_COLUMNS} FROM transaction t WHERE t.type = 'SalesOrd'"


def status_letter(raw: str | None) -> str:
    """ "B" from "B" or "SalesOrd:B"."""
    return (raw or "").rsplit(":", 1)[-1].strip().upper()


def internal_id(ref: str) -> str | None:
    """A NetSuite internal id as given (digits), else None: a ref from elsewhere is no id here."""
    ref = ref.strip()
    return ref if ref.isascii() and ref.isdigit() and len(ref) <= 19 else None


def iso_date(value: str | None) -> date | None:
    """A YYYY-MM-DD value (as TO_CHAR wrote it) as a date; anything else None."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class NetSuiteSalesOrders:
    """Reads sales orders; every NetSuite failure becomes SourceUnavailable("NetSuite", …)."""

    def __init__(self, client: NetSuiteClient, timeout: float) -> None:
        """Read through `client`, never waiting longer than `timeout` seconds a query."""
        self._client = client
        self._timeout = timeout

    async def order(self, number: str) -> SalesOrder | None:
        """The sales order numbered `number` (case-insensitive), open or not."""
        if not number.strip():
            return None
        try:
            where = equals("t.tranid", number.strip())
        except UnsafeText:
            return None  # longer than any order number
        rows = await self.rows(f"{_SALES_ORDERS} AND {where} ORDER BY t.id", 1)
        return self.from_row(rows[0]) if rows else None

    async def open_orders(self, customer_ref: str, limit: int) -> list[SalesOrder]:
        """A customer's open sales orders, newest first."""
        customer = internal_id(customer_ref)
        if customer is None:
            return []
        letters = ", ".join(f"'{letter}'" for letter in sorted(OPEN))
        query = (
            f"{_SALES_ORDERS} AND t.entity = {customer} AND t.status IN ({letters})"
            " ORDER BY t.trandate DESC, t.id DESC"
        )
        return [self.from_row(row) for row in await self.rows(query, limit)]

    async def rows(self, query: str, limit: int) -> list[Row]:
        """The first `limit` rows of `query` (1-1000), or SourceUnavailable."""
        try:
            page = await self._client.suiteql(
                query, limit=max(1, min(limit, 1000)), timeout=self._timeout
            )
        except NetSuiteError as error:
            raise SourceUnavailable(SOURCE, str(error)) from error
        return list(page.items)

    def link(self, path: str, record_id: str) -> str:
        """A record's page in NetSuite, e.g. /app/accounting/transactions/salesord.nl."""
        return f"{self._client.config.ui_url}{path}?id={record_id}"

    def from_row(self, row: Row) -> SalesOrder:
        """A SalesOrder from its SuiteQL row."""
        letter = status_letter(row.get("status"))
        record_id = row.get("id") or ""
        return SalesOrder(
            ref=record_id,
            number=row.get("tranid") or "",
            status=STATUS_LABELS.get(letter, row.get("status") or "Unknown"),
            customer_ref=row.get("entity") or "",
            open=letter in OPEN,
            ordered_on=iso_date(row.get("trandate")),
            memo=row.get("memo"),
            link=self.link("/app/accounting/transactions/salesord.nl", record_id),
        )
