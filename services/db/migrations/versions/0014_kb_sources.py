"""An article's source tickets in their own table (merged drafts have several); no full-text index.

Revision ID: 0014_kb_sources
Revises: 0013_quote_lines
Create Date: 2026-12-08

kb_articles.source_ticket_id (one ticket, unique) moves to kb_article_sources, so two drafts
of one problem merge into one article from both tickets; a merged draft stays as a 'merged' row
naming the article it went into. Search ranks in Python (services.knowledge.ranking), so
0006's SQLite FTS5 table and PostgreSQL tsvector column go; the downgrade rebuilds them.
Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0014_kb_sources"
down_revision = "0013_quote_lines"
branch_labels = None
depends_on = None

_STATUSES = "status IN ('draft', 'published', 'merged')"
_STATUSES_BEFORE = "status IN ('draft', 'published')"

# 0006's full-text search, rebuilt as it was by the downgrade.
_TSVECTOR = (
    "setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(machine_models, '')),"
    " 'A') || setweight(to_tsvector('english', coalesce(problem, '') || ' ' ||"
    " coalesce(symptoms, '')), 'B') || setweight(to_tsvector('english', coalesce(cause, '') ||"
    " ' ' || coalesce(resolution, '')), 'C')"
)
_FTS_COLUMNS = "title, problem, symptoms, cause, resolution, machine_models"
_NEW = ", ".join(f"new.{c}" for c in _FTS_COLUMNS.split(", "))
_OLD = ", ".join(f"old.{c}" for c in _FTS_COLUMNS.split(", "))
_SQLITE_FTS = (
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
    # The existing articles into the index.
    "INSERT INTO kb_articles_fts(kb_articles_fts) VALUES ('rebuild')",
)
_SQLITE_NO_FTS = (
    "DROP TRIGGER IF EXISTS kb_articles_fts_update",
    "DROP TRIGGER IF EXISTS kb_articles_fts_delete",
    "DROP TRIGGER IF EXISTS kb_articles_fts_insert",
    "DROP TABLE IF EXISTS kb_articles_fts",
)

_articles = sa.table(
    "kb_articles",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("source_ticket_id", sa.Integer),
)
_sources = sa.table(
    "kb_article_sources",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("ticket_id", sa.Integer),
)


def _dialect() -> str:
    return op.get_context().dialect.name


def upgrade() -> None:
    """Drop the full-text index, move the source tickets to kb_article_sources, allow 'merged'."""
    if _dialect() == "sqlite":
        for statement in _SQLITE_NO_FTS:
            op.execute(statement)
    elif _dialect() == "postgresql":
        op.drop_index("ix_kb_articles_search", table_name="kb_articles")
        op.drop_column("kb_articles", "search_vector")
    # Read before the column goes; written once the table exists. On SQLite the batch below
    # rebuilds kb_articles, which a table already referencing it would refuse.
    links = op.get_bind().execute(
        sa.select(_articles.c.id, _articles.c.source_ticket_id)
        .where(_articles.c.source_ticket_id.is_not(None))
        .order_by(_articles.c.id)
    )
    links = [{"article_id": a, "ticket_id": t} for a, t in links.all()]
    with op.batch_alter_table("kb_articles") as batch:
        batch.drop_constraint("uq_kb_articles_source_ticket_id", type_="unique")
        batch.drop_constraint("fk_kb_articles_source_ticket_id", type_="foreignkey")
        batch.drop_column("source_ticket_id")
        batch.drop_constraint("ck_kb_articles_status", type_="check")
        batch.create_check_constraint("ck_kb_articles_status", _STATUSES)
        batch.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_kb_articles_merged_into_id", "kb_articles", ["merged_into_id"], ["id"]
        )
    op.create_table(
        "kb_article_sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("kb_articles.id", name="fk_kb_article_sources_article_id"),
            nullable=False,
        ),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_kb_article_sources_ticket_id"),
            nullable=False,
        ),
        sa.UniqueConstraint("ticket_id", name="uq_kb_article_sources_ticket_id"),
    )
    op.create_index("ix_kb_article_sources_article_id", "kb_article_sources", ["article_id"])
    if links:
        op.bulk_insert(_sources, links)


def downgrade() -> None:
    """One source ticket per article again (a merged article keeps its first), and 0006's index.

    Merged drafts' rows go: before this revision there was nothing to keep them for.
    """
    bind = op.get_bind()
    first = sa.select(_sources.c.article_id, _sources.c.ticket_id).where(
        _sources.c.id.in_(sa.select(sa.func.min(_sources.c.id)).group_by(_sources.c.article_id))
    )
    links = bind.execute(first).all()
    op.drop_index("ix_kb_article_sources_article_id", table_name="kb_article_sources")
    op.drop_table("kb_article_sources")
    op.execute(_articles.delete().where(_articles.c.status == "merged"))
    with op.batch_alter_table("kb_articles") as batch:
        batch.drop_constraint("fk_kb_articles_merged_into_id", type_="foreignkey")
        batch.drop_column("merged_into_id")
        batch.drop_constraint("ck_kb_articles_status", type_="check")
        batch.create_check_constraint("ck_kb_articles_status", _STATUSES_BEFORE)
        batch.add_column(sa.Column("source_ticket_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_kb_articles_source_ticket_id", "tickets", ["source_ticket_id"], ["id"]
        )
        batch.create_unique_constraint("uq_kb_articles_source_ticket_id", ["source_ticket_id"])
    for article_id, ticket_id in links:
        op.execute(
            _articles.update()
            .where(_articles.c.id == article_id)
            .values(source_ticket_id=ticket_id)
        )
    if _dialect() == "postgresql":
        op.add_column(
            "kb_articles",
            sa.Column(
                "search_vector", postgresql.TSVECTOR(), sa.Computed(_TSVECTOR, persisted=True)
            ),
        )
        op.create_index(
            "ix_kb_articles_search", "kb_articles", ["search_vector"], postgresql_using="gin"
        )
    elif _dialect() == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)
