"""Processes 4-7 end to end in the Microsoft 365 Agents Playground, one short story each
(tests/dialogs/escalation/, parts/, service/ and knowledge/ tell them in full against a local
fake connector). Opt-in with PLAYGROUND=1; conftest.py starts the bot on a fresh database for
this module, so the stories share it and run in file order.

The playground's limits, and how these stories go around them (as test_playground_lifecycle.py
does):
- Only Mary has a personal chat on screen. Everyone else installs the app through a mocked
  installationUpdate (Playground.install_app), and what the bot sends to their own chats is read
  from the log stream (Playground.logged_messages), which records every message the bot sends.
- A card that reached someone's personal chat is clicked there as that person: the playground
  honours the invoke's `from.id` for any member of the conversation.
- The UI replaces a card after Action.Execute in the browser only; the next click is made on the
  card the bot answered with (InvokeResult.activity).
"""

from __future__ import annotations

from datetime import date, timedelta

from cards.closure import CLOSURE_SUBMIT
from cards.escalation import ESCALATION_ACCEPT, ESCALATION_SUBMIT
from cards.intake import SUBMIT_VERB
from cards.knowledge import PUBLISH
from cards.parts_form import PARTS_SUBMIT
from cards.parts_requests import PARTS_ANSWER
from cards.rcca import RCCA_SUBMIT
from cards.service import APPROVE
from cards.service_form import SUBMIT as SERVICE_SUBMIT
from cards.ticket import ACCEPT, ADD_NOTE, RESOLVE
from cards.triage import ASSIGN
from scripts.playground import Activity, Playground, card_title
from tests.harness.cards import facts, texts
from tests.harness.playground import CALL, card_of, the_card_in, the_card_reply


async def file_and_start(pg: Playground, call: dict, worker: str = "Kevin") -> tuple[str, Activity]:
    """Mary files `call` and assigns the suggestion (Kevin); Kevin accepts it on the ticket card
    in the group chat. Returns the ticket number and Kevin's in-progress ticket card."""
    form = the_card_reply(await pg.say("new ticket"))
    filed = await pg.execute(form, SUBMIT_VERB, call)
    # Mary triages: the form became the ticket's triage card.
    number = card_title(filed.card).removeprefix("Triage ").split(" ")[0]
    assigned = await pg.execute(filed.activity, ASSIGN)
    assert facts(assigned.card)["Assignee"] == worker
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user=worker))
    accepted = await pg.execute(shown, ACCEPT, as_user=worker)
    assert facts(accepted.card)["Status"] == "In progress"
    return number, accepted.activity


# --- 4 · Escalation ------------------------------------------------------------------------

HANDOFF = {
    "symptoms": "E42 after about 20 cases; the seal bar heater drops out.",
    "steps_tried": "- Reseated the infeed sensor cable\n- Swapped the prox sensor: still E42",
    "machine_model": "BP-500 Wrapper",
    "serial_number": "SN-12345",
    "software_versions": "PLC 2.14, HMI 5.2",
    "suspected_cause": "Heater relay or its wiring",
    "containment": "Running at half speed with a fan on the seal bar",
    "help_needed": "Check the heater circuit and the relay's wiring",
    "urgency": "high",
}
RCCA_ANSWERS = {
    "root_cause": "Heater relay contacts pitted by an undersized relay",
    "corrective_action": "Fitted a 30 A relay and new ferrules",
    "preventive_action": "30 A relay in the BP-500 build list; checked on every service",
}
SEANS_FIX = {
    "summary": "Replaced the heater relay",
    "root_cause": "Pitted relay",
    "confirmation": "confirmed",
    "confirmed_by": "Dana Lee",
    "confirmed_via": "phone",
}


