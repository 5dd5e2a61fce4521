"""The fake Zendesk's endpoints: each answers in the shape Zendesk's API reference shows."""

from __future__ import annotations

import base64
import copy
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from tests.harness.fake_zendesk_checks import Refusal, bad_request, not_found, root
from tests.harness.fake_zendesk_store import ZendeskStore, stamp

MAX_PAGE = 100  # cursor pagination's page[size] limit
EXPORT_PAGE = 1000  # the incremental export's page size
SORTS = {"position", "title", "created_at", "updated_at"}


def _ticket(ticket: dict, base: str) -> dict:
    return {**copy.deepcopy(ticket), "url": f"{base}/api/v2/tickets/{ticket['id']}.json"}


def _cursor(position: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(position).encode()).decode()


def _position(cursor: str) -> Any:
    try:
        return json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError as error:
        raise bad_request("Invalid cursor", "InvalidPaginationParameter") from error


def _page(key: str, items: list, query: dict[str, str]) -> dict[str, Any]:
    """Cursor pagination: page[size] at most 100, page[after] from the last meta."""
    try:
        size = int(query.get("page[size]", MAX_PAGE))
    except ValueError as error:
        raise bad_request("page[size] must be a number", "InvalidPaginationParameter") from error
    if not 0 < size <= MAX_PAGE:
        raise bad_request(f"page[size] must be 1 to {MAX_PAGE}", "InvalidPaginationParameter")
    start = _position(query["page[after]"]) if "page[after]" in query else 0
    if not isinstance(start, int) or start < 0:
        raise bad_request("Invalid cursor", "InvalidPaginationParameter")
    chunk = items[start : start + size]
    more = start + size < len(items)
    meta = {"has_more": more, "after_cursor": _cursor(start + size) if more else None}
    return {key: chunk, "meta": meta | {"before_cursor": None}, "links": {}}


def create_ticket(store: ZendeskStore, user: dict, seen, base: str) -> web.Response:
    ticket = _ticket(store.create_ticket(root(seen.body, "ticket"), user), base)
    return web.json_response({"ticket": ticket}, status=201, headers={"Location": ticket["url"]})


def list_tickets(store: ZendeskStore, user: dict, seen, base: str) -> web.Response:
    found = list(store.tickets.values())
    if "external_id" in seen.query:
        found = [t for t in found if t["external_id"] == seen.query["external_id"]]
    tickets = [_ticket(t, base) for t in found]
    body = {"tickets": tickets, "next_page": None, "previous_page": None, "count": len(tickets)}
    return web.json_response(body)


def show_ticket(store: ZendeskStore, user: dict, seen, base: str, ticket_id: str):
    return web.json_response({"ticket": _ticket(store.ticket(int(ticket_id)), base)})


def update_ticket(store: ZendeskStore, user: dict, seen, base: str, ticket_id: str):
    ticket = store.update_ticket(int(ticket_id), root(seen.body, "ticket"), user)
    audit = {"ticket_id": ticket["id"], "author_id": user["id"], "created_at": ticket["updated_at"]}
    return web.json_response({"ticket": _ticket(ticket, base), "audit": audit})


def list_comments(store: ZendeskStore, user: dict, seen, base: str, ticket_id: str):
    comments = copy.deepcopy(store.comments[store.ticket(int(ticket_id))["id"]])
    order = seen.query.get("sort_order", "asc")
    if order not in {"asc", "desc"}:
        raise bad_request("sort_order must be asc or desc")
    if order == "desc":
        comments.reverse()
    if "page[size]" in seen.query or "page[after]" in seen.query:
        return web.json_response(_page("comments", comments, seen.query))
    body = {"comments": comments, "next_page": None, "previous_page": None}
    return web.json_response(body | {"count": len(comments)})


def me(store: ZendeskStore, user: dict, seen, base: str) -> web.Response:
    return web.json_response({"user": dict(user)})


def show_user(store: ZendeskStore, user: dict, seen, base: str, user_id: str) -> web.Response:
    found = store.users.get(int(user_id))
    if found is None:
        raise Refusal(404, {"error": "RecordNotFound", "description": "Not found"})
    return web.json_response({"user": dict(found)})


def search_users(store: ZendeskStore, user: dict, seen, base: str) -> web.Response:
    query = seen.query.get("query", "").strip()
    if not query:
        raise bad_request("query or external_id is required", "InvalidSearchParameter")
    email = query.removeprefix("email:").strip().lower()
    users = [dict(u) for u in store.users.values() if u["email"] == email]
    body = {"users": users, "next_page": None, "previous_page": None, "count": len(users)}
    return web.json_response(body)


def ticket_fields(store: ZendeskStore, user: dict, seen, base: str) -> web.Response:
    system = [
        {"id": 1, "type": "subject", "title": "Subject", "active": True},
        {"id": 2, "type": "description", "title": "Description", "active": True},
        {"id": 3, "type": "status", "title": "Status", "active": True},
        {"id": 4, "type": "priority", "title": "Priority", "active": True},
    ]
    fields = system + [dict(f) for f in store.fields.values()]
    return web.json_response(_page("ticket_fields", fields, seen.query))


