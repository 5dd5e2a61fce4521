"""EmbeddedKnowledgeBase on SQLite and PostgreSQL: drafts, saves, merges and search."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import delete, inspect, update

from services.db import Database
from services.db.schema import kb_articles
from services.knowledge import (
    ArticleContent,
    ArticleStatus,
    EmbeddedKnowledgeBase,
    StaleArticle,
    rules,
)
from services.knowledge.rules import edit, publish
from services.tickets import TicketDraft, TicketRepository
from tests.harness.domain import BESTPACK, MONDAY_9AM

CONVEYOR = ArticleContent(
    title="Infeed conveyor jams when the film roll changes",
    problem="The infeed conveyor stops with a jam at every film roll change.",
    symptoms="Alarm E42 on the HMI; cases pile up at the infeed.",
    cause="The infeed photo-eye drifts out of line when the roll carriage moves.",
    resolution="Realign the photo-eye bracket and tighten its lock nut.",
    machine_models=("BP-500 Wrapper",),
)
SEALER = ArticleContent(
    title="Sealer heater alarm 204 after restart",
    problem="The sealer will not heat after a power cycle.",
    symptoms="Alarm 204; the heater stays cold.",
    cause="A blown heater fuse.",
    resolution="Replace fuse F3 in the cabinet.",
    machine_models=("BP-700 Sealer",),
)
LATER = MONDAY_9AM + timedelta(hours=2)


async def published(kb: EmbeddedKnowledgeBase, content: ArticleContent, **draft_options):
    """A draft of `content`, published by Allison."""
    draft, _ = await kb.create_draft(content, author_id="system", now=MONDAY_9AM, **draft_options)
    done = publish(draft, draft.content, "allison", BESTPACK, LATER)
    return await kb.save(done, draft.version)


async def test_a_draft_keeps_its_content_and_its_source_ticket(database: Database) -> None:
    tickets = TicketRepository(database, BESTPACK)
    ticket, _ = await tickets.create(TicketDraft("Conveyor jams"), "mary", None, MONDAY_9AM)
    kb = EmbeddedKnowledgeBase(database, BESTPACK)

    draft, created = await kb.create_draft(
        CONVEYOR, author_id="system", now=MONDAY_9AM, source_ticket_id=ticket.id
    )
    again, created_again = await kb.create_draft(
        SEALER, author_id="allison", now=LATER, source_ticket_id=ticket.id
    )

    assert created and not created_again
    assert again == draft == await kb.get(draft.id) == await kb.for_ticket(ticket.id)
    assert draft.content == CONVEYOR
    assert (draft.status, draft.number, draft.source_number) == (
        ArticleStatus.DRAFT,
        f"KB-{draft.id}",
        "BP-1001",
    )
    assert draft.created_at == MONDAY_9AM and draft.version == 1
    assert [a.id for a in await kb.drafts()] == [draft.id]


async def test_two_drafts_of_one_ticket_at_once_make_one_article(database: Database) -> None:
    tickets = TicketRepository(database, BESTPACK)
    ticket, _ = await tickets.create(TicketDraft("Conveyor jams"), "mary", None, MONDAY_9AM)
    kb = EmbeddedKnowledgeBase(database, BESTPACK)

    results = await asyncio.gather(
        *(
            kb.create_draft(
                CONVEYOR, author_id="system", now=MONDAY_9AM, source_ticket_id=ticket.id
            )
            for _ in range(3)
        )
    )

    assert sorted(created for _, created in results) == [False, False, True]
    assert len({article.id for article, _ in results}) == 1


async def test_a_save_with_an_old_version_is_refused_and_writes_nothing(
    database: Database,
) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    draft, _ = await kb.create_draft(CONVEYOR, author_id="system", now=MONDAY_9AM)
    retitled = replace(CONVEYOR, title="Conveyor jams at roll change")
    saved = await kb.save(edit(draft, retitled, "allison", BESTPACK, LATER), draft.version)

    with pytest.raises(StaleArticle):
        await kb.save(edit(draft, SEALER, "allison", BESTPACK, LATER), draft.version)

    stored = await kb.get(draft.id)
    assert stored == saved
    assert (stored.content.title, stored.version, stored.updated_by) == (
        "Conveyor jams at roll change",
        2,
        "allison",
    )


async def test_only_published_articles_are_found_and_every_word_must_match(
    database: Database,
) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    conveyor = await published(kb, CONVEYOR)
    sealer = await published(kb, SEALER)
    await kb.create_draft(replace(CONVEYOR, title="Conveyor jam draft"), author_id="x", now=LATER)

    found = await kb.search("conveyor jam")

    assert [hit.article.id for hit in found] == [conveyor.id]
    assert found[0].article.is_published and found[0].matched_terms == 2
    assert "**" in found[0].snippet  # the matching words are highlighted
    assert await kb.search("conveyor heater") == []  # no article has both words
    assert {hit.article.id for hit in await kb.search("ALARM")} == {conveyor.id, sealer.id}


async def test_stemming_finds_other_forms_of_a_word(database: Database) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    await published(kb, CONVEYOR)
    assert len(await kb.search("jamming conveyors")) == 1
    assert len(await kb.search("realigned photo-eye")) == 1


@pytest.mark.parametrize(
    "typed",
    [
        '"conveyor jam',
        "conveyor* jam*",
        "(conveyor) AND (jam",
        "conveyor OR jam NOT NEAR(x y)",
        "title:conveyor ^jam -sealer",
        "conveyor's jam; DROP TABLE kb_articles; --",
        "conveyor | jam & !film <-> :*",
    ],
)
async def test_search_syntax_in_what_people_type_is_only_words(
    database: Database, typed: str
) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    conveyor = await published(kb, CONVEYOR)
    found = await kb.search(typed, min_terms=2)
    assert [hit.article.id for hit in found] == [conveyor.id]
    assert await kb.get(conveyor.id) is not None


@pytest.mark.parametrize("typed", ["", "   ", '"', "*", "()", "the and or not", "AND OR NEAR"])
async def test_input_without_words_finds_nothing_and_does_not_fail(
    database: Database, typed: str
) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    await published(kb, CONVEYOR)
    assert await kb.search(typed) == []


async def test_a_description_finds_articles_sharing_enough_of_its_words(
    database: Database,
) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    conveyor = await published(kb, CONVEYOR)
    await published(kb, SEALER)
    description = (
        "Customer says the conveyor jams every time they change the film roll. "
        "They get an alarm and have to clear it by hand."
    )

    found = await kb.search(description, min_terms=2)

    # The sealer article shares only "alarm": one word is not a similar problem.
    assert [hit.article.id for hit in found] == [conveyor.id]
    assert found[0].matched_terms >= 4


async def test_the_same_machine_model_comes_first_among_equal_matches(
    database: Database,
) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    other = await published(kb, replace(CONVEYOR, machine_models=("BP-900 Palletizer",)))
    same = await published(kb, replace(CONVEYOR, machine_models=("BP-500 Wrapper", "BP-510")))

    for model, order in (("bp-500  wrapper", [same, other]), ("BP-900 Palletizer", [other, same])):
        found = await kb.search("conveyor jam", machine_model=model)
        assert [hit.article.id for hit in found] == [a.id for a in order], model


async def test_search_follows_edits_unpublishing_and_deletes(database: Database) -> None:
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    article = await published(kb, CONVEYOR)
    retitled = replace(CONVEYOR, title="Film splice trips the infeed", problem="", symptoms="")
    retitled = replace(retitled, cause="Splice tape", resolution="Use thinner splice tape.")
    await kb.save(edit(article, retitled, "allison", BESTPACK, LATER), article.version)

    assert await kb.search("conveyor") == []
    assert len(await kb.search("splice tape")) == 1

    async with database.engine.begin() as connection:
        await connection.execute(
            update(kb_articles).where(kb_articles.c.id == article.id).values(status="draft")
        )
    assert await kb.search("splice") == []
    async with database.engine.begin() as connection:
        await connection.execute(delete(kb_articles).where(kb_articles.c.id == article.id))
    assert await kb.search("splice") == []


async def test_another_profiles_articles_are_not_found(database: Database) -> None:
    await published(EmbeddedKnowledgeBase(database, BESTPACK), CONVEYOR)
    other = BESTPACK.model_copy(update={"name": "kinetic"})
    assert await EmbeddedKnowledgeBase(database, other).search("conveyor") == []


async def test_merging_moves_the_tickets_and_retires_the_newer_draft(database: Database) -> None:
    tickets = TicketRepository(database, BESTPACK)
    made = [
        (await tickets.create(TicketDraft(f"Conveyor jams {n}"), "mary", None, MONDAY_9AM))[0]
        for n in range(3)
    ]
    kb = EmbeddedKnowledgeBase(database, BESTPACK)
    first, second, third = [
        (
            await kb.create_draft(
                CONVEYOR, author_id="system", now=MONDAY_9AM, source_ticket_id=t.id
            )
        )[0]
        for t in made
    ]
    into_third = rules.merge(second, third, "allison", BESTPACK, LATER)
    await kb.merge(into_third, second.version, third)
    second = await kb.get(second.id)

    with pytest.raises(StaleArticle):  # `second` changed since this copy was read
        await kb.merge(rules.merge(first, third, "allison", BESTPACK, LATER), first.version, third)
    merged = await kb.merge(rules.merge(first, second, "allison", BESTPACK, LATER), 1, second)

    assert merged.source_numbers == ("BP-1001", "BP-1002", "BP-1003")
    assert (merged.version, merged.updated_by) == (2, "allison")
    assert [a.id for a in await kb.drafts()] == [first.id]
    assert await kb.get(second.id) is None and await kb.get(third.id) is None
    assert (await kb.merged_into(third.id)).id == (await kb.merged_into(second.id)).id == first.id
    assert await kb.merged_into(first.id) is None
    assert (await kb.for_ticket(made[2].id)).id == first.id
    assert [h.article.id for h in await kb.search("conveyor", drafts=True)] == [first.id]


async def test_no_full_text_index_is_left(database: Database) -> None:
    # Search ranks in Python (services.knowledge.ranking); 0014 dropped 0006's index.
    async with database.engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        columns = await connection.run_sync(
            lambda sync: [c["name"] for c in inspect(sync).get_columns("kb_articles")]
        )
        indexes = await connection.run_sync(lambda sync: inspect(sync).get_indexes("kb_articles"))
    assert not [t for t in tables if "fts" in t]
    assert "search_vector" not in columns
    assert sorted(i["name"] for i in indexes) == [
        "ix_kb_articles_profile_status",
        "uq_kb_articles_profile_remote_id",  # 0018: one local article per Help Center article
    ]
