"""How the account is set up for tickets: its ticket pipelines and stages, its ticket
properties with their options, and its owners by e-mail.

Read for the start-up check (the profile's pipeline, stages and properties exist) and to make
a roster member a ticket's owner. From HubSpot's pipelines v3, properties v3 and owners v3
references: GET /crm/v3/pipelines/tickets, GET /crm/v3/properties/tickets, GET
/crm/v3/owners?email=.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from services.clients.hubspot.api import HubSpotApi
from services.clients.hubspot.models import Owner, Pipeline


class _Answer(BaseModel):
    # What the bot does not read is ignored, so a field HubSpot adds breaks nothing.
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class Option(_Answer):
    """One option of an enumeration property: its internal value and its label."""

    value: str
    label: str = ""
    hidden: bool = False


class PropertyDefinition(_Answer):
    """A ticket property: its internal name, type, and (for an enumeration) its options."""

    name: str
    label: str = ""
    type: str = "string"
    field_type: str = Field(default="text", alias="fieldType")
    options: list[Option] = Field(default_factory=list)
    archived: bool = False
    read_only: bool = Field(default=False, alias="readOnlyValue")

    @property
    def choices(self) -> set[str] | None:
        """The values an enumeration accepts (None: any text)."""
        return {o.value for o in self.options} if self.type == "enumeration" else None


class TicketSetup:
    """The ticket pipelines, ticket properties and owners of the account."""

    def __init__(self, api: HubSpotApi) -> None:
        self._api = api

    async def pipelines(self) -> list[Pipeline]:
        """Every ticket pipeline with its stages (each stage's metadata has its ticketState)."""
        answer = await self._api.call("GET", "/crm/v3/pipelines/tickets")
        return [Pipeline.model_validate(p) for p in answer.get("results", [])]

    async def properties(self) -> dict[str, PropertyDefinition]:
        """The ticket properties by internal name (archived ones left out)."""
        answer = await self._api.call("GET", "/crm/v3/properties/tickets")
        found = [PropertyDefinition.model_validate(p) for p in answer.get("results", [])]
        return {p.name: p for p in found if not p.archived}

    async def owner_by_email(self, email: str, patience: float | None = None) -> Owner | None:
        """The active owner (a user who can own records) with this e-mail, if any."""
        params = {"email": email, "limit": 1, "archived": "false"}
        answer = await self._api.call("GET", "/crm/v3/owners", params=params, patience=patience)
        owners = [Owner.model_validate(o) for o in answer.get("results", [])]
        return next((o for o in owners if not o.archived), None)
