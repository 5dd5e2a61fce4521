"""The physical floor: a bare aiohttp handler that posts one reply per turn, no SDK at all.

What any bot on aiohttp must do for a message turn: read and parse the activity, post one
reply to the Bot Connector with a kept session, answer the POST. No authentication, no
models, no state: a bot can come close to this, never beat it, so the bench prints the
desk's turns/s as a share of it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import aiohttp
from aiohttp import web

SESSION: web.AppKey[aiohttp.ClientSession] = web.AppKey("session")


def reply_to(activity: dict[str, Any]) -> dict[str, Any]:
    """The echo sample's reply, addressed the way botbuilder addresses one."""
    return {
        "type": "message",
        "text": f"Echo: {activity.get('text')}",
        "channelId": activity.get("channelId"),
        "serviceUrl": activity.get("serviceUrl"),
        "conversation": activity.get("conversation"),
        "from": activity.get("recipient"),
        "recipient": activity.get("from"),
        "replyToId": activity.get("id"),
    }


async def _session(app: web.Application) -> AsyncIterator[None]:
    async with aiohttp.ClientSession() as session:
        app[SESSION] = session
        yield


def floor_app(options: dict[str, Any]) -> web.Application:
    """POST /api/messages: one reply to the activity's service URL, then 200."""

    async def messages(request: web.Request) -> web.Response:
        activity = await request.json()
        # The path botbuilder's ConnectorClient builds for a reply, ids quoted the same way.
        conversation = quote(activity["conversation"]["id"], safe="")
        base = activity["serviceUrl"].rstrip("/")
        url = f"{base}/v3/conversations/{conversation}/activities/{quote(activity['id'], safe='')}"
        async with request.app[SESSION].post(url, json=reply_to(activity)) as sent:
            sent.raise_for_status()
            await sent.read()
        return web.Response(status=200)

    app = web.Application()
    app.cleanup_ctx.append(_session)
    app.router.add_post("/api/messages", messages)
    return app
