"""One ticket's life on each shipped profile: who plays each part, and what they type.

The whole-life conversation (tests/dialogs/test_whole_life.py) is the same for every desk; only
the people, the intake answers and what the handoff says differ, and they are here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from services.profile import Profile, load_profile
from services.settings import Settings
from tests.harness.desk import Chat, Desk


def monday_9am(profile: Profile) -> datetime:
    """Monday 23 Nov 2026, 09:00 where the desk works: a business day on both desks."""
    return datetime(2026, 11, 23, 9, 0, tzinfo=profile.business_hours.zone).astimezone(UTC)


@dataclass(frozen=True)
class Life:
    """Who files, works, escalates and decides on one desk, and what each of them types."""

    profile: str
    filer: str  # triages: files the call and assigns it
    assignee: str  # owns the ticket and works it
    manager: str  # decides escalations
    engineer: str  # owns an accepted escalation's engineering
    intake: dict[str, Any]
    handoff: dict[str, str]  # the handoff form's answers on top of what it is filled in with
    note: str
    waiting: str  # the profile's key of the status that waits on the customer
    customer: str = "Dana Lee"
    extra: dict[str, Any] = field(default_factory=dict)

    def settings(self, settings: Settings) -> Settings:
        """`settings` on this life's shipped profile."""
        return settings.model_copy(update={"profile": self.profile})

    def person(self, desk: Desk, person_id: str) -> Chat:
        """The roster's person, talking to the bot from Teams under their own e-mail."""
        person = load_profile(self.profile).person(person_id)
        return desk.user(person.name, person.email)


BESTPACK_LIFE = Life(
    profile="bestpack",
    filer="mary",
    assignee="kevin",
    manager="allison",
    engineer="sean",
    intake={
        "company": "Acme Foods",
        "contact_name": "Dana Lee",
        "phone": "+1 555 010 0100",
        "email": "dana@acme.example",
        "site_state": "nj",
        "machine_model": "BP-500 Wrapper",
        "serial_number": "SN-12345",
        "machine_complexity": "standard",
        "subject": "",
        "issue_description": "Infeed conveyor jams when the film roll changes.\nAlarm E42.",
        "issue_type": "controls",
        "production_impact": "false",
        "priority": "",
    },
    handoff={
        "software_versions": "PLC 2.14, HMI 5.2",
        "suspected_cause": "The infeed drive's wiring",
        "containment": "Running at half speed",
        "help_needed": "Check the infeed drive circuit",
    },
    note="Reseated the infeed prox sensor cable; E42 cleared for an hour.",
    waiting="waiting_on_customer",
)

KINETIC_LIFE = Life(
    profile="kinetic",
    filer="sam",
    assignee="riley",
    manager="erin",
    engineer="erin",
    intake={
        "description": "Approval node never completes after the 6.1 upgrade.\nSince Friday.",
        "installation_type": "kinops",
        "environment": "test",
        "application": "Kinetic Request CE 6.1",
        "category": "problem",
        "type": "workflow",
    },
    handoff={
        "software_versions": "Kinetic Request CE 6.1, Task 5.2",
        "suspected_cause": "The 6.1 approval handler",
        "containment": "Approvals done by hand in the console",
        "help_needed": "Find why the approval node never completes",
    },
    note="Reproduced on kinops test: the approval handler times out after 30 s.",
    waiting="waiting_on_contact",
)

LIVES = (BESTPACK_LIFE, KINETIC_LIFE)
