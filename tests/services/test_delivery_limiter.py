"""The limiter paces sends to Teams' windows: per tenant, per conversation, and after a 429."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from services.delivery import RateLimiter, SlidingLog, Window

TEAMS_CONVERSATION = [Window(7, 1.0), Window(1800, 3600.0)]
TEAMS_TENANT = [Window(50, 1.0)]


class FakeClock:
    """Monotonic seconds that move only when a test (or the limiter's sleep) moves them."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


class VirtualTime(FakeClock):
    """Discrete-event time for several tasks: when all are asleep, the earliest one wakes."""

    def __init__(self) -> None:
        super().__init__()
        self._sleepers: list[tuple[float, int, asyncio.Future]] = []
        self._order = itertools.count()

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), future))
        await future

    async def run(self, *coroutines) -> None:
        """Run the coroutines to the end, moving time forward whenever they all sleep."""
        tasks = [asyncio.create_task(c) for c in coroutines]
        while not all(t.done() for t in tasks):
            for _ in range(10):
                await asyncio.sleep(0)  # everyone runs until they sleep or finish
            if self._sleepers:
                wake_at, _, future = heapq.heappop(self._sleepers)
                self.now = max(self.now, wake_at)
                future.set_result(None)
        for task in tasks:
            task.result()


def limiter(clock: FakeClock, slack: float = 0.0) -> RateLimiter:
    return RateLimiter(
        TEAMS_TENANT, TEAMS_CONVERSATION, slack=slack, clock=clock, sleep=clock.sleep
    )


def test_seven_go_at_once_and_the_eighth_waits_for_the_first_to_leave_the_second():
    clock = FakeClock()
    pace = limiter(clock)
    for _ in range(7):
        assert pace.delay_for("t", "kevin") == 0
        pace.take("t", "kevin")
        clock.now += 0.1
    assert math.isclose(pace.delay_for("t", "kevin"), 0.3)
    assert pace.delay_for("t", "mary") == 0  # another conversation is not held up


def test_the_tenant_limit_holds_across_conversations():
    clock = FakeClock()
    pace = limiter(clock)
    for n in range(50):
        pace.take("t", f"chat-{n}")
    assert math.isclose(pace.delay_for("t", "chat-new"), 1.0)
    assert pace.delay_for("other-tenant", "chat-new") == 0


def test_the_hourly_limit_holds_a_conversation_that_kept_within_the_second():
    clock = FakeClock()
    pace = limiter(clock)
    for _ in range(1800):
        pace.take("t", "kevin")
        clock.now += 0.5  # 2 per second: never near 7 per second
    # 1,800 in 15 minutes: the next waits until the first is an hour old.
    assert math.isclose(pace.delay_for("t", "kevin"), 3600 - 900)


def test_a_429_pauses_the_conversation_for_its_retry_after():
    clock = FakeClock()
    pace = limiter(clock)
    pace.pause("kevin", 2.5)
    assert pace.delay_for("t", "kevin") == 2.5
    clock.now += 2.5
    assert pace.delay_for("t", "kevin") == 0


async def test_acquire_waits_for_a_slot_or_gives_up_past_its_budget():
    clock = FakeClock()
    pace = limiter(clock)
    for _ in range(7):
        assert await pace.acquire("t", "kevin", max_wait=0)
        pace.settle("t", "kevin")
    assert not await pace.acquire("t", "kevin", max_wait=0.5)
    assert clock.now == 0  # giving up took no time and no slot
    assert await pace.acquire("t", "kevin", max_wait=1.0)
    assert clock.now == 1.0


async def test_a_send_counts_from_its_answer_not_from_when_it_left():
    clock = FakeClock()
    pace = limiter(clock)
    for _ in range(7):
        assert await pace.acquire("t", "kevin", max_wait=0)
    clock.now += 0.3  # the answers take 0.3 s: Teams clocked them somewhere in between
    for _ in range(7):
        pace.settle("t", "kevin")
    assert math.isclose(pace.delay_for("t", "kevin"), 1.0)  # a second from the answers


