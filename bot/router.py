"""Declarative routing: features register commands and card verbs; the router dispatches them.

Modelled on aiohttp's RouteTableDef and the Agents SDK's `@app.message` /
`@app.adaptive_card.action_execute(verb)`: a feature module declares a `Feature`, decorates its
handlers, and `Router` collects every feature. The same registry renders the help card.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from services.profile import Profile
from services.scheduler import JobFunction, Schedule

CommandHandler = Callable[..., Awaitable[None]]
ActionHandler = Callable[..., Awaitable[Any]]
# A system of record's verified webhook event: `async (services, notifier, event) -> outcome`.
WebhookHandler = Callable[..., Awaitable[str]]
# What a feature does once the sync worker sent or gave up a change it queued for an outside
# system: `async (services, notifier, change, refusal: str | None)`; refusal None: it was sent.
SyncHandler = Callable[..., Awaitable[None]]
# When a job runs for a profile; None: this profile does not run it (e.g. no [scorecard]).
ScheduleFor = Callable[[Profile], Schedule | None]
_SPACES = re.compile(r"\s+")


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
    feature: str = ""
    # Whether help offers it on a desk (None: on every desk); typed anyway, it still answers.
    offered: Callable[[Profile], bool] | None = None


@dataclass(frozen=True)
class CardAction:
    """A card verb, the typed model its data is parsed into, and who may use it."""

    verb: str
    handler: ActionHandler
    model: type[BaseModel]
    capability: str | None = None
    public: bool = False


@dataclass(frozen=True)
class ScheduledJob:
    """Periodic work a feature runs without a conversation: `async (services, notifier, now)`."""

    name: str
    schedule: ScheduleFor
    run: JobFunction


@dataclass(frozen=True)
class Webhook:
    """What a feature does with a system of record's events, once bot/ has verified them."""

    system: str
    handler: WebhookHandler


@dataclass(frozen=True)
class SyncFollowUp:
    """What a feature does with the outcome of one kind of change it queued for a system."""

    system: str
    kind: str
    handler: SyncHandler


@dataclass
class Feature:
    """One feature's commands, card verbs and scheduled jobs, declared with decorators."""

    name: str
    commands: list[Command] = field(default_factory=list)
    actions: list[CardAction] = field(default_factory=list)
    jobs: list[ScheduledJob] = field(default_factory=list)
    webhooks: list[Webhook] = field(default_factory=list)
    synced: list[SyncFollowUp] = field(default_factory=list)

    def command(
        self,
        name: str,
        *,
        help: str,
        usage: str = "",
        aliases: Iterable[str] = (),
        capability: str | None = None,
        public: bool = False,
        button: bool = False,
        button_for: Iterable[str] = (),
        offered: Callable[[Profile], bool] | None = None,
    ) -> Callable[[CommandHandler], CommandHandler]:
        """Register a chat command handler `async def h(turn, args: str)`; `offered` says on
        which desks help lists it (a process only some profiles have)."""

        def register(handler: CommandHandler) -> CommandHandler:
            self.commands.append(
                Command(
                    name=normalize(name),
                    handler=handler,
                    help=help,
                    usage=usage,
                    aliases=tuple(normalize(a) for a in aliases),
                    capability=capability,
                    public=public,
                    button=button,
                    button_for=tuple(button_for),
                    feature=self.name,
                    offered=offered,
                )
            )
            return handler

        return register

    def action(
        self,
        verb: str,
        *,
        model: type[BaseModel],
        capability: str | None = None,
        public: bool = False,
    ) -> Callable[[ActionHandler], ActionHandler]:
        """Register a card verb handler `async def h(turn, data: model) -> ActionResult | None`."""

        def register(handler: ActionHandler) -> ActionHandler:
            self.actions.append(CardAction(verb, handler, model, capability, public))
            return handler

        return register

    def job(self, name: str, *, schedule: ScheduleFor) -> Callable[[JobFunction], JobFunction]:
        """Register a scheduled job; `schedule` picks its ticks from the profile."""

        def register(run: JobFunction) -> JobFunction:
            self.jobs.append(ScheduledJob(name, schedule, run))
            return run

        return register

    def webhook(self, system: str) -> Callable[[WebhookHandler], WebhookHandler]:
        """Register the handler of `system`'s webhook events (POST /api/webhooks/<system>)."""

        def register(handler: WebhookHandler) -> WebhookHandler:
            self.webhooks.append(Webhook(system, handler))
            return handler

        return register

    def on_synced(self, system: str, kind: str) -> Callable[[SyncHandler], SyncHandler]:
        """Register what follows a `kind` change to `system` once it is sent or given up (the
        system's worker calls it through bot/sync_follow_ups.py)."""

        def register(handler: SyncHandler) -> SyncHandler:
            self.synced.append(SyncFollowUp(system, kind, handler))
            return handler

        return register


def normalize(text: str) -> str:
    """Lower-case and fold white space, so 'New   Ticket' finds 'new ticket'."""
    return _SPACES.sub(" ", text).strip().lower()


class Router:
    """Finds the command for a line of text (longest phrase first) and the handler for a verb."""

    def __init__(self, features: Iterable[Feature]) -> None:
        self.features = list(features)
        self._phrases: dict[str, Command] = {}
        self._actions: dict[str, CardAction] = {}
        for feature in self.features:
            for command in feature.commands:
                for phrase in (command.name, *command.aliases):
                    self._claim(self._phrases, phrase, command, "command phrase")
            for action in feature.actions:
                self._claim(self._actions, action.verb, action, "card verb")
        self._longest = max((len(p.split()) for p in self._phrases), default=0)

    @staticmethod
    def _claim(index: dict, key: str, value: Any, what: str) -> None:
        # Two features claiming one phrase is a programming error: fail at start-up, not mid-chat.
        if key in index:
            raise ValueError(f"{what} {key!r} is registered twice")
        index[key] = value

    def match(self, text: str) -> tuple[Command, str] | None:
        """The command a message names, and the rest of the message as its arguments."""
        words = text.split()
        lowered = [w.lower() for w in words]
        for size in range(min(self._longest, len(words)), 0, -1):
            command = self._phrases.get(" ".join(lowered[:size]))
            if command:
                return command, " ".join(words[size:])
        return None

    def action(self, verb: str) -> CardAction | None:
        """The handler registered for a card verb."""
        return self._actions.get(verb)

    @property
    def commands(self) -> list[Command]:
        """Every command, in registration order (the help card's order)."""
        return [c for f in self.features for c in f.commands]
