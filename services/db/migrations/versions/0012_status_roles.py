"""Status roles: substatus always holds the ticket's role, and waiting on parts is waiting_on_other.

Revision ID: 0012_status_roles
Revises: 0011_drop_bot_state
Create Date: 2026-12-06

The code now works with status roles and the profile names the statuses that play them, so
a ticket keeps its role in substatus (always: queries filter on it) and its Zendesk
status, as the profile maps the role, in status. Before, substatus was left empty where it
equalled the status (new, closed) or where a sync brought none, and held the profile's
status keys, of which "waiting_on_parts" is now the role "waiting_on_other". Timeline events
record statuses as roles too. Frozen history: spells every type out and imports nothing
from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_status_roles"
down_revision = "0011_drop_bot_state"
branch_labels = None
depends_on = None

# Until this revision a substatus counted only if it was one of these for its Zendesk status;
# otherwise the ticket was in the first of them (services/tickets/statuses.py at 0011).
_ROLES_OF = {
    "new": ("new",),
    "open": ("assigned", "in_progress", "escalated"),
    "pending": ("waiting_on_customer",),
    "hold": ("waiting_on_other",),
    "solved": ("resolved",),
    "closed": ("closed",),
}
_RENAMED = ("waiting_on_parts", "waiting_on_other")

_tickets = sa.table("tickets", sa.column("status", sa.String), sa.column("substatus", sa.String))
_events = sa.table(
    "ticket_events",
    sa.column("id", sa.Integer),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
)


def upgrade() -> None:
    """Store every ticket's role in substatus; rename waiting_on_parts in the events too."""
    old, new = _RENAMED
    _set_substatus(_tickets.c.substatus == old, new)
    for status, roles in _ROLES_OF.items():
        unknown = sa.or_(_tickets.c.substatus.is_(None), _tickets.c.substatus.not_in(roles))
        _set_substatus(sa.and_(_tickets.c.status == status, unknown), roles[0])
    _rename_in_events(old, new)
    # Queries filter on the role now. No NOT NULL or CHECK on it: SQLite adds those only by
    # rebuilding the table, and the foreign keys to tickets refuse that inside this transaction.
    op.drop_index("ix_tickets_status_assignee", table_name="tickets")
    op.drop_index("ix_tickets_profile_status", table_name="tickets")
    op.create_index("ix_tickets_substatus_assignee", "tickets", ["substatus", "assignee_id"])
    op.create_index("ix_tickets_profile_substatus", "tickets", ["profile", "substatus"])


def downgrade() -> None:
    """Back to a substatus only where it adds to the status, and waiting_on_parts."""
    old, new = _RENAMED
    op.drop_index("ix_tickets_profile_substatus", table_name="tickets")
    op.drop_index("ix_tickets_substatus_assignee", table_name="tickets")
    _set_substatus(_tickets.c.substatus == _tickets.c.status, None)
    _set_substatus(_tickets.c.substatus == new, old)
    _rename_in_events(new, old)
    op.create_index("ix_tickets_status_assignee", "tickets", ["status", "assignee_id"])
    op.create_index("ix_tickets_profile_status", "tickets", ["profile", "status"])


def _set_substatus(where: sa.ColumnElement[bool], value: str | None) -> None:
    op.execute(_tickets.update().where(where).values(substatus=value))


def _rename_in_events(old: str, new: str) -> None:
    """Rename status `old` to `new` wherever an event's before or after records it."""
    # Read and written in Python: JSON functions differ between SQLite and PostgreSQL.
    bind = op.get_bind()
    mentions = sa.or_(
        *(
            sa.cast(column, sa.Text).like(f"%{old}%")
            for column in (_events.c.before, _events.c.after)
        )
    )
    for row in bind.execute(sa.select(_events).where(mentions)).mappings().all():
        # Only the snapshots that change: writing None back would store JSON null, not NULL.
        changed = {
            name: {**row[name], "status": new}
            for name in ("before", "after")
            if row[name] and row[name].get("status") == old
        }
        if changed:
            bind.execute(_events.update().where(_events.c.id == row["id"]).values(**changed))
