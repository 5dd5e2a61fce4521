"""The scorecard's SQL (SQLAlchemy Core, SQLite and PostgreSQL): what a week's events add up to.

Every figure that is a count is counted here; the queries that feed durations select only the
week's tickets and the timestamps the business clock needs (services.scorecard.measures).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    distinct,
    func,
    or_,
    select,
    true,
)

from services.db.schema import (
    escalations,
    kb_articles,
    parts_requests,
    service_requests,
    ticket_events,
    tickets,
)
from services.scorecard.weeks import Week
from services.tickets.model import EventKind
from services.tickets.statuses import TicketStatus

E, T = ticket_events, tickets
_DONE = (EventKind.RESOLVED.value, EventKind.CLOSED.value)
_DOCUMENTED = EventKind.DOCUMENTATION_ANSWER.value
DONE_STATUSES = (TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value)
STATUS = E.c.after["status"].as_string()
ASSIGNEE = E.c.after["assignee_id"].as_string()


def during(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    """`column` in [start, end): an instant belongs to exactly one week."""
    return and_(column >= start, column < end)


def alive(profile: str, start: datetime, end: datetime) -> ColumnElement[bool]:
    """The profile's tickets that can have events in [start, end).

    A ticket's events lie between its creation and its updated_at (every workflow command
    sets updated_at to the time of its change), so the tickets raised after `end` or last
    touched before `start` have none; skipping them keeps a week's queries to the tickets
    alive that week (found through the events' ticket_id index) instead of every event.
    """
    return and_(T.c.profile == profile, T.c.created_at < end, T.c.updated_at >= start)


def events(profile: str, start: datetime, end: datetime, *kinds: str) -> Select[Any]:
    """FROM the profile's ticket events of `kinds` in [start, end) (columns added by callers)."""
    return (
        select()
        .select_from(T.join(E, E.c.ticket_id == T.c.id))
        .where(alive(profile, start, end), during(E.c.at, start, end), E.c.kind.in_(kinds))
    )


def _first_event_at(*conditions: ColumnElement[bool]) -> Any:
    """The time of the ticket's earliest event matching `conditions` (correlated to tickets)."""
    return select(func.min(E.c.at)).where(E.c.ticket_id == T.c.id, *conditions).scalar_subquery()


_FIRST_ACK = _first_event_at(E.c.kind == EventKind.ACKNOWLEDGED.value)
_PUBLIC_NOTE = and_(E.c.kind == EventKind.NOTE.value, E.c.visibility == "public")


def _ack_counts(first_ack: Any, due: Any, as_of: datetime) -> tuple[Any, Any]:
    """(tickets whose acknowledgement was due by `as_of` or given, those acknowledged in time)."""
    decided = and_(due.is_not(None), or_(first_ack.is_not(None), due <= as_of))
    return func.count().filter(decided), func.count().filter(first_ack <= due)


def tickets_where(condition: ColumnElement[bool], ticket_id: Any = E.c.ticket_id) -> Any:
    """How many distinct tickets have a row matching `condition` (an aggregate)."""
    return func.count(distinct(ticket_id)).filter(condition)


def week_counts(profile: str, week: Week, as_of: datetime) -> Select[Any]:
    """One row of the week's counts: tickets opened/resolved/closed, reopens, the other records.

    reopen_base is the reopen rate's denominator: distinct tickets resolved or closed in the week;
    documentation_answers: distinct tickets answered with a KB article in the week.
    """
    start, end = week.start, week.end
    kinds = (*_DONE, EventKind.REOPENED.value, _DOCUMENTED)
    outcomes = (
        events(profile, start, end, *kinds)
        .add_columns(
            tickets_where(E.c.kind == EventKind.RESOLVED.value).label("resolved"),
            tickets_where(E.c.kind == EventKind.CLOSED.value).label("closed"),
            tickets_where(E.c.kind.in_(_DONE)).label("reopen_base"),
            func.count().filter(E.c.kind == EventKind.REOPENED.value).label("reopens"),
            tickets_where(E.c.kind == _DOCUMENTED).label("documentation_answers"),
        )
        .subquery()
    )
    opened = (
        select(T.c.ack_due_at, _FIRST_ACK.label("first_ack"))
        .where(T.c.profile == profile, during(T.c.created_at, start, end))
        .subquery()
    )
    due, met = _ack_counts(opened.c.first_ack, opened.c.ack_due_at, as_of)
    intake = select(
        func.count().label("opened"), due.label("ack_due"), met.label("ack_met")
    ).subquery()
    return select(
        intake,
        outcomes,
        _count(
            escalations.join(T, T.c.id == escalations.c.ticket_id),
            T.c.profile == profile,
            during(escalations.c.requested_at, start, end),
        ).label("escalations"),
        _count(
            parts_requests,
            parts_requests.c.profile == profile,
            during(parts_requests.c.created_at, start, end),
        ).label("parts_requests"),
        _count(
            service_requests,
            service_requests.c.profile == profile,
            during(service_requests.c.created_at, start, end),
        ).label("service_requests"),
        _count(
            kb_articles,
            kb_articles.c.profile == profile,
            during(kb_articles.c.created_at, start, end),
        ).label("kb_captured"),
        _count(
            kb_articles,
            kb_articles.c.profile == profile,
            during(kb_articles.c.published_at, start, end),
        ).label("kb_published"),
    ).select_from(intake.join(outcomes, true()))


def _count(source: Any, *conditions: ColumnElement[bool]) -> Any:
    return select(func.count()).select_from(source).where(*conditions).scalar_subquery()


def opened_tickets(profile: str, week: Week) -> Select[Any]:
    """The week's new tickets with their first customer-visible answer and who gave it."""
    first_answer = (
        select(E.c.at, E.c.actor_id)
        .where(E.c.ticket_id == T.c.id, _PUBLIC_NOTE)
        .order_by(E.c.at, E.c.id)
        .limit(1)
    )
    return select(
        T.c.id,
        T.c.created_at,
        T.c.priority,
        first_answer.with_only_columns(E.c.at).scalar_subquery().label("answered_at"),
        first_answer.with_only_columns(E.c.actor_id).scalar_subquery().label("answered_by"),
    ).where(T.c.profile == profile, during(T.c.created_at, week.start, week.end))


def resolved_tickets(profile: str, week: Week) -> Select[Any]:
    """Tickets resolved in the week, each once, at its last resolution in the week."""
    return (
        events(profile, week.start, week.end, EventKind.RESOLVED.value)
        .add_columns(T.c.id, T.c.created_at, T.c.priority, func.max(E.c.at).label("resolved_at"))
        .group_by(T.c.id, T.c.created_at, T.c.priority)
    )


def status_changes(profile: str, week: Week, paused: Sequence[str]) -> Select[Any]:
    """The statuses entered, oldest first, by the week's new and resolved tickets that spent
    time in a `paused` status (the others' SLA clocks never stopped)."""
    start, end = week.start, week.end
    resolved_then = (
        select(E.c.id)
        .where(
            E.c.ticket_id == T.c.id,
            E.c.kind == EventKind.RESOLVED.value,
            during(E.c.at, start, end),
        )
        .exists()
    )
    was_paused = select(E.c.id).where(E.c.ticket_id == T.c.id, STATUS.in_(paused)).exists()
    ids = select(T.c.id).where(
        alive(profile, start, end),
        or_(during(T.c.created_at, start, end), resolved_then),
        was_paused,
    )
    return (
        select(E.c.ticket_id, E.c.at, STATUS.label("status"))
        .where(E.c.ticket_id.in_(ids), STATUS.is_not(None))
        .order_by(E.c.ticket_id, E.c.at, E.c.id)
    )


def _bucket(column: Any, weeks: Sequence[Week]) -> Any:
    """Which of `weeks` (their index) an instant falls in; NULL for none."""
    return case(*[(during(column, w.start, w.end), i) for i, w in enumerate(weeks)], else_=None)


def weekly_reopen_rates(profile: str, weeks: Sequence[Week]) -> Select[Any]:
    """Per week index: reopens and tickets resolved or closed (the reopen rate's two counts)."""
    start, end = weeks[0].start, weeks[-1].end
    rows = (
        events(profile, start, end, *_DONE, EventKind.REOPENED.value)
        .add_columns(_bucket(E.c.at, weeks).label("week"), E.c.kind, E.c.ticket_id)
        .subquery()
    )
    return select(
        rows.c.week,
        func.count().filter(rows.c.kind == EventKind.REOPENED.value).label("reopens"),
        tickets_where(rows.c.kind.in_(_DONE), rows.c.ticket_id).label("base"),
    ).group_by(rows.c.week)


def weekly_ack_rates(profile: str, weeks: Sequence[Week], as_of: datetime) -> Select[Any]:
    """Per week index: new tickets whose acknowledgement was due, and those acknowledged in time."""
    start, end = weeks[0].start, weeks[-1].end
    rows = (
        select(
            _bucket(T.c.created_at, weeks).label("week"),
            T.c.ack_due_at,
            _FIRST_ACK.label("first_ack"),
        )
        .where(T.c.profile == profile, during(T.c.created_at, start, end))
        .subquery()
    )
    due, met = _ack_counts(rows.c.first_ack, rows.c.ack_due_at, as_of)
    return select(rows.c.week, due.label("due"), met.label("met")).group_by(rows.c.week)
