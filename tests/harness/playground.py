"""Playground stories' shared parts: a customer's call as Mary types it, and finding the card."""

from __future__ import annotations

from scripts.playground import Activity, cards

# What Mary types into the intake form while the customer is on the phone.
CALL = {
    "company": "Acme Foods",
    "contact_name": "Dana Lee",
    "phone": "+1 555 010 0100",
    "email": "dana@acme.example",
    "site_state": "nj",
    "machine_model": "BP-500 Wrapper",
    "serial_number": "SN-12345",
    "machine_complexity": "standard",
    "issue_description": "Infeed conveyor jams when the film roll changes.\nAlarm E42.",
    "issue_type": "controls",
    "production_impact": "true",
    "priority": "urgent",
}


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
