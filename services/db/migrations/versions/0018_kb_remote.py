"""Knowledge articles remember their copy in Zendesk Guide: its id, its page, its updated_at.

Revision ID: 0018_kb_remote
Revises: 0017_sync_inbound
Create Date: 2026-12-09

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_kb_remote"
down_revision = "0017_sync_inbound"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add kb_articles.remote_id, remote_url and remote_updated_at, one article per remote id."""
    op.add_column("kb_articles", sa.Column("remote_id", sa.String(64), nullable=True))
    op.add_column("kb_articles", sa.Column("remote_url", sa.String(1024), nullable=True))
    op.add_column(
        "kb_articles", sa.Column("remote_updated_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_index(
        "uq_kb_articles_profile_remote_id", "kb_articles", ["profile", "remote_id"], unique=True
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_index("uq_kb_articles_profile_remote_id", table_name="kb_articles")
    # Plain DROP COLUMN (SQLite 3.35+): a batch would rebuild kb_articles, which
    # kb_article_sources' foreign key refuses.
    for column in ("remote_updated_at", "remote_url", "remote_id"):
        op.drop_column("kb_articles", column)
