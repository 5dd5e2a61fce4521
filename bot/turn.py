"""What a command or card handler is given: the caller, the app's services and ways to answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity

from bot.after import Work
from bot.references import reference_key
from services.delivery import Delivery, Recipient, channel_reach_note, reach_note

AFTER_KEY = "supportdesk.after"  # turn_state: the works to start once the turn has answered
UPDATING_KEY = "supportdesk.updating"  # turn_state: the notices this turn updates with a card

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from bot.router import Router
    from services.app_services import AppServices
    from services.profile import Person

CardPayload = dict[str, Any]


def card_message(card: CardPayload, summary: str | None = None) -> Activity:
    """A message carrying one Adaptive Card (`summary` shows in notifications)."""
    activity = MessageFactory.attachment(CardFactory.adaptive_card(card))
    if summary:
        activity.summary = summary
    return activity


@dataclass
class ActionResult:
    """A card handler's answer: a card that replaces the one acted on, and/or a short message.

    `later` is slow work (longer than Teams waits for an invoke answer): it runs after the
    answer and the card it returns replaces `card` when it finishes.
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

    def after(self, work: Work) -> None:
        """Run `work` once this turn has answered (in the order queued)."""
        self.context.turn_state.setdefault(AFTER_KEY, []).append(work)

    async def tell(
        self,
        to: Recipient,
        card: CardPayload | Activity,
        key: str,
        summary: str | None = None,
        thread_id: str | None = None,
    ) -> Delivery:
        """Queue a card (or a message) for someone; it is sent after this turn answers.

        The answer says what is known now: QUEUED, or HELD (no usable chat with the bot yet).
        If sending fails after the answer, the caller is told in this conversation.
        """
        activity = card if isinstance(card, Activity) else card_message(card, summary)
        notice = await self.notifier.queue(to, activity, key, thread_id)
        if notice.delivery is Delivery.QUEUED:
            self.after(lambda: self._deliver(notice, to))
        return notice.delivery

    async def _deliver(self, notice, to: Recipient) -> None:
        delivery = await self.notifier.deliver(notice)
        if delivery.reached_or_on_its_way:
            return
        if to.kind == "conversation":
            note = channel_reach_note(delivery)
        else:
            note = reach_note(self._name_of(to), delivery)
        if note:
            await self.notifier.follow_up(self.context.activity, note)

    def _name_of(self, to: Recipient) -> str:
        try:
            return self.services.profile.person(to.target).name
        except KeyError:
            return to.target

    async def posted(self, key: str) -> str | None:
        """The activity id of a notice already delivered (to reply in its thread), else None."""
        return await self.notifier.posted(key)

    def update_notice(self, key: str, card: CardPayload, summary: str | None = None) -> None:
        """Show a posted card's new state (its ticket moved on), after this turn answers."""
        self.context.turn_state.setdefault(UPDATING_KEY, set()).add(key)

        async def update() -> None:
            await self.notifier.update(key, card_message(card, summary))

        self.after(update)

    async def keep_answer(self, key: str, card: CardPayload) -> None:
        """Keep the card this answer puts in place of the one acted on under `key`, so news that
        comes later (a project's number) updates it like a delivered notice (Notifier.update)."""
        card_id = self.activity.reply_to_id
        if card_id:
            conversation, _ = reference_key(self.activity)
            await self.notifier.keep(key, conversation, card_message(card), card_id)

    def updates(self, key: str) -> bool:
        """Whether this turn already updates the notice under `key` with a card of its own."""
        return key in self.context.turn_state.get(UPDATING_KEY, ())

    def replace_card_later(self, activity_id: str, work: Callable[[], Awaitable[CardPayload]]):
        """After the answer, run slow `work` and put the card it returns in place of this one."""

        async def replace() -> None:
            card = card_message(await work())
            await self.notifier.replace(self.context.activity, activity_id, card)

        self.after(replace)
