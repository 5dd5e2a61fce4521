"""The scorecard's SQL about people and the backlog: who was given, resolved and saw come back
which tickets, and what was still open when the week ended (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select

from services.scorecard.queries import (
    ASSIGNEE,
    DONE_STATUSES,
    STATUS,
    E,
    T,
    events,
    tickets_where,
)
from services.scorecard.weeks import Week
from services.tickets.model import EventKind
from services.tickets.queues import in_roles
from services.tickets.statuses import OPEN


def per_person(profile: str, week: Week) -> Select[Any]:
    """Per person: tickets assigned to them, tickets they resolved, reopens of their resolutions.

    A reopen counts against whoever resolved the ticket last before it came back.
    """
    start, end = week.start, week.end
    earlier = E.alias("earlier")
    resolver = (
        select(earlier.c.actor_id)
        .where(
            earlier.c.ticket_id == E.c.ticket_id,
            earlier.c.kind == EventKind.RESOLVED.value,
            earlier.c.id < E.c.id,
        )
        .order_by(earlier.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )

    kinds = (EventKind.ASSIGNED.value, EventKind.RESOLVED.value, EventKind.REOPENED.value)
    person = case(
        (E.c.kind == EventKind.ASSIGNED.value, ASSIGNEE),
        (E.c.kind == EventKind.RESOLVED.value, E.c.actor_id),
        else_=resolver,  # evaluated only for reopens
    )
    rows = (
        events(profile, start, end, *kinds)
        .add_columns(person.label("person"), E.c.kind, E.c.ticket_id)
        .subquery()
    )
    return (
        select(
            rows.c.person,
            tickets_where(rows.c.kind == EventKind.ASSIGNED.value, rows.c.ticket_id).label(
                "assigned"
            ),
            tickets_where(rows.c.kind == EventKind.RESOLVED.value, rows.c.ticket_id).label(
                "resolved"
            ),
            func.count().filter(rows.c.kind == EventKind.REOPENED.value).label("reopens"),
        )
        .where(rows.c.person.is_not(None))
        .group_by(rows.c.person)
    )


def _at_week_end(end: datetime) -> Any:
    """Open tickets of any profile at `end`, with who held each then (a subquery).

    A ticket untouched since `end` (updated_at is bumped by every change,
    services.tickets.history.touched) is as it is now; the others are read back from the
    latest status and assignee their events recorded before `end`.
    """
    untouched = T.c.updated_at < end

    def latest(value: Any) -> Any:
        return (
            select(value)
            .where(E.c.ticket_id == T.c.id, E.c.at < end, value.is_not(None))
            .order_by(E.c.at.desc(), E.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    open_then = or_(
        and_(untouched, in_roles(OPEN)),
        and_(~untouched, latest(STATUS).not_in(DONE_STATUSES)),
    )
    holder = case((untouched, T.c.assignee_id), else_=latest(ASSIGNEE))
    return select(T.c.id, T.c.profile, T.c.created_at, holder.label("assignee_id")).where(
        T.c.created_at < end, open_then
    )


def backlog(profile: str, week: Week) -> Select[Any]:
    """Each ticket open at the week's end: when it was raised, who held it (None: nobody),
    how many that person held and how many were open in all."""
    held = _at_week_end(week.end).where(T.c.profile == profile).subquery()
    return select(
        held.c.created_at,
        held.c.assignee_id,
        func.count().over(partition_by=held.c.assignee_id).label("held"),
        func.count().over().label("total"),
    )
