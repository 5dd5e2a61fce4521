"""Builders for activities shaped the way Microsoft Teams sends them to a bot."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT_ID = "28:7d1c3a4e-0000-4000-8000-00000000b07d"
BOT_NAME = "Support Desk"
_ids = itertools.count(1000)


@dataclass(frozen=True)
class TeamsUser:
    """A Teams user as activities and the roster API describe them."""

    name: str
    user_id: str  # Teams' "29:..." id
    aad_object_id: str
    email: str

    def account(self) -> dict[str, Any]:
        """The `from` of an activity this user sends."""
        return {"id": self.user_id, "name": self.name, "aadObjectId": self.aad_object_id}

    def member(self) -> dict[str, Any]:
        """The TeamsChannelAccount the roster API returns for this user."""
        given, _, surname = self.name.partition(" ")
        return {
            "id": self.user_id,
            "name": self.name,
            "aadObjectId": self.aad_object_id,
            "email": self.email,
            "userPrincipalName": self.email,
            "givenName": given,
            "surname": surname or None,
            "tenantId": TENANT_ID,
            "userRole": "user",
        }


@dataclass(frozen=True)
class Channel:
    """A team's channel."""

    team_id: str = "19:team-support@thread.tacv2"
    channel_id: str = "19:triage@thread.tacv2"
    name: str = "Triage"


def personal_conversation(user: TeamsUser) -> dict[str, Any]:
    """The 1:1 chat between a user and the bot."""
    return {"conversationType": "personal", "tenantId": TENANT_ID, "id": f"a:1on1-{user.user_id}"}


def _base(user: TeamsUser, service_url: str, conversation: dict, **extra) -> dict[str, Any]:
    activity = {
        "id": f"f:{next(_ids)}",
        "timestamp": datetime.now(UTC).isoformat(),
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": user.account(),
        "conversation": conversation,
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "locale": "en-US",
        "channelData": {"tenant": {"id": TENANT_ID}},
    }
    activity.update(extra)
    return activity


def personal_message(user: TeamsUser, text: str, service_url: str) -> dict[str, Any]:
    """A message typed in the personal chat."""
    return _base(
        user,
        service_url,
        personal_conversation(user),
        type="message",
        text=text,
        textFormat="plain",
    )


def channel_message(
    user: TeamsUser, text: str, service_url: str, channel: Channel, *, mention: bool = True
) -> dict[str, Any]:
    """A channel post that @mentions the bot, the way Teams delivers it (HTML mention)."""
    mention_text = f"<at>{BOT_NAME}</at>"
    activity = _base(
        user,
        service_url,
        {
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT_ID,
            "id": f"{channel.channel_id};messageid={next(_ids)}",
        },
        type="message",
        text=f"{mention_text} {text}" if mention else text,
        textFormat="plain",
    )
    activity["channelData"] = {
        "teamsChannelId": channel.channel_id,
        "teamsTeamId": channel.team_id,
        "channel": {"id": channel.channel_id, "name": channel.name},
        "team": {"id": channel.team_id, "name": "Support"},
        "tenant": {"id": TENANT_ID},
    }
    if mention:
        activity["entities"] = [
            {"type": "mention", "text": mention_text, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}
        ]
    return activity


def with_conversation(activity: dict[str, Any], conversation: dict[str, Any]) -> dict[str, Any]:
    """The same activity in another conversation (e.g. a card that lives in a channel)."""
    return {**activity, "conversation": conversation}


def execute_action(
    user: TeamsUser,
    verb: str,
    data: dict[str, Any],
    reply_to_id: str,
    service_url: str,
    conversation: dict[str, Any] | None = None,
    trigger: str = "manual",
) -> dict[str, Any]:
    """An Action.Execute click: invoke `adaptiveCard/action`, inputs merged into data
    (`trigger` "automatic": Teams refreshing a card its viewer opened)."""
    return _base(
        user,
        service_url,
        conversation or personal_conversation(user),
        type="invoke",
        name="adaptiveCard/action",
        replyToId=reply_to_id,
        value={
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": trigger,
        },
    )


def submit_action(
    user: TeamsUser,
    value: dict[str, Any],
    reply_to_id: str,
    service_url: str,
    conversation: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An Action.Submit click: a message with no text whose `value` holds data and inputs."""
    return _base(
        user,
        service_url,
        conversation or personal_conversation(user),
        type="message",
        replyToId=reply_to_id,
        value=value,
    )


def installation_update(user: TeamsUser, service_url: str, action: str = "add") -> dict[str, Any]:
    """The app installed (or removed) in a user's personal scope."""
    return _base(
        user, service_url, personal_conversation(user), type="installationUpdate", action=action
    )


def search_invoke(
    user: TeamsUser,
    dataset: str,
    query_text: str,
    service_url: str,
    *,
    skip: int = 0,
    top: int = 15,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A typeahead keystroke: invoke `application/search` for a ChoiceSet's Data.Query
    (msteams-docs task-modules-and-cards/cards/dynamic-search.md); `data` holds the card's
    other inputs when the query has `associatedInputs: auto`."""
    value: dict[str, Any] = {
        "queryText": query_text,
        "queryOptions": {"skip": skip, "top": top},
        "dataset": dataset,
    }
    if data is not None:
        value["data"] = data
    return _base(
        user,
        service_url,
        personal_conversation(user),
        type="invoke",
        name="application/search",
        value=value,
        localTimezone="America/New_York",
    )


def extension_query(
    user: TeamsUser,
    command_id: str,
    parameters: dict[str, str],
    service_url: str,
    *,
    skip: int = 0,
    count: int = 25,
    conversation: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A search in a message extension's box: invoke `composeExtension/query`
    (msteams-docs messaging-extensions/how-to/search-commands/respond-to-search.md)."""
    return _base(
        user,
        service_url,
        conversation or personal_conversation(user),
        type="invoke",
        name="composeExtension/query",
        value={
            "commandId": command_id,
            "parameters": [{"name": k, "value": v} for k, v in parameters.items()],
            "queryOptions": {"skip": skip, "count": count},
        },
    )
