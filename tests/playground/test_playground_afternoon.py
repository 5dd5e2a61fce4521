"""The same day's afternoon as Kevin, Ezechiel and Allison in the Microsoft 365 Agents
Playground, on what `make demo` leaves (a warranty visit waiting for approval, KB drafts waiting
to be published). Opt-in with PLAYGROUND=1; conftest.py starts the bot and the playground, the
scheduler off; the stories share the database and run in file order
(test_playground_afternoon_escalation.py tells Sean's escalation).

Each person is the playground's user in turn: they type in the group chat (`as_user`, a mocked
activity that @mentions the bot, as Teams delivers it) and install the app when the story says,
so the bot reaches their own chat; what it sends there is read from the log stream and clicked
there as them (see test_playground_lifecycle.py for why). Mary files and assigns what they work
on. Allison opens the app only after Kevin's story: what was held for her arrives then.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cards.closure import CLOSURE_SUBMIT, CONFIRM
from cards.knowledge import OPEN as KB_OPEN
from cards.knowledge import PUBLISH
from cards.parts_form import PARTS_SUBMIT
from cards.parts_orders import PARTS_DELIVERED, PARTS_SHIPPED
from cards.parts_requests import PARTS_ANSWER, PARTS_OPEN, PARTS_ORDERED
from cards.service import APPROVE
from cards.ticket import ACCEPT, ADD_NOTE, REOPEN, RESOLVE, SET_STATUS
from scripts.playground import Playground, card_title, cards
from tests.harness.cards import facts, reads_as_alarm, texts
from tests.harness.intake import input_values
from tests.harness.playground import (
    CALL,
    assigned_to,
    buttons,
    card_of,
    the_card_in,
    the_card_reply,
)
from tests.playground.conftest import demo_database

# Kevin's call: the infeed photo-eye, a problem worth an article.
PHOTO_EYE = {
    **CALL,
    "company": "Harvest Valley Foods",
    "serial_number": "SN-31337",
    "issue_description": "Photo-eye on the infeed conveyor misses product.\nWorse when the "
    "dock door is open.",
}
FIX = {
    "summary": "Hooded and re-taught the infeed photo-eye.",
    "root_cause": "Sunlight from the dock door on the photo-eye.",
}
CONFIRMED = {"confirmed_by": "Dana Lee", "confirmed_via": "phone"}


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make demo` fills, up to the real now."""
    return demo_database(tmp_path_factory)


