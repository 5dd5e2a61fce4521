"""The profile's optional [zendesk] section: where the desk's data lives in its Zendesk.

Credentials stay in the settings (ZENDESK_*); this says which Zendesk ticket field holds each
intake answer and where new knowledge articles go. Ticket statuses keep their Zendesk status
on each [[statuses]] entry. Whether the ids exist is Zendesk's to say, checked at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, PositiveInt, model_validator

from services.profile.base import Frozen, Slug
from services.profile.errors import Problem

if TYPE_CHECKING:
    from services.profile.models import Profile

Locale = Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z]{2})?$")]


class HelpCenter(Frozen):
    """Where a published knowledge article goes in Zendesk Guide, and who may edit it there."""

    locale: Locale = "en-us"
    section_id: PositiveInt
    permission_group_id: PositiveInt
    user_segment_id: PositiveInt | None = None  # None: every visitor may read it


class ZendeskSection(Frozen):
    """[zendesk]: intake field id -> Zendesk ticket field id, and the Help Center section."""

    fields: dict[Slug, PositiveInt] = Field(default_factory=dict)
    help_center: HelpCenter | None = None

    @model_validator(mode="after")
    def _one_intake_field_per_zendesk_field(self) -> ZendeskSection:
        # Two answers written to one Zendesk field would overwrite each other.
        seen: dict[int, str] = {}
        for name, field_id in self.fields.items():
            if field_id in seen:
                raise ValueError(
                    f"'{name}' and '{seen[field_id]}' both map to Zendesk field {field_id}"
                )
            seen[field_id] = name
        return self


def zendesk_problems(p: Profile) -> Iterator[Problem]:
    """Every [zendesk.fields] key must be one of the intake's field ids."""
    if p.zendesk is None:
        return
    intake = {f.id for f in p.intake}
    for name in p.zendesk.fields:
        if name not in intake:
            yield Problem(("zendesk", "fields", name), f"'{name}' is not an intake field id")
