"""How urgent a ticket is and how fast it must move: priorities and SLA targets."""

from __future__ import annotations

from pydantic import Field, PositiveInt, model_validator

from services.profile.base import Frozen, Slug, Text


class Priority(Frozen):
    """A ticket priority; `rank` 1 is the most urgent."""

    key: Slug
    label: Text
    rank: PositiveInt
    description: str = ""
    # The priority a new ticket gets when no intake rule suggests another one.
    default: bool = False


class SlaTarget(Frozen):
    """Targets for one priority, in business minutes from ticket creation."""

    priority: Slug
    acknowledge: PositiveInt
    first_response: PositiveInt
    resolution: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> SlaTarget:
        if not self.acknowledge <= self.first_response <= self.resolution:
            raise ValueError(
                "targets must satisfy acknowledge <= first_response <= resolution "
                f"(got {self.acknowledge}, {self.first_response}, {self.resolution})"
            )
        return self


class SlaPolicy(Frozen):
    """SLA targets per priority plus when to warn and when the clock stops."""

    warn_before_breach_minutes: PositiveInt
    # Keys of the profile's statuses: time waiting on the customer or on parts is not the
    # team's delay.
    paused_statuses: tuple[Slug, ...] = ()
    targets: tuple[SlaTarget, ...] = Field(min_length=1)
