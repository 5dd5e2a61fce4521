"""Harvest's time entry as the bot sends and reads it (API v2, Timesheets: time entries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ExternalReference:
    """What a time entry came from: an id unique to it, the group it belongs to (the ticket) and
    where to open it. Harvest lists entries by `id` (external_reference_id), which is how a retry
    finds the entry an earlier try made."""

    id: str
    group_id: str | None = None
    permalink: str | None = None

    def body(self) -> dict[str, str]:
        """The object Harvest takes, without the parts not known."""
        values = {"id": self.id, "group_id": self.group_id, "permalink": self.permalink}
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True)
class NewTimeEntry:
    """A finished entry to create "via duration": hours given, so Harvest starts no timer.

    `user_id` None: the token's own user, as Harvest defaults it.
    """

    project_id: int
    task_id: int
    spent_date: date
    hours: float
    notes: str | None = None
    user_id: int | None = None
    external_reference: ExternalReference | None = None

    def body(self) -> dict[str, Any]:
        """POST /v2/time_entries's JSON body."""
        values: dict[str, Any] = {
            "project_id": self.project_id,
            "task_id": self.task_id,
            "spent_date": self.spent_date.isoformat(),
            "hours": self.hours,
        }
        if self.notes:
            values["notes"] = self.notes
        if self.user_id is not None:
            values["user_id"] = self.user_id
        if self.external_reference is not None:
            values["external_reference"] = self.external_reference.body()
        return values


@dataclass(frozen=True)
class TimeEntry:
    """A time entry as Harvest holds it (the fields the bot reads)."""

    id: int
    spent_date: str
    hours: float
    user_id: int | None = None
    project_id: int | None = None
    task_id: int | None = None
    notes: str | None = None
    external_reference_id: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TimeEntry:
        """From Harvest's time entry object ({"id", "user": {"id"}, "project": {"id"}, ...})."""
        reference = data.get("external_reference") or {}
        return cls(
            id=int(data["id"]),
            spent_date=str(data.get("spent_date") or ""),
            hours=float(data.get("hours") or 0.0),
            user_id=_id_of(data.get("user")),
            project_id=_id_of(data.get("project")),
            task_id=_id_of(data.get("task")),
            notes=data.get("notes"),
            external_reference_id=str(reference["id"]) if reference.get("id") else None,
        )


def _id_of(value: Any) -> int | None:
    return int(value["id"]) if isinstance(value, dict) and value.get("id") is not None else None
