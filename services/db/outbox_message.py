"""An outbox message as the rest of the code sees it, and how a stored row becomes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from services.db.schema import outbox

TargetKind = Literal["person", "conversation"]
_COLUMNS = tuple(c.name for c in outbox.columns)


@dataclass(frozen=True)
class OutboxMessage:
    """A message for a person (their personal chat) or a stored conversation (a channel)."""

    dedupe_key: str
    target_kind: TargetKind
    target: str
    payload: dict[str, Any]
    thread_id: str | None = None  # reply in this channel thread (the root message's id)
    id: int | None = None
    status: str = "pending"
    attempts: int = 0
    last_error: str | None = None
    activity_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    sent_at: datetime | None = None
    next_attempt_at: datetime | None = None  # not before this (back-off, pacing)
    claimed_by: str | None = None  # the sender holding it until claimed_until
    claimed_until: datetime | None = None


def message_from_row(row) -> OutboxMessage:
    """The message a stored outbox row (a mapping of its columns) holds."""
    return OutboxMessage(**{n: row[n] for n in _COLUMNS})
