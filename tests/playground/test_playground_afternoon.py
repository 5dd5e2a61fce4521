"""The same day's afternoon as Kevin, Sean, Allison, Ezechiel and Jordan in the Microsoft 365
Agents Playground, on what `make demo` leaves (a warranty visit waiting for approval, KB drafts
waiting to be published). Opt-in with PLAYGROUND=1; conftest.py starts the bot and the
playground, the scheduler off; the stories share the database and run in file order.

Each person is the playground's user in turn: they type in the group chat (`as_user`, a mocked
activity that @mentions the bot, as Teams delivers it) and have installed the app, so the bot
reaches their own chat; what it sends there is read from the log stream and clicked there as
them (see test_playground_lifecycle.py for why). Mary files and assigns what they work on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cards.closure import CLOSURE_SUBMIT, CONFIRM
from cards.escalation import ESCALATION_ACCEPT, ESCALATION_SUBMIT
from cards.knowledge import OPEN as KB_OPEN
from cards.knowledge import PUBLISH
from cards.parts_form import PARTS_SUBMIT
from cards.parts_requests import PARTS_ANSWER, PARTS_OPEN
from cards.rcca import RCCA_SUBMIT
from cards.service import APPROVE
from cards.ticket import ACCEPT, ADD_NOTE, REOPEN, RESOLVE, SET_STATUS
from cards.triage import ASSIGN
from scripts.playground import Activity, Playground, card_title
from tests.harness.cards import facts, texts
from tests.harness.escalation import COMPLETE
from tests.harness.escalation_domain import RCCA
from tests.harness.intake import input_values
from tests.harness.playground import (
    CALL,
    buttons,
    card_of,
    file_call,
    the_card_in,
    the_card_reply,
)
from tests.playground.conftest import demo_database

FIX = {
    "summary": "Reseated the infeed prox sensor cable.",
    "root_cause": "Loose M12 connector on the infeed sensor.",
}
CONFIRMED = {"confirmed_by": "Dana Lee", "confirmed_via": "phone"}


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make demo` fills, up to the real now."""
    return demo_database(tmp_path_factory)


async def assigned_to(pg: Playground, who: str, call: dict) -> tuple[str, Activity]:
    """Mary files `call` and assigns it to `who` (the suggestion); their ticket card, in their
    own chat, as they find it there."""
    chat = await pg.install_app(who)
    number, triage = await file_call(pg, call)
    assigned = await pg.execute(triage, ASSIGN)
    assert facts(assigned.card)["Assignee"] == who
    told = the_card_in(pg.logged_messages(chat), f"{number} · ")
    assert "Assigned to you by Mary" in texts(card_of(told))
    return number, told


async def test_kevin_works_a_call_resolves_it_closes_it_and_it_comes_back(pg: Playground):
    allisons_chat = await pg.install_app("Allison")
    number, card = await assigned_to(pg, "Kevin", CALL)

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
        resumed.activity,
        ADD_NOTE,
        {"body": "Reseated the infeed prox sensor cable; E42 cleared.", "minutes": "25"},
        as_user="Kevin",
    )
    assert facts(noted.card)["Time spent"] == "25 min"

    # Resolved, the customer asked to confirm; she does on the phone and he closes it.
    closure = await pg.execute(noted.activity, RESOLVE, as_user="Kevin")
    asked = {**FIX, "confirmation": "ask"}
    resolved = await pg.execute(closure.activity, CLOSURE_SUBMIT, asked, as_user="Kevin")
    assert facts(resolved.card)["Status"].startswith("Resolved")
    close = the_card_reply(await pg.say(f"close {number}", as_user="Kevin"))
    closed = await pg.execute(close, CONFIRM, CONFIRMED, as_user="Kevin")
    assert facts(closed.card)["Status"] == "Closed"

    # The fault is back: Kevin reopens it from the ticket; he has it again, Allison is told.
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Kevin"))
    reason = {"reason": "E42 again after 200 cases", "source": "customer_report"}
    reopened = await pg.execute(shown, REOPEN, {**reason, "reported_by": "Dana Lee"}, "Kevin")
    assert facts(reopened.card)["Status"] == "Assigned"
    assert facts(reopened.card)["Reopened"] == "1×"
    told = card_of(pg.logged_messages(allisons_chat)[-1])
    assert card_title(told).startswith(f"{number} reopened · ")
    inbox = card_of(the_card_reply(await pg.say("my tickets", as_user="Kevin")))
    assert any(t.startswith(f"**{number}** · ") for t in texts(inbox)), texts(inbox)


