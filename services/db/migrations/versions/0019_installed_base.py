"""The embedded installed base (customers, sites, machines, sales orders, open deals), and the
machine and customer a ticket is about.

Revision ID: 0019_installed_base
Revises: 0018_kb_remote
Create Date: 2026-12-12

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0019_installed_base"
down_revision = "0018_kb_remote"
branch_labels = None
depends_on = None


def _folded(length: int) -> sa.types.TypeEngine:
    """Casefolded search text, in byte order on PostgreSQL as SQLite's BINARY."""
    return sa.String(length).with_variant(postgresql.VARCHAR(length, collation="C"), "postgresql")


def _customer_ref(table: str) -> sa.Column:
    return sa.Column(
        "customer_ref",
        sa.String(64),
        sa.ForeignKey("customers.ref", name=f"fk_{table}_customer_ref"),
        nullable=False,
    )


def upgrade() -> None:
    """Create the installed-base tables; add tickets.machine_ref and customer_ref."""
    op.create_table(
        "customers",
        sa.Column("ref", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("name_key", _folded(765), nullable=False),
        sa.Column("contact_name", sa.String(255), nullable=True),
        sa.Column("contact_email", sa.String(320), nullable=True),
        sa.Column("contact_phone", sa.String(64), nullable=True),
        sa.Column("owner_name", sa.String(255), nullable=True),
    )
    op.create_index("ix_customers_name_key", "customers", ["name_key"])
    op.create_table(
        "customer_sites",
        sa.Column("ref", sa.String(64), primary_key=True),
        _customer_ref("customer_sites"),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("city", sa.String(128), nullable=True),
        sa.Column("state", sa.String(2), nullable=True),
    )
    op.create_index("ix_customer_sites_customer_ref", "customer_sites", ["customer_ref"])
    op.create_table(
        "machines",
        sa.Column("ref", sa.String(64), primary_key=True),
        sa.Column("serial", sa.String(128), nullable=False),
        sa.Column("serial_key", _folded(384), nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.Column("complexity", sa.String(32), nullable=True),
        _customer_ref("machines"),
        sa.Column(
            "site_ref",
            sa.String(64),
            sa.ForeignKey("customer_sites.ref", name="fk_machines_site_ref"),
            nullable=True,
        ),
        sa.Column("install_date", sa.Date(), nullable=True),
        sa.Column("warranty_end", sa.Date(), nullable=True),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.UniqueConstraint("serial_key", name="uq_machines_serial_key"),
    )
    op.create_index(
        "ix_machines_customer_ref_serial_key", "machines", ["customer_ref", "serial_key"]
    )
    op.create_table(
        "sales_orders",
        sa.Column("ref", sa.String(64), primary_key=True),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("status", sa.String(64), nullable=False),
        sa.Column("open", sa.Boolean(), nullable=False),
        _customer_ref("sales_orders"),
        sa.Column("ordered_on", sa.Date(), nullable=True),
        sa.Column("memo", sa.String(1000), nullable=True),
        sa.UniqueConstraint("number", name="uq_sales_orders_number"),
    )
    op.create_index("ix_sales_orders_customer_ref_open", "sales_orders", ["customer_ref", "open"])
    op.create_table(
        "deals",
        sa.Column("ref", sa.String(64), primary_key=True),
        _customer_ref("deals"),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.Column("amount", sa.String(32), nullable=True),
    )
    op.create_index("ix_deals_customer_ref", "deals", ["customer_ref"])
    op.add_column("tickets", sa.Column("machine_ref", sa.String(64), nullable=True))
    op.add_column("tickets", sa.Column("customer_ref", sa.String(64), nullable=True))
    op.create_index("ix_tickets_machine_ref", "tickets", ["machine_ref"])
    op.create_index("ix_tickets_customer_ref", "tickets", ["customer_ref"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_tickets_customer_ref", table_name="tickets")
    op.drop_index("ix_tickets_machine_ref", table_name="tickets")
    # Plain DROP COLUMN (SQLite 3.35+): a batch would rebuild tickets, which ticket_events'
    # foreign key refuses.
    op.drop_column("tickets", "customer_ref")
    op.drop_column("tickets", "machine_ref")
    for table in ("deals", "sales_orders", "machines", "customer_sites", "customers"):
        op.drop_table(table)
