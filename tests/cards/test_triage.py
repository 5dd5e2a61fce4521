"""The triage queue card reads the ticket's stored acknowledgement due time, or its pause."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from cards.queue import queue_card
from services.tickets import TicketStatus
from tests.cards.examples.triage import NEW, PROFILE
from tests.harness.cards import texts

LATER = NEW.created_at + timedelta(hours=2)


def states(card: dict) -> list[str]:
    """Each row's subtle line (priority · assignee · deadline)."""
    return [t for t in texts(card) if t.startswith(("Urgent", "High", "Normal", "Low"))]


def test_the_queue_shows_the_stored_due_time_and_a_pause_instead_of_a_stale_one() -> None:
    # Filed 08:30 Pacific; its stored due time counts a 40-minute pause: 10:10, not 09:30.
    moved = replace(NEW, ack_due_at=NEW.created_at + timedelta(hours=1, minutes=40))
    paused = replace(
        NEW, number="BP-1002", status=TicketStatus.WAITING_ON_CUSTOMER, sla_paused_at=LATER
    )
    card = queue_card(PROFILE, [moved, paused], LATER)
    assert states(card) == [
        "Urgent: machine down",
        "Urgent: machine down · SLA paused while waiting",
    ]
    # 20 minutes past 10:10, not 60 past 09:30; the paused one as late as when it paused.
    assert [t for t in texts(card) if "late by" in t] == [
        "Acknowledgement late by 20 business minutes.",
        "Acknowledgement late by 1 hour of business time.",
    ]
