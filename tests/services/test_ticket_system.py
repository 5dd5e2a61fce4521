"""EmbeddedTicketSystem: the bot's own database as the system of record, on both databases."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from services.db import Database
from services.profile import load_profile
from services.tickets import (
    EmbeddedTicketSystem,
    EventKind,
    TicketDraft,
    TicketRepository,
    TicketRuleError,
    Visibility,
)

BESTPACK = load_profile("bestpack")
MONDAY_9AM = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
LATER = MONDAY_9AM + timedelta(minutes=30)
DRAFT = TicketDraft(
    subject="Sealer stops after 20 cases",
    description="Alarm 204 on the HMI.",
    priority="high",
    issue_type="controls",
    complexity="standard",
    company="Acme Foods",
    fields={"site_state": "ut", "production_impact": False},
)


def embedded(database: Database, profile=BESTPACK):
    """The repository and the embedded ticket system over it, as build_services makes them."""
    repo = TicketRepository(database, profile)
    return repo, EmbeddedTicketSystem(database, repo, profile)


async def test_a_ticket_is_found_by_its_number_or_the_id_create_gave(database: Database) -> None:
    repo, system = embedded(database)
    ours, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    mailed, _ = await repo.create(replace(DRAFT, external_id="4711"), "mary", "form-2", MONDAY_9AM)

    assert await system.create(ours) == ours.number  # the working copy is the record
    assert await system.create(mailed) == "4711"
    assert await system.find(number=ours.number) == ours
    assert await system.find(outside_id=ours.number) == ours
    assert await system.find(outside_id="4711") == mailed
    # A ticket that came with an outside id is not found by its number taken as one.
    assert await system.find(outside_id=mailed.number) is None
    assert await system.find(number="BP-4242") is None
    with pytest.raises(ValueError):
        await system.find()
    with pytest.raises(ValueError):
        await system.find(number=ours.number, outside_id="4711")


async def test_another_profiles_tickets_are_not_in_this_record(database: Database) -> None:
    other = BESTPACK.model_copy(update={"name": "kinetic"})
    other_repo, _ = embedded(database, other)
    theirs, _ = await other_repo.create(
        replace(DRAFT, external_id="4711"), "mary", "form-1", MONDAY_9AM
    )
    _, system = embedded(database)

    assert await system.find(number=theirs.number) is None
    assert await system.find(outside_id="4711") is None


async def test_an_internal_note_is_for_staff_and_answers_nobody(database: Database) -> None:
    repo, system = embedded(database)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)

    saved = await system.add_internal_note(ticket, "Belt worn", author_id="kevin", now=LATER)

    assert saved.version == ticket.version + 1
    assert saved.first_response_at is None
    note = (await repo.events(ticket.id))[-1]
    assert (note.kind, note.visibility, note.body, note.actor_id) == (
        EventKind.NOTE,
        Visibility.INTERNAL,
        "Belt worn",
        "kevin",
    )


async def test_the_first_message_to_the_customer_is_the_first_response(
    database: Database,
) -> None:
    repo, system = embedded(database)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)

    first = await system.message_customer(ticket, "We are on it.", author_id="kevin", now=LATER)
    # The caller's copy is stale by now: the message lands on the ticket as it is.
    second = await system.message_customer(
        ticket, "A technician calls at 2.", author_id="kevin", now=LATER + timedelta(hours=1)
    )

    assert system.reaches_customer is False  # recorded; staff pass it on
    assert first.first_response_at == LATER
    assert second.first_response_at == LATER and second.version == ticket.version + 2
    public = [e.body for e in await repo.events(ticket.id) if e.visibility is Visibility.PUBLIC]
    assert public == ["We are on it.", "A technician calls at 2."]


async def test_notes_are_refused_with_a_sentence(database: Database) -> None:
    repo, system = embedded(database)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)

    with pytest.raises(TicketRuleError, match="nobody with the id 'stranger'"):
        await system.message_customer(ticket, "Hi", author_id="stranger", now=LATER)
    with pytest.raises(TicketRuleError, match="There is no ticket BP-4242"):
        await system.add_internal_note(
            replace(ticket, number="BP-4242"), "x", author_id="kevin", now=LATER
        )
    assert await repo.get(ticket.number) == ticket


async def test_an_update_has_nothing_to_carry_but_names_real_fields(database: Database) -> None:
    repo, system = embedded(database)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)

    await system.update(ticket, {"status", "priority", "assignee_id", "fields"})
    with pytest.raises(ValueError, match="no colour"):
        await system.update(ticket, {"priority", "colour"})
    assert await repo.get(ticket.number) == ticket
