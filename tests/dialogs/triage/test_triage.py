"""Mary triages new tickets from the card in the triage channel (process 1)."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from cards.triage import ACKNOWLEDGE, PRIORITY
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.triage import (
    CHANNEL,
    PLC,
    choice_set,
    clicks_in_channel,
    in_channel,
    in_chat_of,
    triage_desk,
)


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
    assert forged.body["value"] == "Only Mary or Allison may triage new tickets."
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


async def test_a_channel_the_bot_was_removed_from_sends_the_next_cards_to_triage_in_person(
    desk: Desk,
):
    mary, _, _ = await triage_desk(desk)
    desk.connector.refuse[CHANNEL.channel_id] = 403
    filed = await mary.says("file plc")
    # The channel worked when the turn answered; Teams refused the post only after that.
    assert (
        "Teams would not post this in the channel: the Support Desk app may have been removed "
        "from it. Add it back, or tell the team there yourself." in filed.texts
    )
    again = await mary.says("file minor")
    [card] = [s.card for s in in_chat_of(mary, again) if s.card]
    assert card["body"][0]["text"].startswith("Triage BP-1002")
    assert not in_channel(again)
