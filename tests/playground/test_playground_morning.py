"""A morning as Mary (Tech Support Admin and triage) in the Microsoft 365 Agents Playground, on
what `make demo` leaves: ten days of tickets up to now, the newest never acknowledged, so late.
Opt-in with PLAYGROUND=1; conftest.py starts the bot and the playground (scheduler off, so no
alert lands among her replies: test_playground_sla_scorecard.py tells the alerts).

She types in her 1:1 chat, the one the playground shows, in the order of the issue's morning:
help, new ticket, assign, queue, ticket, acknowledge, my tickets, scorecard, kb, service request
and parts.
Each step checks what she reads: the heading, the facts she acts on, the buttons she needs.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from cards.parts_form import PARTS_SUBMIT
from cards.queue import OPEN
from cards.service_form import SUBMIT as SERVICE_SUBMIT
from cards.triage import ACKNOWLEDGE, ASSIGN
from scripts.playground import Playground, card_title
from services.db import Database
from services.db.schema import kb_articles
from services.profile import load_profile
from services.scorecard import last_complete_week
from tests.harness.cards import elements, facts, reads_as_alarm, row_buttons, texts
from tests.harness.playground import CALL, buttons, card_of, file_call, the_card_reply
from tests.playground.conftest import Stack, demo_database, sqlite_url

PROFILE = load_profile("bestpack")


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make demo` fills, up to the real now."""
    return demo_database(tmp_path_factory)


def late_minutes(line: str) -> int:
    """How late the first deadline of a lateness line is, in minutes ("late by 1 h 32 min")."""
    late = re.search(r"late by ((\d+) h)? ?((\d+) (business )?min)?", line)
    assert late and (late[2] or late[4]), line
    return int(late[2] or 0) * 60 + int(late[4] or 0)


def lateness(card: dict) -> list[dict]:
    """The lines of a card that say how late something is."""
    return [e for e in elements(card) if e["type"] == "TextBlock" and "late by" in e["text"]]


async def published(stack: Stack) -> dict:
    """A KB article the demo published: its title, problem and machine models."""
    db = await Database.connect(sqlite_url(stack.database))
    try:
        async with db.engine.connect() as connection:
            columns = (kb_articles.c.title, kb_articles.c.problem, kb_articles.c.symptoms)
            query = select(*columns, kb_articles.c.machine_models).where(
                kb_articles.c.status == "published"
            )
            return dict((await connection.execute(query)).mappings().first())
    finally:
        await db.close()


def call_like(article: dict) -> dict:
    """A machine-down call in the words of a solved problem, priority left to the rules: the
    closest match there can be, which must still not hold the filing up."""
    problem = f"{article['problem']}\n{article['symptoms']} Machine down."
    models = article["machine_models"].split(",")[0]
    return {**CALL, "issue_description": problem, "machine_model": models, "priority": ""}


