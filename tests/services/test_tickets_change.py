"""TicketRepository.change: the one way to add a step to a ticket, retried on a lost race."""

from datetime import timedelta

import pytest

from services.db import Database
from services.tickets import EventKind, StaleTicket, TicketRepository
from services.tickets.workflow import add_note
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM

AT = MONDAY_9AM + timedelta(minutes=5)


def note(text: str, by: str = "kevin"):
    """A workflow command adding an internal note."""
    return lambda ticket: add_note(ticket, by, BESTPACK, AT, text)


async def test_a_step_lands_on_the_version_that_won_a_race(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    read_versions: list[int] = []
    original_get = repo.get

    async def read_then_lose_the_race(number: str):
        found = await original_get(number)
        read_versions.append(found.version)
        if len(read_versions) == 1:  # Jordan saves between our read and our write
            rival = note("Checked the belt", "jordan")(found)
            await repo.save(rival.ticket, found.version, rival.events)
        return found

    repo.get = read_then_lose_the_race  # type: ignore[method-assign]
    saved = await repo.change(ticket.number, note("Parts ordered"))

    assert read_versions == [ticket.version, ticket.version + 1]
    assert saved is not None and saved.version == ticket.version + 2
    notes = [e for e in await repo.events(ticket.id) if e.kind is EventKind.NOTE]
    assert [e.actor_id for e in notes] == ["jordan", "kevin"]


async def test_no_ticket_is_none_and_a_race_lost_every_time_is_stale(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    assert await repo.change("BP-4242", note("x")) is None
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)

    async def always_beaten(changed, expected, events):
        raise StaleTicket(changed.number, expected, expected + 1)

    repo.save = always_beaten  # type: ignore[method-assign]
    with pytest.raises(StaleTicket):
        await repo.change(ticket.number, note("x"), attempts=2)
