"""The bot under test, served over real HTTP, and people who talk to it."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from app import create_app
from bot.keys import AFTER, DATABASE
from services.db.outbox import OutboxRepository
from services.settings import Settings
from tests.harness import activities as act
from tests.harness.connector import FakeConnector, Sent


@dataclass
class Answer:
    """What one user action produced: the HTTP answer and what the bot sent meanwhile."""

    status: int
    body: Any
    sent: list[Sent]

    @property
    def texts(self) -> list[str]:
        """The text replies, in order."""
        return [s.text for s in self.sent if s.text]

    @property
    def cards(self) -> list[dict]:
        """The cards sent or updated, in order."""
        return [s.card for s in self.sent if s.card]

    @property
    def card(self) -> dict:
        """The only card this action produced (fails loudly when there is not exactly one)."""
        assert len(self.cards) == 1, f"expected one card, got {len(self.cards)}: {self.sent}"
        return self.cards[0]

    @property
    def last(self) -> Sent:
        """The last call the bot made."""
        assert self.sent, "the bot sent nothing"
        return self.sent[-1]


class Chat:
    """One Teams user talking to the bot: `await mary.says("help")`."""

    def __init__(self, desk: Desk, user: act.TeamsUser) -> None:
        self.desk = desk
        self.user = user

    async def _post(self, activity: dict[str, Any]) -> Answer:
        mark = len(self.desk.connector.sent)
        response = await self.desk.client.post("/api/messages", json=activity)
        body = await _body(response)
        # What the turn queued to send after its answer belongs to this action too.
        await self.desk.app[AFTER].idle()
        return Answer(response.status, body, self.desk.connector.since(mark))

    async def says(self, text: str) -> Answer:
        """Type a message in the personal chat."""
        return await self._post(act.personal_message(self.user, text, self.desk.service_url))

    async def says_in_channel(
        self, text: str, channel: act.Channel | None = None, *, mention: bool = True
    ) -> Answer:
        """Post in a channel, @mentioning the bot."""
        activity = act.channel_message(
            self.user, text, self.desk.service_url, channel or act.Channel(), mention=mention
        )
        return await self._post(activity)

    async def executes(self, sent: Sent, verb: str, **data: Any) -> Answer:
        """Click an Action.Execute button on a card the bot sent."""
        activity = act.execute_action(
            self.user, verb, data, sent.activity_id or "", self.desk.service_url
        )
        return await self._post(activity)

    async def opens(self, sent: Sent) -> Answer:
        """Look at a card the bot sent: Teams sends its refresh action (Universal Actions)."""
        action = sent.card["refresh"]["action"]
        activity = act.execute_action(
            self.user,
            action["verb"],
            action.get("data", {}),
            sent.activity_id or "",
            self.desk.service_url,
            trigger="automatic",
        )
        return await self._post(activity)

    async def submits(self, sent: Sent, verb: str, **data: Any) -> Answer:
        """Click an Action.Submit button on a card the bot sent."""
        activity = act.submit_action(
            self.user, {"verb": verb, **data}, sent.activity_id or "", self.desk.service_url
        )
        return await self._post(activity)

    async def types_in(
        self, dataset: str, text: str, *, top: int = 15, skip: int = 0, **inputs: Any
    ) -> Answer:
        """Type into a typeahead whose Data.Query names `dataset` (`inputs`: the card's other
        inputs, sent when the query has `associatedInputs: auto`)."""
        activity = act.search_invoke(
            self.user,
            dataset,
            text,
            self.desk.service_url,
            skip=skip,
            top=top,
            data=inputs or None,
        )
        return await self._post(activity)

    async def searches_extension(
        self, command_id: str, text: str | None = None, *, count: int = 25, skip: int = 0
    ) -> Answer:
        """Search in a message extension's box (`None`: just opened it, Teams' initialRun)."""
        parameters = {"initialRun": "true"} if text is None else {"searchKeyword": text}
        activity = act.extension_query(
            self.user, command_id, parameters, self.desk.service_url, count=count, skip=skip
        )
        return await self._post(activity)

    async def installs_the_app(self) -> Answer:
        """Add the app in the personal scope."""
        return await self._post(act.installation_update(self.user, self.desk.service_url))

    async def posts(self, activity: dict[str, Any]) -> Answer:
        """Send a hand-made activity as this user."""
        return await self._post(activity)


async def _body(response: ClientResponse) -> Any:
    if response.content_type == "application/json":
        return await response.json()
    return await response.text()


class Desk:
    """The real aiohttp app on a loopback port, wired to a recording connector."""

    def __init__(self, settings: Settings, connector: FakeConnector, **app_options: Any) -> None:
        self.settings = settings
        self.connector = connector
        self.app = create_app(settings, **app_options)
        self.client = TestClient(TestServer(self.app, host="127.0.0.1"))

    @property
    def service_url(self) -> str:
        """Where the bot must send its replies."""
        return self.connector.url

    async def start(self) -> None:
        """Start the app (its cleanup contexts run: profile, database, HTTP client, bot)."""
        await self.client.start_server()

    async def close(self) -> None:
        """Stop the app."""
        await self.client.close()

    async def settled(self, timeout: float = 10.0) -> None:
        """Until the outbox worker has sent every message due (paced sends go out within a
        second or so of the turn that queued them)."""
        outbox = OutboxRepository(self.app[DATABASE])
        async with asyncio.timeout(timeout):
            while True:
                if not (await outbox.counts())["pending"]:
                    break
                await asyncio.sleep(0.02)  # the outbox has no change feed to wait on
        await self.app[AFTER].idle()

    def user(self, name: str, email: str | None = None, *, known_to_teams: bool = True) -> Chat:
        """A Teams user; by default the roster API knows them by `email`."""
        slug = name.lower().replace(" ", ".")
        user = act.TeamsUser(
            name=name,
            user_id=f"29:{slug}-{uuid.uuid4().hex[:8]}",
            aad_object_id=str(uuid.uuid4()),
            email=email or f"{slug}@bestpack.example",
        )
        if known_to_teams:
            self.connector.members[user.user_id] = user.member()
        return Chat(self, user)
