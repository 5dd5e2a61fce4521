"""A desk for SLA conversations: a `file` command for high-priority tickets, Monday's clock,
and ways to read the alerts people got.

BestPack has no triage channel configured, so triage hears in person: Mary and Allison (who is
also the engineering manager). A high-priority ticket filed Monday 09:00 Pacific must be
acknowledged by 10:00, answered by 11:00 and resolved within two business days.
"""

from __future__ import annotations

from datetime import datetime

from bot.router import Feature
from bot.turn import Turn
from cards.ticket import ACCEPT
from dialogs import desk_features
from services.settings import Settings
from services.tickets import TicketDraft
from tests.harness.cards import texts
from tests.harness.clock import freeze, pacific
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


def at(hour: int, minute: int = 0) -> datetime:
    """Monday 30 Nov 2026 at this Pacific time."""
    return pacific(*MONDAY, hour, minute)


async def open_desk(settings: Settings, connector: FakeConnector) -> Desk:
    """A running desk with the test's filing command."""
    desk = Desk(settings, connector, features=[*desk_features(), filing])
    await desk.start()
    return desk


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
