"""Mary triages new tickets from the card in the triage channel (process 1)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.keys import SERVICES
from bot.router import Feature
from bot.turn import Turn
from cards.intake import SUBMIT_VERB
from cards.triage import ACKNOWLEDGE, PRIORITY
from dialogs import desk_features
from dialogs.triage.feature import announce_new_ticket
from services.tickets import check_draft, draft_from_answers
from tests.harness import activities as act
from tests.harness.cards import elements, facts, texts
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.profiles import with_channel

CHANNEL = act.Channel()
MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(UTC)
PLC = {
    "company": "Acme Foods",
    "contact_name": "Dana Lee",
    "phone": "+1 555 010 0100",
    "email": "dana@acme.example",
    "site_state": "nj",
    "machine_model": "BP-500 Wrapper",
    "serial_number": "SN-12345",
    "machine_complexity": "standard",
    "issue_description": "HMI shows alarm E42 and the PLC faults on start.",
    "issue_type": "controls",
    "production_impact": True,
    "priority": "urgent",
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
    """File a ticket from a preset and announce it, as the intake dialog does."""
    profile = turn.services.profile
    draft = check_draft(draft_from_answers(profile, PRESETS[args.strip()]), profile)
    ticket, _ = await turn.services.tickets.create(
        draft, turn.caller.id, None, turn.services.clock()
    )
    await announce_new_ticket(turn, ticket)
    await turn.say(f"filed {ticket.number}")


@pytest.fixture
def settings(settings, tmp_path):
    """The shipped BestPack profile with a triage channel configured."""
    return with_channel(settings, tmp_path, "triage", CHANNEL.channel_id)


@pytest.fixture
async def desk(settings, connector) -> AsyncIterator[Desk]:
    """The production features, plus a way to file preset tickets."""
    running = Desk(settings, connector, features=[*desk_features(), filing])
    await running.start()
    running.app[SERVICES].clock = lambda: MONDAY_9AM
    yield running
    await running.close()


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


async def test_a_new_ticket_puts_the_triage_card_in_the_channel_with_a_suggestion(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    filed = await mary.says("file plc")
    [post] = in_channel(filed)
    card = post.card
    assert card["body"][0]["text"].startswith("Triage BP-1001 · HMI shows alarm E42")
    assert facts(card)["Priority"] == "Urgent: machine down"
    assert facts(card)["On-site service"] == "PLC Paramedics (NJ)"
    assert "Acknowledge by" in facts(card)
    assert "Suggested: Kevin — PLC — 0 open" in texts(card)
    assignee = choice_set(card, "assignee")
    assert assignee["value"] == "kevin"
    assert assignee["choices"][0] == {"title": "Kevin — PLC — 0 open", "value": "kevin"}
    assert {"title": "Jordan — 0 open — lacks PLC", "value": "jordan"} in assignee["choices"]
    verbs = [a.get("verb") for a in card["actions"]]
    assert verbs[0] == "triage.assign" and ACKNOWLEDGE in verbs
    assert not [s for s in in_chat_of(mary, filed) if s.card], "the channel has it already"


async def test_a_ticket_filed_with_the_intake_form_reaches_the_channel(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    form = (await mary.says("new ticket")).last
    form_id = next(a for a in form.card["actions"] if a["verb"] == SUBMIT_VERB)["data"]["form_id"]
    typed = {**PLC, "production_impact": "true"}  # what the card's toggle sends
    filed = await mary.executes(form, SUBMIT_VERB, form_id=form_id, **typed)
    [post] = in_channel(filed)
    assert post.card["body"][0]["text"].startswith("Triage BP-1001 · HMI shows alarm E42")
    assert choice_set(post.card, "assignee")["value"] == "kevin"


async def test_missing_and_doubtful_information_is_highlighted(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file doubtful"))
    shown = texts(post.card)
    assert "Check before assigning" in shown
    assert "• Machine site (US state) not given, so who would go on site is unknown." in shown
    assert "• Priority is Normal, but the intake answers suggest Urgent: machine down." in shown


async def test_change_priority_replaces_the_card_and_settles_the_doubt(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file doubtful"))
    answer = await clicks_in_channel(mary, post, PRIORITY, number="BP-1001", priority="urgent")
    card = answer.body["value"]
    assert "Priority set to Urgent: machine down by Mary." in texts(card)
    assert facts(card)["Priority"] == "Urgent: machine down"
    assert not any(t.startswith("• Priority is") for t in texts(card))
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.priority == "urgent"


async def test_someone_who_may_not_triage_is_refused_whatever_the_card_says(desk: Desk):
    mary, _, jordan = await triage_desk(desk)
    [post] = in_channel(await mary.says("file minor"))
    forged = await clicks_in_channel(
        jordan, post, PRIORITY, number="BP-1001", priority="urgent", role="triage", caller="mary"
    )
    assert forged.body["type"] == "application/vnd.microsoft.activity.message"
    assert "Mary, Allison" in forged.body["value"]
    assert (await desk.app[SERVICES].tickets.get("BP-1001")).priority == "normal"


async def test_an_unreachable_channel_sends_the_card_to_triage_in_person(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("whoami")  # nobody has talked to the bot in the triage channel yet
    filed = await mary.says("file plc")
    assert not in_channel(filed)
    [card] = [s.card for s in in_chat_of(mary, filed) if s.card]
    assert card["body"][0]["text"].startswith("Triage BP-1001")
    arrival = await desk.user("Sean").says_in_channel("whoami", CHANNEL)
    held = [s.card["body"][0]["text"] for s in in_channel(arrival) if s.card]
    assert held[0].startswith("Triage BP-1001"), "the held card arrives once someone is there"
