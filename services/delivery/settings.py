"""How proactive messages are delivered: retries, pacing, and the outbox worker's rhythm.

Read from the environment with the OUTBOX_ prefix (OUTBOX_MAX_ATTEMPTS=8, ...).
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.delivery.limiter import Window


class DeliverySettings(BaseSettings):
    """Defaults follow Teams' published limits; tests shrink the times."""

    model_config = SettingsConfigDict(env_prefix="OUTBOX_", extra="ignore")

    max_attempts: int = Field(8, ge=1)
    retry_base_seconds: float = Field(2.0, gt=0)
    retry_cap_seconds: float = Field(600.0, gt=0)
    # Teams, "Optimize your bot with rate limiting": per app per tenant 50 requests/s; per bot
    # per thread (a chat or channel) 7 per second and 1,800 per hour. The exact values "are
    # subject to change", which is why a 429 is still handled.
    tenant_per_second: int = Field(50, ge=1)
    conversation_per_second: int = Field(7, ge=1)
    conversation_per_hour: int = Field(1800, ge=1)
    # Widens each window. Sends count from their answer, which is never earlier than Teams
    # clocked them, so none is needed against network jitter; it is there for a service
    # that clocks requests some other way (a margin while the limits are shared, say).
    pacing_slack_seconds: float = Field(0.0, ge=0)
    # The worker looks for due messages at least this often (it is also woken on every add).
    poll_seconds: float = Field(5.0, gt=0)
    # A sender's claim on a message; a sender that died loses it after this long.
    lease_seconds: float = Field(120.0, gt=0)
    # One send may take this long before it counts as failed (and is retried).
    send_timeout_seconds: float = Field(30.0, gt=0)
    # The worker waits at most this long for the rate limiter before putting a message back.
    max_wait_seconds: float = Field(10.0, ge=0)
    # Messages one worker holds at once, and per conversation.
    batch: int = Field(200, ge=1)
    per_conversation: int = Field(14, ge=1)

    @model_validator(mode="after")
    def _lease_outlasts_a_send(self) -> DeliverySettings:
        # Otherwise a slow send loses its claim and another sender sends the message again.
        if self.lease_seconds <= self.send_timeout_seconds + self.max_wait_seconds:
            raise ValueError(
                "OUTBOX_LEASE_SECONDS must exceed OUTBOX_SEND_TIMEOUT_SECONDS + "
                "OUTBOX_MAX_WAIT_SECONDS, or a slow send could be sent twice"
            )
        return self

    @property
    def record_reserve_seconds(self) -> float:
        """What a claim must still hold after a send's timeout, for its outcome to be recorded
        (half of what the lease has beyond a send and a pace wait)."""
        return (self.lease_seconds - self.send_timeout_seconds - self.max_wait_seconds) / 2

    def tenant_windows(self) -> list[Window]:
        """The per-app-per-tenant limit."""
        return [Window(self.tenant_per_second, 1.0)]

    def conversation_windows(self) -> list[Window]:
        """The per-conversation limits."""
        return [
            Window(self.conversation_per_second, 1.0),
            Window(self.conversation_per_hour, 3600.0),
        ]