async def test_kevin_escalates_allison_gives_it_to_sean_who_resolves_it_with_its_rcca(
    pg: Playground,
):
    kevins_chat = await pg.install_app("Kevin")
    allisons_chat = await pg.install_app("Allison")
    seans_chat = await pg.install_app("Sean")
    number, _ = await file_and_start(pg, CALL)

    # Kevin opens the handoff form in the group chat and sends it complete.
    form = the_card_reply(await pg.say(f"escalate {number}", as_user="Kevin"))
    assert card_title(card_of(form)).startswith(f"Escalate {number} · ")
    sent = await pg.execute(form, ESCALATION_SUBMIT, HANDOFF, as_user="Kevin")
    assert "Sent to Engineering: Allison will accept it or ask you for more." in texts(sent.card)
    assert facts(sent.card)["Status"] == "Escalated to Engineering"

    # Allison's review card is in her personal chat: the log stream shows it, not the UI.
    review = the_card_in(pg.logged_messages(allisons_chat), f"Escalation {number}")
    assert facts(card_of(review))["Handed off by"] == "Kevin"
    assert facts(card_of(review))["Software"] == "PLC 2.14, HMI 5.2"
    decided = await pg.execute(
        review,
        ESCALATION_ACCEPT,
        {"engineer": "sean", "note": "Start with the heater relay."},
        as_user="Allison",
    )
    assert "Accepted: Sean has the ticket now. Kevin and Sean get it in their chat." in texts(
        decided.card
    )
    told = card_of(pg.logged_messages(kevins_chat)[-1])
    assert "Allison accepted your escalation; Sean has the ticket now." in texts(told)
    handed = card_of(the_card_in(pg.logged_messages(seans_chat), "Escalated to you:"))
    assert "Allison: Start with the heater relay." in texts(handed)

    # Sean cannot resolve it without its RCCA ...
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Sean"))
    assert facts(card_of(shown))["RCCA"] == "Not recorded yet: needed before it can be resolved"
    closure = await pg.execute(shown, RESOLVE, as_user="Sean")
    refused = await pg.execute(closure.activity, CLOSURE_SUBMIT, SEANS_FIX, as_user="Sean")
    assert (
        f"{number} was escalated to Engineering, so it cannot be resolved without its RCCA: "
        "record its root cause, corrective action and preventive action first (the ticket's "
        f"RCCA button, or `rcca {number}`)." in texts(refused.card)
    )
    still = card_of(the_card_reply(await pg.say(f"ticket {number}", as_user="Sean")))
    assert facts(still)["Status"] == "In progress"  # accepted: Engineering works it

    # ... records it ...
    rcca_form = the_card_reply(await pg.say(f"rcca {number}", as_user="Sean"))
    recorded = await pg.execute(rcca_form, RCCA_SUBMIT, RCCA_ANSWERS, as_user="Sean")
    assert f"RCCA recorded: {number} can be resolved now." in texts(recorded.card)

    # ... and then resolves it.
    shown = the_card_reply(await pg.say(f"ticket {number}", as_user="Sean"))
    closure = await pg.execute(shown, RESOLVE, as_user="Sean")
    resolved = await pg.execute(closure.activity, CLOSURE_SUBMIT, SEANS_FIX, as_user="Sean")
    assert facts(resolved.card)["Status"] == "Closed"


# --- 5 · Parts -----------------------------------------------------------------------------

QUOTE = {
    "request_type": "quote",
    "part_number": "4471-220",
    "quantity": "2",
    "serial_number": "SN-12345",
    "nc_tape_head": "true",
}
ANSWER = {
    "lines": "4471-220B; Encoder; 2; $120.50\nGK-12; Gasket kit; 1; 12.75",
    "lead_time": "3 weeks from order",
    "quote_number": "Q-2201",
}


async def test_jordan_asks_for_a_quote_ezechiel_answers_and_jordan_is_told(pg: Playground):
    jordans_chat = await pg.install_app("Jordan")
    ezechiels_chat = await pg.install_app("Ezechiel")

    form = the_card_reply(await pg.say("parts", as_user="Jordan"))
    assert form["conversation"]["id"] == pg.group_chat_id
    sent = await pg.execute(form, PARTS_SUBMIT, QUOTE, as_user="Jordan")
    assert card_title(sent.card) == "PQ-1001 · Part 4471-220"
    assert "Sent to Ezechiel; the answer will come to your chat with me." in texts(sent.card)

    # Ezechiel's card is in his personal chat (log stream); he answers on it there.
    asked = the_card_in(pg.logged_messages(ezechiels_chat), "PQ-1001")
    assert "Jordan asks: Quote for 2 × Part 4471-220 (NC Tape Head)" in texts(card_of(asked))
    answered = await pg.execute(asked, PARTS_ANSWER, ANSWER, as_user="Ezechiel")
    assert "Answer sent to Jordan." in texts(answered.card)

    told = card_of(pg.logged_messages(jordans_chat)[-1])
    assert "Ezechiel answered PQ-1001." in texts(told)
    assert facts(told)["2 × 4471-220B"] == "Encoder · $120.50 each = $241.00"
    assert facts(told)["1 × GK-12"] == "Gasket kit · $12.75 each = $12.75"
    assert facts(told)["Total"] == "$253.75"
    assert facts(told)["Quote number"] == "Q-2201"


