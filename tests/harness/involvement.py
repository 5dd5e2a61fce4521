"""The Kinetic Data desk for the documentation step and involvement conversations: its people,
a published article, a ticket filed through the intake form, and ways to read the cards."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cards.intake import SUBMIT_VERB
from services.knowledge import Article, ArticleContent
from services.knowledge.rules import publish
from services.settings import Settings
from tests.harness.cards import elements
from tests.harness.connector import FakeConnector, Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.intake import form_id
from tests.harness.tickets import freeze, personal_chat, services

# Monday 30 Nov 2026, 09:00 in Chicago: a Kinetic Data business day.
MONDAY_9AM = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
# A customer's e-mail about SSO, as the specialist files it.
SSO_TICKET = {
    "description": "Single sign-on login fails after the upgrade.\n"
    "Users get a SAML error when they log in to Kinetic Request CE.",
    "installation_type": "customer-managed",
    "environment": "test",
    "application": "Kinetic Request CE 6.1",
    "category": "question",
    "type": "access_security",
}
# A customer's install problem: the routing suggests DevOps.
INSTALL_TICKET = {
    "description": "The installer stops at the database step.\nPostgres 15 on RHEL 9.",
    "installation_type": "customer-managed",
    "environment": "dev",
    "application": "Kinetic Platform 6.1",
    "category": "problem",
    "type": "install",
}
SSO_ARTICLE = ArticleContent(
    title="SAML single sign-on login fails after an upgrade",
    problem="Users cannot log in with single sign-on after upgrading Kinetic Request CE.",
    symptoms="A SAML error on the login page.",
    cause="The upgrade resets the identity provider's certificate in the space settings.",
    resolution="Upload the identity provider's certificate again under Space > SSO.",
)


@asynccontextmanager
async def kinetic_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """The bot on the shipped Kinetic Data profile, its clock stopped on a business Monday."""
    running = Desk(settings.model_copy(update={"profile": "kinetic"}), connector)
    await running.start()
    freeze(running, MONDAY_9AM)
    try:
        yield running
    finally:
        await running.close()


@dataclass
class Kinetic:
    """The Kinetic Data team of kinetic.toml, in their personal chats with the bot."""

    sam: Chat  # Support Specialist
    riley: Chat  # Support Specialist and Customer Success
    devon: Chat  # DevOps
    erin: Chat  # Engineer and Bundle Support
    dana: Chat  # Delivery
    lee: Chat  # Leadership and Customer Success


async def kinetic_team(desk: Desk) -> Kinetic:
    """Everyone on the roster, each with the app installed."""
    names = ("Sam", "Riley", "Devon", "Erin", "Dana", "Lee")
    chats = [desk.user(name, f"{name.lower()}@kineticdata.example") for name in names]
    for chat in chats:
        await chat.installs_the_app()
    return Kinetic(*chats)


async def published(desk: Desk, content: ArticleContent = SSO_ARTICLE, by: str = "sam") -> Article:
    """An article `by` wrote and published, as the knowledge base stores it."""
    kb, profile, at = services(desk).knowledge, services(desk).profile, MONDAY_9AM
    draft, _ = await kb.create_draft(content, author_id=by, now=at)
    return await kb.save(publish(draft, content, by, profile, at), draft.version)


async def files(chat: Chat, answers: dict[str, Any]) -> Answer:
    """`chat` fills in the intake form and files it (with File anyway, if it came back with a
    strong match to check first)."""
    form = (await chat.says("new ticket")).last
    filed = await chat.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **answers)
    held = [a["data"] for a in actions(filed.body["value"]) if a.get("verb") == SUBMIT_VERB]
    if held:
        filed = await chat.executes(form, SUBMIT_VERB, **held[0], **answers)
    return filed


def actions(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every button of a card, those inside its ShowCards and ActionSets too."""
    stack = [*card.get("actions", [])]
    for element in elements(card):
        if element["type"] == "ActionSet":
            stack.extend(element["actions"])
    while stack:
        action = stack.pop(0)
        yield action
        if action["type"] == "Action.ShowCard":
            yield from actions(action["card"])


def button(card: dict[str, Any], verb: str, **data: Any) -> dict[str, Any]:
    """The data of the card's button for `verb` whose data holds `data` (fails without one)."""
    found = [
        a["data"]
        for a in actions(card)
        if a.get("verb") == verb and data.items() <= a.get("data", {}).items()
    ]
    assert found, f"no {verb} {data} button on {[a.get('title') for a in actions(card)]}"
    return found[0]


def titles(card: dict[str, Any]) -> list[str]:
    """The titles of every button of the card, inside ShowCards too."""
    return [a["title"] for a in actions(card)]


def notices_to(answer: Answer, chat: Chat) -> list[Sent]:
    """The new cards the bot sent into the person's personal chat during this answer."""
    conversation = personal_chat(chat)
    return [
        s for s in answer.sent if s.conversation_id == conversation and s.card and s.op != "update"
    ]
