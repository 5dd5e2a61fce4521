"""Serializes typed Adaptive Card models into the JSON Teams receives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    ExecuteAction,
    RefreshDefinition,
    TextBlock,
)

# Teams renders bot cards up to schema 1.5.
CARD_VERSION = "1.5"
# Teams refreshes a card by itself for at most 60 users listed in its refresh.userIds.
REFRESH_USERS = 60


def render(card: AdaptiveCard) -> dict[str, Any]:
    """The card as a dict, ready to be an attachment's content."""
    # `ac_schema` would serialize as "schema", which the official schema rejects: never set it.
    if card.ac_schema is not None:
        raise ValueError("leave AdaptiveCard.ac_schema unset: Teams' schema rejects 'schema'")
    return card.model_dump(by_alias=True, exclude_none=True)


def card(
    body: list[CardElement], actions: list | None = None, refresh: RefreshDefinition | None = None
) -> AdaptiveCard:
    """A 1.5 card with the given body and actions (and how Teams gets its current version)."""
    return AdaptiveCard(version=CARD_VERSION, body=body, actions=actions or None, refresh=refresh)


def refresh(verb: str, data: dict, viewers: Sequence[str] = ()) -> RefreshDefinition:
    """Universal Actions' refresh: Teams sends `verb` when one of `viewers` (Teams user ids, the
    few people who see the card) opens it, and shows the card the bot answers, as it is now.

    Without known viewers the list is left out: Teams then refreshes for everyone in a chat of
    up to 60 people, and offers "Refresh card" in larger channels.
    """
    action = ExecuteAction(title="Refresh", verb=verb, data=data)
    return RefreshDefinition(action=action, user_ids=list(viewers)[:REFRESH_USERS] or None)


def heading(text: str) -> TextBlock:
    """A card's title line."""
    return TextBlock(text=text, size="Large", weight="Bolder", wrap=True, style="heading")


def note(text: str, *, subtle: bool = True) -> TextBlock:
    """A wrapped line of secondary text."""
    return TextBlock(text=text, wrap=True, is_subtle=subtle or None, spacing="Small")