def export_tickets(store: ZendeskStore, user: dict, seen, base: str) -> web.Response:
    """GET /api/v2/incremental/tickets/cursor.json: admins only, start_time or cursor."""
    if user["role"] != "admin":
        raise Refusal(403, {"error": "Forbidden", "description": "You do not have access"})
    if "cursor" in seen.query:
        position = _position(seen.query["cursor"])
        if not isinstance(position, list) or len(position) != 2:
            raise bad_request("Invalid cursor", "InvalidPaginationParameter")
        position = tuple(position)
    elif "start_time" in seen.query:
        try:
            start = datetime.fromtimestamp(int(seen.query["start_time"]), UTC)
        except (ValueError, OverflowError) as error:
            raise bad_request("start_time must be a Unix time") from error
        if start > store.clock() - timedelta(minutes=1):
            raise bad_request("Too recent start_time. Use a start_time older than 1 minute")
        position = (stamp(start), 0)
    else:
        raise bad_request("start_time or cursor is required")
    ordered = sorted(store.tickets.values(), key=lambda t: (t["updated_at"], t["id"]))
    after = [t for t in ordered if (t["updated_at"], t["id"]) > position]
    page = after[:EXPORT_PAGE]
    last = (page[-1]["updated_at"], page[-1]["id"]) if page else position
    body = {
        "tickets": [_ticket(t, base) for t in page],
        "after_cursor": _cursor(list(last)), "before_cursor": None,
        "after_url": None, "before_url": None,
        "end_of_stream": len(after) <= EXPORT_PAGE,
    }  # fmt: skip
    return web.json_response(body)


def create_article(store: ZendeskStore, user: dict, seen, base: str, locale: str, section: str):
    article = store.create_article(locale, int(section), root(seen.body, "article"), user)
    location = f"{base}/api/v2/help_center/{locale}/articles/{article['id']}.json"
    return web.json_response({"article": dict(article)}, status=201, headers={"Location": location})


def list_articles(store: ZendeskStore, user: dict, seen, base: str, locale: str):
    found = [dict(a) for a in store.articles.values() if a["locale"] == locale]
    return _sorted_page(found, seen)


def list_section_articles(store: ZendeskStore, user: dict, seen, base: str, locale: str, section):
    if store.sections.get(int(section)) != locale:
        raise not_found()
    found = [dict(a) for a in store.articles.values() if a["section_id"] == int(section)]
    return _sorted_page(found, seen)


def _sorted_page(found: list[dict], seen) -> web.Response:
    """Articles for an agent, drafts included (`draft` says which), sorted as asked."""
    sort = seen.query.get("sort_by", "position")
    if sort not in SORTS:
        raise bad_request(f"sort_by must be one of {sorted(SORTS)}")
    order = seen.query.get("sort_order", "asc")
    if order not in {"asc", "desc"}:
        raise bad_request("sort_order must be asc or desc")
    if sort != "position":
        found.sort(key=lambda a: (a[sort], a["id"]), reverse=order == "desc")
    return web.json_response(_page("articles", found, seen.query))


CURSOR = {"page[size]", "page[after]"}

# (method, path, handler, the query parameters Zendesk documents for it). Zendesk ignores
# others; the fake refuses them with 400 so a misspelt parameter fails a test.
ROUTES = [
    ("POST", re.compile(r"/api/v2/tickets\.json"), create_ticket, set()),
    ("GET", re.compile(r"/api/v2/tickets\.json"), list_tickets, {"external_id"} | CURSOR),
    ("GET", re.compile(r"/api/v2/tickets/(\d+)\.json"), show_ticket, set()),
    ("PUT", re.compile(r"/api/v2/tickets/(\d+)\.json"), update_ticket, set()),
    (
        "GET",
        re.compile(r"/api/v2/tickets/(\d+)/comments\.json"),
        list_comments,
        {"sort_order", "include_inline_images"} | CURSOR,
    ),
    ("GET", re.compile(r"/api/v2/users/me\.json"), me, set()),
    ("GET", re.compile(r"/api/v2/users/search\.json"), search_users, {"query", "external_id"}),
    ("GET", re.compile(r"/api/v2/users/(\d+)\.json"), show_user, set()),
    ("GET", re.compile(r"/api/v2/ticket_fields\.json"), ticket_fields, {"locale"} | CURSOR),
    (
        "GET",
        re.compile(r"/api/v2/incremental/tickets/cursor\.json"),
        export_tickets,
        {"start_time", "cursor", "per_page", "include", "exclude_deleted"},
    ),
    (
        "POST",
        re.compile(r"/api/v2/help_center/([a-z]{2}(?:-[a-z]{2})?)/sections/(\d+)/articles\.json"),
        create_article,
        set(),
    ),
    (
        "GET",
        re.compile(r"/api/v2/help_center/([a-z]{2}(?:-[a-z]{2})?)/sections/(\d+)/articles\.json"),
        list_section_articles,
        {"sort_by", "sort_order", "label_names", "include"} | CURSOR,
    ),
    (
        "GET",
        re.compile(r"/api/v2/help_center/([a-z]{2}(?:-[a-z]{2})?)/articles\.json"),
        list_articles,
        {"sort_by", "sort_order", "label_names", "include"} | CURSOR,
    ),
]
