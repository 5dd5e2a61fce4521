"""Kinetic Data's rule: "If an issue is causing problems in their production environment, the
Support Specialist should immediately escalate it to the proper team." Sam files calls."""

from __future__ import annotations

import pytest

from bot.keys import BOT
from cards.intake import SUBMIT_VERB
from dialogs.intake.escalation import escalate_arrived
from services.settings import Settings
from services.tickets import check_draft, draft_from_answers
from tests.harness.cards import elements, facts, texts
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.intake import form_id
from tests.harness.lives import KINETIC_LIFE, monday_9am
from tests.harness.tickets import freeze, personal_chat, replied_card, services, stored

PRODUCTION_INSTALL = {
    **KINETIC_LIFE.intake,
    "environment": "production",
    "type": "install",
    "category": "problem",
    "description": "The 6.1 upgrade stops at the database migration step.\nSite is down.",
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The bot on the shipped Kinetic Data profile."""
    return KINETIC_LIFE.settings(settings)


async def files(desk: Desk, answers: dict) -> tuple[Answer, dict]:
    """Sam files a call with `answers`; returns the answer and the triage card it became."""
    freeze(desk, monday_9am(services(desk).profile))
    sam = KINETIC_LIFE.person(desk, "sam")
    form = (await sam.says("new ticket")).last
    filed = await sam.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **answers)
    await desk.settled()  # the team's notices go out right after the answer
    return filed, replied_card(filed)


def told(desk: Desk, chat: Chat) -> list[dict]:
    """The ticket notices the bot sent into `chat`'s personal chat so far (not its welcome)."""
    return [
        s.card
        for s in desk.connector.sent
        if s.conversation_id == personal_chat(chat)
        and s.card
        and str(s.activity.get("summary", "")).startswith("KD-")
    ]


async def test_a_production_install_problem_tells_devops_at_once_and_says_so(desk: Desk):
    devon = KINETIC_LIFE.person(desk, "devon")
    await devon.installs_the_app()

    _, card = await files(desk, PRODUCTION_INSTALL)

    line = "Escalated at intake: environment is production → DevOps told"
    [said] = [e for e in elements(card) if e["type"] == "TextBlock" and e["text"] == line]
    assert said.get("color") == "Attention"  # above the facts, where triage looks first
    [notice] = told(desk, devon)
    assert texts(notice)[0] == ("KD-1001 · The 6.1 upgrade stops at the database migration step.")
    assert any(line in text and "owner stays in charge" in text for text in texts(notice))
    assert "Add note" in [a["title"] for a in notice["actions"]]
    assert texts(card)[-1].endswith(f"· {line}")  # the timeline keeps it too


async def test_production_runs_to_the_urgent_target_of_the_sla(desk: Desk):
    _, card = await files(desk, PRODUCTION_INSTALL)

    profile = services(desk).profile
    ticket = await stored(desk, "KD-1001")
    assert ticket.priority == "urgent"
    assert facts(card)["Priority"] == "Urgent: production"
    # Filed at 09:00 Central: 30 business minutes to acknowledge, a business day to resolve.
    assert facts(card)["Acknowledge by"] == "Mon 23 Nov 2026 09:30 CST"
    assert facts(card)["Resolve by"] == "Tue 24 Nov 2026 09:00 CST"
    assert profile.sla_target("urgent").acknowledge == 30


async def test_the_team_follows_the_type_a_workflow_bug_goes_to_engineering(desk: Desk):
    erin, devon = KINETIC_LIFE.person(desk, "erin"), KINETIC_LIFE.person(desk, "devon")
    for chat in (erin, devon):
        await chat.installs_the_app()

    _, card = await files(desk, {**KINETIC_LIFE.intake, "environment": "production"})

    assert "Escalated at intake: environment is production → Engineering told" in texts(card)
    assert facts(card)["Team that helps"] == (
        "Engineering: Bugs or odd behavior in the platform (an issue with a workflow, form, etc.)."
    )
    assert len(told(desk, erin)) == 1 and told(desk, devon) == []


async def test_a_production_ticket_no_team_routes_asks_the_specialist_to_pull_one_in(desk: Desk):
    license_ = {**PRODUCTION_INSTALL, "type": "license", "category": "licensing"}

    _, card = await files(desk, license_)

    assert (
        "Escalated at intake: environment is production → no team routes it: pull one in"
        in texts(card)
    )
    assert (await stored(desk, "KD-1001")).priority == "urgent"


async def test_a_test_environment_escalates_nothing(desk: Desk):
    devon = KINETIC_LIFE.person(desk, "devon")
    await devon.installs_the_app()

    _, card = await files(desk, {**PRODUCTION_INSTALL, "environment": "test"})

    assert not any(text.startswith("Escalated at intake") for text in texts(card))
    assert told(desk, devon) == []
    assert facts(card)["Priority"] == "Medium" and facts(card)["Environment"] == "Test"


async def test_a_production_ticket_a_system_of_record_filed_is_escalated_the_same(desk: Desk):
    # A ticket that did not come through the form (an e-mail to support, in HubSpot or Zendesk)
    # reaches the same rule when it reaches triage.
    devon = KINETIC_LIFE.person(desk, "devon")
    await devon.installs_the_app()
    services_, notifier = services(desk), desk.app[BOT].notifier
    profile = services_.profile
    freeze(desk, monday_9am(profile))
    draft = check_draft(draft_from_answers(profile, PRODUCTION_INSTALL), profile)
    filed, _ = await services_.tickets.create(draft, "sam", "email-4711", monday_9am(profile))

    escalated = await escalate_arrived(services_, notifier, filed)

    assert escalated.version == filed.version + 1
    [notice] = told(desk, devon)
    assert any("→ DevOps told" in text for text in texts(notice))
    again = await escalate_arrived(services_, notifier, escalated)  # a redelivered event
    assert len(told(desk, devon)) == 1 and again == escalated
