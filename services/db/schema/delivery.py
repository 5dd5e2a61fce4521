"""The bot's own machinery: the outbox of proactive messages, SLA alerts sent, job runs."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

OUTBOX_STATUSES = ("pending", "waiting", "sent", "dead")

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    # One notice per fact ("assigned BP-1001 to kevin, change 3"): a retried turn adds nothing.
    sa.Column("dedupe_key", sa.String(256), nullable=False),
    sa.Column("target_kind", sa.String(16), nullable=False),
    sa.Column("target", sa.String(512), nullable=False),
    sa.Column("thread_id", sa.String(128), nullable=True),
    sa.Column("payload", sa.JSON(), nullable=False),
    # waiting: no usable conversation yet (the app is not installed for that person).
    sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Column("activity_id", sa.String(256), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("sent_at", UtcDateTime(), nullable=True),
    # Delivery: the next try after a throttle or failure, and the sender holding it meanwhile.
    sa.Column("next_attempt_at", UtcDateTime(), nullable=True),
    sa.Column("claimed_by", sa.String(128), nullable=True),
    sa.Column("claimed_until", UtcDateTime(), nullable=True),
    sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
    sa.CheckConstraint("target_kind IN ('person', 'conversation')", name="ck_outbox_target_kind"),
    sa.CheckConstraint("status IN ('pending', 'waiting', 'sent', 'dead')", name="ck_outbox_status"),
    sa.Index("ix_outbox_status_target", "status", "target_kind", "target"),
    sa.Index("ix_outbox_status_next_attempt", "status", "next_attempt_at"),
)


# Each (ticket, deadline, threshold) is alerted once: the unique key is the "exactly once".
sla_alerts = sa.Table(
    "sla_alerts",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_sla_alerts_ticket_id"),
        nullable=False,
    ),
    sa.Column("deadline", sa.String(32), nullable=False),
    sa.Column("threshold", sa.String(16), nullable=False),
    sa.Column("due_at", UtcDateTime(), nullable=False),
    sa.Column("alerted_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint(
        "ticket_id", "deadline", "threshold", name="uq_sla_alerts_ticket_deadline_threshold"
    ),
)

# One row per scheduled job per tick: the replica whose insert wins runs it.
job_runs = sa.Table(
    "job_runs",
    metadata,
    sa.Column("job", sa.String(64), primary_key=True),
    sa.Column("tick", UtcDateTime(), primary_key=True),
    sa.Column("runner", sa.String(128), nullable=False),
    sa.Column("started_at", UtcDateTime(), nullable=False),
    sa.Column("finished_at", UtcDateTime(), nullable=True),
    sa.Column("outcome", sa.Text(), nullable=True),
)
