"""What HubSpot answers, as typed records (only the fields the bot reads; the rest ignored).

HubSpot sends every property value as a string (or null); ids are strings in CRM objects and
owners, numbers in v4 association answers, so ids are read as strings everywhere here.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class CrmObject(_Answer):
    """A CRM record (company, contact, deal): HubSpot's SimplePublicObject."""

    id: str
    properties: dict[str, str | None] = Field(default_factory=dict)
    created_at: datetime | None = Field(default=None, alias="createdAt")
    updated_at: datetime | None = Field(default=None, alias="updatedAt")
    archived: bool = False

    def get(self, name: str) -> str | None:
        """A property's value, None when unset or empty."""
        value = self.properties.get(name)
        return value if value not in (None, "") else None


class SearchPage(_Answer):
    """One page of a search; `after` reads the next, None when this is the last."""

    total: int = 0
    results: list[CrmObject] = Field(default_factory=list)
    after: str | None = None


class AssociationType(_Answer):
    """Why two records are associated: a HubSpot-defined type (unlabeled or primary) or a label
    the account defined (category USER_DEFINED)."""

    category: str
    type_id: int = Field(alias="typeId")
    label: str | None = None


class Association(_Answer):
    """One associated record, with every type that links it (v4 answers list them all)."""

    to_id: str = Field(alias="toObjectId")
    types: list[AssociationType] = Field(default_factory=list, alias="associationTypes")

    @field_validator("to_id", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class Owner(_Answer):
    """A HubSpot owner (a user who can own records)."""

    id: str
    email: str | None = None
    first_name: str | None = Field(default=None, alias="firstName")
    last_name: str | None = Field(default=None, alias="lastName")
    archived: bool = False

    @property
    def name(self) -> str | None:
        """First and last name, else the e-mail, as HubSpot shows an owner."""
        named = " ".join(p for p in (self.first_name, self.last_name) if p and p.strip())
        return named.strip() or self.email


class AccountDetails(_Answer):
    """The account the token belongs to: its portal id and the host of its web app (EU-hosted
    accounts live on app-eu1.hubspot.com)."""

    portal_id: int = Field(alias="portalId")
    ui_domain: str = Field(default="app.hubspot.com", alias="uiDomain")


class Stage(_Answer):
    """A deal pipeline stage; for deals `metadata` carries isClosed and probability."""

    id: str
    label: str
    metadata: dict[str, object] = Field(default_factory=dict)

    @property
    def closed(self) -> bool:
        """Closed won or closed lost, as the stage's metadata says (a string, per its schema)."""
        return str(self.metadata.get("isClosed", "")).lower() == "true"


class Pipeline(_Answer):
    """A deal pipeline and its stages."""

    id: str
    label: str
    stages: list[Stage] = Field(default_factory=list)
