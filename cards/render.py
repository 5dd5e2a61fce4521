"""Serializes typed Adaptive Card models into the JSON Teams receives."""

from __future__ import annotations

from typing import Any

from microsoft_teams.cards import AdaptiveCard, CardElement, TextBlock

# Teams renders bot cards up to schema 1.5.
CARD_VERSION = "1.5"


def render(card: AdaptiveCard) -> dict[str, Any]:
    """The card as a dict, ready to be an attachment's content."""
    # `ac_schema` would serialize as "schema", which the official schema rejects: never set it.
    if card.ac_schema is not None:
        raise ValueError("leave AdaptiveCard.ac_schema unset: Teams' schema rejects 'schema'")
    return card.model_dump(by_alias=True, exclude_none=True)


def card(body: list[CardElement], actions: list | None = None) -> AdaptiveCard:
    """A 1.5 card with the given body and actions."""
    return AdaptiveCard(version=CARD_VERSION, body=body, actions=actions or None)


def heading(text: str) -> TextBlock:
    """A card's title line."""
    return TextBlock(text=text, size="Large", weight="Bolder", wrap=True, style="heading")


def note(text: str, *, subtle: bool = True) -> TextBlock:
    """A wrapped line of secondary text."""
    return TextBlock(text=text, wrap=True, is_subtle=subtle or None, spacing="Small")
