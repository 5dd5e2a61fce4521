"""The message extension's three search commands: Customer, Machine and Order.

Teams waits about five seconds for an answer (msteams-docs, respond-to-search), so a search
answers from the cache first when it holds anything, even expired, and looks again once it has
answered; a cold search that outlasts EXTENSION_BUDGET answers in words and goes on in the
background, so the next keystroke finds it cached. Every hit is listed as the card it inserts.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime

from botbuilder.core import CardFactory
from botbuilder.schema import ThumbnailCard
from botbuilder.schema.teams import MessagingExtensionAttachment, MessagingExtensionResult

from bot.search import ExtensionQuery
from bot.search_dispatch import extension_message, extension_results
from bot.turn import Turn
from cards.bp_search import title_of
from dialogs.bp_search.feature import feature
from dialogs.bp_search.views import hit_card, nothing_found, preview_text
from dialogs.shared.tickets import now
from services.bp_search import Answer, BPSearch, Kind, QueryError, classify

EXTENSION_BUDGET = 4.0  # seconds of Teams' five, leaving room for the way back
PROMPTS = {
    Kind.CUSTOMER: "Type a customer's name, or part of it.",
    Kind.MACHINE: "Type a serial number, or how it starts.",
    Kind.ORDER: "Type a sales order number, like SO-1042.",
}
SLOW = "BP Search is slow to answer right now; search again in a moment."


async def _look(bp: BPSearch, text: str, at: datetime, kind: Kind, *, cached_first: bool) -> Answer:
    answer = await bp.lookup(text, at, kind, cached_first=cached_first)
    return await bp.expand(answer, at, cached_first=cached_first)


def _attachment(card: dict, title: str, text: str) -> MessagingExtensionAttachment:
    preview = CardFactory.thumbnail_card(ThumbnailCard(title=title, text=text))
    return MessagingExtensionAttachment(
        content_type=CardFactory.content_types.adaptive_card, content=card, preview=preview
    )


def _finish(task: asyncio.Task) -> Callable[[], Awaitable[None]]:
    async def finish() -> None:
        with contextlib.suppress(Exception):  # only warms the cache; the answer is gone
            await task

    return finish


async def search(turn: Turn, query: ExtensionQuery, kind: Kind) -> MessagingExtensionResult:
    """Every hit of the typed text as a result, or a sentence saying why there is none."""
    if not query.text:
        return extension_message(PROMPTS[kind])
    try:
        classify(query.text, kind)
    except QueryError as problem:
        return extension_message(str(problem))
    bp, at = turn.services.bp_search, now(turn)
    task = asyncio.ensure_future(_look(bp, query.text, at, kind, cached_first=True))
    done, _ = await asyncio.wait({task}, timeout=EXTENSION_BUDGET)
    if not done:
        turn.after(_finish(task))
        return extension_message(SLOW)
    answer = task.result()
    if answer.stale:  # shown from expired entries: ask the sources again for the next search

        async def refresh() -> None:
            await _look(bp, query.text, now(turn), kind, cached_first=False)

        turn.after(refresh)
    if not answer.findings:
        return extension_message(nothing_found(bp, answer, at))
    profile = turn.services.profile
    return extension_results(
        [
            _attachment(hit_card(profile, bp, answer, f, at), title_of(f), preview_text(f))
            for f in answer.findings[: query.count]
        ]
    )


def _command(kind: Kind) -> None:
    @feature.extension(kind.value)
    async def answer(turn: Turn, query: ExtensionQuery) -> MessagingExtensionResult:
        return await search(turn, query, kind)


for _kind in Kind:
    _command(_kind)
