"""Playground stories' shared parts: a customer's call as Mary types it, and finding the card."""

from __future__ import annotations

from scripts.playground import Activity, cards
from tests.harness.intake import GOOD

# What Mary types into the intake form while the customer is on the phone.
CALL = GOOD


def card_of(message: Activity) -> dict:
    """The one card a message carries."""
    found = cards(message)
    assert len(found) == 1, message
    return found[0]


def the_card_reply(replies: list[Activity]) -> Activity:
    """The one message with a card among a turn's replies."""
    with_cards = [r for r in replies if cards(r)]
    assert len(with_cards) == 1, replies
    return with_cards[0]
