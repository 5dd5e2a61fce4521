"""Delivery policy for proactive messages: when to retry, how long to wait, how fast to send.

Pure code (no botbuilder, no I/O): bot/outbox_sender.py and bot/outbox_worker.py apply it.
"""

from services.delivery.doorbell import Doorbell
from services.delivery.limiter import RateLimiter, SlidingLog, Window
from services.delivery.retry import RetryPolicy, Verdict, parse_retry_after
from services.delivery.settings import DeliverySettings
from services.delivery.status import (
    Delivery,
    Recipient,
    Told,
    channel_reach_note,
    reach_note,
)

__all__ = [
    "Delivery",
    "DeliverySettings",
    "Doorbell",
    "RateLimiter",
    "Recipient",
    "RetryPolicy",
    "SlidingLog",
    "Told",
    "Verdict",
    "Window",
    "channel_reach_note",
    "parse_retry_after",
    "reach_note",
]
