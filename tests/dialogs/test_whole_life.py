"""One ticket's whole life on each shipped desk, through the same code: filed, triaged, assigned,
worked with notes, escalated, resolved, closed, reopened and counted on the scorecard.

Each desk speaks in its own statuses and fields (BestPack's "Waiting on customer", Kinetic
Data's "Waiting on contact"); who plays which part is tests/harness/lives.py's.
"""

from __future__ import annotations

import json

import pytest

from cards.closure import CLOSURE_SUBMIT
from cards.escalation import ESCALATION_ACCEPT, ESCALATION_SUBMIT
from cards.intake import SUBMIT_VERB
from cards.rcca import RCCA_SUBMIT
from cards.ticket import ACCEPT, ADD_NOTE, REOPEN, RESOLVE, SET_STATUS
from cards.triage import ACKNOWLEDGE, ASSIGN
from services.settings import Settings
from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.intake import form_id, input_values
from tests.harness.lives import LIVES, Life, monday_9am
from tests.harness.tickets import freeze, personal_chat, replied_card, services, stored


@pytest.fixture(params=LIVES, ids=lambda life: life.profile)
def life(request: pytest.FixtureRequest) -> Life:
    """The desk whose ticket lives: each shipped profile in turn."""
    return request.param


@pytest.fixture
def settings(settings: Settings, life: Life) -> Settings:
    """The bot on the life's shipped profile."""
    return life.settings(settings)


def sent_to(answer: Answer, chat: Chat) -> Sent:
    """The last card the bot sent into `chat`'s personal chat during `answer`."""
    found = [s for s in answer.sent if s.conversation_id == personal_chat(chat) and s.card]
    assert found, f"nothing reached {chat.user.name}: {answer.sent}"
    return found[-1]


def card_with(sent: list[Sent], chat: Chat, verb: str) -> Sent:
    """The last card sent into `chat`'s personal chat that offers `verb`."""
    found = [
        s
        for s in sent
        if s.conversation_id == personal_chat(chat) and s.card and verb in json.dumps(s.card)
    ]
    assert found, f"no card with {verb} reached {chat.user.name}: {sent}"
    return found[-1]


async def test_a_ticket_from_call_to_closed_reopened_and_counted(desk: Desk, life: Life):
    profile = services(desk).profile
    label = {role: profile.status_for(role).label for role in TicketStatus}
    freeze(desk, monday_9am(profile))
    people = {who: life.person(desk, who) for who in (life.filer, life.assignee, life.manager)}
    filer, owner, manager = people.values()
    for chat in (owner, manager):
        await chat.installs_the_app()

    # 1. Intake: the filer triages, so the form becomes the triage card, in the desk's statuses.
    form = (await filer.says("new ticket")).last
    filed = await filer.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **life.intake)
    triage = replied_card(filed)
    number = texts(triage)[0].split()[1]
    assert texts(triage)[0].startswith(f"Triage {number} · ")
    assert facts(triage)["Status"] == label[TicketStatus.NEW]

    # 2. Triage: acknowledged, then assigned; the owner gets the ticket in their chat.
    await filer.executes(form, ACKNOWLEDGE, number=number)
    assigned = await filer.executes(form, ASSIGN, number=number, assignee=life.assignee)
    assert assigned.status == 200, assigned.body
    notice = sent_to(assigned, owner)
    assert (await stored(desk, number)).status is TicketStatus.ASSIGNED

    # 3. Work: accepted, a note with the time it took, a wait on the customer, and back.
    await owner.executes(notice, ACCEPT, number=number)
    noted = await owner.executes(
        notice, ADD_NOTE, number=number, body=life.note, public="false", minutes="25"
    )
    assert noted.status == 200, noted.body
    waiting = await owner.executes(notice, SET_STATUS, number=number, status=life.waiting)
    assert facts(replied_card(waiting))["Status"] == label[TicketStatus.WAITING_ON_CUSTOMER]
    working = profile.status_for(TicketStatus.IN_PROGRESS).key
    await owner.executes(notice, SET_STATUS, number=number, status=working)
    assert (await stored(desk, number)).time_spent_minutes == 25

    # 4. Escalation: a complete handoff; the manager accepts and the owner keeps the customer.
    handoff = (await owner.says(f"escalate {number}")).last
    typed = {**input_values(handoff.card), **life.handoff}
    mark = len(desk.connector.sent)
    handed = await owner.executes(handoff, ESCALATION_SUBMIT, number=number, **typed)
    assert (await stored(desk, number)).status is TicketStatus.ESCALATED, texts(
        replied_card(handed)
    )
    await desk.settled()  # the review card is paced: it goes out just after the turn
    review = card_with(desk.connector.since(mark), manager, ESCALATION_ACCEPT)
    escalation = await services(desk).escalations.latest((await stored(desk, number)).id)
    accepted = await manager.executes(
        review,
        ESCALATION_ACCEPT,
        number=number,
        escalation_id=escalation.id,
        engineer=life.engineer,
        keep_assignee="true",
    )
    assert accepted.status == 200, accepted.body
    ticket = await stored(desk, number)
    assert (ticket.status, ticket.assignee_id) == (TicketStatus.IN_PROGRESS, life.assignee)
    rcca = (await owner.says(f"rcca {number}")).last
    recorded = await owner.executes(
        rcca,
        RCCA_SUBMIT,
        number=number,
        root_cause="What the notes found",
        corrective_action="The fix",
        preventive_action="A check that stops it",
    )
    assert recorded.status == 200, recorded.body

    # 5. Closure: resolved with the customer's confirmation, so it closes at once.
    shown = (await owner.says(f"ticket {number}")).last
    await owner.executes(shown, RESOLVE, number=number)
    closed = await owner.executes(
        shown,
        CLOSURE_SUBMIT,
        number=number,
        summary="Fixed as the RCCA says.",
        root_cause="What the notes found",
        confirmation="confirmed",
        confirmed_by=life.customer,
        confirmed_via="phone",
        kb_article="false",
    )
    assert closed.status == 200, closed.body
    assert (await stored(desk, number)).status is TicketStatus.CLOSED

    # 6. The customer says it is back: the filer reopens it and the owner hears.
    shown = (await filer.says(f"ticket {number}")).last
    reopened = await filer.executes(
        shown,
        REOPEN,
        number=number,
        reason="It happened again",
        source="customer_report",
        reported_by=life.customer,
    )
    assert any(s.conversation_id == personal_chat(owner) for s in reopened.sent)
    ticket = await stored(desk, number)
    assert ticket.reopen_count == 1 and ticket.is_open
    assert facts((await owner.says(f"ticket {number}")).card)["Reopened"] == "1×"

    # 7. The week so far counts it: one opened, resolved, escalated and reopened.
    card = (await filer.says("scorecard this week")).card
    counted = facts(card)
    for line in ("Tickets opened", "Tickets resolved", "Escalations", "Reopens"):
        assert counted[line].startswith("1"), (line, counted[line])