async def test_a_morning_as_mary(pg: Playground, stack: Stack):
    # help: the profile's title, placeholders Teams' markdown keeps, her everyday command first.
    menu = card_of(the_card_reply(await pg.say("help")))
    assert card_title(menu) == "Support desk"
    assert "Hi Mary. Here is what you can do (The BestPack Support Way)." in texts(menu)
    usages = list(facts(menu))
    assert not [u for u in usages if "<" in u or "&lt;" in u], usages
    assert any(u.startswith("assign BP-1001 ‹person›") for u in usages), usages
    assert buttons(menu)[0] == "queue"

    # new ticket: a machine-down call in the very words of a solved problem. It is filed at
    # once (urgent calls are never held), the priority says why, the article waits beside it.
    article = await published(stack)
    number, filed = await file_call(pg, call_like(article))
    said = texts(filed.card)
    assert card_title(filed.card).startswith(f"Triage {number} · ")
    assert facts(filed.card)["Priority"].startswith("Urgent: machine down"), facts(filed.card)
    assert any("suggested from Machine down" in t for t in said), said
    assert "Acknowledge by" in facts(filed.card)
    assert any(t.startswith("Suggested: Kevin") for t in said), said
    beside = said[said.index("Similar solved problems") :]
    assert any(article["title"] in t for t in beside), beside
    assert any(t.startswith("Matched: ") for t in beside), "says why it matched"

    # assign: the suggestion is pre-selected; one press gives it to Kevin. He has no app yet:
    # said once, plainly, with what happens next, under the assignment that went well.
    assigned = await pg.execute(filed.activity, ASSIGN)
    assert "Assigned to Kevin by Mary." in texts(assigned.card)
    assert facts(assigned.card)["Assignee"] == "Kevin"
    assert "Reassign" in buttons(assigned.card) and "Assign" not in buttons(assigned.card)
    [wait] = [t for t in texts(assigned.card) if "installed" in t]
    assert wait.startswith("Kevin hasn't installed the Support Desk app yet and gets this when")
    assert not reads_as_alarm(assigned.card, wait), "a note, not an error"

    # queue: the demo's late tickets to assign, most late first and saying by how much; hers
    # apart, assigned to Kevin and waiting for his acknowledgement.
    shown = the_card_reply(await pg.say("queue"))
    queue = card_of(shown)
    assert card_title(queue).startswith("Queue: ")
    headings = texts(queue)
    to_assign = next(t for t in headings if t.startswith("To assign ("))
    waiting = headings.index("Assigned, waiting for acknowledgement (1)")
    assert headings.index(to_assign) < waiting
    assert any(t.startswith(f"**{number}** · ") for t in headings[waiting:]), headings
    assert "Kevin has it, not yet acknowledged" in " ".join(headings[waiting:])
    late = lateness(queue)
    assert late and all(e.get("color") == "Attention" for e in late), late
    by_how_much = [late_minutes(e["text"]) for e in late]
    assert by_how_much == sorted(by_how_much, reverse=True), by_how_much

    # ticket: Open brings the most late one as a card of its own; the queue stays as it was.
    most_late = next(t for t in headings if t.startswith("**BP-")).split("**")[1]
    opened = await pg.execute(shown, OPEN)
    assert card_title(opened.card).startswith("Queue: ")
    ticket = card_of(the_card_reply(opened.replies))
    assert card_title(ticket).startswith(f"{most_late} · ")
    assert lateness(ticket), texts(ticket)
    for needed in ("Acknowledge", "Change priority", "Assign"):
        assert needed in buttons(ticket), buttons(ticket)
    acknowledged = await pg.execute(the_card_reply(opened.replies), ACKNOWLEDGE)
    assert "Acknowledged" in facts(acknowledged.card), texts(acknowledged.card)

    # acknowledge, with no number: what still waits in the queue, each with its button;
    # the one she just acknowledged is no longer among them, Kevin's new one is.
    offered = card_of(the_card_reply(await pg.say("acknowledge")))
    assert card_title(offered).startswith("Which ticket did you acknowledge? ("), texts(offered)
    rows = [b for b in row_buttons(offered) if b["title"] == "Acknowledge"]
    waiting_numbers = [b["data"]["number"] for b in rows]
    assert number in waiting_numbers and most_late not in waiting_numbers, waiting_numbers

    # assign, typed: the late one she acknowledged goes to Sean; the answer names the ticket.
    typed = await pg.say(f"assign {most_late} Sean covering the afternoon")
    answers = [r.get("text") or "" for r in typed]
    assert any(t.startswith(f"{most_late}: Assigned to Sean by Mary.") for t in answers), answers

    # my tickets: none are assigned to her, so what she filed or acted on, and the way to queue.
    mine = card_of(the_card_reply(await pg.say("my tickets")))
    assert card_title(mine) == "No open tickets are assigned to you"
    assert any("`queue`" in t for t in texts(mine)), texts(mine)
    assert any(t.startswith(f"**{number}** · ") for t in texts(mine)), texts(mine)
    assert "Queue" in buttons(mine)

    # scorecard: last week, saying so, full width and small; "This week so far" one press away.
    reply = the_card_reply(await pg.say("scorecard"))
    scorecard = card_of(reply)
    week = last_complete_week(datetime.now(UTC), PROFILE.business_hours.zone)
    assert card_title(scorecard) == f"Weekly scorecard · {week.label}"
    assert any(t.startswith("Last week: ") for t in texts(scorecard)), texts(scorecard)
    assert scorecard["msteams"] == {"width": "Full"}
    assert len(json.dumps(scorecard)) < 20_000
    this_week = card_of(the_card_reply(await pg.submit(reply, title="This week so far")))
    assert any(t.startswith("This week so far: ") for t in texts(this_week)), texts(this_week)

    # kb: the article the demo published is found by the words of its title.
    title = article["title"]
    found = card_of(the_card_reply(await pg.say(f"kb {title.lower()}")))
    assert any(title in t for t in texts(found)), texts(found)
    assert "Open article" in buttons(found)

    # service request: on-site for the new ticket, billable; New Jersey's provider goes.
    form = the_card_reply(await pg.say(f"service request {number}"))
    start = (date.today() + timedelta(days=3)).isoformat()
    visit = {"start_date": start, "end_date": start, "billing": "billable"}
    filed = await pg.execute(form, SERVICE_SUBMIT, {**visit, "scope": "Replace the E42 sensor"})
    assert card_title(filed.card).startswith("SR-")
    assert facts(filed.card)["Who goes"] == "PLC Paramedics (3rd-party provider for NJ)"
    assert facts(filed.card)["Status"] == "Scheduled"
    assert facts(filed.card)["Ticket"].startswith(number)

    # parts: a quote for the sensor, sent to Ezechiel, who owns parts.
    form = the_card_reply(await pg.say(f"parts {number}"))
    quote = {"request_type": "quote", "part_number": "4471-220", "quantity": "1"}
    asked = await pg.execute(form, PARTS_SUBMIT, quote)
    assert card_title(asked.card).startswith("PQ-")
    assert any(t.startswith("Sent to Ezechiel") for t in texts(asked.card)), texts(asked.card)
    # What it waits for, and until when.
    assert facts(asked.card)["Status"] == "Waiting for Ezechiel's answer"
    assert "Answer expected by" in facts(asked.card), facts(asked.card)

    # The article beside Mary's urgent call matched it word for word and on its machine: the
    # box says it is a close match, shown beside the ticket only because the call is urgent.
    intro = beside[1]
    assert intro.startswith("A close match, shown here because an urgent call"), intro
