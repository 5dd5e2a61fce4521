"""Calls to BP Search's sources through one cache: fresh answers are reused, each call waits at
most the profile's timeout, and a source that fails is stood in for by what the cache held.

Answers are kept per query (find_customers("acme")) and per record (machine("SN-1")) for the
profile's cache_seconds; past that they are asked again, and kept if asking fails. The cache is
bounded (least recently used entries go first), so a long-running bot holds a few thousand.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from cachetools import LRUCache

from services.bp_search.model import Gap
from services.installed_base import SourceUnavailable

T = TypeVar("T")
ENTRIES = 4096  # answers kept; a busy day's look-ups, each a few KB at most


@dataclass(frozen=True)
class _Entry:
    value: Any
    at: datetime


@dataclass
class Trail:
    """One look-up's way through the sources: when it runs, whether an expired answer may be
    shown at once (the message extension), and which sources it found unavailable."""

    now: datetime
    cached_first: bool = False
    gaps: list[Gap] = field(default_factory=list)
    stale: bool = False  # an expired answer was shown: ask again after answering

    def missing(self, gap: Gap) -> None:
        """Note a source that did not answer; per source, the oldest stand-in is the one said."""
        for i, known in enumerate(self.gaps):
            if known.source == gap.source:
                if known.shown_from is None or (
                    gap.shown_from is not None and gap.shown_from < known.shown_from
                ):
                    self.gaps[i] = gap
                return
        self.gaps.append(gap)

    def unavailable(self, source: str) -> bool:
        """Whether `source` failed on this look-up."""
        return any(gap.source == source for gap in self.gaps)


class Sources:
    """The cache and the timeout every source call goes through."""

    def __init__(self, cache_seconds: float, timeout_seconds: float, size: int = ENTRIES) -> None:
        self._entries: LRUCache[Hashable, _Entry] = LRUCache(maxsize=size)
        self._fresh = timedelta(seconds=cache_seconds)
        self._timeout = timeout_seconds

    async def ask(
        self, trail: Trail, source: str, key: Hashable, call: Callable[[], Awaitable[T]]
    ) -> T:
        """`call`'s answer: cached while fresh, else asked within the timeout, else the expired
        answer (noted on `trail` with its age). SourceUnavailable when there is none."""
        entry = self._entries.get(key)
        if entry is not None and trail.now - entry.at < self._fresh:
            return entry.value
        if entry is not None and trail.cached_first:
            trail.stale = True  # shown now; the caller asks again once it has answered
            return entry.value
        try:
            async with asyncio.timeout(self._timeout):
                value = await call()
        except (SourceUnavailable, TimeoutError) as error:
            reason = getattr(error, "reason", f"no answer within {self._timeout:g} s")
            trail.missing(Gap(source, entry.at if entry is not None else None))
            if entry is not None:
                return entry.value
            raise SourceUnavailable(source, reason) from error
        self._entries[key] = _Entry(value, trail.now)
        return value

    def remember(self, key: Hashable, value: Any, at: datetime) -> None:
        """Keep a record that came with a query's answer, so picking it needs no second call."""
        self._entries[key] = _Entry(value, at)
