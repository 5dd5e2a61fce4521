"""The weekly scorecard as conversations: asked for in chat, and posted every Monday.

The week behind it is tests/services/test_scorecard.py's 2026-W47, hand-checked there.
"""

from __future__ import annotations

import json

from bot.keys import BOT, SERVICES
from dialogs.scorecard.feature import post_scorecard
from services.scorecard import ACCEPTED_FORMS
from tests.harness.cards import facts, texts
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.scorecard import POSTED, chart, row

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_mary_sees_last_weeks_scorecard_headline_first(desk: Desk):
    card = (await desk.user("Mary").says("scorecard")).card

    lines = texts(card)
    assert lines[:4] == [
        "Weekly scorecard · 2026-W47",
        "Last week: Mon 16 Nov – Sun 22 Nov 2026",
        "Reopen rate: 50.0%",
        "target ≤ 5.0% · missed · +50.0 pts vs W46",
    ]
    assert row(card, "Measure") == ["Measure", "W47", "Target", "Result", "vs W46"]
    assert row(card, "Acknowledged within 1 business hour") == [
        "Acknowledged within 1 business hour",
        "66.7%",
        "≥ 95.0%",
        "missed",
        "−33.3 pts",
    ]
    assert row(card, "Median first response") == [
        "Median first response",
        "105 min",
        "≤ 120 min",
        "met",
        "+45 min",
    ]
    assert facts(card)["Tickets opened"] == "6 · +5 vs W46"
    # By person: Kevin was assigned A, resolved it, saw A and F come back, answered A in 90.
    assert facts(card)["Kevin"] == (
        "1 assigned · 1 resolved · 2 reopened · first answer 90 min · 1 open"
    )
    assert chart(card).startswith(PNG_SIGNATURE)
    assert len(json.dumps(card).encode()) < 40 * 1024


def typed_by(card: dict, title: str) -> str:
    """What the button titled `title` types for the person."""
    [value] = [a["data"]["msteams"]["value"] for a in card["actions"] if a["title"] == title]
    return value


async def test_this_week_so_far_is_a_button_away_from_last_week(desk: Desk):
    mary = desk.user("Mary")
    last_week = (await mary.says("scorecard")).card

    this_week = (await mary.says(typed_by(last_week, "This week so far"))).card

    assert texts(this_week)[:2] == [
        "Weekly scorecard · 2026-W48",
        "This week so far: Mon 23 Nov – Sun 29 Nov 2026",
    ]
    # G was resolved this morning, at 05:30: only this week's card shows it.
    assert facts(this_week)["Tickets resolved"] == "1 · −2 vs W47"
    again = (await mary.says(typed_by(this_week, "Last week"))).card
    assert texts(again)[:2] == texts(last_week)[:2]


async def test_the_people_of_a_week_on_their_own_card(desk: Desk):
    card = (await desk.user("Allison").says("scorecard 2026-W47 by person")).card
    assert texts(card)[:2] == [
        "Scorecard by person · 2026-W47",
        "Last week: Mon 16 Nov – Sun 22 Nov 2026",
    ]
    assert facts(card)["Kevin"].startswith("1 assigned · 1 resolved · 2 reopened")


async def test_a_named_week_and_a_date_inside_it(desk: Desk):
    allison = desk.user("Allison")
    card = (await allison.says("scorecard 2026-W46")).card
    assert texts(card)[:3] == [
        "Weekly scorecard · 2026-W46",
        "2 weeks ago: Mon 09 Nov – Sun 15 Nov 2026",
        "Reopen rate: 0.0%",
    ]
    assert texts((await allison.says("scorecard 2026-11-12")).card)[0] == texts(card)[0]


async def test_a_week_that_is_not_one_gets_the_forms_that_work(desk: Desk):
    answer = await desk.user("Allison").says("scorecard nonsense")
    assert answer.texts == [f"I don't know which week 'nonsense' is. Give {ACCEPTED_FORMS}."]
    assert not answer.cards
    later = await desk.user("Allison").says("scorecard 2027-W02")
    assert later.texts == ["2027-W02 has not started yet; pick a week up to this one."]


async def test_someone_who_may_not_view_the_scorecard_is_told_who_can(desk: Desk):
    answer = await desk.user("Jordan").says("scorecard")
    assert answer.texts == ["Only Mary or Allison may see the team scorecard."]
    assert not answer.cards


def chats_of(sent: list[Sent], *people: Chat) -> dict[str, list[dict]]:
    """The cards the bot sent into each person's personal chat, by name."""
    return {
        p.user.name: [s.card for s in sent if s.conversation_id == f"a:1on1-{p.user.user_id}"]
        for p in people
    }


async def test_monday_post_goes_to_the_chats_of_those_who_may_view_it(desk: Desk):
    mary, allison, jordan = desk.user("Mary"), desk.user("Allison"), desk.user("Jordan")
    for person in (mary, allison, jordan):
        await person.says("whoami")
    services, notifier = desk.app[SERVICES], desk.app[BOT].notifier
    mark = len(desk.connector.sent)

    said = await post_scorecard(services, notifier, POSTED)

    assert said == "2026-W47 scorecard posted in the personal chats of Mary, Allison."
    posted = chats_of(desk.connector.since(mark), mary, allison, jordan)
    assert [len(cards) for cards in posted.values()] == [1, 1, 0]
    assert texts(posted["Mary"][0])[:3] == texts(posted["Allison"][0])[:3]
    assert texts(posted["Mary"][0])[2] == "Reopen rate: 50.0%"
    # The scheduler running twice for the same week posts nothing twice.
    mark = len(desk.connector.sent)
    await post_scorecard(services, notifier, POSTED)
    assert not desk.connector.since(mark)


async def test_a_person_without_the_app_gets_the_post_when_they_open_it(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("whoami")
    services, notifier = desk.app[SERVICES], desk.app[BOT].notifier

    said = await post_scorecard(services, notifier, POSTED)

    assert said == (
        "2026-W47 scorecard posted (1 held until Teams can be reached) "
        "in the personal chats of Mary, Allison."
    )
    allison = desk.user("Allison")
    arrival = await allison.says("whoami")  # the answer, and what was held for her
    headings = [texts(c)[0] for c in chats_of(arrival.sent, allison)["Allison"]]
    assert headings == ["Weekly scorecard · 2026-W47", "Allison"]
