"""The Kinetic-style desk with its routines switched on, and tickets on it for the stories.

The profile is tests/harness/profiles.py's KINETIC with the seed's routines added: Sam (the
Support Specialist) gets a daily check at 08:30 Central, the queue review posts on Mondays at
09:00 to a review channel, escalated tickets' customers hear every 2 business days, and a
ticket waiting on its contact is warned after 7 silent business days and closes 3 later.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from services.settings import Settings
from services.tickets import EventKind, Ticket, check_draft, draft_from_answers
from services.tickets.history import event, touched
from services.tickets.workflow import acknowledge, assign, change_status
from tests.harness.desk import Chat, Desk
from tests.harness.profiles import KINETIC
from tests.harness.tickets import services

CENTRAL = ZoneInfo("America/Chicago")
REVIEW_CHANNEL = "19:kinetic-review@thread.tacv2"
ROUTINES = f"""
[routines.daily_check]
role = "support_specialist"
at = 08:30:00
waiting_on_customer_business_days = 3
no_update_business_hours = 9

[routines.weekly_review]
on = "mon"
at = 09:00:00
no_movement_business_days = 5

[routines.status_updates]
every_business_days = 2

[channels]
review = "{REVIEW_CHANNEL}"
"""
ANSWERS = {
    "description": "Approval node never completes.\nSince the 6.1 upgrade.",
    "installation_type": "kinops",
    "environment": "test",
    "application": "Kinetic Request CE",
    "category": "problem",
    "type": "workflow",
}


def central(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Central wall-clock time (Kinetic's business hours) as the UTC instant the app uses."""
    return datetime(year, month, day, hour, minute, tzinfo=CENTRAL).astimezone(UTC)


def kinetic_text(**closure: object) -> str:
    """KINETIC with the routines, and these extra [closure] keys (TOML values as Python)."""
    anchor = 'reopen_policy = "A customer reply on a closed ticket reopens it with the same owner."'
    assert KINETIC.count(anchor) == 1, "the KINETIC fixture changed shape"
    extra = "".join(f"\n{key} = {_toml(value)}" for key, value in closure.items())
    # The [routines] and [channels] tables go last: after the fixture's arrays of tables.
    return KINETIC.replace(anchor, anchor + extra) + ROUTINES


def kinetic_settings(settings: Settings, folder: Path, **closure: object) -> Settings:
    """`settings` on the Kinetic desk with its routines (and the closing warning when given)."""
    path = folder / "kinetic-routines.toml"
    path.write_text(kinetic_text(**closure), encoding="utf-8")
    return settings.model_copy(update={"profile": str(path)})


def kinetic_user(desk: Desk, person_id: str) -> Chat:
    """One of the Kinetic roster as a Teams user (Sam, Eli, ...)."""
    return desk.user(person_id.title(), f"{person_id}@kinetic.example")


async def kinetic_ticket(
    desk: Desk,
    at: datetime,
    *,
    owner: str | None = "sam",
    status: str | None = None,
    contact: str | None = "dana@customer.example",
    external_id: str | None = None,
    **answers: str,
) -> Ticket:
    """A ticket filed from the seed's fields at `at` (from `contact` at Acme Health; with
    `external_id`, its id in the system of record), acknowledged and assigned to `owner` (None:
    left for triage), then set to `status` (a Kinetic status key) if given."""
    app = services(desk)
    profile = app.profile
    draft = check_draft(draft_from_answers(profile, ANSWERS | answers), profile)
    draft = replace(draft, contact_email=contact, company="Acme Health", external_id=external_id)
    ticket, _ = await app.tickets.create(draft, "sam", None, at)
    if owner is None:
        return ticket
    # The specialist owns every ticket end to end, whatever the type's skills say.
    why = "The Support Specialist owns it end to end"
    steps = [
        lambda t: acknowledge(t, "sam", profile, at),
        lambda t: assign(t, "sam", profile, at, assignee_id=owner, override_reason=why),
    ]
    if status:
        steps.append(lambda t: change_status(t, owner, profile, at, status))
    current, events = ticket, []
    for step in steps:
        current, new = step(current)
        events.extend(new)
    return await app.tickets.save(current, ticket.version, events)


async def escalate_at_once(desk: Desk, ticket: Ticket, at: datetime) -> Ticket:
    """Mark the ticket escalated at `at`, as a production ticket is on intake (its timeline says
    so). A stand-in for the kinetic part's escalation rule until it lands on main."""
    app = services(desk)
    new = touched(ticket, at, escalated=True)
    told = event(EventKind.STATUS_CHANGED, "sam", ticket, new, body="Production: escalated")
    return await app.tickets.save(new, ticket.version, [told])


def _toml(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return str(value).lower() if isinstance(value, bool) else str(value)
