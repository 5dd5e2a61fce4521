"""The top-level Profile: every section of the support process plus the lookups the bot uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal
from uuid import UUID

from pydantic import Field, PrivateAttr, model_validator

from services.profile.base import Frozen, Slug, Text
from services.profile.bp_search import BPSearchSection
from services.profile.checks import reference_problems
from services.profile.errors import ReferenceProblems
from services.profile.forms import FormField, IntakeRule
from services.profile.harvest import HarvestSection
from services.profile.hours import BusinessHours
from services.profile.hubspot import HubSpotSection
from services.profile.index import Index, build_index
from services.profile.intake_lookups import IntakeLookups
from services.profile.knowledge import KnowledgeSettings
from services.profile.policy import (
    ASSIGNEE,
    Channels,
    ClosurePolicy,
    Process,
    ProcessRole,
    Scorecard,
)
from services.profile.roster import Capability, Person, Role, Skill
from services.profile.routines import Routines
from services.profile.routing import Complexity, IssueType, Provider, RoutingRule, ServiceNetwork
from services.profile.sla import Priority, SlaPolicy
from services.profile.status_lookups import StatusLookups
from services.profile.statuses import Status
from services.profile.teams import Team, TeamRoute
from services.profile.zendesk import ZendeskSection


class Profile(Frozen, StatusLookups, IntakeLookups):
    """A support process as configuration: who, what, how fast, and how it is measured."""

    # The lookups by status and priority, and by intake field and rule, come from the two
    # mixins (services/profile/status_lookups.py, intake_lookups.py); people, process and
    # routing lookups are here.

    name: Slug
    title: Text
    company: Text
    version: str = ""
    owner: Slug
    roles: tuple[Role, ...] = Field(min_length=1)
    skills: tuple[Skill, ...] = ()
    roster: tuple[Person, ...] = Field(min_length=1)
    processes: tuple[Process, ...] = ()
    statuses: tuple[Status, ...] = Field(min_length=1)
    priorities: tuple[Priority, ...] = Field(min_length=1)
    sla: SlaPolicy
    business_hours: BusinessHours
    issue_types: tuple[IssueType, ...] = ()
    complexities: tuple[Complexity, ...] = ()
    routing: tuple[RoutingRule, ...] = ()
    # Helper teams the ticket's owner pulls in, and the intake answers that route to each.
    teams: tuple[Team, ...] = ()
    team_routing: tuple[TeamRoute, ...] = ()
    service: ServiceNetwork | None = None
    intake: tuple[FormField, ...] = Field(min_length=1)
    rules: tuple[IntakeRule, ...] = ()
    closure: ClosurePolicy
    scorecard: Scorecard | None = None
    channels: Channels = Channels()
    knowledge: KnowledgeSettings = KnowledgeSettings()
    # The team's daily, weekly and periodic follow-up ([routines]); each one off until set.
    routines: Routines = Routines()
    # Where the tickets are kept: the bot's own database, Zendesk (with its [zendesk] section)
    # or HubSpot (with its [hubspot] section and a stage on every status).
    system_of_record: Literal["embedded", "zendesk", "hubspot"] = "embedded"
    zendesk: ZendeskSection | None = None  # only read with Zendesk as the system of record
    hubspot: HubSpotSection | None = None  # only read with HubSpot as the system of record
    # BP Search: which system answers for the installed base, customers, orders and projects.
    bp_search: BPSearchSection = BPSearchSection()
    # Where the `time` command's entries go in Harvest; read once HARVEST_* are set.
    harvest: HarvestSection | None = None

    _ix: Index = PrivateAttr()

    @model_validator(mode="after")
    def _cross_references(self) -> Profile:
        self._ix = build_index(self)
        problems = reference_problems(self, self._ix)
        if problems:
            raise ReferenceProblems(problems)
        return self

    # --- people -------------------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        """The person with this id; KeyError if nobody has it."""
        return self._ix.people[person_id]

    def person_by_email(self, address: str) -> Person | None:
        """The person whose e-mail or UPN is `address` (case-insensitive), if any."""
        return self._ix.by_email.get(address.strip().casefold())

    def person_by_aad(self, object_id: str | UUID) -> Person | None:
        """The person with this Entra ID (AAD) object id, if any."""
        try:
            return self._ix.by_aad.get(str(UUID(str(object_id))))
        except ValueError:
            return None

    def role(self, role_id: str) -> Role:
        """The role with this id; KeyError if undefined."""
        return self._ix.roles[role_id]

    def people_with_role(self, role_id: str) -> tuple[Person, ...]:
        """Everyone holding `role_id`, in roster order."""
        return self._ix.by_role.get(role_id, ())

    def people_with_capability(self, capability: Capability | str) -> tuple[Person, ...]:
        """Everyone whose roles grant `capability`, in roster order."""
        return self._ix.by_capability.get(Capability(capability), ())

    def capabilities_of(self, person: Person | str) -> frozenset[Capability]:
        """Everything `person` (or person id) may do; empty for someone not on the roster."""
        person_id = person.id if isinstance(person, Person) else person
        return self._ix.capabilities.get(person_id, frozenset())

    def has_capability(self, person: Person | str, capability: Capability | str) -> bool:
        """True if `person` (or person id) holds a role granting `capability`."""
        return Capability(capability) in self.capabilities_of(person)

    def skill(self, key: str) -> Skill:
        """The skill with this key; KeyError if undefined."""
        return self._ix.skills[key]

    # --- process and routing ------------------------------------------------------------------

    def process(self, key_or_number: str | int) -> Process:
        """A process step by key or number; KeyError if undefined."""
        return self._ix.processes[key_or_number]

    def process_owner(self, key_or_number: str | int) -> Person | None:
        """Who owns a process step; None when it is owned by the ticket's assignee."""
        owner = self.process(key_or_number).owner
        return None if owner == ASSIGNEE else self.person(owner)

    def owner_of(self, role: ProcessRole) -> Person | None:
        """Who owns the step playing `role`; None: no step plays it, or the assignee owns it."""
        step = self._ix.process_roles.get(role)
        return None if step is None else self.process_owner(step.key)

    def issue_type(self, key: str) -> IssueType:
        """The issue type with this key; KeyError if undefined."""
        return self._ix.issue_types[key]

    def complexity(self, key: str) -> Complexity:
        """The machine complexity class with this key; KeyError if undefined."""
        return self._ix.complexities[key]

    def skills_for(self, issue_type: str, complexity: str | None = None) -> tuple[str, ...]:
        """Skills a ticket needs: the most specific routing rule, else the issue type's own."""
        routes = self._ix.routes
        rule = routes.get((issue_type, complexity)) or routes.get((issue_type, None))
        return rule.skills if rule else self.issue_type(issue_type).skills

    def candidates_for(self, issue_type: str, complexity: str | None = None) -> tuple[Person, ...]:
        """Who can work such a ticket; empty when the issue type leaves the choice to triage."""
        skills = self.skills_for(issue_type, complexity)
        if not skills:
            return ()
        workers = self.people_with_capability(Capability.WORK_TICKETS)
        return tuple(x for x in workers if x.has_skills(skills))

    def team(self, key: str) -> Team:
        """The helper team with this key; KeyError if undefined."""
        return self._ix.teams[key]

    def team_for(self, answers: Mapping[str, object]) -> Team | None:
        """The team the first matching `[[team_routing]]` entry names; None: the owner decides."""
        route = next((r for r in self.team_routing if r.matches(answers)), None)
        return None if route is None else self.team(route.team)

    def members_of(self, team: Team | str) -> tuple[Person, ...]:
        """Everyone holding one of the team's roles, in roster order."""
        roles = set((team if isinstance(team, Team) else self.team(team)).roles)
        return tuple(x for x in self.roster if roles.intersection(x.roles))

    def provider_for_state(self, state: str) -> Provider | None:
        """The 3rd-party provider serving a US state; None means in-house staff go."""
        return self._ix.providers.get(state.strip().upper())
