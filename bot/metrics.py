"""Prometheus metrics on prometheus_client, in a registry each app owns.

Never the process-wide default REGISTRY: two apps in one process (tests, the bench) would
share counts and clash on names. The outbox and the SLA alerts live in the database, so a
collector reports what the scrape read just before rendering (bot/observe.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.keys import METRICS
from services.sync.queue import QueueStats
from services.sync.status import oldest_age

CONTENT_TYPE = CONTENT_TYPE_LATEST
# Seconds. Teams gives an invoke about 15 s before the user sees an error, so the top buckets
# show how close slow turns come to that.
TURN_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0)
TURN_KINDS = ("message", "invoke", "submit", "other")
# What one attempt at a proactive message came to (bot/outbox_sender.py).
SEND_OUTCOMES = ("sent", "retry", "waiting", "dead")


class StoredCounts(Collector):
    """The outbox by status, the SLA alerts raised and the sync queues, as last read."""

    def __init__(self) -> None:
        self.outbox: Mapping[str, int] = {}
        self.alerts: Mapping[tuple[str, str], int] = {}
        self.sync: Mapping[str, QueueStats] = {}
        self.read_at: datetime | None = None

    def describe(self) -> Iterator[Metric]:
        """The families without samples, so the registry can refuse a clashing name."""
        yield from self._families({}, {})
        yield from self._sync_families({}, None)

    def collect(self) -> Iterator[Metric]:
        """The families with the counts read at this scrape."""
        yield from self._families(self.outbox, self.alerts)
        yield from self._sync_families(self.sync, self.read_at)

    @staticmethod
    def _sync_families(
        sync: Mapping[str, QueueStats], read_at: datetime | None
    ) -> Iterator[Metric]:
        depth = GaugeMetricFamily(
            "supportdesk_sync_queue_depth",
            "Changes not yet sent to a system of record, by system.",
            labels=["system"],
        )
        oldest = GaugeMetricFamily(
            "supportdesk_sync_oldest_unsent_seconds",
            "Age of the oldest change not yet sent to a system of record, by system.",
            labels=["system"],
        )
        dead = GaugeMetricFamily(
            "supportdesk_sync_dead_letters",
            "Changes a system of record refused or that were given up, by system.",
            labels=["system"],
        )
        for system, stats in sorted(sync.items()):
            depth.add_metric([system], stats.depth)
            oldest.add_metric([system], oldest_age(stats, read_at) if read_at else 0.0)
            dead.add_metric([system], stats.dead)
        yield from (depth, oldest, dead)

    @staticmethod
    def _families(
        outbox: Mapping[str, int], alerts: Mapping[tuple[str, str], int]
    ) -> Iterator[Metric]:
        messages = GaugeMetricFamily(
            "supportdesk_outbox_messages",
            "Proactive messages in the outbox, by status (pending, waiting, sent, dead).",
            labels=["status"],
        )
        for status, count in sorted(outbox.items()):
            messages.add_metric([status], count)
        yield messages
        # A counter: alert rows are only ever added.
        raised = CounterMetricFamily(
            "supportdesk_sla_alerts",
            "SLA alerts raised, by deadline and threshold.",
            labels=["deadline", "threshold"],
        )
        for labels, count in sorted(alerts.items()):
            raised.add_metric(list(labels), count)
        yield raised


class DeskMetrics:
    """What the bot counts as it runs: turns by kind, their duration, failed turns, and what
    each attempt at a proactive message came to."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.turns = Counter(
            "supportdesk_turns",
            "Activities the bot handled, by kind.",
            ["kind"],
            registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "supportdesk_turn_seconds",
            "Time to handle one activity, from request to response, by kind.",
            ["kind"],
            buckets=TURN_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "supportdesk_errors",
            "Turns that failed with an unhandled error, by kind.",
            ["kind"],
            registry=self.registry,
        )
        self.proactive_sends = Counter(
            "supportdesk_proactive_sends",
            "Attempts at proactive messages, by outcome: sent, retry (later, with back-off), "
            "waiting (held until the person opens the app), dead (given up).",
            ["outcome"],
            registry=self.registry,
        )
        self.stored = StoredCounts()
        self.registry.register(self.stored)
        # Every label set shows from start-up at 0, so rates start from a known zero.
        for kind in TURN_KINDS:
            self.turns.labels(kind=kind)
            self.errors.labels(kind=kind)
        for outcome in SEND_OUTCOMES:
            self.proactive_sends.labels(outcome=outcome)

    def observe_turn(self, kind: str, seconds: float, *, failed: bool) -> None:
        """Count one turn, its duration, and whether it failed."""
        self.turns.labels(kind=kind).inc()
        self.turn_seconds.labels(kind=kind).observe(seconds)
        if failed:
            self.errors.labels(kind=kind).inc()

    def count_send(self, outcome: str) -> None:
        """Count one attempt at a proactive message by what it came to."""
        self.proactive_sends.labels(outcome=outcome).inc()


async def metrics_ctx(app: web.Application) -> AsyncIterator[None]:
    """The app's metrics, counted from start-up; the counts go with the process."""
    app[METRICS] = DeskMetrics()
    yield
