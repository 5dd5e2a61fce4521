"""A desk where tickets are filed from presets, and where triage reads and presses its cards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.router import Feature
from bot.turn import Turn
from dialogs import desk_features
from dialogs.triage.notices import post_triage_card
from services.settings import Settings
from services.tickets import check_draft, draft_from_answers
from tests.harness import activities as act
from tests.harness.cards import elements
from tests.harness.connector import FakeConnector, Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.intake import GOOD
from tests.harness.profiles import with_channel

CHANNEL = act.Channel()
MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(UTC)
PLC = {
    **GOOD,
    "issue_description": "HMI shows alarm E42 and the PLC faults on start.",
    "production_impact": True,
}
PRESETS: dict[str, dict[str, Any]] = {
    "plc": PLC,
    "wiring": {**PLC, "issue_type": "electrical", "issue_description": "Cabinet fan dead."},
    "doubtful": {**PLC, "site_state": "", "priority": "normal"},
    "minor": {**PLC, "production_impact": False, "priority": "normal", "issue_description": "Slow"},
}

filing = Feature("filing-for-tests")


@filing.command("file", help="File a preset ticket", usage="<preset>")
async def file_preset(turn: Turn, args: str) -> None:
    """File a ticket from a preset and post its triage card, as the intake dialog does."""
    profile = turn.services.profile
    draft = check_draft(draft_from_answers(profile, PRESETS[args.strip()]), profile)
    ticket, _ = await turn.services.tickets.create(
        draft, turn.caller.id, None, turn.services.clock()
    )
    await post_triage_card(turn, ticket)
    await turn.say(f"filed {ticket.number}")


@asynccontextmanager
async def filing_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """The production features plus `file <preset>`, running."""
    running = Desk(settings, connector, features=[*desk_features(), filing])
    await running.start()
    try:
        yield running
    finally:
        await running.close()


def with_triage_channel(settings: Settings, folder: Path) -> Settings:
    """The shipped profile with CHANNEL as its triage channel (the copy goes in `folder`)."""
    return with_channel(settings, folder, "triage", CHANNEL.channel_id)


def in_channel(answer: Answer) -> list[Sent]:
    """What the bot posted in the triage channel (its threads included)."""
    return [s for s in answer.sent if s.conversation_id.split(";")[0] == CHANNEL.channel_id]


def in_chat_of(chat: Chat, answer: Answer) -> list[Sent]:
    """What the bot sent to this person's personal chat."""
    return [s for s in answer.sent if s.conversation_id == f"a:1on1-{chat.user.user_id}"]


async def clicks_in_channel(chat: Chat, post: Sent, verb: str, **data: Any) -> Answer:
    """Press an Action.Execute button on a card the bot posted in the triage channel."""
    url = chat.desk.service_url
    root = act.channel_message(chat.user, "", url, CHANNEL, mention=False)
    root["conversation"]["id"] = f"{CHANNEL.channel_id};messageid={post.activity_id}"
    activity = act.execute_action(
        chat.user, verb, data, post.activity_id or "", url, root["conversation"]
    )
    activity["channelData"] = root["channelData"]
    return await chat.posts(activity)


def choice_set(card: dict, input_id: str) -> dict:
    """The ChoiceSet input with this id."""
    return next(e for e in elements(card) if e.get("id") == input_id)


async def triage_desk(desk: Desk) -> tuple[Chat, Chat, Chat]:
    """Mary, Kevin and Jordan have talked to the bot; Mary also in the triage channel."""
    mary, kevin, jordan = desk.user("Mary"), desk.user("Kevin"), desk.user("Jordan")
    for chat in (mary, kevin, jordan):
        await chat.says("whoami")
    await mary.says_in_channel("whoami", CHANNEL)
    return mary, kevin, jordan
