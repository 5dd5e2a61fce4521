"""INSERT ... ON CONFLICT DO UPDATE for both dialects (the one statement they share)."""

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


def upsert(dialect: str, table: Table, values: Mapping[str, Any], keys: Iterable[str]) -> Insert:
    """Insert `values`, or on a clash of the `keys` columns overwrite every other column."""
    module = {"sqlite": sqlite, "postgresql": postgresql}[dialect]
    statement = module.insert(table).values(**values)
    key_names = list(keys)
    updates = {name: statement.excluded[name] for name in values if name not in key_names}
    return statement.on_conflict_do_update(index_elements=key_names, set_=updates)
