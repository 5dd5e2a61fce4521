"""How the fake Zendesk judges a request body, the way Zendesk's API reference says it does.

Refusals carry Zendesk's error shapes: 400 {"error", "description"} for a malformed request,
422 RecordInvalid {"error", "description", "details": {field: [{"description"}]}} for values
Zendesk will not store. One deliberate difference: a key Zendesk does not know is refused with
400 (Zendesk ignores it), so a misspelt field in the client fails a test instead of vanishing.
"""

from __future__ import annotations

import re
from typing import Any

STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
PRIORITIES = ("urgent", "high", "normal", "low")
TYPES = ("problem", "incident", "question", "task")
TICKET_KEYS = {
    "assignee_id", "comment", "custom_fields", "external_id", "priority", "requester",
    "requester_id", "status", "subject", "tags", "type", "via_followup_source_id",
    "safe_update", "updated_stamp", "group_id", "collaborator_ids",
}  # fmt: skip
COMMENT_KEYS = {"body", "html_body", "public", "author_id"}
ARTICLE_KEYS = {"title", "body", "locale", "permission_group_id", "user_segment_id", "draft"}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Refusal(Exception):
    """An error answer: status and Zendesk-shaped body."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body}")
        self.status = status
        self.body = body


def bad_request(description: str, error: str = "InvalidValue") -> Refusal:
    """400 with Zendesk's {"error", "description"}."""
    return Refusal(400, {"error": error, "description": description})


def invalid(field: str, description: str) -> Refusal:
    """422 RecordInvalid naming the field, as Zendesk words validation errors."""
    details = {field: [{"description": description, "error": "InvalidValue"}]}
    return Refusal(
        422,
        {"error": "RecordInvalid", "description": "Record validation errors", "details": details},
    )


def not_found() -> Refusal:
    """404 for an id Zendesk does not have."""
    return Refusal(404, {"error": "RecordNotFound", "description": "Not found"})


def root(body: Any, key: str) -> dict[str, Any]:
    """The object under the request's root key ({"ticket": {...}})."""
    if not isinstance(body, dict) or not isinstance(body.get(key), dict):
        raise bad_request(f"The request body must be a JSON object with a {key!r} object")
    return body[key]


def known_keys(obj: dict[str, Any], allowed: set[str], what: str) -> None:
    """Stricter than Zendesk (see the module docstring)."""
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise bad_request(f"Unknown {what} properties: {', '.join(unknown)}", "UnknownProperty")


def ticket_values(ticket: dict[str, Any], field_ids: set[int], creating: bool) -> None:
    """The enums, types and custom field ids of a ticket create or update."""
    known_keys(ticket, TICKET_KEYS, "ticket")
    for name, allowed in (("status", STATUSES), ("priority", PRIORITIES), ("type", TYPES)):
        if name in ticket and ticket[name] not in allowed:
            raise invalid(name, f"{name.title()}: {ticket[name]!r} is not one of {allowed}")
    if creating and ticket.get("status") == "closed":
        raise invalid("status", "Status: a new ticket cannot be closed")
    comment = ticket.get("comment")
    if creating and not isinstance(comment, dict):
        raise invalid("comment", "Comment: is required to create a ticket")
    if comment is not None:
        _comment(comment)
    if "subject" in ticket and not isinstance(ticket["subject"], str | None):
        raise bad_request("subject must be a string")
    if "external_id" in ticket and not isinstance(ticket["external_id"], str | None):
        raise bad_request("external_id must be a string")
    tags = ticket.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and " " not in t for t in tags):
        raise bad_request("tags must be a list of strings without spaces")
    for entry in ticket.get("custom_fields", []):
        if not isinstance(entry, dict) or set(entry) != {"id", "value"}:
            raise bad_request("custom_fields entries are {id, value}")
        if entry["id"] not in field_ids:
            raise invalid("custom_fields", f"Custom field {entry['id']} does not exist")
    requester = ticket.get("requester")
    if requester is not None:
        if not isinstance(requester, dict) or set(requester) - {"name", "email", "locale_id"}:
            raise bad_request("requester is {name, email}")
        if not _EMAIL.fullmatch(str(requester.get("email") or "")):
            raise invalid("requester", "Requester: Email is not properly formatted")


def _comment(comment: dict[str, Any]) -> None:
    known_keys(comment, COMMENT_KEYS, "comment")
    text = comment.get("body") or comment.get("html_body")
    if not isinstance(text, str) or not text.strip():
        raise invalid("comment", "Comment: cannot be blank")
    if "public" in comment and not isinstance(comment["public"], bool):
        raise bad_request("comment.public must be true or false")


def article_values(article: dict[str, Any], locale: str) -> None:
    """What creating a Help Center article requires."""
    known_keys(article, ARTICLE_KEYS, "article")
    if not isinstance(article.get("title"), str) or not article["title"].strip():
        raise invalid("title", "Title: cannot be blank")
    if not isinstance(article.get("permission_group_id"), int):
        raise invalid("permission_group_id", "Permission group: is required")
    if "user_segment_id" not in article:
        raise invalid("user_segment_id", "User segment: is required (null for everyone)")
    if article.get("locale", locale) != locale:
        raise invalid("locale", "Locale: does not match the locale in the path")
