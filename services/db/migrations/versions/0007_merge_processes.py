"""Join the escalation, parts, service-request and knowledge migrations into one head.

Revision ID: 0007_merge_processes
Revises: 0003_escalations, 0004_parts, 0005_service_requests, 0006_knowledge
Create Date: 2026-11-24

The four were written side by side from 0002_outbox and touch separate tables, so their order
does not matter; this revision only makes the history single-headed again.
"""

revision = "0007_merge_processes"
down_revision = ("0003_escalations", "0004_parts", "0005_service_requests", "0006_knowledge")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to do: joining the branches is the whole point."""


def downgrade() -> None:
    """Nothing to undo."""
