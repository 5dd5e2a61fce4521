"""Activities already handled: Teams re-sends a slow activity with the same id."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

RECEIPT_STATUSES = ("running", "done")

activity_receipts = sa.Table(
    "activity_receipts",
    metadata,
    # sha256 of channel, conversation and activity id: bounded whatever the client sends.
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    # Which turn wrote it: a later change of the same turn finds its own receipt, not a rival's.
    sa.Column("owner", sa.String(32), nullable=False),
    # While running: until when the first copy is presumed alive (a retry waits, then takes over).
    sa.Column("lease_until", UtcDateTime(), nullable=False),
    # Set in the same transaction as the turn's first change, so a crash cannot hide it.
    sa.Column("applied_at", UtcDateTime(), nullable=True),
    sa.Column("answer_status", sa.Integer(), nullable=True),
    sa.Column("answer_body", sa.JSON(), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.CheckConstraint("status IN ('running', 'done')", name="ck_activity_receipts_status"),
    sa.Index("ix_activity_receipts_created_at", "created_at"),
)