async def test_kevin_works_a_call_resolves_it_closes_it_and_it_comes_back(pg: Playground):
    number, card = await assigned_to(pg, "Kevin", PHOTO_EYE)

    # His inbox: the new ticket with his other open ones, most urgent first.
    inbox = card_of(the_card_reply(await pg.say("my tickets", as_user="Kevin")))
    assert card_title(inbox).startswith("Your open tickets (")
    assert any(t.startswith(f"**{number}** · ") for t in texts(inbox)), texts(inbox)

    # He accepts it in his chat, waits on the customer's video, then resumes: Resume, not Accept.
    accepted = await pg.execute(card, ACCEPT, as_user="Kevin")
    assert facts(accepted.card)["Status"] == "In progress"
    waiting = await pg.execute(
        accepted.activity, SET_STATUS, {"status": "waiting_on_customer"}, as_user="Kevin"
    )
    assert facts(waiting.card)["Status"] == "Waiting on customer"
    assert "Resume" in buttons(waiting.card) and "Accept" not in buttons(waiting.card)
    resumed = await pg.execute(waiting.activity, ACCEPT, as_user="Kevin")
    assert facts(resumed.card)["Status"] == "In progress"
    noted = await pg.execute(
        resumed.activity, ADD_NOTE, {"body": "Hooded the photo-eye.", "minutes": "25"}, "Kevin"
    )
    assert facts(noted.card)["Time spent"] == "25 min"
    # A typed note's leading time is time spent, not words.
    typed = await pg.say(f"note {number} 20 min on the phone with Dana", as_user="Kevin")
    assert [r.get("text") for r in typed if r.get("text")] == [
        f"Added an internal note to {number} and logged 20 min."
    ]

    # Resolved, worth an article, the customer asked to confirm: the form knows who to ask.
    closure = await pg.execute(noted.activity, RESOLVE, as_user="Kevin")
    assert input_values(closure.card)["confirmed_by"] == CALL["contact_name"]
    asked = {**FIX, "confirmation": "ask", "kb_article": "true"}
    resolved = await pg.execute(closure.activity, CLOSURE_SUBMIT, asked, as_user="Kevin")
    assert facts(resolved.card)["Status"].startswith("Resolved")
    assert facts(resolved.card)["Time spent"] == "45 min"
    assert any("drafted for Allison to edit and publish." in t for t in texts(resolved.card))
    [drafted] = [t for t in texts(resolved.card) if "hasn't installed the Support Desk app" in t]
    assert drafted.startswith("Allison hasn't installed"), "Allison gets it when she opens it"
    assert not reads_as_alarm(resolved.card, drafted), "a plain note, not part of the headline"
    close = the_card_reply(await pg.say(f"close {number}", as_user="Kevin"))
    closed = await pg.execute(close, CONFIRM, CONFIRMED, as_user="Kevin")
    assert facts(closed.card)["Status"] == "Closed"

    # The fault is back: Kevin reopens it from the ticket and takes it up again.
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Kevin"))
    reason = {"reason": "Misses product again at dusk", "source": "customer_report"}
    reopened = await pg.execute(shown, REOPEN, {**reason, "reported_by": "Dana Lee"}, "Kevin")
    assert facts(reopened.card)["Status"] == "Assigned"
    assert facts(reopened.card)["Reopened"] == "1×"
    again = await pg.execute(reopened.activity, ACCEPT, as_user="Kevin")
    assert facts(again.card)["Status"] == "In progress"

    # Allison opens the app: her copy of the ticket's triage card, held since Mary filed it,
    # shows it as it stands now (Kevin's, in progress), not as it stood then (nobody's, with
    # Assign); the reopen and the draft come with their own cards.
    allisons_chat = await pg.install_app("Allison")
    held = pg.logged_messages(allisons_chat)
    triage = card_of(the_card_in(held, f"Triage {number} · "))
    assert (facts(triage)["Assignee"], facts(triage)["Status"]) == ("Kevin", "In progress")
    assert "Assign" not in buttons(triage), buttons(triage)
    assert facts(card_of(the_card_in(held, f"{number} reopened · ")))["Reopens"] == "1×"
    assert any(f"New draft from {number}" in " ".join(texts(c)) for m in held for c in cards(m))


async def test_ezechiel_answers_jordans_quote_with_two_lines_and_ships_it(pg: Playground):
    jordans_chat = await pg.install_app("Jordan")
    ezechiels_chat = await pg.install_app("Ezechiel")
    form = the_card_reply(await pg.say("parts", as_user="Jordan"))
    quote = {"request_type": "quote", "part_number": "5520-118", "quantity": "2"}
    sent = await pg.execute(form, PARTS_SUBMIT, {**quote, "serial_number": "SN-12345"}, "Jordan")
    request = card_title(sent.card).split(" ")[0]
    assert request.startswith("PQ-")

    # Ezechiel's inbox: the parts queue lists it; he opens it and quotes two parts.
    queue = the_card_reply(await pg.say("parts queue", as_user="Ezechiel"))
    assert any(request in t for t in texts(card_of(queue))), texts(card_of(queue))
    opened = await pg.execute(queue, PARTS_OPEN, as_user="Ezechiel")
    answer = {
        "lines": "5520-118; Drive belt; 2; $42.00\nGK-12; Gasket kit; 1; 12.75",
        "lead_time": "in stock",
        "quote_number": "Q-2290",
    }
    answered = await pg.execute(opened.activity, PARTS_ANSWER, answer, as_user="Ezechiel")
    assert "Answer sent to Jordan." in texts(answered.card)
    told = the_card_in(pg.logged_messages(jordans_chat), request)
    assert f"Ezechiel answered {request}." in texts(card_of(told))
    assert facts(card_of(told))["2 × 5520-118"] == "Drive belt · $42.00 each = $84.00"
    assert facts(card_of(told))["1 × GK-12"] == "Gasket kit · $12.75 each = $12.75"
    assert facts(card_of(told))["Total"] == "$96.75"

    # The customer orders; Ezechiel ships and delivers it from the order's card.
    ordered = await pg.execute(told, PARTS_ORDERED, as_user="Jordan")
    order = card_title(ordered.card).split(" · ")[0]
    assert order.startswith("Order SO-"), card_title(ordered.card)
    owners = the_card_in(pg.logged_messages(ezechiels_chat), order)
    assert "Shipped" in buttons(card_of(owners))
    shipped = await pg.execute(owners, PARTS_SHIPPED, as_user="Ezechiel")
    assert card_title(shipped.card) == f"{order} · Shipped"
    delivered = await pg.execute(shipped.activity, PARTS_DELIVERED, as_user="Ezechiel")
    assert card_title(delivered.card) == f"{order} · Delivered"


