"""The weekly scorecard (process "Measure"): what a week's ticket events add up to, vs targets.

Definitions, used everywhere (card, chart, tests). A week runs Monday 00:00 to the next Monday
00:00 in the business timezone (profile.business_hours), ISO-numbered ("2026-W47"); an event
belongs to the week its timestamp falls in. Durations are business minutes on the profile's
BusinessClock (services.tickets.rules.business_clock).

* Reopen rate (the headline): reopened events in the week / distinct tickets with a resolved or
  closed event in the week, in %. A ticket resolved and closed in the same week counts once; one
  resolved in one week and closed in the next counts in both. "—" when nothing was resolved.
* Opened: tickets created in the week. Resolved / closed: distinct tickets with such an event.
* Acknowledged in time: of the week's new tickets with an acknowledgement deadline
  (tickets.ack_due_at, set by intake and triage), those whose first acknowledged event came by
  it. One not yet acknowledged counts as missed once its deadline has passed, else not at all.
* First response: business minutes from creation to the first customer-visible note, for the
  week's new tickets that have one (median; "—" for none). Within SLA: the first-response
  target of the ticket's priority, counted on the SLA clock, which stops while the ticket waits
  in the profile's paused statuses; unanswered tickets count as missed once past the target.
* Time to resolution: business minutes from creation to the ticket's last resolved event in the
  week (median, and nearest-rank 90th percentile), pauses included, as the customer waited.
  Within SLA: the resolution target of its priority on the SLA clock (pauses excluded).
* SLA breaches: acknowledgement, first-response and resolution deadlines missed above.
* Escalations, parts requests, service requests, KB articles captured: rows created in the week;
  KB articles published: published in the week.
* Answered from documentation: distinct tickets answered with a KB article's link in the week
  (the documentation-answer event); a line only on a desk whose [scorecard] sets it a target.
* Backlog: tickets open (neither resolved nor closed) at the week's end; their age in business
  days from creation to the week's end (median and oldest).
* Per person: tickets assigned to them in the week (assignments and accepted escalations),
  tickets they resolved, reopens of tickets they resolved last, the median first response of
  the new tickets they answered first, and their backlog at the week's end.

Every count is made in SQL (services.scorecard.queries and .people, SQLAlchemy Core for SQLite
and PostgreSQL), which also selects the week's tickets and events; business minutes, SLA
verdicts and percentiles are computed in Python from the timestamps selected
(services.scorecard.measures). The queries rely on a ticket's updated_at being at or after each
of its events (every workflow command sets it to the time of its change): that finds a week's
events through the tickets alive that week, and a backlog ticket's state at a week's end.
"""

from services.scorecard.figures import NO_VALUE, shown, shown_change, shown_target, shown_verdict
from services.scorecard.model import (
    Figure,
    PersonWeek,
    TechnicianRow,
    TrendPoint,
    WeeklyScorecard,
    WeekMeasures,
)
from services.scorecard.service import TREND_WEEKS, Scorecards
from services.scorecard.weeks import (
    ACCEPTED_FORMS,
    Week,
    WeekError,
    last_complete_week,
    parse_week,
    week_containing,
)

__all__ = [
    "ACCEPTED_FORMS",
    "NO_VALUE",
    "TREND_WEEKS",
    "Figure",
    "PersonWeek",
    "Scorecards",
    "TechnicianRow",
    "TrendPoint",
    "Week",
    "WeekError",
    "WeekMeasures",
    "WeeklyScorecard",
    "last_complete_week",
    "parse_week",
    "shown",
    "shown_change",
    "shown_target",
    "shown_verdict",
    "week_containing",
]
