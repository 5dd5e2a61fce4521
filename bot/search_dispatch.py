"""Runs the typeahead or message extension a search invoke names, and shapes Teams' answer.

Searching never fails in front of the person: a stranger, a dataset or command nobody
registered, a value out of bounds or a handler that breaks all get an empty answer (the
extension's says why in words), always HTTP 200, so typing in a card or the compose box goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from botbuilder.schema.teams import MessagingExtensionResponse, MessagingExtensionResult
from pydantic import ValidationError

from bot.registrations import ExtensionCommand, SearchDataset
from bot.search import (
    MOST_CHOICES,
    MOST_RESULTS,
    SEARCH_TEXT,
    ExtensionQuery,
    ExtensionQueryValue,
    SearchChoice,
    SearchInvokeValue,
    SearchQuery,
)
from bot.turn import Turn

log = logging.getLogger(__name__)

SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"
INITIAL_RUN = "initialRun"  # the parameter Teams sends when a command with initialRun opens
UNKNOWN_COMMAND = "This search is not available any more. Update the app and try again."
TOO_LONG = f"That search is too long: type at most {SEARCH_TEXT} characters."
BROKEN = "The search failed on my side; nothing was lost. Try again in a moment."


def search_body(choices: Sequence[SearchChoice]) -> dict[str, Any]:
    """The `application/search` answer: at most MOST_CHOICES {title, value} results."""
    results = [{"title": c.title, "value": c.value} for c in choices[:MOST_CHOICES]]
    return {"statusCode": 200, "type": SEARCH_RESPONSE, "value": {"results": results}}


def extension_message(text: str) -> MessagingExtensionResult:
    """A message extension answer that only says something (no results)."""
    return MessagingExtensionResult(type="message", text=text)


def extension_body(result: MessagingExtensionResult) -> dict[str, Any]:
    """The `composeExtension/query` answer: `{"composeExtension": result}`, within a page."""
    if result.attachments:
        result.attachments = result.attachments[:MOST_RESULTS]
    return MessagingExtensionResponse(compose_extension=result).serialize()


def extension_results(attachments: Sequence[Any] = ()) -> MessagingExtensionResult:
    """A message extension answer listing results (MessagingExtensionAttachment), maybe none."""
    return MessagingExtensionResult(
        type="result", attachment_layout="list", attachments=list(attachments)
    )


def _allowed(turn: Turn, entry: SearchDataset | ExtensionCommand) -> bool:
    """Strangers only where the entry is public; the capability, when one is asked for."""
    if turn.caller is None:
        return entry.public and entry.capability is None
    return entry.capability is None or turn.can(entry.capability)


async def run_search(turn: Turn, value: Any) -> dict[str, Any]:
    """Answer a typeahead: the registered dataset's choices, or an empty list."""
    try:
        invoke = SearchInvokeValue.model_validate(value if isinstance(value, dict) else {})
    except ValidationError as error:
        log.info("search invoke refused: %s", error.errors(include_input=False)[:3])
        return search_body([])
    entry = turn.router.search(invoke.dataset)
    text = invoke.query_text.strip()
    if entry is None or not _allowed(turn, entry) or len(text) > SEARCH_TEXT:
        return search_body([])
    options = invoke.query_options
    query = SearchQuery(
        dataset=invoke.dataset,
        text=text,
        skip=options.skip,
        top=min(options.top, MOST_CHOICES) or MOST_CHOICES,
        inputs=dict(invoke.data or {}),
    )
    try:
        choices = await entry.handler(turn, query)
    except Exception:  # a broken search must not break typing in the card
        log.exception("typeahead %r failed", invoke.dataset)
        return search_body([])
    return search_body(list(choices)[: query.top])


def _extension_query(invoke: ExtensionQueryValue) -> ExtensionQuery:
    parameters = {p.name: (p.value or "") for p in invoke.parameters}
    initial = parameters.get(INITIAL_RUN, "").lower() == "true"
    typed = next((v for k, v in parameters.items() if k != INITIAL_RUN), "")
    options = invoke.query_options
    return ExtensionQuery(
        command_id=invoke.command_id,
        text=typed.strip(),
        initial_run=initial,
        parameters=parameters,
        skip=options.skip,
        count=min(options.count, MOST_RESULTS) or MOST_RESULTS,
    )


async def run_extension(turn: Turn, value: Any) -> dict[str, Any]:
    """Answer a message extension query: the registered command's result, or why there is none."""
    try:
        invoke = ExtensionQueryValue.model_validate(value if isinstance(value, dict) else {})
    except ValidationError as error:
        log.info("extension query refused: %s", error.errors(include_input=False)[:3])
        return extension_body(extension_message(UNKNOWN_COMMAND))
    entry = turn.router.extension(invoke.command_id)
    if entry is None:
        return extension_body(extension_message(UNKNOWN_COMMAND))
    if not _allowed(turn, entry):
        return extension_body(extension_results())  # as for any invoke: nothing, not an error
    query = _extension_query(invoke)
    if len(query.text) > SEARCH_TEXT:
        return extension_body(extension_message(TOO_LONG))
    try:
        result = await entry.handler(turn, query)
    except Exception:  # Teams shows "unable to reach app" for anything but an answer
        log.exception("message extension %r failed", invoke.command_id)
        return extension_body(extension_message(BROKEN))
    return extension_body(result)
