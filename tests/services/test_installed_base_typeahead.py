"""The typeahead in front of the installed base: one look-up per text, a pace per person, and
an answer within the profile's timeout whatever the source does."""

from __future__ import annotations

import asyncio

import pytest

from services.installed_base import Customer, Machine
from services.installed_base.typeahead import FRESH_SECONDS, MIN_INTERVAL, Typeahead
from services.profile.bp_search import BPSearchSection
from tests.harness.installed_base_fakes import CountingBase, SteppedClock

HARVEST = Customer("C-1", "Harvest Valley Foods")
NORTHWIND = Customer("C-2", "Northwind Bottling")
MACHINES = [
    Machine("M-1", "CE4-10421", "BP-400 Case Erector", "C-1", HARVEST.name),
    Machine("M-2", "CE4-10422", "BP-400 Case Erector", "C-2", NORTHWIND.name),
    Machine("M-3", "TF3-20001", "TF-300 Tray Former", "C-1", HARVEST.name),
]
QUICK = BPSearchSection(timeout_seconds=0.2, cache_seconds=300)
PATIENT = BPSearchSection(timeout_seconds=2.0, cache_seconds=300)


@pytest.fixture
def base() -> CountingBase:
    return CountingBase(machines=list(MACHINES), customers=[HARVEST, NORTHWIND])


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock()


def typeahead(
    base: CountingBase, clock: SteppedClock, section: BPSearchSection = QUICK
) -> Typeahead:
    return Typeahead(base, section, timer=clock, sleep=clock.sleep)


def serials(machines: list[Machine]) -> list[str]:
    return [m.serial for m in machines]


async def test_the_same_text_again_is_answered_from_the_cache_whoever_types_it(base, clock):
    search = typeahead(base, clock)
    assert serials(await search.machines("mary", "CE4")) == ["CE4-10421", "CE4-10422"]
    clock.now += 5
    assert serials(await search.machines("kevin", "  ce4 ")) == ["CE4-10421", "CE4-10422"]
    assert base.asked == [("find_machines", "CE4")]
    assert [c.name for c in await search.customers("mary", "valley")] == [HARVEST.name]
    assert base.asked[-1] == ("find_customers", "valley"), "customers are another question"


async def test_an_answer_older_than_the_fresh_window_is_looked_up_again(base, clock):
    search = typeahead(base, clock)
    await search.machines("mary", "CE4")
    clock.now += FRESH_SECONDS + 1
    await search.machines("mary", "CE4")
    assert base.asked == [("find_machines", "CE4")] * 2


async def test_identical_texts_typed_at_once_share_one_look_up(base, clock):
    base.hold = asyncio.Event()
    search = typeahead(base, clock)
    first = asyncio.create_task(search.machines("mary", "TF3"))
    second = asyncio.create_task(search.machines("kevin", "tf3"))
    await asyncio.sleep(0.01)
    base.hold.set()
    assert serials(await first) == serials(await second) == ["TF3-20001"]
    assert base.asked == [("find_machines", "TF3")]


async def test_one_person_typing_fast_is_paced_others_are_not(base, clock):
    search = typeahead(base, clock, PATIENT)
    await search.machines("mary", "C")
    await search.machines("kevin", "T")  # someone else: no wait
    await search.machines("mary", "CE")  # straight after her last look-up: waits its turn
    assert clock.slept == [MIN_INTERVAL]
    assert base.asked == [("find_machines", "C"), ("find_machines", "T"), ("find_machines", "CE")]
    clock.now += MIN_INTERVAL
    await search.machines("mary", "CE4")
    assert clock.slept == [MIN_INTERVAL], "a pause as long as the interval costs nothing"


async def test_the_pace_leaves_a_paced_keystroke_half_the_timeout_to_look_up(base, clock):
    search = typeahead(base, clock, QUICK)  # 0.2 s timeout: shorter than MIN_INTERVAL
    await search.machines("mary", "C")
    assert serials(await search.machines("mary", "CE4-10421")) == ["CE4-10421"]
    assert clock.slept == [0.1]


async def test_a_keystroke_gives_way_to_a_newer_one_and_answers_from_what_is_known(base, clock):
    search = typeahead(base, clock, PATIENT)
    await search.machines("mary", "CE4")
    clock.gate = asyncio.Event()
    older = asyncio.create_task(search.machines("mary", "CE4-1042"))
    newer = asyncio.create_task(search.machines("mary", "CE4-10421"))
    await asyncio.sleep(0.01)
    clock.gate.set()
    # The older keystroke did not look up: "CE4"'s answer, narrowed to what it matches.
    assert serials(await older) == ["CE4-10421", "CE4-10422"]
    assert serials(await newer) == ["CE4-10421"]
    assert base.asked == [("find_machines", "CE4"), ("find_machines", "CE4-10421")]


async def test_a_slow_source_gets_what_is_cached_else_nothing_and_fills_the_cache_later(
    base, clock
):
    search = typeahead(base, clock)
    await search.machines("mary", "CE4")
    base.hold = asyncio.Event()  # the source stops answering in time
    clock.now += FRESH_SECONDS + 1
    assert serials(await search.machines("mary", "CE4")) == ["CE4-10421", "CE4-10422"]
    assert serials(await search.machines("kevin", "CE4-10422")) == ["CE4-10422"]  # narrowed
    assert await search.machines("sean", "TF3") == []  # nothing known about "TF3"
    base.hold.set()  # the source answers after all: the next keystroke has it
    await asyncio.sleep(0.01)
    assert serials(await search.machines("sean", "TF3")) == ["TF3-20001"]
    assert base.asked.count(("find_machines", "TF3")) == 1


async def test_a_source_that_is_down_gets_what_is_cached_else_nothing(base, clock):
    search = typeahead(base, clock)
    await search.customers("mary", "north")
    base.down = True
    clock.now += FRESH_SECONDS + 1
    assert [c.name for c in await search.customers("mary", "north")] == [NORTHWIND.name]
    assert await search.customers("kevin", "harvest") == []


async def test_nothing_typed_looks_nothing_up(base, clock):
    search = typeahead(base, clock)
    assert await search.machines("mary", "   ") == []
    assert base.asked == []
    assert search.source == "NetSuite"
