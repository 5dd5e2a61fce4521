"""What the fake Zendesk holds: tickets, comments, users, ticket fields, Help Center articles.

Operations apply the rules Zendesk documents: a closed ticket refuses updates (422) and only
a closed ticket may have a follow-up; an end-user's reply to a pending, on-hold or solved
ticket reopens it; a safe update with a stale `updated_stamp` gets 409.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.harness.fake_zendesk_checks import (
    Refusal,
    article_values,
    invalid,
    not_found,
    ticket_values,
)


def stamp(at: datetime) -> str:
    """Zendesk's timestamp format."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class ZendeskStore:
    """One account's data, in memory."""

    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    fields: dict[int, dict[str, Any]] = field(default_factory=dict)
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    sections: dict[int, str] = field(default_factory=dict)  # section id -> its locale
    articles: dict[int, dict[str, Any]] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(4711))
    _last_change: datetime | None = None

    def add_user(self, name: str, email: str, role: str = "agent") -> dict[str, Any]:
        """A user (role "end-user", "agent" or "admin")."""
        user = {"id": 360000 + len(self.users) + 1, "name": name, "email": email.lower()}
        user |= {"role": role, "active": True}
        self.users[user["id"]] = user
        return user

    def add_field(self, title: str, kind: str = "text") -> int:
        """A custom ticket field; its id."""
        field_id = 900000 + len(self.fields) + 1
        self.fields[field_id] = {"id": field_id, "type": kind, "title": title, "active": True}
        return field_id

    def user_by_email(self, email: str) -> dict[str, Any] | None:
        return next((u for u in self.users.values() if u["email"] == email.lower()), None)

    def _now(self) -> datetime:
        # Strictly increasing, so every change gets a new updated_at (safe updates rely on it).
        now = self.clock().replace(microsecond=0)
        if self._last_change is not None and now <= self._last_change:
            now = self._last_change + timedelta(seconds=1)
        self._last_change = now
        return now

    def ticket(self, ticket_id: int) -> dict[str, Any]:
        """A ticket by id, or 404."""
        if ticket_id not in self.tickets:
            raise not_found()
        return self.tickets[ticket_id]

    def create_ticket(self, body: dict[str, Any], author: dict[str, Any]) -> dict[str, Any]:
        """POST /api/v2/tickets.json."""
        ticket_values(body, set(self.fields), creating=True)
        source = body.get("via_followup_source_id")
        if source is not None and self.ticket(source)["status"] != "closed":
            raise invalid(
                "via_followup_source_id", "Follow-ups can only be made from closed tickets"
            )
        requester = author
        if body.get("requester"):
            given = body["requester"]
            requester = self.user_by_email(given["email"]) or self.add_user(
                given.get("name") or given["email"], given["email"], "end-user"
            )
        now = stamp(self._now())
        ticket_id = next(self._ids)
        ticket = {
            "id": ticket_id, "external_id": body.get("external_id"),
            "subject": body.get("subject"), "raw_subject": body.get("subject"),
            "description": body["comment"].get("body") or body["comment"].get("html_body"),
            "status": body.get("status", "new"), "priority": body.get("priority"),
            "type": body.get("type"), "requester_id": requester["id"],
            "submitter_id": author["id"], "assignee_id": None, "tags": body.get("tags", []),
            "custom_fields": [{"id": f, "value": None} for f in self.fields],
            "followup_ids": [], "created_at": now, "updated_at": now,
            "via": {"channel": "api", "source": {"from": {}, "to": {}, "rel": None}},
        }  # fmt: skip
        if source is not None:
            ticket["via"]["source"] = {"from": {"ticket_id": source}, "rel": "follow_up"}
            self.tickets[source]["followup_ids"].append(ticket_id)
        self.tickets[ticket_id] = ticket
        self.comments[ticket_id] = []
        self._apply(ticket, {"custom_fields": body.get("custom_fields", [])})
        self._comment(ticket, body["comment"], author, now)
        return ticket

    def update_ticket(
        self, ticket_id: int, body: dict[str, Any], author: dict[str, Any]
    ) -> dict[str, Any]:
        """PUT /api/v2/tickets/{id}.json."""
        ticket = self.ticket(ticket_id)
        ticket_values(body, set(self.fields), creating=False)
        if ticket["status"] == "closed":
            raise invalid("status", "Status: closed prevents ticket update")
        if body.get("safe_update") and body.get("updated_stamp") != ticket["updated_at"]:
            description = (
                "Safe Update prevented the update due to outdated ticket data. "
                "Please fetch the latest ticket data and try again."
            )
            raise Refusal(409, {"error": "UpdateConflict", "description": description})
        assignee = body.get("assignee_id")
        if assignee is not None and self.users.get(assignee, {}).get("role") not in {
            "agent",
            "admin",
        }:
            raise invalid("assignee", "Assignee: is not an agent")
        now = stamp(self._now())
        self._apply(ticket, body)
        if ticket["status"] == "new" and ticket["assignee_id"] is not None:
            ticket["status"] = "open"  # Zendesk opens a new ticket once it has an assignee
        if body.get("comment"):
            self._comment(ticket, body["comment"], author, now)
        ticket["updated_at"] = now
        return ticket

    def _apply(self, ticket: dict, body: dict) -> None:
        for name in ("status", "priority", "type", "subject", "assignee_id", "external_id"):
            if name in body:
                ticket[name] = body[name]
        if "tags" in body:
            ticket["tags"] = body["tags"]
        values = {entry["id"]: entry["value"] for entry in body.get("custom_fields", [])}
        for entry in ticket["custom_fields"]:
            entry["value"] = values.get(entry["id"], entry["value"])

    def _comment(self, ticket: dict, comment: dict, author: dict, now: str) -> None:
        earlier = self.comments[ticket["id"]]
        public = comment.get("public", earlier[0]["public"] if earlier else True)
        self.comments[ticket["id"]].append(
            {
                "id": 7000000 + sum(len(c) for c in self.comments.values()),
                "type": "Comment", "author_id": author["id"],
                "body": comment.get("body") or comment.get("html_body"),
                "public": public, "created_at": now,
            }
        )  # fmt: skip

    def customer_reply(self, ticket_id: int, body: str) -> dict[str, Any]:
        """The requester answers by e-mail: a public comment, and the ticket opens again."""
        ticket = self.ticket(ticket_id)
        if ticket["status"] == "closed":
            raise invalid("status", "Status: closed prevents ticket update")
        now = stamp(self._now())
        requester = self.users[ticket["requester_id"]]
        self._comment(ticket, {"body": body, "public": True}, requester, now)
        if ticket["status"] in {"pending", "hold", "solved"}:
            ticket["status"] = "open"
        ticket["updated_at"] = now
        return ticket

    def mailed_in(self, name: str, email: str, subject: str, body: str) -> dict[str, Any]:
        """A customer e-mails the support address: Zendesk files a ticket they requested."""
        requester = self.user_by_email(email) or self.add_user(name, email, "end-user")
        ticket = self.create_ticket(
            {"subject": subject, "comment": {"body": body, "public": True}}, requester
        )
        ticket["via"] = {"channel": "email", "source": {"from": {"address": email}, "rel": None}}
        return ticket

    def close(self, ticket_id: int) -> None:
        """What Zendesk's automation does some days after a ticket was solved."""
        self.ticket(ticket_id)["status"] = "closed"
        self.tickets[ticket_id]["updated_at"] = stamp(self._now())

    def create_article(
        self, locale: str, section_id: int, body: dict, author: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """POST /api/v2/help_center/{locale}/sections/{id}/articles.json (its author: the
        requesting user)."""
        if self.sections.get(section_id) != locale:
            raise not_found()
        article_values(body, locale)
        article_id = 3600000 + len(self.articles) + 1
        now = stamp(self._now())
        self.articles[article_id] = {
            "id": article_id, "title": body["title"], "body": body.get("body"),
            "locale": locale, "source_locale": locale, "section_id": section_id,
            "permission_group_id": body["permission_group_id"],
            "user_segment_id": body["user_segment_id"], "draft": body.get("draft", False),
            "html_url": f"https://example.zendesk.com/hc/{locale}/articles/{article_id}",
            "author_id": author["id"] if author else None, "label_names": [],
            "created_at": now, "updated_at": now,
        }  # fmt: skip
        return self.articles[article_id]

    def edit_article(self, article_id: int, **changes: Any) -> dict[str, Any]:
        """An agent edits an article in Guide (title, body, draft): its updated_at moves."""
        article = self.articles[article_id]
        article.update(changes)
        article["updated_at"] = stamp(self._now())
        return article
