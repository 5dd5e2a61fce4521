"""Scorecards: a week's measurements read from the database, and the scorecard made of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from services.db import Database
from services.profile import Capability, Profile
from services.scorecard import queries as q
from services.scorecard.figures import figures
from services.scorecard.measures import SlaClock, Verdict, ratio_pct, tally, timelines
from services.scorecard.model import (
    PersonWeek,
    TechnicianRow,
    TrendPoint,
    WeeklyScorecard,
    WeekMeasures,
)
from services.scorecard.people import backlog, per_person
from services.scorecard.weeks import Week
from services.tickets.rules import business_clock, name_of

TREND_WEEKS = 8


class Scorecards:
    """The weekly scorecards of one profile's desk."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db = db
        self._profile = profile
        self._clock = business_clock(profile)
        self._sla = SlaClock.of(profile, self._clock)

    async def scorecard(self, week: Week, as_of: datetime) -> WeeklyScorecard:
        """The scorecard of `week` as the event log stands at `as_of` (normally now)."""
        async with self._db.engine.connect() as connection:
            this = await self._measure(connection, week, as_of)
            before = await self._measure(connection, week.shifted(-1), as_of)
            weeks = [week.shifted(i - TREND_WEEKS + 1) for i in range(TREND_WEEKS)]
            trend = await self._trend(connection, weeks, as_of)
        return WeeklyScorecard(
            week=week,
            computed_at=as_of,
            figures=figures(self._profile, this, before),
            technicians=self._technicians(this.people),
            trend=trend,
        )

    async def measure(self, week: Week, as_of: datetime) -> WeekMeasures:
        """The raw measurements of `week` as the event log stands at `as_of`."""
        async with self._db.engine.connect() as connection:
            return await self._measure(connection, week, as_of)

    async def _measure(
        self, connection: AsyncConnection, week: Week, as_of: datetime
    ) -> WeekMeasures:
        name = self._profile.name
        counts = (await connection.execute(q.week_counts(name, week, as_of))).mappings().one()
        paused = sorted(role.value for role in self._profile.paused_roles)
        changes = timelines(
            (await connection.execute(q.status_changes(name, week, paused))).mappings()
        )
        opened = (await connection.execute(q.opened_tickets(name, week))).mappings().all()
        resolved = (await connection.execute(q.resolved_tickets(name, week))).mappings().all()
        counted = (await connection.execute(per_person(name, week))).mappings().all()
        held = (await connection.execute(backlog(name, week))).mappings().all()

        answers, answered_by, answer_verdicts = self._first_responses(opened, changes, as_of)
        resolutions, resolution_verdicts = self._resolutions(resolved, changes)
        answer_due, answer_met = tally(answer_verdicts)
        age_at = min(week.end, as_of)
        per_day = self._profile.business_hours.minutes_per_day
        return WeekMeasures(
            opened=counts["opened"],
            resolved=counts["resolved"],
            closed=counts["closed"],
            reopens=counts["reopens"],
            reopen_base=counts["reopen_base"],
            ack_due=counts["ack_due"],
            ack_met=counts["ack_met"],
            first_responses=tuple(answers),
            first_response_due=answer_due,
            first_response_met=answer_met,
            resolutions=tuple(resolutions),
            resolution_met=tally(resolution_verdicts)[1],
            escalations=counts["escalations"],
            parts_requests=counts["parts_requests"],
            service_requests=counts["service_requests"],
            kb_captured=counts["kb_captured"],
            kb_published=counts["kb_published"],
            documentation_answers=counts["documentation_answers"],
            backlog=held[0]["total"] if held else 0,
            backlog_ages=tuple(
                self._clock.between(row["created_at"], age_at) / per_day for row in held
            ),
            people=_people(counted, held, answered_by),
        )

    def _first_responses(
        self, opened: Sequence[Any], changes: dict[int, list], as_of: datetime
    ) -> tuple[list[float], dict[str, list[float]], list[Verdict]]:
        """Minutes to each answered new ticket's first answer, per answerer, and SLA verdicts."""
        minutes: list[float] = []
        by: dict[str, list[float]] = {}
        verdicts: list[Verdict] = []
        for row in opened:
            created, answered, waited = row["created_at"], row["answered_at"], None
            if answered is not None:
                waited = self._sla.elapsed(created, answered)
                minutes.append(waited)
                by.setdefault(row["answered_by"], []).append(waited)
            target = self._target(row["priority"], "first_response")
            if target is not None:
                history = changes.get(row["id"], [])
                verdicts.append(
                    self._sla.verdict(created, answered, target, history, as_of, waited)
                )
        return minutes, by, verdicts

    def _resolutions(
        self, resolved: Sequence[Any], changes: dict[int, list]
    ) -> tuple[list[float], list[Verdict]]:
        """Minutes from creation to resolution of each resolved ticket, and SLA verdicts."""
        minutes: list[float] = []
        verdicts: list[Verdict] = []
        for row in resolved:
            created, done = row["created_at"], row["resolved_at"]
            took = self._sla.elapsed(created, done)
            minutes.append(took)
            target = self._target(row["priority"], "resolution")
            # A ticket of a priority without targets cannot miss one: it counts as met.
            history = changes.get(row["id"], [])
            verdicts.append(
                Verdict.MET
                if target is None
                else self._sla.verdict(created, done, target, history, done, took)
            )
        return minutes, verdicts

    def _target(self, priority: str, which: str) -> int | None:
        try:
            return getattr(self._profile.sla_target(priority), which)
        except KeyError:
            return None

    async def _trend(
        self, connection: AsyncConnection, weeks: list[Week], as_of: datetime
    ) -> tuple[TrendPoint, ...]:
        name = self._profile.name
        counts = {
            row["week"]: (row["reopens"], row["base"])
            for row in (await connection.execute(q.weekly_reopen_rates(name, weeks))).mappings()
        }
        acks = {
            row["week"]: ratio_pct(row["met"], row["due"])
            for row in (await connection.execute(q.weekly_ack_rates(name, weeks, as_of))).mappings()
        }
        points = []
        for i, week in enumerate(weeks):
            reopens, done = counts.get(i, (0, 0))
            points.append(TrendPoint(week, ratio_pct(reopens, done), acks.get(i), done, reopens))
        return tuple(points)

    def _technicians(self, people: tuple[PersonWeek, ...]) -> tuple[TechnicianRow, ...]:
        """Everyone who works tickets, in roster order, then anyone else the week names."""
        profile = self._profile
        mine = {p.person_id: p for p in people}
        order = [p.id for p in profile.people_with_capability(Capability.WORK_TICKETS)]
        order += [p.person_id for p in people if p.person_id not in order and p.person_id]
        if None in mine:
            order.append(None)
        rows = []
        for person_id in order:
            week = mine.get(person_id, PersonWeek(person_id))
            name = name_of(profile, person_id) if person_id else "Unassigned"
            rows.append(
                TechnicianRow(
                    person_id,
                    name,
                    week.assigned,
                    week.resolved,
                    week.reopens,
                    week.first_response_median,
                    week.backlog,
                )
            )
        return tuple(rows)


def _people(
    counted: Sequence[Any], held: Sequence[Any], answered_by: dict[str, list[float]]
) -> tuple[PersonWeek, ...]:
    """Per-person lines from the grouped counts, the backlog per assignee and their answers."""
    counts = {row["person"]: row for row in counted}
    backlog = {row["assignee_id"]: row["held"] for row in held}
    ids = [*counts, *(i for i in backlog if i not in counts)]
    ids += [i for i in answered_by if i not in ids]
    return tuple(
        PersonWeek(
            person_id=i,
            assigned=counts[i]["assigned"] if i in counts else 0,
            resolved=counts[i]["resolved"] if i in counts else 0,
            reopens=counts[i]["reopens"] if i in counts else 0,
            first_responses=tuple(answered_by.get(i, ())) if i else (),
            backlog=backlog.get(i, 0),
        )
        for i in ids
    )
