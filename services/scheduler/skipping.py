"""Jobs over many items that one bad item cannot stop: skip it, log it once, handle the rest.

A job (the SLA sweep every minute, the hourly auto-close) meets the same bad item run after
run: a ticket whose stored data makes its query or its handling fail. Its SkippedItems
remembers which ids it skipped, so each is logged once with its error and not again every run;
after REMEMBER it is logged again if still bad, and once handled it is forgotten.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Hashable, Iterable
from datetime import datetime, timedelta
from typing import TypeVar

log = logging.getLogger(__name__)
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

# Long enough not to flood the log from a job run every minute, short enough to be seen daily.
REMEMBER = timedelta(hours=24)


class SkippedItems:
    """The items one job skipped because handling them failed, each logged once."""

    def __init__(self, job: str, what: str = "item", remember: timedelta = REMEMBER) -> None:
        """Items of `job`, called `what` in the log ("ticket id")."""
        self.job, self.what = job, what
        self._remember = remember
        self._since: dict[Hashable, datetime] = {}

    def skip(self, item: Hashable, error: BaseException, now: datetime) -> None:
        """Record that `item` failed with `error` and was skipped; logged unless already known."""
        if item in self.known(now):
            return
        self._since[item] = now
        log.error(
            "%s skipped %s %s, which failed; the others went on",
            self.job,
            self.what,
            item,
            exc_info=error,
        )

    def handled(self, item: Hashable) -> None:
        """`item` went through: should it fail again, that is news worth logging."""
        self._since.pop(item, None)

    def known(self, now: datetime) -> frozenset[Hashable]:
        """The items skipped within REMEMBER of `now`."""
        self._since = {i: t for i, t in self._since.items() if now - t < self._remember}
        return frozenset(self._since)

    async def each(
        self, items: Iterable[K], load: Callable[[K], Awaitable[T | None]], now: datetime
    ) -> list[T]:
        """`load` each item by itself, skipping those that fail; what was found, in order."""
        found: list[T] = []
        for item in items:
            try:
                value = await load(item)
            except Exception as error:  # the item's own failure: the others still load
                self.skip(item, error, now)
                continue
            if value is not None:
                found.append(value)
        return found


# One per job for the life of the process: a job's function runs afresh each tick.
_SKIPPED: dict[str, SkippedItems] = {}


def skipped_items(job: str, what: str = "item") -> SkippedItems:
    """The process's SkippedItems of `job`."""
    if job not in _SKIPPED:
        _SKIPPED[job] = SkippedItems(job, what)
    return _SKIPPED[job]
