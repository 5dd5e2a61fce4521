"""What travels through the sync queue, what a sender answers, and the Sender port."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

State = Literal["queued", "sending", "sent", "dead"]


@dataclass(frozen=True)
class NewChange:
    """A change to add to the queue: what it is, its data, and whose action it was."""

    kind: str
    payload: Mapping[str, Any]
    actor_id: str | None = None


@dataclass(frozen=True)
class SyncChange:
    """A stored change to one record of a system of record (a ticket in Zendesk, say)."""

    id: int
    system: str
    record_key: str
    seq: int
    kind: str
    payload: dict[str, Any]
    actor_id: str | None
    state: State
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    claimed_by: str | None = None
    claimed_until: datetime | None = None
    last_error: str | None = None
    dead_reason: str | None = None
    remote_id: str | None = None
    updated_at: datetime | None = None
    sent_at: datetime | None = None

    @property
    def idempotency_key(self) -> str:
        """The same for every attempt at this change, so a sender can drop a repeat.

        Delivery is at least once: a sender that dies after the system took the change and
        before "sent" is stored sends it again once its lease runs out.
        """
        return f"{self.system}:{self.record_key}:{self.seq}"


@dataclass(frozen=True)
class Sent:
    """The system took every change sent; `remote_ids` maps change id to the record's id there."""

    remote_ids: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RateLimited:
    """429: nothing may be sent to the system for `retry_after` seconds."""

    retry_after: float


@dataclass(frozen=True)
class Transient:
    """5xx, a timeout, no answer: try again later, with back-off."""

    reason: str


@dataclass(frozen=True)
class Conflict:
    """409 on a safe update: the record changed there; re-read and apply again."""

    reason: str = "the record changed meanwhile"


@dataclass(frozen=True)
class Rejected:
    """422 and the like: the system refuses the change, and a retry would be refused too."""

    reason: str


Outcome = Sent | RateLimited | Transient | Conflict | Rejected


class Sender(Protocol):
    """Carries changes to one system of record (the Zendesk adapter implements it)."""

    system: str

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """True when `then` may go out in one request together with `first` (and those before)."""
        ...

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        """Send changes to one record, in order, as one request where there are several.

        On Conflict the worker calls send again at once: the sender re-reads the record then.
        Each change's idempotency_key lets the sender (or the system) drop a repeat.
        """
        ...


@dataclass(frozen=True)
class DeadLetter:
    """A change the system refused or that ran out of attempts: told to whoever made it."""

    change: SyncChange
    reason: str
