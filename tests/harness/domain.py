"""The domain as the tests use it: the BestPack profile, fixed business times, a ticket factory."""

import tomllib
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from services.profile import Profile, load_profile
from services.profile.loader import SHIPPED
from services.tickets import Change, Ticket, TicketDraft, TicketEvent, TicketStatus

BESTPACK: Profile = load_profile("bestpack")

# A controls problem as intake captures it, for the repository tests.
DRAFT = TicketDraft(
    subject="Sealer stops after 20 cases",
    description="Alarm 204 on the HMI.",
    priority="high",
    issue_type="controls",
    complexity="standard",
    company="Acme Foods",
    fields={"site_state": "ut", "production_impact": False},
)

# Monday 30 Nov 2026, 09:00 Pacific (UTC-8): a plain business day after Thanksgiving week.
MONDAY_9AM = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
BUSINESS_DAY = timedelta(days=1)  # Mon..Fri with no holidays in between: one business day each


def bestpack_variant(change: Callable[[dict[str, Any]], None]) -> Profile:
    """The BestPack profile with `change` applied to its TOML data, validated afresh."""
    data = tomllib.loads((SHIPPED / "bestpack.toml").read_text(encoding="utf-8"))
    change(data)
    return Profile.model_validate(data)


def weekdays_later(days: int, start: datetime = MONDAY_9AM) -> datetime:
    """`days` business days after `start` (valid while the span holds no weekend or holiday)."""
    moment = start
    for _ in range(days):
        moment += BUSINESS_DAY
        while moment.astimezone(BESTPACK.business_hours.zone).weekday() >= 5:
            moment += BUSINESS_DAY
    return moment


def make_ticket(**overrides: Any) -> Ticket:
    """A controls ticket on a standard machine, raised Monday 09:00 by Mary; override anything."""
    values: dict[str, Any] = {
        "id": 1,
        "number": "BP-1001",
        "profile": "bestpack",
        "status": TicketStatus.NEW,
        "priority": "normal",
        "subject": "HMI shows alarm 204 after restart",
        "requester_id": "mary",
        "created_at": MONDAY_9AM,
        "updated_at": MONDAY_9AM,
        "status_changed_at": MONDAY_9AM,
        "issue_type": "controls",
        "complexity": "standard",
        "company": "Acme Foods",
        "ack_due_at": MONDAY_9AM + timedelta(hours=1),
    }
    return Ticket(**(values | overrides))


def assigned_to(person_id: str, **overrides: Any) -> Ticket:
    """A ticket acknowledged and assigned to `person_id`, not yet started."""
    values: dict[str, Any] = {
        "status": TicketStatus.ASSIGNED,
        "assignee_id": person_id,
        "acknowledged_at": MONDAY_9AM + timedelta(minutes=10),
    }
    return make_ticket(**(values | overrides))


def resolved_by(person_id: str, at: datetime = MONDAY_9AM, **overrides: Any) -> Ticket:
    """A ticket `person_id` resolved at `at`, awaiting the customer's confirmation."""
    values = {"status": TicketStatus.RESOLVED, "resolved_at": at, "status_changed_at": at}
    return assigned_to(person_id, **(values | {"updated_at": at} | overrides))


def closed_by(person_id: str, at: datetime = MONDAY_9AM, **overrides: Any) -> Ticket:
    """A ticket `person_id` closed at `at`."""
    return replace(
        resolved_by(person_id, at, **overrides),
        status=TicketStatus.CLOSED,
        closed_at=at,
    )


def only_event(change: Change) -> TicketEvent:
    """The single event a command produced (fails if there were more or none)."""
    (event,) = change.events
    return event
