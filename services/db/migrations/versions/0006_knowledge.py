"""The knowledge base: articles drafted from resolved tickets, searchable once published.

Revision ID: 0006_knowledge
Revises: 0002_outbox
Create Date: 2026-11-25

Frozen history: spells every type out and imports nothing from services.db.
Full-text search is built per dialect: SQLite gets an FTS5 table over the articles, kept in
step by triggers; PostgreSQL a generated tsvector column with a GIN index.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006_knowledge"
down_revision = "0002_outbox"
branch_labels = None
depends_on = None

# Title and machine models weigh most, then the problem, then how it was fixed.
_TSVECTOR = (
    "setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(machine_models, '')),"
    " 'A') || setweight(to_tsvector('english', coalesce(problem, '') || ' ' ||"
    " coalesce(symptoms, '')), 'B') || setweight(to_tsvector('english', coalesce(cause, '') ||"
    " ' ' || coalesce(resolution, '')), 'C')"
)

_FTS_COLUMNS = "title, problem, symptoms, cause, resolution, machine_models"
_NEW = ", ".join(f"new.{c}" for c in _FTS_COLUMNS.split(", "))
_OLD = ", ".join(f"old.{c}" for c in _FTS_COLUMNS.split(", "))

# An external-content FTS5 table reads the text from kb_articles; the triggers keep its index
# in step ('delete' must be given the old values exactly).
_SQLITE_UP = (
    f"CREATE VIRTUAL TABLE kb_articles_fts USING fts5({_FTS_COLUMNS}, "
    "content='kb_articles', content_rowid='id', tokenize='porter unicode61')",
    f"""CREATE TRIGGER kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN
        INSERT INTO kb_articles_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW});
    END""",
    f"""CREATE TRIGGER kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN
        INSERT INTO kb_articles_fts(kb_articles_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, {_OLD});
    END""",
    f"""CREATE TRIGGER kb_articles_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON kb_articles
    BEGIN
        INSERT INTO kb_articles_fts(kb_articles_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, {_OLD});
        INSERT INTO kb_articles_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW});
    END""",
)
_SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS kb_articles_fts_update",
    "DROP TRIGGER IF EXISTS kb_articles_fts_delete",
    "DROP TRIGGER IF EXISTS kb_articles_fts_insert",
    "DROP TABLE IF EXISTS kb_articles_fts",
)


def _dialect() -> str:
    # From the migration context rather than a connection, so offline (--sql) runs work too.
    return op.get_context().dialect.name


def upgrade() -> None:
    """Create kb_articles and its full-text search for this dialect."""
    search: list[sa.Column] = []
    if _dialect() == "postgresql":
        search.append(
            sa.Column(
                "search_vector", postgresql.TSVECTOR(), sa.Computed(_TSVECTOR, persisted=True)
            )
        )
    op.create_table(
        "kb_articles",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="draft"),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False, server_default=""),
        sa.Column("symptoms", sa.Text(), nullable=False, server_default=""),
        sa.Column("cause", sa.Text(), nullable=False, server_default=""),
        sa.Column("resolution", sa.Text(), nullable=False, server_default=""),
        sa.Column("machine_models", sa.String(1024), nullable=False, server_default=""),
        sa.Column(
            "source_ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_kb_articles_source_ticket_id"),
            nullable=True,
        ),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(128), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(128), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        *search,
        sa.CheckConstraint("status IN ('draft', 'published')", name="ck_kb_articles_status"),
        sa.UniqueConstraint("source_ticket_id", name="uq_kb_articles_source_ticket_id"),
    )
    op.create_index("ix_kb_articles_profile_status", "kb_articles", ["profile", "status"])
    if _dialect() == "postgresql":
        op.create_index(
            "ix_kb_articles_search", "kb_articles", ["search_vector"], postgresql_using="gin"
        )
    elif _dialect() == "sqlite":
        for statement in _SQLITE_UP:
            op.execute(statement)


def downgrade() -> None:
    """Drop the search structures, then kb_articles."""
    if _dialect() == "sqlite":
        for statement in _SQLITE_DOWN:
            op.execute(statement)
    elif _dialect() == "postgresql":
        op.drop_index("ix_kb_articles_search", table_name="kb_articles")
    op.drop_index("ix_kb_articles_profile_status", table_name="kb_articles")
    op.drop_table("kb_articles")
