"""Process 7's conversations: a call filed, worked and resolved as worth an article, and ways
to read the cards it produces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cards.closure import CLOSURE_SUBMIT
from cards.intake import SUBMIT_VERB
from cards.ticket import ADD_NOTE, RESOLVE
from cards.triage import ASSIGN
from tests.harness.cards import elements
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.intake import GOOD, form_id
from tests.harness.tickets import personal_chat

FIX = {
    "summary": "Realigned the infeed photo-eye.",
    "root_cause": "The photo-eye bracket works loose when the roll carriage moves.",
    "confirmation": "confirmed",
    "confirmed_by": "Dana Lee",
    "confirmed_via": "phone",
}
WORK_NOTE = "Tightened the photo-eye bracket lock nut; E42 cleared."


@dataclass
class Team:
    """The people of these conversations, in their personal chats with the bot."""

    mary: Chat
    kevin: Chat
    allison: Chat
    jordan: Chat


async def team(desk: Desk, *, without_the_app: tuple[str, ...] = ()) -> Team:
    """Mary, Kevin, Allison and Jordan, each with the app installed unless named."""
    people = Team(*(desk.user(name) for name in ("Mary", "Kevin", "Allison", "Jordan")))
    for chat in (people.mary, people.kevin, people.allison, people.jordan):
        if chat.user.name not in without_the_app:
            await chat.installs_the_app()
    return people


def card_in(answer: Answer, chat: Chat) -> Sent:
    """The last new card the bot sent into the person's personal chat during this answer (not an
    update of a card already there, such as a triage copy following the ticket)."""
    conversation = personal_chat(chat)
    return next(
        s
        for s in reversed(answer.sent)
        if s.conversation_id == conversation and s.card and s.op != "update"
    )


def actions(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every button of a card: its own actions and those of ActionSets in its body."""
    yield from card.get("actions", [])
    for element in elements(card):
        if element["type"] == "ActionSet":
            yield from element["actions"]


def button(card: dict[str, Any], verb: str) -> dict[str, Any]:
    """The data the card's button for `verb` carries (fails when it has no such button)."""
    found = [a for a in actions(card) if a.get("verb") == verb]
    assert found, f"no {verb} button on {[a.get('title') for a in actions(card)]}"
    return found[0]["data"]


def titles(card: dict[str, Any]) -> list[str]:
    """The titles of every button on the card."""
    return [a["title"] for a in actions(card)]


async def file_call(mary: Chat, answers: dict[str, Any] | None = None) -> tuple[Sent, Answer]:
    """Mary fills in and submits a new intake form; returns the form and the answer."""
    form = (await mary.says("new ticket")).last
    answer = await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **(answers or GOOD))
    return form, answer


async def resolve_worth_an_article(
    desk: Desk, people: Team, answers: dict[str, Any] | None = None, number: str = "BP-1001"
) -> Answer:
    """A call filed by Mary (as `number`), assigned to Kevin, worked and resolved as worth a KB
    article."""
    # Mary triages: the form she filed with became the ticket's triage card.
    triage, _ = await file_call(people.mary, answers)
    assigned = await people.mary.executes(triage, ASSIGN, number=number, assignee="kevin")
    notice = card_in(assigned, people.kevin)
    await people.kevin.executes(
        notice, ADD_NOTE, number=number, body=WORK_NOTE, public="false", minutes="30"
    )
    await people.kevin.executes(notice, RESOLVE, number=number)
    mark = len(desk.connector.sent)
    closed = await people.kevin.executes(
        notice, CLOSURE_SUBMIT, number=number, **FIX, kb_article="true"
    )
    # Allison's chat had a busy second (her triage copy followed every step): the draft may
    # wait its turn with the outbox worker, Teams' per-chat pace being kept.
    await desk.settled()
    return Answer(closed.status, closed.body, desk.connector.since(mark))
