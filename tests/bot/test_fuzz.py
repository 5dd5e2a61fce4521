"""Random and mutated activities against the real app: never a 5xx, a failed turn or a stall.

Each finding of the adversarial probe (issue 10) is an explicit example, so the class of bug
it stood for stays fixed. Examples are bounded so `make test` keeps its time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from sqlalchemy import func, select

from bot.keys import SERVICES
from cards.service import APPROVE
from cards.ticket import ADD_NOTE
from services.db.schema import metadata
from services.settings import Settings
from services.tickets import TicketDraft
from services.tickets.workflow import assign
from tests.harness import activities as act
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.fuzz import OTHER_TENANT, ROSTER, Post, posts

# Tables any accepted turn may touch without it being a change of the desk's data.
BOOKKEEPING = {"activity_receipts", "conversation_refs", "identity_links", "outbox"}
# Seconds; generous (the suite shares two cores): this checks the event loop is free, not speed.
LIVENESS = 2.0


def _user(name: str) -> act.TeamsUser:
    return act.TeamsUser(name, f"29:{name.lower()}", "", f"{name.lower()}@bestpack.example")


def _as(name: str, activity: dict) -> Post:
    return Post(name, activity)


KEVIN_NOTE = act.execute_action(
    _user("Kevin"), ADD_NOTE, {"number": "BP-1001", "body": "x", "minutes": 3_000_000_000}, "1", ""
)
HUGE_NOTE = act.execute_action(
    _user("Kevin"), ADD_NOTE, {"number": "BP-1001", "body": "n" * 900_000}, "1", ""
)
APPROVAL = act.execute_action(_user("Allison"), APPROVE, {"number": "SR-1001"}, "1", "")
APPROVAL["channelData"] = {"tenant": {"id": OTHER_TENANT}}
RETRIED_NOTE = act.execute_action(
    _user("Kevin"), ADD_NOTE, {"number": "BP-1001", "body": "once", "minutes": 5}, "1", ""
)


class Probe:
    """The running desk on its own event loop, and what each example is checked against."""

    def __init__(self, settings: Settings) -> None:
        self.loop = asyncio.new_event_loop()
        self.connector = FakeConnector()
        self.errors: list[logging.LogRecord] = []
        self.settings = settings.model_copy(update={"allowed_tenants": act.TENANT_ID})

    def run(self, coroutine):
        """Run a coroutine on the probe's loop."""
        return self.loop.run_until_complete(coroutine)

    async def start(self) -> None:
        """Start the connector and the bot, with two tickets to act on."""
        await self.connector.start()
        for name in ROSTER:
            self.connector.members[f"29:{name.lower()}"] = _user(name).member()
        self.desk = Desk(self.settings, self.connector)
        await self.desk.start()
        services = self.desk.app[SERVICES]
        for subject in ("Sealer stops", "Film tears"):
            ticket, _ = await services.tickets.create(
                TicketDraft(subject), "mary", subject, services.clock()
            )
            moved, events = assign(
                ticket, "mary", services.profile, services.clock(), assignee_id="kevin"
            )
            await services.tickets.save(moved, ticket.version, events)

    async def fingerprint(self) -> dict[str, int]:
        """Row counts of the desk's own data (what a refused request must leave alone)."""
        counts = {}
        async with self.desk.app[SERVICES].db.engine.connect() as connection:
            for table in metadata.sorted_tables:
                if table.name not in BOOKKEEPING:
                    query = select(func.count()).select_from(table)
                    counts[table.name] = await connection.scalar(query)
        return counts

    async def post(self, body: bytes) -> tuple[int, float]:
        """Post `body`; meanwhile time /healthz from when the post started."""
        headers = {"Content-Type": "application/json"}
        posted = asyncio.create_task(
            self.desk.client.post("/api/messages", data=body, headers=headers)
        )
        started = time.perf_counter()
        await asyncio.sleep(0.01)
        alive = await self.desk.client.get("/healthz")
        waited = time.perf_counter() - started
        assert alive.status == 200
        response = await posted
        await response.read()
        return response.status, waited

    async def check(self, post: Post) -> None:
        """One example: no 5xx, no failed turn, live, and nothing changed when refused."""
        self.errors.clear()
        if post.activity is not None and isinstance(post.activity.get("serviceUrl"), str):
            post.activity["serviceUrl"] = self.connector.url
        before = await self.fingerprint()
        status, waited = await self.post(post.body())
        assert status < 500, status
        assert waited < LIVENESS, f"/healthz waited {waited:.2f} s"
        after = await self.fingerprint()
        if status >= 400:
            assert after == before
        if post.twice:
            again, _ = await self.post(post.body())
            assert again < 500
            assert await self.fingerprint() == after  # a retry changes nothing more
        assert not self.errors, [r.getMessage() for r in self.errors]

    async def close(self) -> None:
        """Stop the bot and the connector."""
        await self.desk.close()
        await self.connector.close()


class _Errors(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


@pytest.fixture
def probe(settings_on_each_database: Settings) -> Iterator[Probe]:
    """A desk on each database, with ERROR logs collected."""
    running = Probe(settings_on_each_database)
    handler = _Errors(running.errors)
    logging.getLogger().addHandler(handler)
    running.run(running.start())
    yield running
    logging.getLogger().removeHandler(handler)
    running.run(running.close())
    running.loop.close()


def test_no_activity_makes_the_bot_fail_stall_or_change_what_it_refused(probe: Probe):
    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(posts)
    @example(Post(raw=b"[" * 100_000))  # 4: 500 and a traceback before authentication
    @example(Post(raw=b'{"type": "message", "text": ' + b"9" * 5000 + b"}"))  # 4
    @example(_as("Kevin", KEVIN_NOTE))  # 1: minutes that overflowed PostgreSQL's sums
    @example(_as("Mary", act.personal_message(_user("Mary"), "<" * 100_000, "")))  # 2
    @example(_as("Allison", APPROVAL))  # 3: another tenant mapped to Allison by e-mail
    @example(_as("Kevin", HUGE_NOTE))  # 6: a 900 KB note
    @example(_as("Mary", act.personal_message(_user("Mary"), "ticket " + "9" * 4301, "")))  # 9
    @example(_as("Mary", act.personal_message(_user("Mary"), "kb KB-" + "7" * 5000, "")))  # 9
    @example(Post("Kevin", RETRIED_NOTE, twice=True))  # 8: a Teams retry applied twice
    def probe_with(post: Post) -> None:
        probe.run(probe.check(post))

    probe_with()
