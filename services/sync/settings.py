"""How the sync queue sends: retries, leases, pace. Read from SYNC_* environment variables."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class SyncSettings(BaseSettings):
    """Defaults sized for Zendesk (30 updates per ticket per 10 minutes; 429 + Retry-After)."""

    model_config = SettingsConfigDict(env_prefix="SYNC_", extra="ignore")

    retry_base_seconds: float = Field(2.0, gt=0)
    retry_cap_seconds: float = Field(300.0, gt=0)
    # A change that keeps failing for a passing reason is given up only when both are reached:
    # so an outage of an hour or less never loses a change, however the jitter falls.
    max_attempts: int = Field(20, ge=1)
    give_up_after_seconds: float = Field(6 * 3600.0, ge=0)
    # A 409 is re-read and re-applied at once this many times before it backs off.
    conflict_retries: int = Field(3, ge=0)
    # A sender's claim on a record; a replica that died loses it after this long.
    lease_seconds: float = Field(300.0, gt=0)
    send_timeout_seconds: float = Field(30.0, gt=0)
    # The worker looks for due changes at least this often (it is also woken when one is added).
    poll_seconds: float = Field(5.0, gt=0)
    # Records claimed per round, sent this many at a time; changes merged into one send.
    batch: int = Field(50, ge=1)
    concurrency: int = Field(4, ge=1)
    merge_limit: int = Field(20, ge=1)
    # The system's request budget for this bot: at most pace_requests per pace_window_seconds
    # (None: not paced, only 429s slow it down). Benches shrink the window.
    pace_requests: int | None = Field(None, ge=1)
    pace_window_seconds: float = Field(60.0, gt=0)
    # Off: the app starts no worker loop; tests pump its rounds themselves on their own clock.
    background: bool = True

    @model_validator(mode="after")
    def _lease_outlasts_a_send(self) -> SyncSettings:
        # Otherwise a slow send loses its claim and another replica sends the change again.
        sends = (self.conflict_retries + 1) * self.send_timeout_seconds
        if self.lease_seconds <= sends:
            raise ValueError(
                "SYNC_LEASE_SECONDS must exceed (SYNC_CONFLICT_RETRIES + 1) × "
                "SYNC_SEND_TIMEOUT_SECONDS, or a slow send could be sent twice"
            )
        return self
