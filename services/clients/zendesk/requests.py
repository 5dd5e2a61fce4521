"""What the bot asks Zendesk to do, and the JSON each request body takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from services.clients.zendesk.models import FieldValue, Priority, Status


@dataclass(frozen=True)
class NewComment:
    """A comment: public ones are e-mailed to the requester, private ones are internal notes."""

    body: str
    public: bool

    def json(self) -> dict[str, Any]:
        """The `comment` object."""
        return {"body": self.body, "public": self.public}


@dataclass(frozen=True)
class NewTicket:
    """A ticket to file; its description is the first comment; no requester e-mail: the API
    user stands in as requester."""

    requester_name: str
    requester_email: str | None
    subject: str
    description: str
    external_id: str
    priority: Priority | None = None
    custom_fields: dict[int, FieldValue] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    public: bool = True

    def json(self, followup_of: int | None = None) -> dict[str, Any]:
        """The `ticket` object of POST /api/v2/tickets.json."""
        ticket: dict[str, Any] = {
            "subject": self.subject,
            "comment": NewComment(self.description, self.public).json(),
            "external_id": self.external_id,
            "custom_fields": _custom_fields(self.custom_fields),
            "tags": list(self.tags),
        }
        if self.requester_email:
            ticket["requester"] = {"name": self.requester_name, "email": self.requester_email}
        if self.priority:
            ticket["priority"] = self.priority
        if followup_of is not None:
            ticket["via_followup_source_id"] = followup_of
        return ticket


@dataclass(frozen=True)
class TicketUpdate:
    """Changes to one ticket; what is None stays as it is.

    With `updated_stamp` (the ticket's updated_at as last read) the update is a safe update:
    Zendesk answers 409 if the ticket changed since.
    """

    status: Status | None = None
    priority: Priority | None = None
    assignee_id: int | None = None
    comment: NewComment | None = None
    custom_fields: dict[int, FieldValue] = field(default_factory=dict)
    updated_stamp: str | None = None

    def json(self) -> dict[str, Any]:
        """The `ticket` object of PUT /api/v2/tickets/{id}.json."""
        ticket: dict[str, Any] = {}
        for name in ("status", "priority", "assignee_id"):
            if getattr(self, name) is not None:
                ticket[name] = getattr(self, name)
        if self.comment is not None:
            ticket["comment"] = self.comment.json()
        if self.custom_fields:
            ticket["custom_fields"] = _custom_fields(self.custom_fields)
        if self.updated_stamp is not None:
            ticket["safe_update"] = True
            ticket["updated_stamp"] = self.updated_stamp
        return ticket


@dataclass(frozen=True)
class NewArticle:
    """A Help Center article to create in a section."""

    title: str
    body: str
    permission_group_id: int
    user_segment_id: int | None = None  # None: visible to everyone

    def json(self, locale: str) -> dict[str, Any]:
        """The `article` object of POST .../sections/{id}/articles.json."""
        return {
            "title": self.title,
            "body": self.body,
            "locale": locale,
            "permission_group_id": self.permission_group_id,
            "user_segment_id": self.user_segment_id,
        }


def _custom_fields(values: dict[int, FieldValue]) -> list[dict[str, Any]]:
    return [{"id": field_id, "value": value} for field_id, value in values.items()]
