"""The daily digest: each technician's open tickets at opening time, once a day."""

from __future__ import annotations

import logging

import pytest

from bot.keys import BOT, SERVICES
from dialogs.troubleshooting.digest import send_daily_digest
from services.scheduler import skipping
from services.tickets import TicketDraft
from tests.harness.cards import texts
from tests.harness.clock import freeze, pacific, tick
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.tickets import ticket_for

MONDAY_9AM = pacific(2026, 11, 30, 9)
TUESDAY_OPEN = pacific(2026, 12, 1, 5)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's digest (another test may have run it)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


def digests_to(desk: Desk, chat: Chat, mark: int = 0) -> list[Sent]:
    """The digest cards sent to this person's chat since `mark`."""
    return [
        sent
        for sent in desk.connector.since(mark)
        if sent.conversation_id == f"a:1on1-{chat.user.user_id}"
        and sent.card
        and texts(sent.card)[0].startswith("Good ")
    ]


async def test_each_technician_gets_their_open_tickets_most_urgent_first_once_a_day(desk: Desk):
    mary, kevin, jordan = desk.user("Mary"), desk.user("Kevin"), desk.user("Jordan")
    for chat in (mary, kevin, jordan):
        await chat.says("whoami")
    freeze(desk, MONDAY_9AM)
    tickets = desk.app[SERVICES].tickets
    for subject, priority in (("Label skew", "low"), ("Line down", "urgent"), ("Slow", "normal")):
        draft = TicketDraft(subject=subject, priority=priority, issue_type="controls")
        await tickets.create(draft, "mary", None, MONDAY_9AM)
    for number in ("BP-1001", "BP-1002"):
        await mary.says(f"assign {number} kevin")
    await mary.says("assign BP-1003 sean Covering for Kevin")

    mark = len(desk.connector.sent)
    await tick(desk, TUESDAY_OPEN)
    [digest] = digests_to(desk, kevin, mark)
    shown = texts(digest.card)
    assert shown[0] == "Good morning, Kevin: your open tickets (2)"
    rows = [line for line in shown if line.startswith("**BP-")]
    assert rows == ["**BP-1002** · Line down", "**BP-1001** · Label skew"]
    assert not digests_to(desk, jordan, mark), "no open tickets, no digest"

    # Later the same day: the tick has run, and a second send is an outbox duplicate.
    mark = len(desk.connector.sent)
    ran = await tick(desk, pacific(2026, 12, 1, 9))
    assert [r.outcome for r in ran if r.job == "daily_digest"] == ["skipped: already claimed"]
    await send_daily_digest(desk.app[SERVICES], desk.app[BOT].notifier, pacific(2026, 12, 1, 9))
    assert not digests_to(desk, kevin, mark)


async def test_one_person_s_digest_failing_is_logged_once_and_the_others_still_get_theirs(
    desk: Desk, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
):
    kevin, sean = desk.user("Kevin"), desk.user("Sean")
    for chat in (kevin, sean):
        await chat.says("whoami")
    await ticket_for(desk, "kevin", "Line down", at=MONDAY_9AM)
    await ticket_for(desk, "sean", "Sensor drift", at=MONDAY_9AM)
    tickets = desk.app[SERVICES].tickets
    reading = tickets.open_for_assignee

    async def unreadable_for_kevin(person_id: str):
        if person_id == "kevin":
            raise RuntimeError("a row of Kevin's cannot be read")
        return await reading(person_id)

    monkeypatch.setattr(tickets, "open_for_assignee", unreadable_for_kevin)
    with caplog.at_level(logging.ERROR):
        ran = await tick(desk, TUESDAY_OPEN)
        # Run again the same day (as a restart could): Kevin's failure is not news any more.
        again = await send_daily_digest(
            desk.app[SERVICES], desk.app[BOT].notifier, pacific(2026, 12, 1, 9)
        )

    assert [r.outcome for r in ran if r.job == "daily_digest"] == ["ok: 1 digests, 1 skipped"]
    assert again == "1 digests, 1 skipped"
    [digest] = digests_to(desk, sean)
    assert texts(digest.card)[0] == "Good morning, Sean: your open tickets (1)"
    assert not digests_to(desk, kevin)
    logged = [r.getMessage() for r in caplog.records if "person kevin" in r.getMessage()]
    assert logged == [
        "Daily digest (bestpack) skipped person kevin, which failed; the others went on"
    ]


async def test_a_digest_sent_late_after_a_restart_greets_by_the_team_s_time_of_day(desk: Desk):
    kevin = desk.user("Kevin")
    await kevin.says("whoami")
    await ticket_for(desk, "kevin", "Line down", at=MONDAY_9AM)
    afternoon = pacific(2026, 12, 1, 14, 53)

    await send_daily_digest(desk.app[SERVICES], desk.app[BOT].notifier, afternoon)

    [digest] = digests_to(desk, kevin)
    assert texts(digest.card)[0] == "Good afternoon, Kevin: your open tickets (1)"


async def test_a_digest_held_until_the_app_is_opened_lists_the_tickets_assigned_since(desk: Desk):
    mary, kevin = desk.user("Mary"), desk.user("Kevin")
    await mary.says("whoami")  # Kevin has no chat with the bot yet: his digest is held
    freeze(desk, MONDAY_9AM)
    tickets = desk.app[SERVICES].tickets
    for subject in ("Label skew", "Line down", "Sensor drift"):
        draft = TicketDraft(subject=subject, priority="normal", issue_type="controls")
        await tickets.create(draft, "mary", None, MONDAY_9AM)
    await mary.says("assign BP-1001 kevin")
    await tick(desk, TUESDAY_OPEN)
    freeze(desk, pacific(2026, 12, 1, 11))
    await mary.says("assign BP-1003 kevin")

    mark = len(desk.connector.sent)
    await kevin.installs_the_app()

    [digest] = digests_to(desk, kevin, mark)
    assert texts(digest.card)[0] == "Good morning, Kevin: your open tickets (2)"
    rows = [line for line in texts(digest.card) if line.startswith("**BP-")]
    assert sorted(rows) == ["**BP-1001** · Label skew", "**BP-1003** · Sensor drift"]
