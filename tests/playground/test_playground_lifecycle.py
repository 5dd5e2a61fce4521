"""One ticket's whole life in the Microsoft 365 Agents Playground: intake, triage, assignment,
work, closure and a reopen (tests/dialogs/test_lifecycle.py tells the same story against a
local fake connector). Opt-in with PLAYGROUND=1; conftest.py starts the bot on a fresh database.

Mary files and triages in her 1:1 chat. Kevin and Allison work in the group chat, where any
member may press a card's buttons. Both also install the app, so the bot can reach their own
chats, as in Teams.

What the playground cannot do, and how this test goes around it:
- Its UI installs the app for Mary only. For Kevin and Allison the driver opens their 1:1 chat
  through the playground's mock connector and sends the installationUpdate Teams would send
  (scripts/playground/, install_app).
- Its UI shows no personal chat but Mary's (the chat stream leaves out other users' chats), so
  what the bot sends Kevin and Allison there is read from the log stream, which has it all.
- It replaces a card after an Action.Execute in the browser only; the next click is made on
  the card the bot answered with (InvokeResult.activity), as a person would see it.
"""

from __future__ import annotations

from cards.closure import CLOSURE_SUBMIT
from cards.intake import SUBMIT_VERB
from cards.ticket import ACCEPT, ADD_NOTE, REOPEN, RESOLVE
from cards.triage import ASSIGN
from scripts.playground import Activity, Playground, card_title
from tests.harness.cards import facts, texts
from tests.harness.playground import CALL, card_of, the_card_reply


def headings(messages: list[Activity]) -> list[str]:
    """Each message's card heading, marking the ones that changed an earlier message."""
    return [("(updated) " if m["updated"] else "") + card_title(card_of(m)) for m in messages]


async def test_a_plc_fault_from_call_to_closed_and_back(pg: Playground):
    kevins_chat = await pg.install_app("Kevin")
    allisons_chat = await pg.install_app("Allison")
    subject = "Infeed conveyor jams when the film roll changes."

    # 1. Intake: Mary files the call; she triages, so the form becomes the ticket's triage card
    # (one card: no summary beside a copy of it).
    form = the_card_reply(await pg.say("new ticket"))
    filed = await pg.execute(form, SUBMIT_VERB, CALL)
    assert card_title(filed.card) == f"Triage BP-1001 · {subject}"
    assert "Filed BP-1001: triage it here." in texts(filed.card)
    assert "Suggested: Kevin — PLC — 0 open" in texts(filed.card)
    assert filed.replies == []
    triage = filed.activity
    # No triage channel is configured, so the other triagers get it in their own chats:
    # Allison's is in the log only.
    assert headings(pg.logged_messages(allisons_chat)) == [
        "Support desk",  # the greeting when she installed the app
        f"Triage BP-1001 · {subject}",
    ]

    # 2. Assignment: Mary presses Assign with the suggestion as the card pre-selects it.
    assigned = await pg.execute(triage, ASSIGN)
    on_its_way = "Assigned to Kevin by Mary. The ticket is on its way to Kevin's chat."
    assert on_its_way in texts(assigned.card)
    assert facts(assigned.card)["Assignee"] == "Kevin"
    # Kevin's ticket card went to his chat, Allison's triage card shows the assignment; the
    # chat panes show neither.
    assert assigned.replies == []
    notice = pg.logged_messages(kevins_chat)[-1]
    assert card_title(card_of(notice)) == f"BP-1001 · {subject}"
    assert "Assigned to you by Mary" in texts(card_of(notice))
    allison_saw = pg.logged_messages(allisons_chat)
    assert headings(allison_saw)[1:] == [
        f"Triage BP-1001 · {subject}",
        f"(updated) Triage BP-1001 · {subject}",
    ]
    assert allison_saw[2]["id"] == allison_saw[1]["id"]
    assert facts(card_of(allison_saw[2]))["Assignee"] == "Kevin"

    # 3. Troubleshooting: Kevin opens the ticket in the group chat and works it on that card.
    shown = the_card_reply(await pg.say("ticket BP-1001", as_user="Kevin"))
    assert shown["conversation"]["id"] == pg.group_chat_id
    assert "Assigned to you by Mary" in texts(card_of(shown))
    accepted = await pg.execute(shown, ACCEPT, as_user="Kevin")
    assert "Accepted: it is yours." in texts(accepted.card)
    assert facts(accepted.card)["Status"] == "In progress"
    noted = await pg.execute(
        accepted.activity,
        ADD_NOTE,
        {"body": "Reseated the infeed prox sensor cable; E42 cleared.", "minutes": "25"},
        as_user="Kevin",
    )
    assert "Internal note added." in texts(noted.card)
    assert facts(noted.card)["Time spent"] == "25 min"

    # 4. Closure: resolved with the root cause, confirmed by the customer on the phone.
    closure = await pg.execute(noted.activity, RESOLVE, as_user="Kevin")
    assert card_title(closure.card) == f"Resolve BP-1001 · {subject}"
    closed = await pg.execute(
        closure.activity,
        CLOSURE_SUBMIT,
        {
            "summary": "Reseated the infeed proximity sensor cable.",
            "root_cause": "Loose M12 connector on the infeed sensor.",
            "confirmation": "confirmed",
            "confirmed_by": "Dana Lee",
            "confirmed_via": "phone",
        },
        as_user="Kevin",
    )
    assert "Closed: Dana Lee confirmed the fix (Phone)." in texts(closed.card)
    assert facts(closed.card)["Status"] == "Closed"

    # 5. The fault comes back: Allison reopens it on the customer's report, from the ticket
    # card in the group chat; Kevin and she (the engineering manager) are told in their chats.
    shown = the_card_reply(await pg.say("ticket BP-1001", as_user="Allison"))
    reopened = await pg.execute(
        shown,
        REOPEN,
        {
            "reason": "E42 again after 200 cases",
            "source": "customer_report",
            "reported_by": "Dana Lee",
        },
        as_user="Allison",
    )
    assert "Reopened (reopen #1). Telling Kevin, Allison." in texts(reopened.card)
    assert facts(reopened.card)["Status"] == "Assigned"
    for chat in (kevins_chat, allisons_chat):
        told = card_of(pg.logged_messages(chat)[-1])
        assert card_title(told) == f"BP-1001 reopened · {subject}"
        assert facts(told)["Source"] == "Customer report from Dana Lee"
    assert headings(pg.logged_messages(kevins_chat)) == [
        "Support desk",
        f"BP-1001 · {subject}",
        f"BP-1001 reopened · {subject}",
    ]

    # 6. Kevin looks again: the ticket is his once more, counted as reopened, its story kept.
    card = card_of(the_card_reply(await pg.say("ticket BP-1001", as_user="Kevin")))
    assert facts(card)["Reopened"] == "1×"
    assert facts(card)["Time spent"] == "25 min"
    timeline = " ".join(texts(card))
    for step in (
        "Mary filed it",
        "Mary assigned it to Kevin",
        "Kevin added a note (25 min)",
        "Kevin closed it: Dana Lee confirmed the fix by phone",
        "Allison reopened it (reopen #1, customer report from Dana Lee)",
    ):
        assert step in timeline, step
