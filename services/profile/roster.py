"""Who is on the team: capabilities, roles, skills and people."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from pydantic import PositiveInt

from services.profile.base import Email, Frozen, Slug, Text


class Capability(StrEnum):
    """What a role lets someone do; code checks these, never role names."""

    TRIAGE = "triage"  # classify, set priority, acknowledge new tickets
    ASSIGN = "assign"  # assign or reassign a ticket to someone else
    WORK_TICKETS = "work_tickets"  # may be the assignee of a ticket
    RESOLVE_ANY = "resolve_any"  # resolve or close a ticket assigned to someone else
    ACCEPT_ESCALATION = "accept_escalation"  # receives escalations from troubleshooting
    TAKE_ESCALATION = "take_escalation"  # may own the engineering of an accepted escalation
    APPROVE_NON_BILLABLE = "approve_non_billable"  # signs off on non-billable service
    ANSWER_PARTS = "answer_parts"  # part quotes, part numbers, order status
    SCHEDULE_SERVICE = "schedule_service"  # service requests and 3rd-party dispatch
    PUBLISH_KB = "publish_kb"  # approves knowledge-base articles
    VIEW_SCORECARD = "view_scorecard"  # sees team-wide metrics, not only their own
    VIEW_SYNC = "view_sync"  # sees what waits for the system of record and what it refused


class Role(Frozen):
    """A process role; people come and go, roles stay."""

    id: Slug
    label: Text
    description: str = ""
    capabilities: tuple[Capability, ...] = ()


class Skill(Frozen):
    """A technical skill routing can ask for."""

    key: Slug
    label: Text


class Person(Frozen):
    """A team member: identity for Teams lookups plus the roles and skills they hold."""

    id: Slug
    name: Text
    title: Text
    email: Email
    # Only needed when the Teams sign-in name differs from the mail address.
    upn: Email | None = None
    # Unset until the person has been matched in Entra ID; e-mail/UPN lookup covers the gap.
    aad_object_id: UUID | None = None
    roles: tuple[Slug, ...] = ()
    skills: tuple[Slug, ...] = ()
    # Their user id in Harvest, whose timesheet their `time` entries go to; None: the Harvest
    # token's own user (Harvest's default for an entry that names no user).
    harvest_user_id: PositiveInt | None = None

    def has_skills(self, skills: tuple[str, ...]) -> bool:
        """True if this person holds every one of `skills`."""
        return set(skills) <= set(self.skills)
