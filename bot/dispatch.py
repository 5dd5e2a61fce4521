"""Runs the command or card verb a turn asks for, after checking who may."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.turn import ActionResult, Turn
from services.profile.wording import only_who_may

NOT_ON_ROSTER = (
    "Hello! I'm the support desk bot. You're not on the support roster yet, so I can't open or "
    "work tickets for you. Ask the engineering manager to add you; `whoami` shows the details "
    "they need."
)
UNKNOWN_TEXT = "I didn't catch that. Type `help` to see what I can do."
STALE_CARD = "That button belongs to an older version of this card. Type `help` to start again."


def refusal(turn: Turn, capability: str) -> str:
    """Who may do this instead, so a refusal is also a pointer."""
    people = turn.services.profile.people_with_capability(capability)
    return only_who_may(capability, (p.name for p in people))


async def run_text(turn: Turn, text: str) -> None:
    """Find and run the command a message names, or say how to find one."""
    found = turn.router.match(text)
    if found is None:
        await turn.say(UNKNOWN_TEXT if turn.caller else NOT_ON_ROSTER)
        return
    command, args = found
    if turn.caller is None and not command.public:
        await turn.say(NOT_ON_ROSTER)
        return
    if command.capability and not turn.can(command.capability):
        await turn.say(refusal(turn, command.capability))
        return
    unserved = command.unserved(turn.services.profile)
    if unserved:
        await turn.say(f"{unserved}: `{command.name}` is not used here.")
        return
    await command.handler(turn, args)


def _input_errors(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "card"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


async def run_action(turn: Turn, verb: str, data: dict[str, Any]) -> ActionResult:
    """Parse a card action's data into its model and run the verb's handler."""
    action = turn.router.action(verb)
    if action is None:
        return ActionResult(message=STALE_CARD)
    if turn.caller is None and not action.public:
        return ActionResult(message=NOT_ON_ROSTER)
    if action.capability and not turn.can(action.capability):
        return ActionResult(message=refusal(turn, action.capability))
    try:
        parsed = action.model.model_validate(data)
    except ValidationError as error:
        return ActionResult(message=f"I couldn't read that card: {_input_errors(error)}")
    return await action.handler(turn, parsed) or ActionResult()
