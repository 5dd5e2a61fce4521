"""Keeps every conversation's reference, so proactive messages can reach people and channels."""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from services.db.conversations import ConversationRefRepository, StoredReference


def channel_data(activity: Activity) -> dict:
    """Teams' channelData as a plain dict (botbuilder leaves it as whatever JSON arrived)."""
    data = activity.channel_data
    return data if isinstance(data, dict) else {}


KINDS = ("personal", "channel", "groupChat")


def conversation_kind(activity: Activity) -> str:
    """Teams' conversationType; other channels (emulators) are read by whether it is a group."""
    kind = activity.conversation.conversation_type
    if kind in KINDS:
        return kind
    return "groupChat" if activity.conversation.is_group else "personal"


def reference_key(activity: Activity) -> tuple[str, str]:
    """The storage key and kind for the conversation an activity arrived in."""
    kind = conversation_kind(activity)
    data = channel_data(activity)
    if kind == "channel":
        channel_id = (data.get("channel") or {}).get("id") or activity.conversation.id
        # A reply in a thread carries ";messageid=..." — the channel itself is what we keep.
        return f"channel:{channel_id.split(';')[0]}", kind
    if kind == "personal":
        sender = activity.from_property
        return f"user:{sender.aad_object_id or sender.id}", kind
    return f"conversation:{activity.conversation.id}", kind


def channel_reference(activity: Activity) -> dict:
    """The conversation reference, with a channel thread's message id stripped."""
    reference: ConversationReference = TurnContext.get_conversation_reference(activity)
    payload = reference.serialize()
    conversation = payload.get("conversation") or {}
    if conversation.get("conversationType") == "channel" and "id" in conversation:
        conversation["id"] = conversation["id"].split(";")[0]
    payload.pop("activityId", None)  # a reference to a conversation, not to one message
    return payload


class ReferenceBook:
    """Writes a conversation reference when it is new or changed, not on every turn."""

    def __init__(self, repository: ConversationRefRepository) -> None:
        self._repository = repository
        self._fingerprints: dict[str, str] = {}

    async def remember(self, activity: Activity, person_id: str | None) -> None:
        """Store the reference for the activity's conversation (personal chat or channel)."""
        if activity.conversation is None or activity.service_url is None:
            return
        key, kind = reference_key(activity)
        # A channel's reference belongs to no person; a personal chat's to its user.
        owner = person_id if kind == "personal" else None
        # Everything a reference is built from, read straight off the activity: building and
        # serializing the reference itself on every turn cost ten times as much.
        sender, bot = activity.from_property, activity.recipient
        fingerprint = repr(
            (
                activity.service_url,
                activity.channel_id,
                activity.locale,
                vars(sender) if sender else None,
                vars(bot) if bot else None,
                vars(activity.conversation),
                activity.channel_data,
                owner,
            )
        )
        if self._fingerprints.get(key) == fingerprint:
            return
        data = channel_data(activity)
        await self._repository.upsert(
            StoredReference(
                key=key,
                kind=kind,
                person_id=owner,
                tenant_id=(activity.conversation.tenant_id or (data.get("tenant") or {}).get("id")),
                team_id=(data.get("team") or {}).get("id"),
                channel_id=(data.get("channel") or {}).get("id"),
                reference=channel_reference(activity),
            )
        )
        self._fingerprints[key] = fingerprint

    async def mark_unusable(self, key: str, reason: str) -> None:
        """Flag a reference that failed (blocked, uninstalled); the next activity revives it."""
        await self._repository.mark_unusable(key, reason)
        # Forget the fingerprint so the next activity in that conversation is written again.
        self._fingerprints.pop(key, None)
