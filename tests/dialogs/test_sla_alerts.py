"""SLA alerts through the running desk: warnings, breaches, pauses, and never twice.

BestPack has no triage channel configured, so triage hears in person: Mary and Allison (who is
also the engineering manager). A high-priority ticket filed Monday 09:00 Pacific must be
acknowledged by 10:00, answered by 11:00 and resolved within two business days.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import SERVICES as SERVICES_KEY
from bot.router import Feature
from bot.turn import Turn
from cards.ticket import ACCEPT, REASSIGN, REFRESH, SET_STATUS
from dialogs import desk_features
from services.scheduler import JobRunRepository
from services.settings import Settings
from services.sla.sweep import SlaSweep, SweepBatch
from services.tickets import TicketDraft
from tests.harness.cards import facts, texts
from tests.harness.clock import freeze, pacific, tick
from tests.harness.connector import FakeConnector, Sent
from tests.harness.desk import Chat, Desk

MONDAY = (2026, 11, 30)

filing = Feature("filing-for-sla-tests")


@filing.command("file", help="File a high-priority ticket", usage="<subject>")
async def file_ticket(turn: Turn, args: str) -> None:
    """File a ticket as intake would, without the form."""
    draft = TicketDraft(subject=args or "Sealer stops", priority="high", issue_type="controls")
    ticket, _ = await turn.services.tickets.create(
        draft, turn.caller.id, None, turn.services.clock()
    )
    await turn.say(f"filed {ticket.number}")


def at(hour: int, minute: int = 0):
    """Monday 30 Nov 2026 at this Pacific time."""
    return pacific(*MONDAY, hour, minute)


async def open_desk(settings: Settings, connector: FakeConnector) -> Desk:
    """A running desk with the test's filing command."""
    desk = Desk(settings, connector, features=[*desk_features(), filing])
    await desk.start()
    return desk


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    running = await open_desk(settings, connector)
    yield running
    await running.close()


class Team:
    """Mary (triage), Kevin (engineer), Allison (engineering manager, also triages)."""

    def __init__(self, desk: Desk) -> None:
        self.mary, self.kevin = desk.user("Mary"), desk.user("Kevin")
        self.allison = desk.user("Allison")

    async def say_hello(self) -> None:
        """Everyone talks to the bot once, so their personal chats are known."""
        for chat in (self.mary, self.kevin, self.allison):
            await chat.says("whoami")


def alerts_to(desk: Desk, chat: Chat, mark: int = 0) -> list[Sent]:
    """The SLA alert cards sent to this person's chat since `mark`."""
    return [
        sent
        for sent in desk.connector.since(mark)
        if sent.conversation_id == f"a:1on1-{chat.user.user_id}"
        and sent.card
        and texts(sent.card)[0].startswith("SLA ")
    ]


async def file_and_assign(desk: Desk, team: Team) -> Sent:
    """Mary files BP-1001 at 09:00 and gives it to Kevin; Kevin accepts it at 09:10."""
    freeze(desk, at(9))
    await team.mary.says("file Sealer stops after 20 cases")
    assigned = await team.mary.says("assign BP-1001 kevin")
    [notice] = [
        s for s in assigned.sent if s.card and s.conversation_id.endswith(team.kevin.user.user_id)
    ]
    freeze(desk, at(9, 10))
    accepted = await team.kevin.executes(notice, ACCEPT, number="BP-1001")
    assert "Accepted: it is yours." in texts(accepted.body["value"])
    return notice


