"""A `page` command for tests: one person tells another through the notifier, and hears how."""

from __future__ import annotations

from botbuilder.core import MessageFactory

from bot.router import Feature
from bot.turn import Turn
from services.delivery import Recipient

pager = Feature("pager-for-tests")


@pager.command("page", help="Page a colleague", usage="<person id> <message>")
async def page(turn: Turn, args: str) -> None:
    """Send a colleague a message in their personal chat, once per message text."""
    person_id, _, text = args.partition(" ")
    key = f"page:{person_id}:{text}"
    delivery = await turn.tell(Recipient.person(person_id), MessageFactory.text(text), key)
    await turn.say(delivery.value)
