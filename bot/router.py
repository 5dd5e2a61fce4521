"""Declarative routing: features register commands and card verbs; the router dispatches them.

Modelled on aiohttp's RouteTableDef and the Agents SDK's `@app.message` /
`@app.adaptive_card.action_execute(verb)`: a feature module declares a `Feature`, decorates its
handlers, and `Router` collects every feature. The same registry renders the help card.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from bot.registrations import (
    ActionHandler,
    CardAction,
    Command,
    CommandHandler,
    ExtensionCommand,
    ExtensionHandler,
    ScheduledJob,
    ScheduleFor,
    SearchDataset,
    SearchHandler,
    Serves,
    SyncFollowUp,
    SyncHandler,
    Webhook,
    WebhookHandler,
)
from services.scheduler import JobFunction

__all__ = [
    "CardAction",
    "Command",
    "ExtensionCommand",
    "Feature",
    "Router",
    "ScheduledJob",
    "SearchDataset",
    "SyncFollowUp",
    "SyncHandler",
    "Webhook",
    "WebhookHandler",
    "normalize",
]

_SPACES = re.compile(r"\s+")


@dataclass
class Feature:
    """One feature's commands, card verbs, searches and jobs, declared with decorators."""

    name: str
    commands: list[Command] = field(default_factory=list)
    actions: list[CardAction] = field(default_factory=list)
    jobs: list[ScheduledJob] = field(default_factory=list)
    webhooks: list[Webhook] = field(default_factory=list)
    synced: list[SyncFollowUp] = field(default_factory=list)
    searches: list[SearchDataset] = field(default_factory=list)
    extensions: list[ExtensionCommand] = field(default_factory=list)

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
        serves: Serves | None = None,
    ) -> Callable[[CommandHandler], CommandHandler]:
        """Register a chat command handler `async def h(turn, args: str)`."""

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
                    serves=serves,
                    feature=self.name,
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

    def search(
        self, dataset: str, *, capability: str | None = None, public: bool = False
    ) -> Callable[[SearchHandler], SearchHandler]:
        """Register a typeahead `async def h(turn, query: SearchQuery) -> list[SearchChoice]`
        for the `application/search` invoke of a ChoiceSet whose `choices.data` names `dataset`."""

        def register(handler: SearchHandler) -> SearchHandler:
            self.searches.append(SearchDataset(dataset, handler, capability, public))
            return handler

        return register

    def extension(
        self, command_id: str, *, capability: str | None = None, public: bool = False
    ) -> Callable[[ExtensionHandler], ExtensionHandler]:
        """Register a message extension's search command (`composeExtension/query`):
        `async def h(turn, query: ExtensionQuery) -> MessagingExtensionResult`."""

        def register(handler: ExtensionHandler) -> ExtensionHandler:
            self.extensions.append(ExtensionCommand(command_id, handler, capability, public))
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
    """Finds the command for a line of text (longest phrase first) and the handler for a verb,
    a typeahead's dataset or a message extension's command."""

    def __init__(self, features: Iterable[Feature]) -> None:
        self.features = list(features)
        self._phrases: dict[str, Command] = {}
        self._actions: dict[str, CardAction] = {}
        self._searches: dict[str, SearchDataset] = {}
        self._extensions: dict[str, ExtensionCommand] = {}
        for feature in self.features:
            for command in feature.commands:
                for phrase in (command.name, *command.aliases):
                    self._claim(self._phrases, phrase, command, "command phrase")
            for action in feature.actions:
                self._claim(self._actions, action.verb, action, "card verb")
            for search in feature.searches:
                self._claim(self._searches, search.dataset, search, "search dataset")
            for extension in feature.extensions:
                self._claim(self._extensions, extension.command_id, extension, "extension command")
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

    def search(self, dataset: str) -> SearchDataset | None:
        """The typeahead registered for a dataset (exact: Teams echoes the card's string)."""
        return self._searches.get(dataset)

    def extension(self, command_id: str) -> ExtensionCommand | None:
        """The message extension command registered under the manifest's commandId."""
        return self._extensions.get(command_id)

    @property
    def commands(self) -> list[Command]:
        """Every command, in registration order (the help card's order)."""
        return [c for f in self.features for c in f.commands]
