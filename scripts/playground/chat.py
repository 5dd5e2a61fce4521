"""What a user does outside cards: type a message, open a personal chat, install the app."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from .model import Activity, User


class Chat:
    """Part of `Playground` (client.py), which provides the HTTP calls, the mock tenant
    (tenant.py) and the waiting for the bot's turn (streams.py)."""

    async def say(self, text: str, as_user: str | User | None = None) -> list[Activity]:
        """Type `text`; returns the bot's messages (and card updates) from that turn.

        `currentUser` types in the personal chat, exactly as the UI does. Anyone else types in
        the group chat through a mock activity that @mentions the bot, the way Teams delivers
        group-chat messages; the bot can look them up there, as they are members.
        """
        user = self.user(as_user)
        if user.id == self.me.id:
            conversation_id = self.personal_chat_id
            mark = self._mark()
            await self._post(
                f"/_conversation/v1/conversations/{_quote(conversation_id)}/messages",
                {"type": "text", "text": text, "textFormat": "plain", "from": {"id": user.id}},
            )

            def finished(body: dict[str, Any]) -> bool:
                return body.get("type") == "message" and body.get("text") == text

        else:
            conversation_id = self.group_chat_id
            activity = await self._group_message(user, text)
            mark = self._mark()
            await self._post("/_internal/v1/customActivities", activity)

            def finished(body: dict[str, Any]) -> bool:
                return body.get("id") == activity["id"]

        await self._turn_finished(conversation_id, mark, finished)
        return await self._replies_since(mark)

    async def personal_chat(self, who: str | User | None = None) -> str:
        """The conversation id of `who`'s personal chat with the bot, made on first use.

        `currentUser`'s is in the config. Anyone else's is made the way a bot opens a 1:1 chat
        in Teams, through the connector's createConversation; asking again answers the same id.
        """
        user = self.user(who)
        if user.id == self.me.id:
            return self.personal_chat_id
        created = await self._post(
            "/_connector/v3/conversations",
            {
                "isGroup": False,
                "bot": self.bot,
                "members": [{"id": user.id}],
                "tenantId": self.config["tenantId"],
            },
        )
        return created["id"]

    async def install_app(self, who: str | User) -> str:
        """`who` adds the app for themselves; returns the id of their personal chat with it.

        Teams then sends the bot an installationUpdate from them in that chat, which is what the
        bot keeps to reach them later. The playground's UI cannot do this for anyone but
        `currentUser`, so the activity is mocked; what the bot answers is in
        `logged_messages(chat)` only (see the module's notes).
        """
        user = self.user(who)
        conversation_id = await self.personal_chat(user)
        activity = await self._get_json(
            "/_internal/v1/customActivities/template", params={"conversationId": conversation_id}
        )
        activity.update(
            id=str(uuid.uuid4()),
            type="installationUpdate",
            action="add",
            timestamp=datetime.now(UTC).isoformat(),
            locale="en-US",
            channelData={"tenant": {"id": self.config["tenantId"]}},
        )
        activity["from"] = {"id": user.id, "name": user.name, "aadObjectId": user.aad_object_id}
        mark = self._mark()
        await self._post("/_internal/v1/customActivities", activity)
        await self._turn_finished(
            conversation_id, mark, lambda body: body.get("id") == activity["id"]
        )
        return conversation_id

    async def _group_message(self, user: User, text: str) -> Activity:
        """A group-chat message from `user`, shaped like the ones the playground sends."""
        activity = await self._get_json(
            "/_internal/v1/customActivities/template", params={"conversationId": self.group_chat_id}
        )
        mention = f"<at>{self.bot['name']}</at>"
        activity.update(
            id=str(uuid.uuid4()),
            type="message",
            text=f"{mention} {text}",
            textFormat="plain",
            timestamp=datetime.now(UTC).isoformat(),
            locale="en-US",
            # The template has neither `name` nor `channelData`; TeamsInfo.get_member needs the
            # tenant in channelData, and Teams always sends both.
            channelData={"tenant": {"id": self.config["tenantId"]}},
            entities=[
                {
                    "type": "mention",
                    "mentioned": {"id": self.bot["id"], "name": self.bot["name"]},
                    "text": mention,
                },
                {"type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web"},
            ],
        )
        activity["from"] = {"id": user.id, "name": user.name, "aadObjectId": user.aad_object_id}
        return activity


def _quote(conversation_id: str) -> str:
    # Teams-style ids hold ':', '@' and ';'; escape them so the path segment is the whole id.
    return quote(conversation_id, safe="")
