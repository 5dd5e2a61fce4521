"""Quote lines: a quote holds several parts, each with its quantity and price.

Revision ID: 0013_quote_lines
Revises: 0012_status_roles
Create Date: 2026-12-05

A parts answer and an order held one part number, one quantity and one price; both now keep
a JSON list of lines ({part_number, description, quantity, price_cents}). Every existing
answer and order becomes a one-line quote (an answer's quantity is its request's), and the
single-part columns go. Frozen history: spells every type out and imports nothing from
services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_quote_lines"
down_revision = "0012_status_roles"
branch_labels = None
depends_on = None

_requests = sa.table(
    "parts_requests",
    sa.column("id", sa.Integer),
    sa.column("quantity", sa.Integer),
    sa.column("answer_part_number", sa.String),
    sa.column("price_cents", sa.BigInteger),
    sa.column("quote_lines", sa.JSON),
)
_orders = sa.table(
    "parts_orders",
    sa.column("id", sa.Integer),
    sa.column("part_number", sa.String),
    sa.column("quantity", sa.Integer),
    sa.column("price_cents", sa.BigInteger),
    sa.column("quote_lines", sa.JSON),
)


def _line(part_number: str, quantity: int, price_cents: int) -> list[dict]:
    return [
        {
            "part_number": part_number,
            "description": None,
            "quantity": quantity,
            "price_cents": price_cents,
        }
    ]


def upgrade() -> None:
    """Add quote_lines, fill it from the single-part columns, then drop those."""
    with op.batch_alter_table("parts_requests") as batch:
        batch.add_column(sa.Column("quote_lines", sa.JSON(), nullable=True))
    with op.batch_alter_table("parts_orders") as batch:
        batch.add_column(sa.Column("quote_lines", sa.JSON(), nullable=True))
    bind = op.get_bind()
    # Row by row in Python: JSON construction differs between SQLite and PostgreSQL.
    answered = bind.execute(
        sa.select(_requests).where(_requests.c.answer_part_number.is_not(None))
    ).mappings()
    for row in answered.all():
        lines = _line(row["answer_part_number"], row["quantity"], row["price_cents"])
        bind.execute(
            _requests.update().where(_requests.c.id == row["id"]).values(quote_lines=lines)
        )
    for row in bind.execute(sa.select(_orders)).mappings().all():
        lines = _line(row["part_number"], row["quantity"], row["price_cents"])
        bind.execute(_orders.update().where(_orders.c.id == row["id"]).values(quote_lines=lines))
    with op.batch_alter_table("parts_requests") as batch:
        batch.drop_column("price_cents")
        batch.drop_column("answer_part_number")
    with op.batch_alter_table("parts_orders") as batch:
        batch.alter_column("quote_lines", existing_type=sa.JSON(), nullable=False)
        batch.drop_column("price_cents")
        batch.drop_column("quantity")
        batch.drop_column("part_number")


def downgrade() -> None:
    """Back to one part per answer and order: the first line, with the quote's quantity."""
    with op.batch_alter_table("parts_requests") as batch:
        batch.add_column(sa.Column("answer_part_number", sa.String(64), nullable=True))
        batch.add_column(sa.Column("price_cents", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("parts_orders") as batch:
        batch.add_column(sa.Column("part_number", sa.String(64), nullable=True))
        batch.add_column(sa.Column("quantity", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("price_cents", sa.BigInteger(), nullable=True))
    bind = op.get_bind()
    for table in (_requests, _orders):
        rows = bind.execute(sa.select(table).where(table.c.quote_lines.is_not(None)))
        for row in rows.mappings().all():
            first = row["quote_lines"][0]
            values = {"price_cents": first["price_cents"]}
            if table is _orders:
                values |= {"part_number": first["part_number"], "quantity": first["quantity"]}
            else:
                values |= {"answer_part_number": first["part_number"]}
            bind.execute(table.update().where(table.c.id == row["id"]).values(**values))
    with op.batch_alter_table("parts_orders") as batch:
        batch.alter_column("part_number", existing_type=sa.String(64), nullable=False)
        batch.alter_column("quantity", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("price_cents", existing_type=sa.BigInteger(), nullable=False)
        batch.drop_column("quote_lines")
    with op.batch_alter_table("parts_requests") as batch:
        batch.drop_column("quote_lines")
