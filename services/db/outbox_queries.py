"""The outbox's scheduling SQL: which messages are free to claim, in what fair order, and when.

Kept apart from the repository because these are the parts with a policy in them (round-robin
over targets, leases) rather than plain reads and writes.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select, tuple_

from services.db.schema import outbox
from services.db.types import UtcDateTime


def claimable(now: datetime) -> Any:
    """Due and held by nobody (or by a sender whose lease ran out)."""
    return and_(
        or_(outbox.c.next_attempt_at.is_(None), outbox.c.next_attempt_at <= now),
        or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until <= now),
    )


def due_pending(
    now: datetime,
    skip: Collection[tuple[str, str]] = (),
    only: Collection[tuple[str, str]] = (),
) -> Any:
    """Pending and claimable now, leaving out `skip`'s (kind, target) pairs, within `only`'s."""
    due = and_(outbox.c.status == "pending", claimable(now))
    if skip:
        due = and_(due, tuple_(outbox.c.target_kind, outbox.c.target).not_in(list(skip)))
    if only:
        due = and_(due, tuple_(outbox.c.target_kind, outbox.c.target).in_(list(only)))
    return due


def round_robin_pick(due: Any, limit: int, per_target: int | None) -> Any:
    """The ids of up to `limit` `due` rows, each target's longest-due first, then every
    target's next, at most `per_target` per target, locked for the claiming UPDATE."""
    since = func.coalesce(outbox.c.next_attempt_at, outbox.c.created_at)
    turn = func.row_number().over(
        partition_by=(outbox.c.target_kind, outbox.c.target), order_by=(since, outbox.c.id)
    )
    ranked = select(outbox.c.id, since.label("since"), turn.label("turn")).where(due)
    ranked = ranked.subquery()
    first = select(ranked.c.id).order_by(ranked.c.turn, ranked.c.since, ranked.c.id)
    if per_target is not None:
        first = first.where(ranked.c.turn <= per_target)
    return (
        select(outbox.c.id)
        .where(outbox.c.id.in_(first.limit(limit).scalar_subquery()))
        # PostgreSQL: rows another claimer is taking are skipped, not waited for.
        .with_for_update(skip_locked=True)
    )


def next_free_at(skip: Collection[tuple[str, str]] = ()) -> Any:
    """When the earliest pending message becomes claimable (due, and any claim run out),
    leaving out the (kind, target) pairs in `skip`."""
    free_at = case(
        (outbox.c.claimed_until > outbox.c.next_attempt_at, outbox.c.claimed_until),
        else_=func.coalesce(outbox.c.next_attempt_at, outbox.c.created_at),
    )
    query = select(func.min(free_at, type_=UtcDateTime())).where(outbox.c.status == "pending")
    if skip:
        query = query.where(tuple_(outbox.c.target_kind, outbox.c.target).not_in(list(skip)))
    return query
