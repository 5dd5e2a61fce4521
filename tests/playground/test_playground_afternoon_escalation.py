"""The afternoon's escalation in the Microsoft 365 Agents Playground, on what `make demo` leaves:
Kevin is stuck, Allison finds the handoff in her `escalations` queue and accepts it from the
ticket card with Sean owning the engineering while Kevin stays on the customer; the ticket is
resolved only once Sean has recorded its RCCA. Opt-in with PLAYGROUND=1; conftest.py starts the
bot and the playground (scheduler off). Everyone types in the group chat and has the app, so
what the bot sends to their own chats is read from the log stream (test_playground_afternoon.py
says how).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cards.closure import CLOSURE_SUBMIT
from cards.escalation import ESCALATION_ACCEPT, ESCALATION_SUBMIT
from cards.rcca import RCCA_SUBMIT
from cards.ticket import ACCEPT, RESOLVE
from scripts.playground import Playground, card_title
from tests.harness.cards import facts, texts
from tests.harness.escalation import COMPLETE
from tests.harness.escalation_domain import RCCA
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

CALL_BACK = {**CALL, "company": "Garden State Foods", "serial_number": "SN-22345"}
FIX = {"summary": "Replaced the heater relay.", "root_cause": "Pitted relay contacts."}


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make demo` fills, up to the real now."""
    return demo_database(tmp_path_factory)


async def test_allison_keeps_kevin_on_the_customer_and_sean_owns_the_engineering(pg: Playground):
    await pg.install_app("Allison")
    seans_chat = await pg.install_app("Sean")
    number, card = await assigned_to(pg, "Kevin", CALL_BACK)
    await pg.execute(card, ACCEPT, as_user="Kevin")

    # Kevin is stuck: the handoff form, sent complete; his card no longer offers Accept.
    form = the_card_reply(await pg.say(f"escalate {number}", as_user="Kevin"))
    sent = await pg.execute(form, ESCALATION_SUBMIT, COMPLETE, as_user="Kevin")
    assert facts(sent.card)["Status"] == "Escalated to Engineering"
    assert "Accept" not in buttons(sent.card), buttons(sent.card)

    # Allison's queue of handoffs lists it (beside the demo's own).
    queue = card_of(the_card_reply(await pg.say("escalations", as_user="Allison")))
    assert card_title(queue).startswith("Escalations waiting for you (")
    assert any(t.startswith(f"**{number}** · ") for t in texts(queue)), texts(queue)

    # She accepts from the ticket card: Sean owns the engineering, Kevin keeps the ticket.
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Allison"))
    assert "Accept and assign" in buttons(card_of(shown))
    decision = {"engineer": "sean", "keep_assignee": "true", "note": "Start with the relay."}
    decided = await pg.execute(shown, ESCALATION_ACCEPT, decision, as_user="Allison")
    said = texts(decided.card)
    stays = "Accepted: Sean owns the engineering; Kevin stays on the customer."
    assert any(t.startswith(stays) for t in said), said
    handed = texts(
        card_of(the_card_in(pg.logged_messages(seans_chat), f"Escalated to you: {number}"))
    )
    assert any("Allison made you the engineering owner" in t for t in handed), handed
    queue = card_of(the_card_reply(await pg.say("escalations", as_user="Allison")))
    assert not any(t.startswith(f"**{number}** · ") for t in texts(queue)), texts(queue)

    # Kevin, still the assignee, resolves it: the form starts with the customer's contact;
    # without the RCCA it is refused, the reason under the Root cause field, all typed kept.
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Kevin"))
    kevins = facts(card_of(shown))
    assert (kevins["Assignee"], kevins["Engineering owner"]) == ("Kevin", "Sean"), kevins
    assert kevins["RCCA"].startswith("Not recorded yet")
    closure = await pg.execute(shown, RESOLVE, as_user="Kevin")
    assert input_values(closure.card)["confirmed_by"] == CALL["contact_name"]
    fix = {**FIX, "confirmation": "confirmed", "confirmed_via": "phone"}
    refused = await pg.execute(closure.activity, CLOSURE_SUBMIT, fix, as_user="Kevin")
    assert "Not resolved yet: see Root cause below." in texts(refused.card), texts(refused.card)
    body = refused.card["body"]
    field = next(i for i, e in enumerate(body) if e.get("id") == "root_cause")
    assert body[field + 1]["text"].startswith(f"{number} was escalated to Engineering, so it")
    assert input_values(refused.card)["summary"] == FIX["summary"]

    # Sean, the engineering owner, records the RCCA from the group chat.
    assert "RCCA" in buttons(card_of(the_card_reply(await pg.say(f"ticket {number}", "Sean"))))
    rcca_form = the_card_reply(await pg.say(f"rcca {number}", as_user="Sean"))
    recorded = await pg.execute(rcca_form, RCCA_SUBMIT, RCCA, as_user="Sean")
    assert f"RCCA recorded: {number} can be resolved now." in texts(recorded.card)

    # Kevin resolves it now: the RCCA's root cause is carried in; Dana confirmed on the phone.
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Kevin"))
    closure = await pg.execute(shown, RESOLVE, as_user="Kevin")
    assert input_values(closure.card)["root_cause"] == RCCA["root_cause"]
    confirmed = {"confirmation": "confirmed", "confirmed_via": "phone"}
    closed = await pg.execute(closure.activity, CLOSURE_SUBMIT, confirmed, as_user="Kevin")
    assert facts(closed.card)["Status"] == "Closed", texts(closed.card)
