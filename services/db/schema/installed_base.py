"""The embedded installed base (BP Search with no NetSuite or HubSpot): customers, their sites,
machines, sales orders and open deals.

`ref` is the record's id where it came from (a NetSuite internal id when imported from a saved
search, the demo's own keys otherwise). The *_key columns hold the casefolded text the searches
compare, so case-insensitivity is the same on both dialects and an index can serve it.
"""

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from services.db.schema.base import metadata

# casefold() can lengthen text up to three times (e.g. "ΐ" becomes three characters).
FOLD_FACTOR = 3
NAME_LENGTH = 255
SERIAL_LENGTH = 128


def _folded(length: int) -> sa.types.TypeEngine[str]:
    # Byte order ("C") on PostgreSQL, as SQLite's BINARY: a serial prefix is then one range of
    # the index whatever the database's own collation is.
    return sa.String(length).with_variant(postgresql.VARCHAR(length, collation="C"), "postgresql")


customers = sa.Table(
    "customers",
    metadata,
    sa.Column("ref", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("name_key", _folded(NAME_LENGTH * FOLD_FACTOR), nullable=False),
    sa.Column("contact_name", sa.String(255), nullable=True),
    sa.Column("contact_email", sa.String(320), nullable=True),
    sa.Column("contact_phone", sa.String(64), nullable=True),
    # The CRM company owner's name (HubSpot's, when HubSpot is not connected).
    sa.Column("owner_name", sa.String(255), nullable=True),
    # find_customers reads only this index: a contains-search scans it, not the table.
    sa.Index("ix_customers_name_key", "name_key"),
)

customer_sites = sa.Table(
    "customer_sites",
    metadata,
    sa.Column("ref", sa.String(64), primary_key=True),
    sa.Column(
        "customer_ref",
        sa.String(64),
        sa.ForeignKey("customers.ref", name="fk_customer_sites_customer_ref"),
        nullable=False,
    ),
    sa.Column("name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("city", sa.String(128), nullable=True),
    sa.Column("state", sa.String(2), nullable=True),
    sa.Index("ix_customer_sites_customer_ref", "customer_ref"),
)

machines = sa.Table(
    "machines",
    metadata,
    sa.Column("ref", sa.String(64), primary_key=True),
    sa.Column("serial", sa.String(SERIAL_LENGTH), nullable=False),
    sa.Column("serial_key", _folded(SERIAL_LENGTH * FOLD_FACTOR), nullable=False),
    sa.Column("model", sa.String(128), nullable=False),
    sa.Column("complexity", sa.String(32), nullable=True),  # a key of the profile's complexities
    sa.Column(
        "customer_ref",
        sa.String(64),
        sa.ForeignKey("customers.ref", name="fk_machines_customer_ref"),
        nullable=False,
    ),
    sa.Column(
        "site_ref",
        sa.String(64),
        sa.ForeignKey("customer_sites.ref", name="fk_machines_site_ref"),
        nullable=True,
    ),
    sa.Column("install_date", sa.Date(), nullable=True),
    sa.Column("warranty_end", sa.Date(), nullable=True),
    sa.Column("contract_end", sa.Date(), nullable=True),
    # One machine per serial, whatever its case: also the index of the serial-prefix search.
    sa.UniqueConstraint("serial_key", name="uq_machines_serial_key"),
    # A customer's machines in serial order, straight from the index.
    sa.Index("ix_machines_customer_ref_serial_key", "customer_ref", "serial_key"),
)

sales_orders = sa.Table(
    "sales_orders",
    metadata,
    sa.Column("ref", sa.String(64), primary_key=True),
    sa.Column("number", sa.String(64), nullable=False),
    sa.Column("status", sa.String(64), nullable=False),  # NetSuite's label
    sa.Column("open", sa.Boolean(), nullable=False),
    sa.Column(
        "customer_ref",
        sa.String(64),
        sa.ForeignKey("customers.ref", name="fk_sales_orders_customer_ref"),
        nullable=False,
    ),
    sa.Column("ordered_on", sa.Date(), nullable=True),
    sa.Column("memo", sa.String(1000), nullable=True),
    sa.UniqueConstraint("number", name="uq_sales_orders_number"),
    sa.Index("ix_sales_orders_customer_ref_open", "customer_ref", "open"),
)

# Only open deals are kept: BP Search shows nothing else of the CRM's pipeline.
deals = sa.Table(
    "deals",
    metadata,
    sa.Column("ref", sa.String(64), primary_key=True),
    sa.Column(
        "customer_ref",
        sa.String(64),
        sa.ForeignKey("customers.ref", name="fk_deals_customer_ref"),
        nullable=False,
    ),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("stage", sa.String(128), nullable=False),
    sa.Column("amount", sa.String(32), nullable=True),
    sa.Index("ix_deals_customer_ref", "customer_ref"),
)
