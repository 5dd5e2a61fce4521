"""A half-filled waterfall dialog in SqlStorage survives the bot restarting."""

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    DialogSet,
    DialogTurnResult,
    DialogTurnStatus,
    PromptOptions,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from sqlalchemy import select

from bot.storage import SqlStorage
from services.db import Database
from services.db.schema import bot_state
from tests.fixtures.databases import OpenDatabase


def intake_bot(db: Database) -> Callable[[TurnContext], Awaitable[None]]:
    """A bot asking two questions in a waterfall, its state in `db`, built as at start-up."""
    conversation_state = ConversationState(SqlStorage(db))
    dialogs = DialogSet(conversation_state.create_property("DialogState"))

    async def ask_name(step: WaterfallStepContext) -> DialogTurnResult:
        return await step.prompt("text", PromptOptions(prompt=MessageFactory.text("Your name?")))

    async def ask_machine(step: WaterfallStepContext) -> DialogTurnResult:
        step.values["name"] = step.result
        prompt = MessageFactory.text("Which machine?")
        return await step.prompt("text", PromptOptions(prompt=prompt))

    async def finish(step: WaterfallStepContext) -> DialogTurnResult:
        return await step.end_dialog(f"{step.values['name']} / {step.result}")

    dialogs.add(TextPrompt("text"))
    dialogs.add(WaterfallDialog("intake", [ask_name, ask_machine, finish]))

    async def on_turn(turn_context: TurnContext) -> None:
        dialog_context = await dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog_context.begin_dialog("intake")
        elif result.status == DialogTurnStatus.Complete:
            await turn_context.send_activity(f"Filed: {result.result}")
        await conversation_state.save_changes(turn_context)

    return on_turn


async def stored_state(db: Database) -> dict[str, Any]:
    """The one conversation's state document, as JSON in the bot_state table."""
    async with db.engine.connect() as connection:
        (data,) = (await connection.scalars(select(bot_state.c.data))).all()
    return data


async def test_a_half_filled_dialog_survives_a_restart(
    database: Database, open_database: OpenDatabase
) -> None:
    before = TestAdapter(intake_bot(database))
    await (await before.send("hi")).assert_reply("Your name?")
    await (await before.send("Anna")).assert_reply("Which machine?")
    await database.close()

    restarted = await open_database(database)
    after = TestAdapter(intake_bot(restarted))
    flow = await after.send("Sealer X-200")
    await flow.assert_reply("Filed: Anna / Sealer X-200")

    # The finished dialog left an empty stack behind, saved like any other state.
    data = await stored_state(restarted)
    assert data["DialogState"]["_dialog_stack"] == []


async def test_the_stored_dialog_state_is_plain_json_with_the_open_prompt(
    database: Database,
) -> None:
    adapter = TestAdapter(intake_bot(database))
    await (await adapter.send("hi")).assert_reply("Your name?")

    stack = (await stored_state(database))["DialogState"]["_dialog_stack"]
    assert [frame["id"] for frame in stack] == ["text", "intake"]
    assert stack[1]["state"]["stepIndex"] == 0