async def test_sean_takes_kevins_escalation_records_the_rcca_and_resolves_it(pg: Playground):
    allisons_chat = await pg.install_app("Allison")
    seans_chat = await pg.install_app("Sean")
    call = {**CALL, "company": "Garden State Foods", "serial_number": "SN-22345"}
    number, card = await assigned_to(pg, "Kevin", call)
    await pg.execute(card, ACCEPT, as_user="Kevin")

    # Kevin is stuck: the handoff form, sent complete; his card no longer offers Accept.
    form = the_card_reply(await pg.say(f"escalate {number}", as_user="Kevin"))
    sent = await pg.execute(form, ESCALATION_SUBMIT, COMPLETE, as_user="Kevin")
    assert facts(sent.card)["Status"] == "Escalated to Engineering"
    assert "Accept" not in buttons(sent.card)

    # Allison reviews it in her chat and gives it to Sean, who reads her note in his.
    review = the_card_in(pg.logged_messages(allisons_chat), f"Escalation {number}")
    assert facts(card_of(review))["Handed off by"] == "Kevin"
    decision = {"engineer": "sean", "note": "Start with the heater relay."}
    decided = await pg.execute(review, ESCALATION_ACCEPT, decision, as_user="Allison")
    said = texts(decided.card)
    assert number in said[0] and any("Sean has the ticket now" in t for t in said), said
    handed = the_card_in(pg.logged_messages(seans_chat), "Escalated to you:")
    assert "Allison: Start with the heater relay." in texts(card_of(handed))

    # His inbox has it; the ticket says its RCCA is missing, and resolving without it is
    # refused with everything typed kept.
    inbox = card_of(the_card_reply(await pg.say("my tickets", as_user="Sean")))
    assert any(t.startswith(f"**{number}** · ") for t in texts(inbox)), texts(inbox)
    shown = card_of(the_card_reply(await pg.say(f"ticket {number}", as_user="Sean")))
    assert facts(shown)["RCCA"].startswith("Not recorded yet")
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Sean"))
    closure = await pg.execute(shown, RESOLVE, as_user="Sean")
    fix = {**FIX, "confirmation": "confirmed", **CONFIRMED}
    refused = await pg.execute(closure.activity, CLOSURE_SUBMIT, fix, as_user="Sean")
    assert any("RCCA" in t for t in texts(refused.card)), texts(refused.card)
    assert card_title(refused.card).startswith(f"Resolve {number}")
    assert input_values(refused.card)["summary"] == FIX["summary"]

    # He records the RCCA, then resolves it with the customer's confirmation.
    rcca_form = the_card_reply(await pg.say(f"rcca {number}", as_user="Sean"))
    recorded = await pg.execute(rcca_form, RCCA_SUBMIT, RCCA, as_user="Sean")
    assert f"RCCA recorded: {number} can be resolved now." in texts(recorded.card)
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Sean"))
    closure = await pg.execute(shown, RESOLVE, as_user="Sean")
    closed = await pg.execute(closure.activity, CLOSURE_SUBMIT, fix, as_user="Sean")
    assert facts(closed.card)["Status"] == "Closed"


async def test_ezechiel_answers_jordans_quote_in_his_inbox(pg: Playground):
    jordans_chat = await pg.install_app("Jordan")
    await pg.install_app("Ezechiel")
    form = the_card_reply(await pg.say("parts", as_user="Jordan"))
    quote = {"request_type": "quote", "part_number": "5520-118", "quantity": "2"}
    sent = await pg.execute(form, PARTS_SUBMIT, {**quote, "serial_number": "SN-12345"}, "Jordan")
    request = card_title(sent.card).split(" ")[0]
    assert request.startswith("PQ-")

    # Ezechiel's inbox: the parts queue lists it; he opens it and answers.
    queue = the_card_reply(await pg.say("parts queue", as_user="Ezechiel"))
    assert any(request in t for t in texts(card_of(queue))), texts(card_of(queue))
    opened = await pg.execute(queue, PARTS_OPEN, as_user="Ezechiel")
    answer = {
        "identified_part": "5520-118",
        "price": "$42.00",
        "lead_time": "in stock",
        "quote_number": "Q-2290",
    }
    answered = await pg.execute(opened.activity, PARTS_ANSWER, answer, as_user="Ezechiel")
    assert "Answer sent to Jordan." in texts(answered.card)
    told = card_of(pg.logged_messages(jordans_chat)[-1])
    assert f"Ezechiel answered {request}." in texts(told)
    assert facts(told)["Total"] == "$84.00"


async def test_allison_approves_the_warranty_visit_and_publishes_a_draft(pg: Playground):
    await pg.install_app("Allison")
    # Approvals: the demo's warranty visit waits for her; approving it tells Mary, on screen.
    waiting = the_card_reply(await pg.say("service approvals", as_user="Allison"))
    assert facts(card_of(waiting))["Status"] == "Waiting for approval"
    approved = await pg.execute(waiting, APPROVE, as_user="Allison")
    assert any(t.startswith("Approved: project PRJ-") for t in texts(approved.card))
    told = the_card_reply(approved.replies)
    assert told["conversation"]["id"] == pg.personal_chat_id
    assert any(t.startswith("Allison approved it") for t in texts(card_of(told)))

    # Knowledge: the drafts waiting for her; she opens one and publishes it; Jordan finds it.
    drafts = the_card_reply(await pg.say("kb drafts", as_user="Allison"))
    assert card_title(card_of(drafts)).startswith("KB drafts (")
    draft = await pg.execute(drafts, KB_OPEN, as_user="Allison")
    form = the_card_reply(draft.replies)  # a new message, the list stays; a draft opens to edit
    title = input_values(card_of(form))["title"]
    published = await pg.execute(form, PUBLISH, as_user="Allison")
    assert facts(published.card)["Status"].startswith("Published by Allison")
    found = card_of(the_card_reply(await pg.say(f"kb {title.lower()}", as_user="Jordan")))
    assert any(title in t for t in texts(found)), texts(found)
