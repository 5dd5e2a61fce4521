"""The sync queue: changes on their way to a system of record (Zendesk, HubSpot, ...)."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

SYNC_STATES = ("queued", "sending", "sent", "dead")

sync_changes = sa.Table(
    "sync_changes",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    # Which system of record, and which of its records: changes to one record go in `seq` order.
    sa.Column("system", sa.String(32), nullable=False),
    sa.Column("record_key", sa.String(128), nullable=False),
    sa.Column("seq", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("payload", sa.JSON(), nullable=False),
    # Whose action it was: a dead letter's reason goes to them.
    sa.Column("actor_id", sa.String(128), nullable=True),
    sa.Column("state", sa.String(16), nullable=False, server_default="queued"),
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
    # The sender holding it while state is "sending"; another takes it once claimed_until passes.
    sa.Column("claimed_by", sa.String(128), nullable=True),
    sa.Column("claimed_until", UtcDateTime(), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Column("dead_reason", sa.Text(), nullable=True),
    sa.Column("remote_id", sa.String(128), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("sent_at", UtcDateTime(), nullable=True),
    sa.UniqueConstraint("system", "record_key", "seq", name="uq_sync_changes_record_seq"),
    sa.CheckConstraint(
        "state IN ('queued', 'sending', 'sent', 'dead')", name="ck_sync_changes_state"
    ),
    sa.Index("ix_sync_changes_system_state_due", "system", "state", "next_attempt_at"),
)

# Events a system of record sent (webhooks), remembered so each is applied once.
sync_events = sa.Table(
    "sync_events",
    metadata,
    sa.Column("system", sa.String(32), primary_key=True),
    sa.Column("event_id", sa.String(200), primary_key=True),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("received_at", UtcDateTime(), nullable=False),
)

# Where a catch-up read of a system's changes stands, and the replica reading it (the lease).
sync_cursors = sa.Table(
    "sync_cursors",
    metadata,
    sa.Column("system", sa.String(32), primary_key=True),
    sa.Column("profile", sa.String(64), primary_key=True),
    sa.Column("cursor", sa.Text(), nullable=True),
    sa.Column("leased_by", sa.String(128), nullable=True),
    sa.Column("leased_until", UtcDateTime(), nullable=True),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)
