"""What a command or card handler is given: the caller, the app's services and ways to answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity

from bot.transport import SharedCardAttachment

if TYPE_CHECKING:
    from bot.background import BackgroundWork
    from bot.proactive import Notifier
    from bot.router import Router
    from services.app_services import AppServices
    from services.profile import Person

CardPayload = dict[str, Any]


def card_message(card: CardPayload, summary: str | None = None) -> Activity:
    """A message carrying one Adaptive Card (`summary` shows in notifications)."""
    attachment = SharedCardAttachment(
        content_type=CardFactory.content_types.adaptive_card, content=card
    )
    activity = MessageFactory.attachment(attachment)
    if summary:
        activity.summary = summary
    return activity


@dataclass
class ActionResult:
    """A card handler's answer: a card that replaces the one acted on, and/or a short message.

    `later` is slow work (longer than Teams waits for an invoke answer): it runs in the
    background and the card it returns replaces `card` when it finishes.
    """

    card: CardPayload | None = None
    message: str | None = None
    later: Callable[[], Awaitable[CardPayload]] | None = field(default=None, repr=False)


@dataclass
class Turn:
    """One incoming activity, already mapped to a roster person (or None for strangers)."""

    context: TurnContext
    services: AppServices
    router: Router
    background: BackgroundWork
    notifier: Notifier
    caller: Person | None

    @property
    def activity(self) -> Activity:
        """The incoming activity."""
        return self.context.activity

    @property
    def conversation_type(self) -> str:
        """'personal', 'channel' or 'groupChat' (Teams' conversationType)."""
        return self.activity.conversation.conversation_type or "personal"

    def can(self, capability: str | None) -> bool:
        """Whether the caller's roster roles grant a capability (None: any roster member)."""
        if self.caller is None:
            return False
        if capability is None:
            return True
        return self.services.profile.has_capability(self.caller, capability)

    async def say(self, text: str) -> str | None:
        """Send a plain text reply; returns the new activity's id."""
        response = await self.context.send_activity(MessageFactory.text(text))
        return response.id if response else None

    async def send_card(self, card: CardPayload, summary: str | None = None) -> str | None:
        """Send an Adaptive Card; `summary` is what notifications and old clients show."""
        response = await self.context.send_activity(card_message(card, summary))
        return response.id if response else None

    async def replace_card(self, activity_id: str, card: CardPayload) -> None:
        """Replace a card the bot sent earlier in this conversation."""
        activity = card_message(card)
        activity.id = activity_id
        await self.context.update_activity(activity)