async def test_the_assignee_is_warned_then_triage_and_the_manager_hear_of_the_breach(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    await file_and_assign(desk, team)

    await tick(desk, at(10, 44))
    assert not alerts_to(desk, team.kevin), "16 business minutes are still left"
    mark = len(desk.connector.sent)
    await tick(desk, at(10, 45))
    [warning] = alerts_to(desk, team.kevin, mark)
    assert (
        texts(warning.card)[0] == "SLA warning: BP-1001 first response due in 15 business minutes"
    )
    assert facts(warning.card)["Assignee"] == "Kevin"
    assert not alerts_to(desk, team.mary, mark) and not alerts_to(desk, team.allison, mark)

    mark = len(desk.connector.sent)
    await tick(desk, at(12, 5))
    for chat in (team.mary, team.allison):
        [breach] = alerts_to(desk, chat, mark)
        card = breach.card
        assert texts(card)[0] == (
            "SLA breached: BP-1001 first response is 1 h 5 min of business time late"
        )
        assert facts(card)["Late by"] == "1 h 5 min of business time"
        assert facts(card)["First response due"] == "Mon 30 Nov 2026 11:00 PST"
        verbs = [a["verb"] for a in card["actions"]]
        assert verbs == [REFRESH, REASSIGN]
    assert not alerts_to(desk, team.kevin, mark)

    # Open ticket shows the ticket card; Reassign offers the assignment choices again.
    opened = await team.allison.executes(breach, REFRESH, number="BP-1001")
    assert texts(opened.body["value"])[0].startswith("BP-1001")
    reassign = await team.allison.executes(breach, REASSIGN, number="BP-1001")
    assert texts(reassign.body["value"])[0].startswith("Triage BP-1001")


async def test_no_alert_is_sent_twice_even_after_a_restart(
    settings: Settings, connector: FakeConnector
):
    desk = await open_desk(settings, connector)
    team = Team(desk)
    await team.say_hello()
    await file_and_assign(desk, team)
    await tick(desk, at(11, 1))
    sent_before = len(alerts_to(desk, team.mary))
    assert sent_before == 1
    await tick(desk, at(11, 1))  # the same tick again: skipped
    await desk.close()

    again = await open_desk(settings, connector)
    try:
        mark = len(connector.sent)
        ran = await tick(again, at(11, 2))
        assert [r.outcome for r in ran if r.job == "sla_sweep"] == ["ok: 0 warnings, 0 breaches"]
        assert not alerts_to(again, team.mary, mark)
        assert not alerts_to(again, team.kevin, mark)
        runs = await JobRunRepository(again.app[SERVICES_KEY].db).runs("sla_sweep")
        assert [r.tick for r in runs] == [at(11, 1), at(11, 2)]
    finally:
        await again.close()


async def test_no_alert_while_waiting_on_the_customer_and_the_deadline_moves_after(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    notice = await file_and_assign(desk, team)
    freeze(desk, at(9, 30))
    waiting = await team.kevin.executes(
        notice, SET_STATUS, number="BP-1001", status="waiting_on_customer"
    )
    assert any("The SLA clock is paused" in line for line in texts(waiting.body["value"]))

    for moment in (at(10, 45), at(11, 1), at(11, 29)):
        await tick(desk, moment)
    assert not alerts_to(desk, team.kevin) and not alerts_to(desk, team.mary)

    freeze(desk, at(11, 30))
    await team.kevin.executes(notice, SET_STATUS, number="BP-1001", status="in_progress")
    # Paused 09:30-11:30: the 11:00 first response is now due at 13:00, its warning at 12:45.
    await tick(desk, at(12, 44))
    assert not alerts_to(desk, team.kevin)
    await tick(desk, at(12, 45))
    [warning] = alerts_to(desk, team.kevin)
    assert facts(warning.card)["First response due"] == "Mon 30 Nov 2026 13:00 PST"


async def test_a_warning_for_an_unassigned_ticket_goes_to_triage(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    freeze(desk, at(9))
    await team.mary.says("file Wrapper film tears")
    await tick(desk, at(9, 45))
    for chat in (team.mary, team.allison):
        [warning] = alerts_to(desk, chat)
        assert texts(warning.card)[0] == (
            "SLA warning: BP-1001 acknowledgement due in 15 business minutes"
        )
        assert facts(warning.card)["Assignee"] == "Nobody yet"
    assert not alerts_to(desk, team.kevin)


async def test_a_crash_after_sending_loses_nothing_and_doubles_nothing(
    settings: Settings, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
):
    desk = await open_desk(settings, connector)
    team = Team(desk)
    await team.say_hello()
    await file_and_assign(desk, team)

    async def crash(self: SlaSweep, batch: SweepBatch, failed=()) -> None:
        raise ConnectionError("the database went away before the alert was recorded")

    with monkeypatch.context() as patched:
        patched.setattr(SlaSweep, "record", crash)
        ran = await tick(desk, at(11, 1))
    assert [r.outcome for r in ran if r.job == "sla_sweep"] == [
        "failed: ConnectionError: the database went away before the alert was recorded"
    ]
    db = desk.app[SERVICES_KEY].db
    ticket = await desk.app[SERVICES_KEY].tickets.get("BP-1001")
    assert await SlaSweep(db, desk.app[SERVICES_KEY].profile).recorded(ticket.id) == []
    await desk.close()

    # Restarted: the next sweep finds the breach unrecorded, queues it again, records it.
    again = await open_desk(settings, connector)
    try:
        ran = await tick(again, at(11, 2))
        assert [r.outcome for r in ran if r.job == "sla_sweep"] == ["ok: 0 warnings, 1 breaches"]
        for chat in (team.mary, team.allison):
            [breach] = alerts_to(again, chat)
            assert texts(breach.card)[0] == (
                "SLA breached: BP-1001 first response is 1 business minute late"
            ), "the card queued before the crash, not a second one"
        assert not alerts_to(again, team.kevin)
        services = again.app[SERVICES_KEY]
        recorded = await SlaSweep(services.db, services.profile).recorded(ticket.id)
        assert [(r.deadline.value, r.threshold.value, r.alerted_at) for r in recorded] == [
            ("first_response", "breach", at(11, 2))
        ]
        await tick(again, at(11, 3))
        assert len(alerts_to(again, team.mary)) == 1 and len(alerts_to(again, team.allison)) == 1
    finally:
        await again.close()
