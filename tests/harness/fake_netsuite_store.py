"""The fake NetSuite's data: REST records as JSON documents, mirrored into SuiteQL's tables.

A record written through the record service (POST, PUT eid:) is kept as the document it was
given plus its id, and copied into the analytics table SuiteQL reads, the way NetSuite shows
one record through both: field ids lower-cased, references ({"id": "7"}) as the id, booleans
as 'T'/'F', dates as the user's display format. Sales orders live in `transaction` with type
'SalesOrd' and a status letter; the machines' custom record is a table named by its id.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from typing import Any

from tests.harness import fake_netsuite_sql as sql

COLUMNS = {
    "customer": ("entityid", "companyname", "email", "phone"),
    "contact": ("entityid", "firstname", "lastname", "email", "phone", "company"),
    "job": ("entityid", "companyname", "parent", "entitystatus"),
    "transaction": ("tranid", "type", "status", "entity", "trandate", "memo", "lastmodifieddate"),
}
# REST record type -> its SuiteQL table, and what every row of that type carries.
TABLES = {"customer": "customer", "contact": "contact", "job": "job", "salesOrder": "transaction"}
FIXED = {"salesOrder": {"type": "SalesOrd"}}
# REST field ids whose SuiteQL column has another name.
RENAMED = {"orderstatus": "status"}
# What NetSuite numbers itself when a new record does not say (auto-numbering on).
AUTO_NUMBER = {"job": ("entityId", "PRJ{:05d}"), "salesOrder": ("tranId", "SO-{}")}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


class NetSuiteStore:
    """Records by type and id, and the SQLite database SuiteQL runs on."""

    def __init__(self, custom_records: dict[str, tuple[str, ...]]) -> None:
        self.db = sql.connect()
        self.columns = {**COLUMNS, **custom_records}
        for table, columns in self.columns.items():
            extra = "".join(f", {c} TEXT" for c in columns)
            self.db.execute(
                f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY, externalid TEXT UNIQUE,'
                f" isinactive TEXT NOT NULL DEFAULT 'F', name TEXT{extra})"
            )
        self.records: dict[tuple[str, str], dict[str, Any]] = {}
        self._ids = itertools.count(101)

    def table_of(self, record_type: str) -> str | None:
        """The SuiteQL table a REST record type is kept in (None: the type does not exist)."""
        if record_type in TABLES:
            return TABLES[record_type]
        return record_type if record_type in self.columns else None

    def create(self, record_type: str, body: dict[str, Any], external_id: str | None = None) -> str:
        """A new record; its internal id."""
        record_id = str(next(self._ids))
        document = {k: v for k, v in body.items() if k not in {"id", "externalId"}}
        if auto := AUTO_NUMBER.get(record_type):
            document.setdefault(auto[0], auto[1].format(int(record_id)))
        external_id = external_id or body.get("externalId")
        if external_id:
            document["externalId"] = external_id
        self.records[(record_type, record_id)] = document
        self._mirror(record_type, record_id, document, insert=True)
        return record_id

    def update(self, record_type: str, record_id: str, body: dict[str, Any]) -> None:
        """Change the fields `body` names, keeping the others."""
        document = self.records[(record_type, record_id)]
        document.update({k: v for k, v in body.items() if k not in {"id", "externalId"}})
        self._mirror(record_type, record_id, document, insert=False)

    def by_external_id(self, record_type: str, external_id: str) -> str | None:
        """The internal id of the record of this type carrying `external_id`."""
        return next(
            (rid for (kind, rid), doc in self.records.items()
             if kind == record_type and doc.get("externalId") == external_id),
            None,
        )  # fmt: skip

    def _mirror(self, record_type: str, record_id: str, doc: dict[str, Any], insert: bool) -> None:
        table = self.table_of(record_type)
        assert table is not None, record_type
        allowed = {"externalid", "isinactive", "name", *self.columns[table]}
        row: dict[str, Any] = dict(FIXED.get(record_type, {}))
        for key, value in doc.items():
            column = RENAMED.get(key.lower(), key.lower())
            if column in allowed:
                row[column] = _column_value(value)
        if insert:
            names = ", ".join(["id", *row])
            marks = ", ".join("?" * (len(row) + 1))
            self.db.execute(
                f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [record_id, *row.values()]
            )
        elif row:
            sets = ", ".join(f"{c} = ?" for c in row)
            self.db.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*row.values(), record_id])


def _column_value(value: Any) -> Any:
    """A REST field's value as SuiteQL shows it."""
    if isinstance(value, dict):
        return value.get("id")
    if isinstance(value, bool):
        return "T" if value else "F"
    if isinstance(value, str) and _ISO_DATE.match(value):
        return sql.stored_date(date.fromisoformat(value))
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        return sql.stored_date(datetime.fromisoformat(value))
    return value
