"""The daily digest: each technician's open tickets at opening time, once a day."""

from __future__ import annotations

from bot.keys import BOT, SERVICES
from dialogs.troubleshooting.digest import send_daily_digest
from services.tickets import TicketDraft
from tests.dialogs.test_sla_alerts import at
from tests.harness.cards import texts
from tests.harness.clock import freeze, pacific, tick
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk

TUESDAY_OPEN = pacific(2026, 12, 1, 5)


def digests_to(desk: Desk, chat: Chat, mark: int = 0) -> list[Sent]:
    """The digest cards sent to this person's chat since `mark`."""
    return [
        sent
        for sent in desk.connector.since(mark)
        if sent.conversation_id == f"a:1on1-{chat.user.user_id}"
        and sent.card
        and texts(sent.card)[0].startswith("Good morning")
    ]


async def test_each_technician_gets_their_open_tickets_most_urgent_first_once_a_day(desk: Desk):
    mary, kevin, jordan = desk.user("Mary"), desk.user("Kevin"), desk.user("Jordan")
    for chat in (mary, kevin, jordan):
        await chat.says("whoami")
    freeze(desk, at(9))
    tickets = desk.app[SERVICES].tickets
    for subject, priority in (("Label skew", "low"), ("Line down", "urgent"), ("Slow", "normal")):
        draft = TicketDraft(subject=subject, priority=priority, issue_type="controls")
        await tickets.create(draft, "mary", None, at(9))
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
