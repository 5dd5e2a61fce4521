"""What Zendesk answers, as typed records (only the fields the bot reads; the rest ignored)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["new", "open", "pending", "hold", "solved", "closed"]
Priority = Literal["urgent", "high", "normal", "low"]
Role = Literal["end-user", "agent", "admin"]
FieldValue = str | int | float | bool | list[str] | None


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class CustomFieldValue(_Answer):
    """One custom field on a ticket."""

    id: int
    value: FieldValue = None


class Ticket(_Answer):
    """A Zendesk ticket."""

    id: int
    external_id: str | None = None
    subject: str | None = None
    description: str | None = None
    status: Status
    priority: Priority | None = None
    type: str | None = None
    requester_id: int | None = None
    assignee_id: int | None = None
    tags: list[str] = Field(default_factory=list)
    custom_fields: list[CustomFieldValue] = Field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def field(self, field_id: int) -> FieldValue:
        """A custom field's value, None when unset or absent."""
        return next((f.value for f in self.custom_fields if f.id == field_id), None)


class Comment(_Answer):
    """One comment on a ticket: public (the requester sees it) or an internal note."""

    id: int
    author_id: int | None = None
    body: str = ""
    public: bool
    created_at: datetime | None = None


class User(_Answer):
    """A Zendesk user: an agent, an admin, or a customer (end-user)."""

    id: int
    name: str = ""
    email: str | None = None
    role: Role
    active: bool = True

    @property
    def is_admin(self) -> bool:
        """Admins may read the incremental export, which the catch-up sync needs."""
        return self.role == "admin"


class TicketField(_Answer):
    """A ticket field the account has (system or custom)."""

    id: int
    type: str
    title: str
    active: bool = True


class ExportPage(_Answer):
    """One page of the incremental ticket export; keep `after_cursor` for the next call."""

    tickets: list[Ticket]
    after_cursor: str | None = None
    end_of_stream: bool


class Article(_Answer):
    """A Help Center article."""

    id: int
    title: str
    body: str | None = None
    locale: str
    section_id: int | None = None
    author_id: int | None = None
    html_url: str | None = None
    draft: bool = False
    updated_at: datetime | None = None


class ArticlePage(_Answer):
    """One page of a section's articles; `after_cursor` fetches the next while `has_more`."""

    articles: list[Article]
    after_cursor: str | None = None
    has_more: bool = False
