"""What a feature registers: each entry the router indexes, and the handler types they carry.

bot.router's `Feature` builds these with its decorators; the router finds them by phrase, verb,
dataset or command id. Kept apart so the router stays about routing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from services.profile import Profile
from services.profile.wording import capability_phrase
from services.scheduler import JobFunction, Schedule

CommandHandler = Callable[..., Awaitable[None]]
ActionHandler = Callable[..., Awaitable[Any]]
# A system of record's verified webhook event: `async (services, notifier, event) -> outcome`.
WebhookHandler = Callable[..., Awaitable[str]]
# What a feature does once the sync worker sent or gave up a change it queued for an outside
# system: `async (services, notifier, change, refusal: str | None)`; refusal None: it was sent.
SyncHandler = Callable[..., Awaitable[None]]
# A typeahead's choices: `async (turn, query: SearchQuery) -> Sequence[SearchChoice]`.
SearchHandler = Callable[..., Awaitable[Any]]
# A message extension's answer: `async (turn, query: ExtensionQuery) -> MessagingExtensionResult`.
ExtensionHandler = Callable[..., Awaitable[Any]]
# When a job runs for a profile; None: this profile does not run it (e.g. no [scorecard]).
ScheduleFor = Callable[[Profile], Schedule | None]


# A desk runs what a command is for (None), or not, and then why not: asking for parts means
# nothing where nobody answers parts requests, looking a machine up nothing without machines.
Serves = Callable[[Profile], str | None]


def served_by(capability: str) -> Serves:
    """A command whose work someone on the desk must hold `capability` to do."""

    def check(profile: Profile) -> str | None:
        if profile.people_with_capability(capability):
            return None
        return f"Nobody on the {profile.company} desk may {capability_phrase(capability)}"

    return check


@dataclass(frozen=True)
class Command:
    """A chat command: its words, aliases, one-line help and who may run it."""

    name: str
    handler: CommandHandler
    help: str
    usage: str = ""
    aliases: tuple[str, ...] = ()
    capability: str | None = None  # None: anyone on the roster
    public: bool = False  # also answers callers who are not on the roster
    button: bool = False  # offered as a one-click button on the help card
    # Also a button for callers holding any of these capabilities: the role's everyday command.
    button_for: tuple[str, ...] = ()
    # Whether the desk runs what the command is for (None: every desk does); see `Serves`.
    serves: Serves | None = None
    feature: str = ""

    def unserved(self, profile: Profile) -> str | None:
        """Why this desk has no use for the command, in a sentence; None when it has."""
        return None if self.serves is None else self.serves(profile)


@dataclass(frozen=True)
class CardAction:
    """A card verb, the typed model its data is parsed into, and who may use it."""

    verb: str
    handler: ActionHandler
    model: type[BaseModel]
    capability: str | None = None
    public: bool = False


@dataclass(frozen=True)
class SearchDataset:
    """A typeahead's dataset (an Input.ChoiceSet's `choices.data`) and who may search it."""

    dataset: str
    handler: SearchHandler
    capability: str | None = None
    public: bool = False


@dataclass(frozen=True)
class ExtensionCommand:
    """A search-based message extension's command (the manifest's commandId) and who may use it."""

    command_id: str
    handler: ExtensionHandler
    capability: str | None = None
    public: bool = False


@dataclass(frozen=True)
class ScheduledJob:
    """Periodic work a feature runs without a conversation: `async (services, notifier, now)`."""

    name: str
    schedule: ScheduleFor
    run: JobFunction


@dataclass(frozen=True)
class SyncFollowUp:
    """What a feature does with the outcome of one kind of change it queued for a system."""

    system: str
    kind: str
    handler: SyncHandler


@dataclass(frozen=True)
class Webhook:
    """What a feature does with a system of record's events, once bot/ has verified them."""

    system: str
    handler: WebhookHandler
