"""Prometheus metrics: a small in-process registry and its text exposition (format 0.0.4).

Not prometheus_client: its metrics register in a process-wide default registry (a module
global, which this app avoids: two apps in one test process would share counts), and we need
only two counters and one histogram counted here, plus gauges read from the database when
Prometheus scrapes. The format is a few lines of text (prometheus.io, "Exposition formats").
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field

from aiohttp import web

from bot.keys import METRICS

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Seconds. Teams gives an invoke about 15 s before the user sees an error, so the top buckets
# show how close slow turns come to that.
TURN_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0)
TURN_KINDS = ("message", "invoke", "submit", "other")
# What one attempt at a proactive message came to (bot/outbox_sender.py).
SEND_OUTCOMES = ("sent", "retry", "waiting", "dead")

Labels = tuple[tuple[str, str], ...]


def _labels(values: Mapping[str, str]) -> Labels:
    return tuple(sorted((k, str(v)) for k, v in values.items()))


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if math.isnan(value):
        return "NaN"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass
class Family:
    """One metric: its name, type, help, and samples as (suffix, labels, value)."""

    name: str
    type: str  # counter | gauge | histogram
    help: str
    samples: list[tuple[str, Labels, float]] = field(default_factory=list)

    def render(self) -> str:
        """The family's HELP and TYPE lines and one line per sample."""
        help_text = self.help.replace("\\", "\\\\").replace("\n", "\\n")
        lines = [f"# HELP {self.name} {help_text}", f"# TYPE {self.name} {self.type}"]
        for suffix, labels, value in self.samples:
            inner = ",".join(f'{k}="{_escape(v)}"' for k, v in labels)
            label_text = f"{{{inner}}}" if inner else ""
            lines.append(f"{self.name}{suffix}{label_text} {_number(value)}")
        return "\n".join(lines)


class Counter:
    """A monotonically increasing count per label set."""

    def __init__(self, name: str, help: str) -> None:
        assert name.endswith("_total"), "Prometheus counters end in _total"
        self.name, self.help = name, help
        self._values: dict[Labels, float] = {}

    def inc(self, amount: float = 1, **labels: str) -> None:
        """Add `amount` (never negative) to the count of these labels."""
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = _labels(labels)
        self._values[key] = self._values.get(key, 0) + amount

    def preset(self, **labels: str) -> None:
        """Show this label set at 0 before it first counts, so rates start from a known zero."""
        self._values.setdefault(_labels(labels), 0)

    def value(self, **labels: str) -> float:
        """The current count of these labels."""
        return self._values.get(_labels(labels), 0)

    def family(self) -> Family:
        """The counter as a metric family."""
        samples = [("", key, value) for key, value in sorted(self._values.items())]
        return Family(self.name, "counter", self.help, samples)


class Histogram:
    """Observations counted into cumulative buckets, with their sum and count, per label set."""

    def __init__(self, name: str, help: str, buckets: Iterable[float]) -> None:
        self.name, self.help = name, help
        self.buckets = tuple(sorted(buckets))
        self._series: dict[Labels, list[float]] = {}  # per-bucket counts, then +Inf, then sum

    def observe(self, value: float, **labels: str) -> None:
        """Count one observation (seconds, say) for these labels."""
        series = self._series.setdefault(_labels(labels), [0.0] * (len(self.buckets) + 2))
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                series[i] += 1
        series[-2] += 1
        series[-1] += value

    def count(self, **labels: str) -> int:
        """How many observations these labels have."""
        series = self._series.get(_labels(labels))
        return int(series[-2]) if series else 0

    def family(self) -> Family:
        """The histogram as a family: _bucket{le=...} lines, then _sum and _count."""
        family = Family(self.name, "histogram", self.help)
        for key, series in sorted(self._series.items()):
            for bound, count in zip((*self.buckets, math.inf), series[:-1], strict=True):
                le = "+Inf" if math.isinf(bound) else _number(bound)
                family.samples.append(("_bucket", (*key, ("le", le)), count))
            family.samples.append(("_sum", key, series[-1]))
            family.samples.append(("_count", key, series[-2]))
        return family


def gauge(name: str, help: str, values: Mapping[Labels, float]) -> Family:
    """A gauge family of values read at scrape time."""
    return Family(name, "gauge", help, [("", k, v) for k, v in sorted(values.items())])


def counted(name: str, help: str, values: Mapping[Labels, float]) -> Family:
    """A counter family whose totals are read at scrape time (rows only ever added)."""
    return Family(name, "counter", help, [("", k, v) for k, v in sorted(values.items())])


class DeskMetrics:
    """What the bot counts as it runs: turns by kind, their duration, failed turns, and what
    each attempt at a proactive message came to."""

    def __init__(self) -> None:
        self.turns = Counter("supportdesk_turns_total", "Activities the bot handled, by kind.")
        self.turn_seconds = Histogram(
            "supportdesk_turn_seconds",
            "Time to handle one activity, from request to response, by kind.",
            TURN_BUCKETS,
        )
        self.errors = Counter(
            "supportdesk_errors_total", "Turns that failed with an unhandled error, by kind."
        )
        self.proactive_sends = Counter(
            "supportdesk_proactive_sends_total",
            "Attempts at proactive messages, by outcome: sent, retry (later, with back-off), "
            "waiting (held until the person opens the app), dead (given up).",
        )
        for kind in TURN_KINDS:
            self.turns.preset(kind=kind)
            self.errors.preset(kind=kind)
        for outcome in SEND_OUTCOMES:
            self.proactive_sends.preset(outcome=outcome)

    def observe_turn(self, kind: str, seconds: float, *, failed: bool) -> None:
        """Count one turn, its duration, and whether it failed."""
        self.turns.inc(kind=kind)
        self.turn_seconds.observe(seconds, kind=kind)
        if failed:
            self.errors.inc(kind=kind)

    def families(self) -> list[Family]:
        """The in-process families, in exposition order."""
        return [
            self.turns.family(),
            self.turn_seconds.family(),
            self.errors.family(),
            self.proactive_sends.family(),
        ]


def exposition(families: Iterable[Family]) -> str:
    """The text Prometheus scrapes: every family, ending in a line feed."""
    return "\n".join(f.render() for f in families) + "\n"


async def metrics_ctx(app: web.Application) -> AsyncIterator[None]:
    """The app's metrics, counted from start-up; the counts go with the process."""
    app[METRICS] = DeskMetrics()
    yield