async def test_allison_approves_the_warranty_visit_and_publishes_a_draft(pg: Playground):
    # Approvals: the demo's warranty visit waits for her; approving it tells Mary, on screen.
    waiting = the_card_reply(await pg.say("service approvals", as_user="Allison"))
    assert facts(card_of(waiting))["Status"] == "Waiting for approval"
    approved = await pg.execute(waiting, APPROVE, as_user="Allison")
    assert "Approved and scheduled." in texts(approved.card), texts(approved.card)
    assert facts(approved.card)["Project"].startswith("PRJ-")
    told = the_card_reply(approved.replies)
    assert told["conversation"]["id"] == pg.personal_chat_id
    assert any(t.startswith("Allison approved it") for t in texts(card_of(told)))

    # Knowledge: Kevin's photo-eye draft is found by its words and by a synonym, as a draft.
    for words in ("photo eye", "sensor"):
        found = card_of(the_card_reply(await pg.say(f"kb {words}", as_user="Allison")))
        rows = [t for t in texts(found) if "Photo-eye on the infeed conveyor" in t]
        assert rows and all("_draft, not published yet_" in t for t in rows), texts(found)
    [kevins] = [t for t in rows if f"({PHOTO_EYE['machine_model']})" in t]  # not the demo's
    kevins_draft = kevins.split("**")[1]

    # The drafts waiting for her; she opens the demo's oldest and publishes it; Jordan finds it,
    # without the greeting its ticket's first note had for the customer.
    drafts = the_card_reply(await pg.say("kb drafts", as_user="Allison"))
    assert card_title(card_of(drafts)).startswith("KB drafts (")
    draft = await pg.execute(drafts, KB_OPEN, as_user="Allison")
    form = the_card_reply(draft.replies)  # a new message, the list stays; a draft opens to edit
    written = input_values(card_of(form))
    assert not [v for v in written.values() if isinstance(v, str) and "Hello " in v], written
    published = await pg.execute(form, PUBLISH, as_user="Allison")
    assert facts(published.card)["Status"].startswith("Published by Allison")
    found = card_of(the_card_reply(await pg.say(f"kb {written['title'].lower()}", "Jordan")))
    assert any(written["title"] in t for t in texts(found)), texts(found)

    # Kevin's draft: its ticket was reopened since, so publishing it asks first. The hood is
    # still the fix, she publishes anyway, and Mary now finds it by a synonym, published.
    opened = the_card_reply(await pg.say(f"kb {kevins_draft}", as_user="Allison"))
    asked = await pg.execute(opened, PUBLISH, as_user="Allison")
    assert any("was reopened" in t for t in texts(asked.card)), texts(asked.card)
    assert "Publish anyway" in buttons(asked.card)
    published = await pg.execute(asked.activity, PUBLISH, as_user="Allison")
    assert facts(published.card)["Status"].startswith("Published by Allison")
    found = card_of(the_card_reply(await pg.say("kb sensor")))
    [row] = [t for t in texts(found) if t.startswith(f"**{kevins_draft}** · ")]
    assert "draft" not in row, row
