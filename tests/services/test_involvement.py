"""Involving a team: who becomes a helper and who may pull them in (the pure command), and the
helpers stored with the ticket's timeline entry, found again by ticket and by person."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.db import Database
from services.involvement import Helper, HelperRepository, involve
from services.profile import load_profile
from services.tickets import (
    EventKind,
    Ticket,
    TicketDraft,
    TicketRepository,
    TicketRuleError,
    TicketStatus,
)
from services.tickets.workflow import assign, resolve
from tests.harness.involvement import MONDAY_9AM

KINETIC = load_profile("kinetic")
DEVOPS, ENGINEERING = KINETIC.team("devops"), KINETIC.team("engineering")
LATER = MONDAY_9AM + timedelta(minutes=30)


async def sams_ticket(database: Database, subject: str = "Installer stops at the DB step"):
    """A ticket Sam filed and took, and the repositories."""
    tickets = TicketRepository(database, KINETIC)
    ticket, _ = await tickets.create(TicketDraft(subject), "sam", None, MONDAY_9AM)
    change = assign(ticket, "sam", KINETIC, MONDAY_9AM, assignee_id="sam")
    ticket = await tickets.save(change.ticket, ticket.version, change.events)
    return ticket, tickets, HelperRepository(database, KINETIC, tickets)


async def test_the_teams_people_help_and_the_owner_stays_the_owner(database: Database) -> None:
    ticket, tickets, helpers = await sams_ticket(database)

    saved, added = await helpers.involve(
        ticket.number,
        lambda t, now: involve(t, "sam", KINETIC, LATER, DEVOPS, now, "Check the log"),
    )

    assert saved.assignee_id == "sam" and saved.version == ticket.version + 1
    assert added == (Helper(ticket.id, "devops", "devon", "sam", LATER),)
    assert await helpers.of(ticket.id) == list(added)
    [entry] = (await tickets.events(ticket.id))[-1:]
    assert (entry.kind, entry.body) == (EventKind.INVOLVED, "Check the log")
    assert entry.after == {"team": "devops", "team_label": "DevOps", "helpers": ["devon"]}


async def test_helpers_find_the_open_tickets_they_help_on(database: Database) -> None:
    first, tickets, helpers = await sams_ticket(database)
    second, _, _ = await sams_ticket(database, "Workflow loops")
    for ticket, team in ((first, DEVOPS), (second, ENGINEERING)):
        await helpers.involve(
            ticket.number, lambda t, now, team=team: involve(t, "sam", KINETIC, LATER, team, now)
        )
    done = resolve(second, "sam", KINETIC, LATER, "Fixed in 6.1.2")
    await tickets.save(done.ticket, second.version + 1, done.events)

    assert [t.number for t in await helpers.open_helped_by("devon")] == [first.number]
    assert await helpers.open_helped_by("erin") == []  # resolved: nothing left to help on
    assert await helpers.open_helped_by("sam") == []  # the owner is no helper


async def test_a_second_team_adds_its_people_and_the_first_is_not_told_again() -> None:
    ticket = _ticket()
    devops = involve(ticket, "sam", KINETIC, LATER, DEVOPS, []).helpers

    refused = pytest.raises(
        TicketRuleError, match=r"DevOps is already helping on KD-1001 \(Devon\)"
    )
    with refused:
        involve(ticket, "riley", KINETIC, LATER, DEVOPS, devops)
    engineering = involve(ticket, "riley", KINETIC, LATER, ENGINEERING, devops).helpers
    assert [(h.team, h.person_id) for h in engineering] == [("engineering", "erin")]


@pytest.mark.parametrize(
    ("actor", "refusal"),
    [
        ("dana", "Only its owner (Sam) or triage can involve a team on KD-1001; Dana may not."),
        ("lee", "Only its owner (Sam) or triage can involve a team on KD-1001; Lee may not."),
        ("nobody", "Only members of the Kinetic Data team can change KD-1001"),
    ],
)
def test_only_whoever_coordinates_the_ticket_may(actor: str, refusal: str) -> None:
    with pytest.raises(TicketRuleError) as refused:
        involve(_ticket(), actor, KINETIC, LATER, DEVOPS, [])
    assert str(refused.value).startswith(refusal)


def test_a_team_of_only_the_owner_has_nobody_to_help() -> None:
    erin_owns_it = _ticket(assignee="erin")

    with pytest.raises(
        TicketRuleError, match=r"^Engineering has nobody on the roster but its owner"
    ):
        involve(erin_owns_it, "sam", KINETIC, LATER, ENGINEERING, [])


def test_a_resolved_ticket_takes_no_helpers() -> None:
    ticket = _ticket()
    resolved = resolve(ticket, "sam", KINETIC, LATER, "Granted CREATE").ticket

    with pytest.raises(TicketRuleError, match=r"^KD-1001 is Solution offered: reopen it"):
        involve(resolved, "sam", KINETIC, LATER, DEVOPS, [])


def _ticket(assignee: str = "sam") -> Ticket:
    """KD-1001 as stored, assigned to `assignee` (no database needed by the pure command)."""
    return Ticket(
        id=1,
        number="KD-1001",
        profile="kinetic",
        status=TicketStatus.ASSIGNED,
        priority="medium",
        subject="Installer stops at the DB step",
        requester_id="sam",
        created_at=MONDAY_9AM,
        updated_at=MONDAY_9AM,
        assignee_id=assignee,
    )
