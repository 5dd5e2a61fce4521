"""Where a notice stands, and the one sentence a sender reads when it has not reached someone."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

APP_NAME = "Support Desk"


@dataclass(frozen=True)
class Recipient:
    """Who a notice is for: a roster person's chat with the bot, or a channel."""

    kind: Literal["person", "conversation"]
    target: str

    @classmethod
    def person(cls, person_id: str) -> Recipient:
        """A person's personal chat with the bot."""
        return cls("person", person_id)

    @classmethod
    def channel(cls, channel_id: str) -> Recipient:
        """A Teams channel the bot was added to."""
        return cls("conversation", f"channel:{channel_id}")


class Delivery(StrEnum):
    """A notice's state: what a turn knows when it answers, or what came of it later."""

    QUEUED = "queued"  # the person has a chat with the bot; it goes out right after the answer
    SENT = "sent"
    HELD_NO_APP = "held_no_app"  # never opened the app: delivered when they first do
    HELD_BLOCKED = "held_blocked"  # blocked or removed it: delivered when they open it again
    RETRYING = "retrying"  # Teams is busy; the outbox keeps trying with back-off
    DEAD = "dead"  # gave up after the last attempt

    @property
    def reached_or_on_its_way(self) -> bool:
        """Nothing for the sender to do."""
        return self in (Delivery.QUEUED, Delivery.SENT, Delivery.RETRYING)


@dataclass(frozen=True)
class Told:
    """What the person acting reads after others were told: what was done, in the card's
    headline, and the notices that wait for someone, said apart in a plain line."""

    said: str
    waits: tuple[str, ...] = ()

    @property
    def reach(self) -> str | None:
        """The waiting notices as one plain sentence; None when every notice is on its way."""
        return " ".join(self.waits) or None


def reach_note(name: str, delivery: Delivery) -> str | None:
    """What the sender should know about a notice to `name`: what happens next, and what they
    can do meanwhile; None: nothing. Said once, in place of saying that `name` was told."""
    if delivery is Delivery.HELD_NO_APP:
        return (
            f"{name} hasn't installed the {APP_NAME} app yet and gets this when they open it; "
            f"send {name} the install link if it is urgent."
        )
    if delivery is Delivery.HELD_BLOCKED:
        return (
            f"{name} has removed or blocked the {APP_NAME} app and gets this when they open it "
            f"again; tell {name} another way if it is urgent."
        )
    if delivery is Delivery.DEAD:
        return f"Teams would not take the message for {name}; please tell {name} yourself."
    return None


def channel_reach_note(delivery: Delivery) -> str | None:
    """What the sender should know about a post to a channel; None: nothing. A channel never
    "opens the app", so it is not spoken of as a person."""
    if delivery.reached_or_on_its_way:
        return None
    return (
        f"Teams would not post this in the channel: the {APP_NAME} app may have been removed "
        "from it. Add it back, or tell the team there yourself."
    )
