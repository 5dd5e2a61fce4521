"""The support process as configuration: load a profile and ask it who, what and how fast."""

from services.profile.errors import ProfileError
from services.profile.forms import (
    Choice,
    ChoiceSource,
    FieldKind,
    FieldRole,
    FormField,
    IntakeRule,
    RuleAction,
)
from services.profile.hours import BusinessHours, Holiday
from services.profile.loader import load_profile, shipped_profiles
from services.profile.models import Profile
from services.profile.policy import (
    ASSIGNEE,
    Channels,
    ClosurePolicy,
    Direction,
    Metric,
    Process,
    ProcessRole,
    Scorecard,
    ScorecardTarget,
    Unit,
)
from services.profile.roster import Capability, Person, Role, Skill
from services.profile.routing import Complexity, IssueType, Provider, RoutingRule, ServiceNetwork
from services.profile.sla import Priority, SlaPolicy, SlaTarget
from services.profile.statuses import Status, TicketStatus
from services.profile.teams import Team, TeamRoute

__all__ = [
    "ASSIGNEE",
    "BusinessHours",
    "Capability",
    "Channels",
    "Choice",
    "ChoiceSource",
    "ClosurePolicy",
    "Complexity",
    "Direction",
    "FieldKind",
    "FieldRole",
    "FormField",
    "Holiday",
    "IntakeRule",
    "IssueType",
    "Metric",
    "Person",
    "Priority",
    "Process",
    "ProcessRole",
    "Profile",
    "ProfileError",
    "Provider",
    "Role",
    "RoutingRule",
    "RuleAction",
    "Scorecard",
    "ScorecardTarget",
    "ServiceNetwork",
    "Skill",
    "SlaPolicy",
    "SlaTarget",
    "Status",
    "Team",
    "TeamRoute",
    "TicketStatus",
    "Unit",
    "load_profile",
    "shipped_profiles",
]