# --- 6 · Service ---------------------------------------------------------------------------


async def test_mary_files_non_billable_service_in_nj_allison_approves_plc_paramedics_go(
    pg: Playground,
):
    allisons_chat = await pg.install_app("Allison")
    start = (date.today() + timedelta(days=7)).isoformat()
    request = {
        "site": "Garden State Foods, Newark",
        "site_state": "nj",
        "start_date": start,
        "end_date": start,
        "billing": "non_billable",
        "billing_reason": "The wrapper was installed in October and is under warranty",
        "scope": "Replace the sealing jaw heater",
    }

    form = the_card_reply(await pg.say("service request"))
    filed = await pg.execute(form, SERVICE_SUBMIT, request)
    assert card_title(filed.card) == "SR-1001 · Service at Garden State Foods, Newark"
    assert "Non-billable: waiting for Allison's approval (the card is in their chat)." in texts(
        filed.card
    )

    approval = the_card_in(pg.logged_messages(allisons_chat), "SR-1001")
    assert facts(card_of(approval))["Billing reason"].endswith("under warranty")
    approved = await pg.execute(approval, APPROVE, as_user="Allison")
    assert "Approved and scheduled." in texts(approved.card)
    assert facts(approved.card)["Project"].startswith("PRJ-")
    assert facts(approved.card)["Who goes"] == "PLC Paramedics (3rd-party provider for NJ)"

    # Mary hears back in her own chat, the one on screen: the provider is not on Teams, so she
    # is given what to e-mail them.
    told = the_card_reply(approved.replies)
    assert told["conversation"]["id"] == pg.personal_chat_id
    assert facts(card_of(told))["Who goes"] == "PLC Paramedics (3rd-party provider for NJ)"
    assert facts(card_of(told))["Status"] == "Scheduled"
    assert "Allison approved it; it is scheduled." in texts(card_of(told))
    assert any(
        "Please e-mail them at dispatch@plcparamedics.example" in t for t in texts(card_of(told))
    )


# --- 7 · Knowledge -------------------------------------------------------------------------

KB_CALL = {
    **CALL,
    "company": "Brook Dairy",
    "serial_number": "SN-77801",
    "issue_description": "Carton erector misfeeds blanks after a magazine reload.\nAlarm F17.",
}
EDITED = {
    "title": "Carton erector misfeeds after a magazine reload",
    "problem": "The carton erector misfeeds blanks after the magazine is reloaded.",
    "symptoms": "Alarm F17 on the HMI; blanks skew in the feeder.",
    "cause": "The magazine side guide is left a few millimetres wide after a reload.",
    "resolution": "Set the magazine side guide to the blank width and lock it.",
    "machine_models": "BP-500 Wrapper",
}


async def test_a_fix_worth_an_article_becomes_a_draft_allison_publishes_and_kb_finds(
    pg: Playground,
):
    await pg.install_app("Kevin")
    allisons_chat = await pg.install_app("Allison")
    number, ticket = await file_and_start(pg, KB_CALL)

    noted = await pg.execute(
        ticket,
        ADD_NOTE,
        {"body": "Reset the magazine side guide to the blank width.", "minutes": "20"},
        as_user="Kevin",
    )
    closure = await pg.execute(noted.activity, RESOLVE, as_user="Kevin")
    resolved = await pg.execute(
        closure.activity,
        CLOSURE_SUBMIT,
        {
            "summary": "Set the magazine side guide to the blank width.",
            "root_cause": "The side guide was left wide after the reload.",
            "confirmation": "confirmed",
            "confirmed_by": "Dana Lee",
            "confirmed_via": "phone",
            "kb_article": "true",
        },
        as_user="Kevin",
    )
    headline = " ".join(texts(resolved.card))
    assert "drafted for Allison to edit and publish." in headline, headline

    # The draft is in Allison's personal chat (log stream); she publishes it there.
    draft = the_card_in(pg.logged_messages(allisons_chat), "KB-")
    published = await pg.execute(draft, PUBLISH, EDITED, as_user="Allison")
    assert card_title(published.card).endswith(f" · {EDITED['title']}")
    assert facts(published.card)["Status"].startswith("Published by Allison")
    shown = card_of(the_card_reply(await pg.say(f"ticket {number}", as_user="Kevin")))
    assert any("Allison published KB article KB-" in line for line in texts(shown))

    found = card_of(the_card_reply(await pg.say("kb magazine misfeeds", as_user="Jordan")))
    assert any(EDITED["title"] in line for line in texts(found)), texts(found)
