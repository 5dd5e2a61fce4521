"""Mary assigns tickets from the triage card; the assignee hears of it at once (process 2)."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.ticket import ACCEPT, REASSIGN
from cards.triage import ASSIGN
from services.tickets import EventKind
from tests.harness.cards import reads_as_alarm, texts
from tests.harness.desk import Desk
from tests.harness.triage import (
    CHANNEL,
    choice_set,
    clicks_in_channel,
    in_channel,
    in_chat_of,
    triage_desk,
)

MESSAGE = "application/vnd.microsoft.activity.message"
ON_ITS_WAY = "Assigned to Kevin by Mary. The ticket is on its way to Kevin's chat."


async def test_assigning_the_suggestion_tells_the_assignee_in_chat_and_in_the_thread(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    answer = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    card = answer.body["value"]
    assert ON_ITS_WAY in texts(card)
    assert "Mary assigned it to Kevin" in texts(card)[-1]
    assert "Nobody else holds PLC: a pick needs an override reason." in texts(card)
    assert "kevin" not in [c["value"] for c in choice_set(card, "assignee")["choices"]]
    [notice] = in_chat_of(kevin, answer)
    assert "Assigned to you by Mary" in texts(notice.card)
    buttons = [(a["title"], a.get("verb")) for a in notice.card["actions"]]
    assert buttons[:3] == [("Accept", ACCEPT), ("Reassign", REASSIGN), ("Add note", None)]
    [mention] = [s for s in in_channel(answer) if s.text]
    assert mention.conversation_id == f"{CHANNEL.channel_id};messageid={post.activity_id}"
    assert mention.text == (
        "<at>Kevin</at> BP-1001 is yours, assigned by Mary: "
        "HMI shows alarm E42 and the PLC faults on start."
    )
    assert mention.activity["entities"] == [
        {
            "type": "mention",
            "text": "<at>Kevin</at>",
            "mentioned": {"id": kevin.user.user_id, "name": "Kevin"},
        }
    ]
    assert (await desk.app[SERVICES].tickets.get("BP-1001")).assignee_id == "kevin"


async def test_a_pick_that_does_not_fit_needs_a_reason_which_the_timeline_keeps(desk: Desk):
    mary, _, jordan = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    refused = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="jordan")
    assert refused.body["type"] == MESSAGE
    assert refused.body["value"] == (
        "Jordan lacks PLC (needed for PLC, programming or HMI — Standard machine). "
        "Give an override reason to assign BP-1001 to Jordan anyway."
    )
    assert (await desk.app[SERVICES].tickets.get("BP-1001")).assignee_id is None
    reason = "Kevin is on leave; Jordan is on site tomorrow"
    done = await clicks_in_channel(
        mary, post, ASSIGN, number="BP-1001", assignee="jordan", override_reason=reason
    )
    assert f"Mary assigned it to Jordan: {reason}" in texts(done.body["value"])[-1]
    assigned = (await desk.app[SERVICES].tickets.events(1))[-1]
    assert (assigned.kind, assigned.body) == (EventKind.ASSIGNED, reason)
    assert assigned.after["override"]["missing_skills"] == ["plc"]
    assert "Assigned to you by Mary" in texts(in_chat_of(jordan, done)[0].card)


async def test_forged_card_data_does_not_make_a_technician_an_assigner(desk: Desk):
    mary, _, jordan = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    forged = await clicks_in_channel(
        jordan,
        post,
        ASSIGN,
        number="BP-1001",
        assignee="jordan",
        override_reason="mine",
        role="triage",
        caller="mary",
        capabilities=["assign"],
    )
    assert forged.body == {
        "statusCode": 200,
        "type": MESSAGE,
        "value": "Only Mary or Allison may assign tickets.",
    }
    assert (await desk.app[SERVICES].tickets.get("BP-1001")).assignee_id is None
    typed = await jordan.says("assign BP-1001 jordan mine")
    assert typed.texts == ["Only Mary or Allison may assign tickets."]


async def test_an_assignee_without_the_app_gets_the_notice_when_they_install_it(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    sean = desk.user("Sean")  # has never talked to the bot
    [post] = in_channel(await mary.says("file wiring"))
    assert choice_set(post.card, "assignee")["value"] == "sean"
    answer = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="sean")
    card = answer.body["value"]
    waits = (
        "Sean hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Sean the install link if it is urgent."
    )
    # Said once, as what happens next: the assignment itself went well.
    said = [t for t in texts(card) if "Sean" in t and "·" not in t]  # not the timeline
    assert said == ["Assigned to Sean by Mary.", waits]
    assert not reads_as_alarm(card, waits)
    [mention] = [s for s in in_channel(answer) if s.text]
    assert mention.text.startswith("Sean: BP-1001 is yours, assigned by Mary")
    assert "entities" not in mention.activity, "no Teams id to mention: the name says whose"
    arrival = await sean.installs_the_app()
    [held, hello] = [s.card for s in in_chat_of(sean, arrival)]
    assert "Assigned to you by Mary" in texts(held)
    assert hello["body"][0]["text"] == "Support desk"


async def test_a_typed_assignment_updates_the_triage_card_in_the_channel(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    answer = await mary.says("assign 1001 Kevin")
    assert [s.text for s in in_chat_of(mary, answer)] == [f"BP-1001: {ON_ITS_WAY}"]
    [update] = [s for s in in_channel(answer) if s.op == "update"]
    assert update.activity_id == post.activity_id
    assert ON_ITS_WAY in texts(update.card)
    assert len(in_chat_of(kevin, answer)) == 1
    again = await mary.says("assign BP-1001 kevin")
    assert again.texts == ["BP-1001 is already assigned to Kevin."]
    assert not in_chat_of(kevin, again), "a repeated assignment sends no second notice"


async def test_reassign_is_for_triage_and_offers_everyone_but_the_assignee(desk: Desk):
    mary, kevin, jordan = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    assigned = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    [notice] = in_chat_of(kevin, assigned)
    refused = await kevin.executes(notice, REASSIGN, number="BP-1001")
    assert refused.body["value"] == (
        "Only Mary or Allison can reassign BP-1001. If it should go to someone else, "
        "tell them why in a note on the ticket."
    )
    mine = (await mary.says("whoami")).last
    offered = (await mary.executes(mine, REASSIGN, number="BP-1001")).body["value"]
    choices = [c["value"] for c in choice_set(offered, "assignee")["choices"]]
    assert "kevin" not in choices and {"jordan", "sean", "ezechiel"} <= set(choices)
    moved = await mary.executes(
        mine, ASSIGN, number="BP-1001", assignee="jordan", override_reason="Kevin is out"
    )
    assert "Assigned to Jordan by Mary." in texts(moved.body["value"])[1]
    [update] = [s for s in in_channel(moved) if s.op == "update"]
    assert update.activity_id == post.activity_id, "the channel card follows the reassignment"
    assert "Assigned to you by Mary" in texts(in_chat_of(jordan, moved)[0].card)
    [thread] = [s for s in in_channel(moved) if s.text]
    assert thread.text.startswith("<at>Jordan</at> BP-1001 is yours")


async def test_an_assignee_who_blocked_the_app_is_named_plainly_once_teams_refuses(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    desk.connector.refuse[f"a:1on1-{kevin.user.user_id}"] = 403
    [post] = in_channel(await mary.says("file plc"))
    answer = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    # Kevin's chat worked when the card answered; Teams refused the notice only after that.
    assert ON_ITS_WAY in texts(answer.body["value"])
    said = [s.text for s in in_channel(answer) if s.text]
    assert (
        "Kevin has removed or blocked the Support Desk app and gets this when they open it "
        "again; tell Kevin another way if it is urgent." in said
    )
    del desk.connector.refuse[f"a:1on1-{kevin.user.user_id}"]
    back = await kevin.says("whoami")
    assert "Assigned to you by Mary" in texts(back.sent[0].card)


async def test_an_assignee_teams_is_too_busy_to_reach_gets_the_notice_later(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    desk.connector.refuse[f"a:1on1-{kevin.user.user_id}"] = 503  # passing: retried later
    [post] = in_channel(await mary.says("file plc"))
    answer = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    assert ON_ITS_WAY in texts(answer.body["value"])
    assert not [s for s in in_channel(answer) if s.text and "<at>" not in s.text], "no alarm"
    waiting = await desk.app[SERVICES].outbox.find("assigned:BP-1001:v2")
    assert waiting.status == "pending", "the outbox keeps trying"


async def test_an_assignee_teams_refuses_for_good_is_left_to_the_assigner(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    desk.connector.refuse[f"a:1on1-{kevin.user.user_id}"] = 400  # no retry can change it
    [post] = in_channel(await mary.says("file plc"))
    answer = await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    said = [s.text for s in in_channel(answer) if s.text]
    assert "Teams would not take the message for Kevin; please tell Kevin yourself." in said