async def test_sends_still_in_flight_hold_their_slots():
    clock = FakeClock()
    pace = limiter(clock)
    for _ in range(7):
        assert await pace.acquire("t", "kevin", max_wait=0)
    clock.now += 5.0  # no answer yet: they may still arrive at Teams now
    assert not await pace.acquire("t", "kevin", max_wait=0.5)
    pace.settle("t", "kevin")  # one answered: its slot is free a second from now
    assert math.isclose(pace.delay_for("t", "kevin"), 1.0)
    assert pace.delay_for("t", "mary") == 0  # the tenant has room: 7 of 50


async def test_when_the_tenant_is_full_the_oldest_waiting_message_goes_first():
    clock = VirtualTime()
    pace = RateLimiter([Window(2, 1.0)], [Window(7, 1.0)], clock=clock, sleep=clock.sleep)
    pace.take("t", "busy")
    pace.take("t", "busy")  # the tenant's second is used up
    order: list[str] = []

    async def send(conversation: str, age: float) -> None:
        assert await pace.acquire("t", conversation, priority=age)
        pace.settle("t", conversation)
        order.append(conversation)

    await clock.run(send("newer", 20.0), send("oldest", 5.0), send("older", 10.0))
    assert order == ["oldest", "older", "newer"]


async def test_an_older_message_whose_chat_must_wait_does_not_hold_up_the_others():
    clock = VirtualTime()
    pace = RateLimiter([Window(50, 1.0)], [Window(1, 1.0)], clock=clock, sleep=clock.sleep)
    pace.take("t", "slow")  # its chat used its one-per-second
    order: list[str] = []

    async def send(conversation: str, age: float) -> None:
        assert await pace.acquire("t", conversation, priority=age)
        pace.settle("t", conversation)
        order.append(conversation)

    await clock.run(send("slow", 1.0), send("free", 9.0))
    assert order == ["free", "slow"]


def test_slack_widens_every_window():
    clock = FakeClock()
    pace = limiter(clock, slack=0.05)
    for _ in range(7):
        pace.take("t", "kevin")
    assert math.isclose(pace.delay_for("t", "kevin"), 1.05)


def test_idle_conversations_are_forgotten():
    clock = FakeClock()
    pace = limiter(clock)
    pace.take("t", "old")
    pace.reserve("t", "waiting")  # in flight for over an hour: still counted
    clock.now += 3601
    for n in range(1024):
        pace.take("t", f"chat-{n % 40}")
    assert "old" not in pace._conversations
    assert "waiting" in pace._conversations


@settings(max_examples=60, deadline=None)
@given(
    gaps=st.lists(st.floats(0, 0.6), min_size=1, max_size=120),
    windows=st.lists(st.tuples(st.integers(1, 9), st.floats(0.1, 5.0)), min_size=1, max_size=3),
)
async def test_no_window_ever_holds_more_than_its_limit(gaps, windows):
    clock = FakeClock()
    rule = [Window(limit, seconds) for limit, seconds in windows]
    pace = RateLimiter([], rule, clock=clock, sleep=clock.sleep)
    sent: list[float] = []
    for gap in gaps:
        clock.now += gap
        assert await pace.acquire("t", "chat")
        sent.append(clock.now)
        pace.settle("t", "chat")
    for window in rule:
        for start in sent:
            inside = [t for t in sent if start <= t < start + window.seconds - 1e-9]
            assert len(inside) <= window.limit


@given(st.lists(st.floats(0, 2), min_size=1, max_size=60))
def test_a_sliding_log_never_asks_for_a_wait_longer_than_its_window(gaps):
    log = SlidingLog([Window(3, 1.0)])
    now = 0.0
    for gap in gaps:
        now += gap
        assert 0 <= log.delay(now) <= 1.0 + 1e-9
        if log.delay(now) == 0:
            log.take(now)
