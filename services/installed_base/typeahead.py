"""Machines and customers as a person types: a brief cache, one look-up per text, a pace each.

Teams asks for a typeahead's choices at every pause in typing, and NetSuite and HubSpot have
limits of their own (HubSpot's search API: a few requests a second per account). So:

- an answer is reused for FRESH_SECONDS by anyone typing the same text, and kept for the
  profile's `[bp_search] cache_seconds` to fall back on when the source is slow or down;
- identical texts in flight share one look-up;
- one person's look-ups are at least MIN_INTERVAL apart (at most half the timeout, so a
  paced keystroke still has time to look up): a keystroke sooner than that waits the rest of
  the interval, then gives way if a newer keystroke of theirs came meanwhile (the newer one
  looks up; Teams shows the answer to the latest text);
- nobody waits longer than `[bp_search] timeout_seconds`: past it the answer is what is
  cached (this text's, else a shorter text's narrowed down, since a longer text only ever
  matches fewer), else nothing, so typing goes on. The look-up itself goes on (up to
  GIVE_UP_SECONDS) and fills the cache for the next keystroke.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from cachetools import TTLCache

from services.installed_base.model import Customer, Machine, SourceUnavailable
from services.installed_base.port import InstalledBase
from services.profile.bp_search import BPSearchSection

log = logging.getLogger(__name__)

FRESH_SECONDS = 30.0  # a typeahead answer is this old at most before the source is asked again
MIN_INTERVAL = 0.25  # one person's look-ups: at most four a second, HubSpot's search pace
GIVE_UP_SECONDS = 10.0  # a look-up nobody waits for any more ends here, answered or not
MOST = 15  # Teams shows 15 options at most
ANSWERS = 4_096  # distinct texts remembered
PEOPLE = 1_024  # people whose pace is remembered (for a few minutes)

Kind = Literal["machines", "customers"]
Found = tuple[Machine, ...] | tuple[Customer, ...]


class _GaveWay(Exception):
    """A newer keystroke of the same person does the look-up instead."""


@dataclass(frozen=True)
class _Answer:
    at: float
    items: Found


@dataclass
class _Pace:
    last: float = -math.inf  # when this person's last look-up started
    keystroke: int = 0  # bumped by each keystroke that has to wait


def _fold(text: str) -> str:
    return text.strip().casefold()


def _matches(item: Machine | Customer, folded: str) -> bool:
    """Whether a shorter text's hit also matches `folded` (the port's own rules, case folded)."""
    if isinstance(item, Machine):
        return item.serial.casefold().startswith(folded) or folded in item.customer_name.casefold()
    return folded in item.name.casefold()


class Typeahead:
    """The installed base's find_machines / find_customers, paced and cached for typeaheads."""

    def __init__(
        self,
        source: InstalledBase,
        section: BPSearchSection,
        *,
        timer: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._source = source
        self._timeout = section.timeout_seconds
        self._interval = min(MIN_INTERVAL, section.timeout_seconds / 2)
        self._timer = timer
        self._sleep = sleep
        self._answers: TTLCache[tuple[Kind, str], _Answer] = TTLCache(
            ANSWERS, section.cache_seconds, timer=timer
        )
        self._paces: TTLCache[str, _Pace] = TTLCache(PEOPLE, 300, timer=timer)
        self._pending: dict[tuple[Kind, str], asyncio.Task[Found]] = {}

    @property
    def source(self) -> str:
        """The installed base's name, as cards say it ("NetSuite", "the bot's database")."""
        return self._source.source

    async def machines(self, caller: str, text: str) -> list[Machine]:
        """Machines whose serial starts with `text` or whose customer's name contains it."""
        return list(await self._answer("machines", caller, text))  # type: ignore[arg-type]

    async def customers(self, caller: str, text: str) -> list[Customer]:
        """Customers whose name contains `text`."""
        return list(await self._answer("customers", caller, text))  # type: ignore[arg-type]

    async def _answer(self, kind: Kind, caller: str, text: str) -> Found:
        key = (kind, _fold(text))
        if not key[1]:
            return ()  # Teams asks as the box opens: nothing typed, nothing to look up
        try:
            async with asyncio.timeout(self._timeout):
                return await self._fresh_or_fetched(key, caller, text.strip())
        except (TimeoutError, SourceUnavailable, _GaveWay):
            return self._cached(key)

    async def _fresh_or_fetched(self, key: tuple[Kind, str], caller: str, text: str) -> Found:
        answer = self._answers.get(key)
        if answer is not None and self._timer() - answer.at < FRESH_SECONDS:
            return answer.items
        task = self._pending.get(key)
        if task is None:
            await self._wait_turn(caller)
            answer = self._answers.get(key)  # someone else may have asked while this one waited
            if answer is not None and self._timer() - answer.at < FRESH_SECONDS:
                return answer.items
            task = self._pending.get(key) or self._start(key, text)
        # Shielded: this caller's timeout must not cancel the look-up others share.
        return await asyncio.shield(task)

    async def _wait_turn(self, caller: str) -> None:
        pace = self._paces.get(caller) or _Pace()
        self._paces[caller] = pace
        wait = pace.last + self._interval - self._timer()
        if wait > 0:
            pace.keystroke += 1
            mine = pace.keystroke
            await self._sleep(wait)
            if pace.keystroke != mine:
                raise _GaveWay
        pace.last = self._timer()

    def _start(self, key: tuple[Kind, str], text: str) -> asyncio.Task[Found]:
        task = asyncio.create_task(self._fetch(key, text))
        self._pending[key] = task
        task.add_done_callback(lambda done: self._settle(key, done))
        return task

    async def _fetch(self, key: tuple[Kind, str], text: str) -> Found:
        async with asyncio.timeout(GIVE_UP_SECONDS):
            if key[0] == "machines":
                items: Found = tuple(await self._source.find_machines(text, MOST))
            else:
                items = tuple(await self._source.find_customers(text, MOST))
        self._answers[key] = _Answer(self._timer(), items)
        return items

    def _settle(self, key: tuple[Kind, str], task: asyncio.Task[Found]) -> None:
        self._pending.pop(key, None)
        if task.cancelled():
            return
        error = task.exception()  # read here, so an answer nobody waited for logs no warning
        if error is not None and not isinstance(error, SourceUnavailable | TimeoutError):
            log.warning("typeahead look-up failed: %r", error)

    def _cached(self, key: tuple[Kind, str]) -> Found:
        kind, folded = key
        answer = self._answers.get(key)
        if answer is not None:
            return answer.items
        for size in range(len(folded) - 1, 0, -1):
            shorter = self._answers.get((kind, folded[:size]))
            if shorter is not None:
                return tuple(i for i in shorter.items if _matches(i, folded))  # type: ignore[return-value]
        return ()
