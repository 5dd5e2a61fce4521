"""SLA alerts through the running desk: warnings, breaches, pauses, and never twice.

The team and the ticket's deadlines: tests/harness/sla.py.
"""

from __future__ import annotations

import pytest

from bot.keys import SERVICES as SERVICES_KEY
from cards.ticket import REASSIGN, REFRESH, SET_STATUS
from services.scheduler import JobRunRepository
from services.settings import Settings
from services.sla.sweep import SlaSweep, SweepBatch
from tests.harness.cards import facts, texts
from tests.harness.clock import freeze, tick
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.sla import Team, alerts_to, at, file_and_assign, open_desk


async def test_the_assignee_is_warned_then_hears_of_the_breach_first_with_triage_and_manager(
    desk: Desk,
):
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
    [first, *_] = [sent for sent in desk.connector.since(mark) if sent.card]
    assert first.conversation_id == f"a:1on1-{team.kevin.user.user_id}", "the assignee first"
    for chat in (team.kevin, team.mary, team.allison):
        [breach] = alerts_to(desk, chat, mark)
        card = breach.card
        assert texts(card)[0] == (
            "SLA breached: BP-1001 first response late by 1 h 5 min of business time"
        )
        assert facts(card)["First response due"] == "Mon 30 Nov 2026 11:00 PST"
        verbs = [a["verb"] for a in card["actions"]]
        assert verbs == [REFRESH, REASSIGN]

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
                "SLA breached: BP-1001 first response late by 1 business minute"
            ), "the card queued before the crash, not a second one"
        assert len(alerts_to(again, team.kevin)) == 1
        services = again.app[SERVICES_KEY]
        recorded = await SlaSweep(services.db, services.profile).recorded(ticket.id)
        assert [(r.deadline.value, r.threshold.value, r.alerted_at) for r in recorded] == [
            ("first_response", "breach", at(11, 2))
        ]
        await tick(again, at(11, 3))
        assert len(alerts_to(again, team.mary)) == 1 and len(alerts_to(again, team.allison)) == 1
    finally:
        await again.close()


async def test_deadlines_missed_together_are_one_card_naming_each(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    freeze(desk, at(9))
    await team.mary.says("file Wrapper film tears")
    mark = len(desk.connector.sent)
    # Nobody looked before 11:01: acknowledgement (10:00) and first response (11:00) both passed.
    await tick(desk, at(11, 1))
    for chat in (team.mary, team.allison):
        [breach] = alerts_to(desk, chat, mark)
        assert texts(breach.card)[0] == (
            "SLA breached: BP-1001 acknowledgement and first response are late"
        )
        assert (
            "Acknowledgement late by 1 h 1 min of business time; "
            "first response late by 1 business minute."
        ) in texts(breach.card)
    await tick(desk, at(11, 2))
    assert len(alerts_to(desk, team.mary)) == 1, "recorded: not told again"
