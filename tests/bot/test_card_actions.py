"""Card actions routed by verb: Action.Execute invokes and Action.Submit messages."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from pydantic import BaseModel

from bot.commands import core
from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.render import card, note, render
from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk

echo = Feature("echo-for-tests")


class Echo(BaseModel):
    """What the test card submits."""

    words: str
    times: int = 1


@echo.command("echo", help="Repeat words on a card")
async def echo_command(turn: Turn, args: str) -> None:
    """Send a card whose button echoes."""
    await turn.send_card(render(card([note(args or "nothing")])))


@echo.action("echo.say", model=Echo)
async def echo_say(turn: Turn, data: Echo) -> ActionResult:
    """Replace the card with the words, repeated."""
    return ActionResult(card=render(card([note(" ".join([data.words] * data.times))])))


@echo.action("echo.slow", model=Echo)
async def echo_slow(turn: Turn, data: Echo) -> ActionResult:
    """Answer at once with a progress card; the real answer comes later."""

    async def finish() -> dict:
        await asyncio.sleep(0.05)
        return render(card([note(f"done: {data.words}")]))

    return ActionResult(card=render(card([note("working on it…")])), later=finish)


@echo.action("echo.manager-only", model=Echo, capability="approve_non_billable")
async def manager_only(turn: Turn, data: Echo) -> ActionResult:
    """Only the engineering manager may press this."""
    return ActionResult(message=f"approved by {turn.caller.name}")


@pytest.fixture
async def echo_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """A desk with the test feature registered beside the core one."""
    running = Desk(settings, connector, features=[core, echo])
    await running.start()
    yield running
    await running.close()


async def test_execute_replaces_the_card_in_the_invoke_answer(echo_desk: Desk):
    jordan = echo_desk.user("Jordan")
    sent = (await jordan.says("echo hi")).last
    answer = await jordan.executes(sent, "echo.say", words="hi", times=2)
    assert answer.status == 200
    assert answer.body["type"] == "application/vnd.microsoft.card.adaptive"
    assert answer.body["value"]["body"][0]["text"] == "hi hi"


async def test_submit_updates_the_card_through_the_connector(echo_desk: Desk):
    jordan = echo_desk.user("Jordan")
    sent = (await jordan.says("echo hi")).last
    answer = await jordan.submits(sent, "echo.say", words="yo", times=3)
    assert answer.status == 201
    assert answer.last.op == "update"
    assert answer.last.activity_id == sent.activity_id
    assert answer.card["body"][0]["text"] == "yo yo yo"


async def test_bad_card_data_gets_a_clear_message_and_the_card_stays(echo_desk: Desk):
    jordan = echo_desk.user("Jordan")
    sent = (await jordan.says("echo hi")).last
    answer = await jordan.executes(sent, "echo.say", words="hi", times="many")
    assert answer.body["type"] == "application/vnd.microsoft.activity.message"
    assert "times" in answer.body["value"]
    assert answer.sent == []


async def test_an_unknown_verb_is_a_stale_card_not_an_error(echo_desk: Desk):
    jordan = echo_desk.user("Jordan")
    sent = (await jordan.says("echo hi")).last
    answer = await jordan.submits(sent, "retired.verb")
    assert "older version of this card" in answer.texts[0]


async def test_slow_work_answers_at_once_then_updates_the_card(echo_desk: Desk):
    jordan = echo_desk.user("Jordan")
    sent = (await jordan.says("echo hi")).last
    answer = await jordan.executes(sent, "echo.slow", words="report")
    assert answer.body["value"]["body"][0]["text"] == "working on it…"
    connector = echo_desk.connector
    await connector.wait_for(lambda: any(s.op == "update" for s in connector.sent))
    update = next(s for s in connector.sent if s.op == "update")
    assert update.activity_id == sent.activity_id
    assert update.card["body"][0]["text"] == "done: report"


async def test_capability_comes_from_the_sender_not_from_card_data(echo_desk: Desk):
    jordan = echo_desk.user("Jordan")
    sent = (await jordan.says("echo hi")).last
    forged = await jordan.executes(
        sent, "echo.manager-only", words="x", role="engineering_manager", caller="allison"
    )
    assert forged.body["value"] == "Only Allison may approve non-billable service."
    assert "Allison" in forged.body["value"]
    allison = echo_desk.user("Allison")
    allowed = await allison.executes(sent, "echo.manager-only", words="x")
    assert allowed.body["value"] == "approved by Allison"
