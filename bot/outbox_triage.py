"""Telling triage that a proactive message could not be delivered: where, and in what words.

The notice goes through the outbox like any other message; a notice about a failed notice is
never queued, only logged, so a broken triage chat cannot loop.
"""

from __future__ import annotations

import logging

from botbuilder.core import MessageFactory

from services.db.outbox import OutboxMessage, OutboxRepository, TargetKind
from services.delivery import Verdict
from services.profile import Capability, Profile

log = logging.getLogger(__name__)
NOTICE_PREFIX = "undeliverable:"  # dedupe keys of notices to triage about failed messages


def triage_targets(profile: Profile, failed: OutboxMessage) -> list[tuple[TargetKind, str]]:
    """Where triage hears of a failed message: its channel, else the people who triage.

    Never the failed message's own target: if that is the channel, the people are told.
    """
    own = (failed.target_kind, failed.target)
    channel = profile.channels.triage
    if channel and own != ("conversation", f"channel:{channel}"):
        return [("conversation", f"channel:{channel}")]
    people = profile.people_with_capability(Capability.TRIAGE)
    return [("person", p.id) for p in people if own != ("person", p.id)]


def recipient(profile: Profile, message: OutboxMessage) -> str:
    """Whom a message was for, in words triage recognises."""
    if message.target_kind == "person":
        try:
            return profile.person(message.target).name
        except KeyError:
            return message.target
    if message.target == f"channel:{profile.channels.triage}":
        return "the triage channel"
    return f"the conversation {message.target}"


# What triage reads; the status codes stay in the log (verdict.reason), people need the meaning.
_IN_WORDS = {
    "hold": "they have removed or blocked the app, or Teams no longer knows the chat",
    "dead": "Teams would not take it",
}


async def tell_triage(
    outbox: OutboxRepository, profile: Profile, message: OutboxMessage, verdict: Verdict
) -> bool:
    """Queue a short notice to triage, through the outbox like any other message; False when
    the failed message was itself such a notice (only logged, so a broken chat cannot loop)."""
    if message.dedupe_key.startswith(NOTICE_PREFIX):
        log.error("a notice to triage could not be delivered either: %s", message.dedupe_key)
        return False
    if verdict.action == "hold":
        then = "I'll deliver it when they open the app again."
    else:
        then = "I gave up on it."
    said = message.payload.get("summary") or message.payload.get("text") or "(a card)"
    text = (
        f"I couldn't deliver a message to {recipient(profile, message)}: "
        f"{_IN_WORDS[verdict.action]}. {then} It said: {said[:200]}"
    )
    activity = MessageFactory.text(text).serialize()
    for kind, target in triage_targets(profile, message):
        key = f"{NOTICE_PREFIX}{message.id}:{target}"
        await outbox.add(OutboxMessage(key, kind, target, activity))
    return True
