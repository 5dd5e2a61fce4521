"""What the playground client shares: its constants, its error, a mock user, a click's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_URL = "http://127.0.0.1:56150"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
# The two ends of every exchange in the playground's log (schema LabelType).
PLAYGROUND_LABEL = "Microsoft 365 Agents Playground"
BOT_LABEL = "User Application"
# Replies the bot sends after its turn (typing, a second message) land within this long of the
# turn's end; the two websockets are separate connections, so their frames can also cross.
SETTLE_SECONDS = 0.2

Activity = dict[str, Any]


class PlaygroundError(RuntimeError):
    """The playground refused a request, or the bot failed or never finished its turn."""


@dataclass(frozen=True)
class User:
    """One mock user from the playground's configuration."""

    id: str
    name: str
    email: str
    upn: str
    aad_object_id: str

    @classmethod
    def from_config(cls, entry: dict[str, Any]) -> User:
        """Read a `currentUser`/`users` entry (the file spells it `userPrincipleName`)."""
        return cls(
            id=entry["id"],
            name=entry["name"],
            email=entry.get("email", ""),
            upn=entry.get("userPrincipleName", ""),
            aad_object_id=entry.get("aadObjectId", ""),
        )

    def matches(self, who: str) -> bool:
        """True if `who` is this user's id, name, first name, e-mail or UPN."""
        wanted = who.strip().casefold()
        names = {self.id, self.name, self.name.split(" ")[0], self.email, self.upn}
        return wanted in {n.casefold() for n in names if n}


@dataclass
class InvokeResult:
    """What an Action.Execute click produced."""

    response: dict[str, Any]  # the bot's invoke answer, as the playground relays it
    replies: list[Activity] = field(default_factory=list)  # messages the bot sent meanwhile
    clicked: Activity = field(default_factory=dict)  # the message whose button was pressed

    @property
    def card(self) -> dict[str, Any] | None:
        """The replacement card, when the bot answered with one."""
        if self.response.get("type") == ADAPTIVE_CARD:
            return self.response.get("value")
        return None

    @property
    def activity(self) -> Activity:
        """The clicked message as the UI shows it now: the replacement card in the old one's
        place, or unchanged when the bot answered with a text (shown under the card)."""
        if self.card is None:
            return self.clicked
        attachment = {"contentType": ADAPTIVE_CARD, "content": self.card}
        return {**self.clicked, "attachments": [attachment], "updated": True}

    @property
    def message(self) -> str | None:
        """The text the playground shows under the card, when the bot answered with one."""
        value = self.response.get("value")
        return value if isinstance(value, str) else None
