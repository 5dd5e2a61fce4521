"""Accepted escalations are in progress: Escalated now means waiting for Engineering's answer.

Revision ID: 0015_accepted_escalations
Revises: 0014_kb_sources
Create Date: 2026-12-08

Until now a ticket stayed Escalated once the engineering manager accepted its handoff, so its
status could not tell a handoff waiting for an answer from one being worked, and a button on an
old card could move a waiting one on. Accepting now moves the ticket to In progress, and only
the manager's answer leaves Escalated; the tickets accepted before move the same way. Both roles
map to the same Zendesk status in every shipped profile, so status is left as it is. Frozen
history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_accepted_escalations"
down_revision = "0014_kb_sources"
branch_labels = None
depends_on = None

_tickets = sa.table("tickets", sa.column("id", sa.Integer), sa.column("substatus", sa.String))
_escalations = sa.table(
    "escalations",
    sa.column("id", sa.Integer),
    sa.column("ticket_id", sa.Integer),
    sa.column("status", sa.String),
)


def _latest_accepted() -> sa.Select:
    """The tickets whose latest handoff was accepted."""
    latest = (
        sa.select(sa.func.max(_escalations.c.id))
        .group_by(_escalations.c.ticket_id)
        .scalar_subquery()
    )
    return sa.select(_escalations.c.ticket_id).where(
        _escalations.c.status == "accepted", _escalations.c.id.in_(latest)
    )


def upgrade() -> None:
    """Move Escalated tickets whose handoff was accepted to In progress."""
    op.execute(
        _tickets.update()
        .where(_tickets.c.substatus == "escalated", _tickets.c.id.in_(_latest_accepted()))
        .values(substatus="in_progress")
    )


def downgrade() -> None:
    """Nothing to undo: In progress was a status an accepted escalation could reach before."""
