"""A lean local Bot Connector that both bots send their replies to, and that counts them."""

from __future__ import annotations

import itertools
from typing import Any

from aiohttp import web

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
BASE = "/v3/conversations/{conversation_id}"


class Tally:
    """What the bots sent since the last reset, so the bench can check each run did real turns."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything counted so far."""
        self.replies = 0
        self.cards = 0
        self.member_lookups = 0
        self.last: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        """The counts and the last reply, as the /bench/tally endpoint returns them."""
        return {
            "replies": self.replies,
            "cards": self.cards,
            "member_lookups": self.member_lookups,
            "last": self.last,
        }


def connector_app(options: dict[str, Any]) -> web.Application:
    """The Bot Connector routes a Teams bot uses on a turn; options["members"] is the roster."""
    members: dict[str, dict[str, Any]] = options.get("members", {})
    tally = Tally()
    ids = itertools.count(1)

    async def send(request: web.Request) -> web.Response:
        # Parse the body like the real service would: a reply the connector could not read
        # would be a failed turn, and the tally proves what each bot actually answered.
        activity = await request.json()
        tally.replies += 1
        if any(a.get("contentType") == ADAPTIVE for a in activity.get("attachments") or []):
            tally.cards += 1
        tally.last = activity
        return web.json_response({"id": f"bench-{next(ids)}"})

    async def update(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"id": request.match_info["activity_id"]})

    async def member(request: web.Request) -> web.Response:
        tally.member_lookups += 1
        found = members.get(request.match_info["member_id"])
        if found is None:
            error = {"code": "MemberNotFoundInConversation", "message": "not found"}
            return web.json_response({"error": error}, status=404)
        return web.json_response(found)

    async def read_tally(request: web.Request) -> web.Response:
        return web.json_response(tally.as_json())

    async def reset_tally(request: web.Request) -> web.Response:
        tally.reset()
        return web.json_response(tally.as_json())

    app = web.Application()
    app.router.add_post(BASE + "/activities", send)
    app.router.add_post(BASE + "/activities/{activity_id}", send)
    app.router.add_put(BASE + "/activities/{activity_id}", update)
    app.router.add_get(BASE + "/members/{member_id}", member)
    app.router.add_get("/bench/tally", read_tally)
    app.router.add_post("/bench/tally/reset", reset_tally)
    return app
