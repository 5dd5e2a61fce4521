"""What the fake Harvest holds (users, projects and their task assignments, time entries) and how
it judges a new time entry, as Harvest's API reference (Timesheets: time entries) describes.

A refusal is Harvest's error object {"message": ...} with 422 (its "processing errors"). The
wording of each message is ours: Harvest documents the shape and the status, not the words. One
deliberate difference: a key Harvest does not take is refused (Harvest ignores it), so a
misspelt field in the client fails a test instead of vanishing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

ENTRY_KEYS = {
    "user_id", "project_id", "task_id", "spent_date", "hours", "notes", "external_reference",
    "started_time", "ended_time",
}  # fmt: skip
REFERENCE_KEYS = {"id", "group_id", "account_id", "permalink"}
FIRST_ID = 636718192  # the id in the reference's example answer


class Refusal(Exception):
    """An error answer: status and Harvest-shaped body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.body = {"code": status, "message": message}


@dataclass
class HarvestStore:
    """One account: its users (`me` is the token's), projects with their tasks, time entries."""

    users: dict[int, str] = field(default_factory=lambda: {1782959: "Kim Allen"})
    me: int = 1782959
    projects: dict[int, tuple[str, dict[int, str]]] = field(default_factory=dict)
    entries: dict[int, dict[str, Any]] = field(default_factory=dict)

    def add_project(self, project_id: int, name: str, tasks: dict[int, str]) -> None:
        """A project and the tasks assigned to it."""
        self.projects[project_id] = (name, dict(tasks))

    def create(self, body: Any, now: datetime) -> dict[str, Any]:
        """A new time entry from POST /v2/time_entries's body, or a Refusal."""
        if not isinstance(body, dict):
            raise Refusal(422, "The request body must be a JSON object")
        unknown = set(body) - ENTRY_KEYS
        if unknown:
            raise Refusal(422, f"Unknown parameters: {', '.join(sorted(unknown))}")
        user_id = _whole(body.get("user_id", self.me), "User")
        if user_id not in self.users:
            raise Refusal(422, "User is not a member of this account")
        project_id = _whole(body.get("project_id"), "Project")
        task_id = _whole(body.get("task_id"), "Task")
        if project_id not in self.projects:
            raise Refusal(422, "Project can't be blank or is not a project of this account")
        project, tasks = self.projects[project_id]
        if task_id not in tasks:
            raise Refusal(422, f"Task is not assigned to the project {project}")
        spent = _date(body.get("spent_date"))
        hours = body.get("hours")
        if hours is not None and (
            isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 <= hours < 24
        ):
            raise Refusal(422, "Hours must be a number from 0 to 24")
        entry_id = FIRST_ID + len(self.entries)
        stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = {
            "id": entry_id,
            "spent_date": spent.isoformat(),
            "user": {"id": user_id, "name": self.users[user_id]},
            "project": {"id": project_id, "name": project},
            "task": {"id": task_id, "name": tasks[task_id]},
            "hours": float(hours or 0.0),
            "rounded_hours": math.ceil(float(hours or 0.0) * 4) / 4,  # to the quarter hour
            "notes": body.get("notes"),
            "is_running": hours is None,  # no hours: Harvest starts a timer
            "external_reference": _reference(body.get("external_reference")),
            "created_at": stamp,
            "updated_at": stamp,
        }
        self.entries[entry_id] = entry
        return entry

    def listed(self, query: dict[str, str]) -> list[dict[str, Any]]:
        """GET /v2/time_entries's entries for the filters Harvest documents (user_id,
        project_id, task_id, external_reference_id, from, to), by spent_date."""
        found = list(self.entries.values())
        for key, pick in (
            ("user_id", lambda e: str(e["user"]["id"])),
            ("project_id", lambda e: str(e["project"]["id"])),
            ("task_id", lambda e: str(e["task"]["id"])),
            ("external_reference_id", lambda e: str((e["external_reference"] or {}).get("id"))),
        ):
            if key in query:
                found = [e for e in found if pick(e) == query[key]]
        if "from" in query:
            found = [e for e in found if e["spent_date"] >= _date(query["from"]).isoformat()]
        if "to" in query:
            found = [e for e in found if e["spent_date"] <= _date(query["to"]).isoformat()]
        return sorted(found, key=lambda e: e["spent_date"], reverse=True)


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refusal(422, f"{what} can't be blank")
    return value


def _date(value: Any) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise Refusal(422, "Spent date can't be blank or is not a date") from None


def _reference(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - REFERENCE_KEYS or not value.get("id"):
        raise Refusal(422, "External reference must be an object with an id")
    return {key: value.get(key) for key in sorted(REFERENCE_KEYS)}
