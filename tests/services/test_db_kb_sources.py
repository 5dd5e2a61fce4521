"""Migration 0014: an article's source ticket moves to kb_article_sources, and 0006's full-text
index goes; down again, each article keeps its first ticket and the index is rebuilt."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy import inspect

from services.db import Database
from services.knowledge import EmbeddedKnowledgeBase, rules
from services.tickets import TicketDraft, TicketRepository
from tests.harness.domain import BESTPACK, MONDAY_9AM
from tests.harness.migrations import migrate

BEFORE = "0012_status_roles"
# kb_articles as 0012 left it: one source ticket per article, in the row.
OLD_ARTICLES = sa.table(
    "kb_articles",
    *(sa.column(name) for name in ("id", "profile", "title", "source_ticket_id")),
    *(sa.column(name) for name in ("created_by", "created_at", "updated_by", "updated_at")),
)


async def full_text_index(db: Database) -> set[str]:
    """What is left of 0006's full-text search: tables, columns and indexes by name."""

    def found(sync: Any) -> set[str]:
        seen = inspect(sync)
        names = {t for t in seen.get_table_names() if t.startswith("kb_articles_fts")}
        names |= {c["name"] for c in seen.get_columns("kb_articles")} & {"search_vector"}
        return names | {i["name"] for i in seen.get_indexes("kb_articles")} & {
            "ix_kb_articles_search"
        }

    async with db.engine.connect() as connection:
        return await connection.run_sync(found)


async def full_text_finds(db: Database, word: str) -> list[int]:
    """The article ids 0006's index finds for a word, on either dialect."""
    if db.dialect == "sqlite":
        query = "SELECT rowid FROM kb_articles_fts WHERE kb_articles_fts MATCH :word"
    else:
        query = "SELECT id FROM kb_articles WHERE search_vector @@ to_tsquery('english', :word)"
    async with db.engine.connect() as connection:
        return list(await connection.scalars(sa.text(query), {"word": word}))


async def test_source_tickets_move_to_their_table_and_back(database: Database) -> None:
    # Filed before going back: the repository writes the columns tickets have today.
    tickets = TicketRepository(database, BESTPACK)
    made = [
        await tickets.create(TicketDraft(f"Conveyor jams {n}"), "mary", None, MONDAY_9AM)
        for n in range(3)
    ]
    await migrate(database, BEFORE)
    assert await full_text_index(database)
    async with database.engine.begin() as connection:
        for n, (ticket, _) in enumerate(made):
            await connection.execute(
                sa.insert(OLD_ARTICLES).values(
                    profile="bestpack", title=f"Conveyor jams at roll change {n}",
                    source_ticket_id=ticket.id, created_by="system", created_at=MONDAY_9AM,
                    updated_by="system", updated_at=MONDAY_9AM,
                )
            )  # fmt: skip

    await migrate(database, "heads")

    assert await full_text_index(database) == set()
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    drafts = await kb.drafts()
    assert [d.source_numbers for d in drafts] == [("BP-1001",), ("BP-1002",), ("BP-1003",)]
    assert [(await kb.for_ticket(t.id)).id for t, _ in made] == [d.id for d in drafts]
    first, second = drafts[1], drafts[2]
    kept = rules.merge(second, first, "allison", BESTPACK, MONDAY_9AM)
    await kb.merge(kept, first.version, second)

    await migrate(database, BEFORE)

    async with database.engine.connect() as connection:
        rows = await connection.execute(
            sa.select(OLD_ARTICLES.c.id, OLD_ARTICLES.c.source_ticket_id).order_by("id")
        )
        assert [tuple(r) for r in rows] == [(d.id, d.sources[0].ticket_id) for d in drafts[:2]]
    assert await full_text_index(database)
    assert await full_text_finds(database, "roll") == [d.id for d in drafts[:2]]
    await migrate(database, "heads")
