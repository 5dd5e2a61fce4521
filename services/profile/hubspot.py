"""The profile's [hubspot] section: where the desk's tickets live in its HubSpot account.

Credentials stay in the settings (HUBSPOT_*); this says which ticket pipeline the desk files
into, which ticket property holds the bot's number, which ticket property holds each intake
answer (with the option values of an enumeration whose internal values differ from the
intake's keys, as hs_ticket_category's do), and which hs_ticket_priority each priority is.
Each [[statuses]] entry names its pipeline stage with `hubspot = "<stage id>"`. Whether the
ids exist is HubSpot's to say, checked at start-up (services/sync/hubspot/account_check.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, model_validator

from services.profile.base import Frozen, Slug
from services.profile.errors import Problem

if TYPE_CHECKING:
    from services.profile.models import Profile

# HubSpot's internal names: lowercase, digits and underscores, starting with a letter.
PropertyName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,99}$")]
# Pipeline and stage ids: "0" and "1" in a new account, long numbers or words later.
RecordId = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]
OptionValue = Annotated[str, Field(min_length=1, max_length=100)]
HubSpotPriority = Literal["LOW", "MEDIUM", "HIGH", "URGENT"]
# Set by the sync itself from the ticket: an intake answer mapped onto one would be overwritten.
RESERVED = frozenset(
    {"subject", "content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority"}
)


class MappedProperty(Frozen):
    """An intake answer written to an enumeration property whose option values are not the
    intake's choice keys: `values` maps each choice key to the option's internal value."""

    property: PropertyName
    values: dict[str, OptionValue] = Field(default_factory=dict)


class HubSpotSection(Frozen):
    """[hubspot]: the pipeline, the number's property, the answers' properties, the priorities."""

    pipeline: RecordId
    # A single-line text ticket property the admin creates: the bot's number ("KD-1001"), so a
    # create whose answer was lost is found again instead of filed twice.
    number_property: PropertyName
    properties: dict[Slug, PropertyName | MappedProperty] = Field(default_factory=dict)
    priorities: dict[Slug, HubSpotPriority] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_answer_per_property(self) -> HubSpotSection:
        # Two answers written to one property would overwrite each other.
        seen: dict[str, str] = {self.number_property: "number_property"}
        for name in self.properties:
            target = self.property_of(name)
            if target in seen:
                raise ValueError(f"'{name}' and '{seen[target]}' both map to property {target}")
            seen[target] = name
        return self

    def property_of(self, field_id: str) -> str | None:
        """The ticket property that holds an intake answer; None when it is not mapped."""
        mapped = self.properties.get(field_id)
        return mapped.property if isinstance(mapped, MappedProperty) else mapped

    def option_values(self, field_id: str) -> dict[str, str]:
        """Choice key -> option value for an answer mapped with `values` (else empty)."""
        mapped = self.properties.get(field_id)
        return dict(mapped.values) if isinstance(mapped, MappedProperty) else {}


def hubspot_problems(p: Profile) -> Iterator[Problem]:
    """With HubSpot as the system of record: the section, a stage per status, a value per
    priority; always: mapped fields are intake fields, and value maps cover their choices."""
    section = p.hubspot
    if p.system_of_record == "hubspot":
        if section is None:
            yield Problem(("hubspot",), 'system_of_record = "hubspot" needs a [hubspot] section')
        for i, status in enumerate(p.statuses):
            if status.hubspot is None:
                yield Problem(
                    ("statuses", i, "hubspot"),
                    f"'{status.key}' needs the id of its HubSpot pipeline stage",
                )
        if section is not None:
            for priority in p.priorities:
                if priority.key not in section.priorities:
                    yield Problem(
                        ("hubspot", "priorities", priority.key),
                        "every priority needs its hs_ticket_priority (LOW, MEDIUM, HIGH, URGENT)",
                    )
    if section is None:
        return
    known = {x.key for x in p.priorities}
    for key in section.priorities:
        if key not in known:
            yield Problem(("hubspot", "priorities", key), f"'{key}' is not a priority key")
    yield from _property_problems(p, section)


def _property_problems(p: Profile, section: HubSpotSection) -> Iterator[Problem]:
    intake = {f.id: f for f in p.intake}
    for name, mapped in section.properties.items():
        loc = ("hubspot", "properties", name)
        if name not in intake:
            yield Problem(loc, f"'{name}' is not an intake field id")
            continue
        target = section.property_of(name)
        if target in RESERVED:
            yield Problem(loc, f"{target} is set from the ticket itself; map the answer elsewhere")
        if not isinstance(mapped, MappedProperty) or not mapped.values:
            continue
        keys = {c.key for c in p.choices_for(intake[name])}
        if not keys:
            yield Problem((*loc, "values"), f"'{name}' is not a choice field: it has no options")
            continue
        for key in mapped.values:
            if key not in keys:
                yield Problem((*loc, "values", key), f"'{key}' is not one of {name}'s choices")
        for key in sorted(keys - set(mapped.values)):
            yield Problem((*loc, "values"), f"the choice '{key}' has no option value")
