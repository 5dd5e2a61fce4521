"""GET /metrics: Prometheus text with turn counts and durations, failed turns, and the outbox
and SLA alerts as the database holds them when Prometheus scrapes."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

from botbuilder.core import MessageFactory
from prometheus_client import generate_latest
from sqlalchemy import insert

from bot.commands import core
from bot.keys import SERVICES
from bot.metrics import DeskMetrics
from bot.router import Feature
from bot.turn import Turn
from services.db.schema import outbox, sla_alerts
from services.delivery import Recipient
from services.sync import NewChange, SyncQueue
from services.tickets import TicketDraft
from tests.harness import activities as act
from tests.harness.desk import Desk

_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
_LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"'
_SAMPLE = re.compile(
    rf"^(?P<name>{_NAME})(?:\{{(?P<labels>{_LABEL}(?:,{_LABEL})*)\}})? (?P<value>\S+)$"
)
_META = re.compile(rf"^# (?P<kind>HELP|TYPE) (?P<name>{_NAME}) (?P<rest>.*)$")

broken = Feature("broken-for-metrics-tests")
pager = Feature("pager-for-metrics-tests")


@broken.command("explode", help="Fail on purpose")
async def explode(turn: Turn, args: str) -> None:
    """Raise, as a bug would."""
    raise RuntimeError("database on fire")


@pager.command("page", help="Page a colleague", usage="<person id> <message>")
async def page(turn: Turn, args: str) -> None:
    """Send a colleague a proactive message and say what became of it."""
    person_id, _, text = args.partition(" ")
    key = f"page:{person_id}:{text}"
    delivery = await turn.notifier.tell(Recipient.person(person_id), MessageFactory.text(text), key)
    await turn.say(delivery.value)


def parse(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample by (name, labels), checking each line against the text format."""
    assert text.endswith("\n"), "the last line must end with a line feed"
    types: dict[str, str] = {}
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for line in text.splitlines():
        meta = _META.match(line)
        if meta:
            if meta["kind"] == "TYPE":
                assert meta["rest"] in ("counter", "gauge", "histogram"), line
                assert meta["name"] not in types, f"two TYPE lines for {meta['name']}"
                types[meta["name"]] = meta["rest"]
            continue
        match = _SAMPLE.match(line)
        assert match, f"not a sample line: {line!r}"
        name = match["name"]
        family = re.sub(r"_(bucket|sum|count)$", "", name)
        kind = types.get(name) or types.get(family)
        assert kind is not None, f"{name} has no TYPE line before it"
        if kind == "counter":
            assert name.endswith("_total"), name
        labels = tuple(re.findall(r'([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"', match["labels"] or ""))
        value = float(match["value"])  # "+Inf", "NaN" and integers all parse
        samples[(name, labels)] = value
    return samples


async def scrape(desk: Desk) -> dict:
    """GET /metrics, checked and parsed."""
    response = await desk.client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=")
    return parse(await response.text())


async def test_turns_are_counted_by_kind_with_their_durations(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("help")
    await mary.says("whoami")
    await mary.posts(act.submit_action(mary.user, {"verb": "gone"}, "f:1", desk.service_url))
    await mary.posts(act.execute_action(mary.user, "gone", {}, "f:1", desk.service_url))
    metrics = await scrape(desk)
    counts = {
        kind: metrics[("supportdesk_turns_total", (("kind", kind),))]
        for kind in ("message", "submit", "invoke", "other")
    }
    assert counts == {"message": 2, "submit": 1, "invoke": 1, "other": 0}
    count = metrics[("supportdesk_turn_seconds_count", (("kind", "message"),))]
    inf = metrics[("supportdesk_turn_seconds_bucket", (("kind", "message"), ("le", "+Inf")))]
    assert count == inf == 2
    assert metrics[("supportdesk_turn_seconds_sum", (("kind", "message"),))] > 0
    buckets = sorted(
        (float(labels[1][1]), value)
        for (name, labels), value in metrics.items()
        if name == "supportdesk_turn_seconds_bucket" and labels[0] == ("kind", "message")
    )
    assert [le for le, _ in buckets][-1] == math.inf
    assert [v for _, v in buckets] == sorted(v for _, v in buckets)  # cumulative
    assert metrics[("supportdesk_errors_total", (("kind", "message"),))] == 0


async def test_a_failed_turn_counts_as_an_error(settings, connector):
    desk = Desk(settings, connector, features=[core, broken])
    await desk.start()
    try:
        await desk.user("Mary").says("explode")
        await desk.user("Mary").says("help")
        metrics = await scrape(desk)
    finally:
        await desk.close()
    assert metrics[("supportdesk_errors_total", (("kind", "message"),))] == 1
    assert metrics[("supportdesk_turns_total", (("kind", "message"),))] == 2


async def test_each_proactive_send_is_counted_by_outcome(settings, connector):
    desk = Desk(settings, connector, features=[core, pager])
    await desk.start()
    try:
        before = await scrape(desk)
        mary, kevin = desk.user("Mary"), desk.user("Kevin")
        await kevin.says("help")  # Kevin has the app; Sean never opened it
        assert (await mary.says("page kevin Line 3 is down")).texts[-1] == "sent"
        assert (await mary.says("page sean Please call the customer")).texts == ["held_no_app"]
        after = await scrape(desk)
    finally:
        await desk.close()
    name = "supportdesk_proactive_sends_total"
    outcomes = ("sent", "retry", "waiting", "dead")
    assert {o: before[(name, (("outcome", o),))] for o in outcomes} == dict.fromkeys(outcomes, 0)
    counts = {o: after[(name, (("outcome", o),))] for o in outcomes}
    assert counts == {"sent": 1, "retry": 0, "waiting": 1, "dead": 0}


async def test_the_outbox_gauge_and_sla_alerts_are_read_from_the_database(desk: Desk):
    services = desk.app[SERVICES]
    before = await scrape(desk)
    assert before[("supportdesk_outbox_messages", (("status", "dead"),))] == 0
    now = datetime(2026, 3, 2, 17, tzinfo=UTC)
    ticket, _ = await services.tickets.create(TicketDraft("Sealer jams"), "mary", None, now)
    # Rows as the outbox stores them (bot.proactive's sender owns how they get there). The
    # pending ones are due long after the test, so the running outbox worker leaves them be.
    later = datetime(2100, 1, 1, tzinfo=UTC)
    async with services.db.engine.begin() as connection:
        for n, status in enumerate(("pending", "pending", "dead")):
            row = {"dedupe_key": f"m{n}", "target_kind": "person", "target": "kevin"}
            row |= {"payload": {"type": "message"}, "status": status, "next_attempt_at": later}
            await connection.execute(insert(outbox).values(**row, created_at=now, updated_at=now))
        for deadline, threshold in (("acknowledge", "breached"), ("resolution", "warning")):
            row = {"ticket_id": ticket.id, "deadline": deadline, "threshold": threshold}
            await connection.execute(insert(sla_alerts).values(**row, due_at=now, alerted_at=now))
    after = await scrape(desk)
    assert after[("supportdesk_outbox_messages", (("status", "pending"),))] == 2
    assert after[("supportdesk_outbox_messages", (("status", "dead"),))] == 1
    assert after[("supportdesk_outbox_messages", (("status", "sent"),))] == 0
    key = ("supportdesk_sla_alerts_total", (("deadline", "acknowledge"), ("threshold", "breached")))
    assert after[key] == 1


async def test_the_sync_queue_shows_its_depth_oldest_unsent_age_and_dead_letters(desk: Desk):
    services = desk.app[SERVICES]
    assert not any(name.startswith("supportdesk_sync") for name, _ in await scrape(desk))
    queue = SyncQueue(services.db)
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    await queue.add("zendesk", "BP-1001", [NewChange("update", {}, "kevin")] * 3, an_hour_ago)
    [head] = await queue.claim_heads("zendesk", "web-1", an_hour_ago, 60, limit=1)
    await queue.mark_dead([head.id], "Subject: is too long", an_hour_ago)

    after = await scrape(desk)

    zendesk = (("system", "zendesk"),)
    assert after[("supportdesk_sync_queue_depth", zendesk)] == 2
    assert after[("supportdesk_sync_dead_letters", zendesk)] == 1
    assert 3600 <= after[("supportdesk_sync_oldest_unsent_seconds", zendesk)] < 3700


async def test_two_apps_in_one_process_count_apart(settings, connector):
    # Each app has its own registry: a process-wide one would add these turns to the first
    # desk's counts (or refuse the second app's metric names outright).
    first, second = Desk(settings, connector), Desk(settings, connector)
    await first.start()
    try:
        await second.start()
        try:
            await first.user("Mary").says("help")
            counts = [await scrape(desk) for desk in (first, second)]
        finally:
            await second.close()
    finally:
        await first.close()
    turns = [c[("supportdesk_turns_total", (("kind", "message"),))] for c in counts]
    assert turns == [1, 0]


def test_label_values_are_escaped_and_histograms_are_cumulative():
    metrics = DeskMetrics()
    odd = 'say "hi"\\\nthere'
    metrics.observe_turn(odd, 0.2, failed=True)
    for seconds in (0.7, 3):
        metrics.observe_turn("message", seconds, failed=False)
    text = generate_latest(metrics.registry).decode()
    assert 'supportdesk_errors_total{kind="say \\"hi\\"\\\\\\nthere"} 1.0' in text.splitlines()
    samples = parse(text)
    bucket = "supportdesk_turn_seconds_bucket"
    assert samples[(bucket, (("kind", "message"), ("le", "0.5")))] == 0
    assert samples[(bucket, (("kind", "message"), ("le", "1.0")))] == 1
    assert samples[(bucket, (("kind", "message"), ("le", "+Inf")))] == 2
    assert samples[("supportdesk_turn_seconds_sum", (("kind", "message"),))] == 3.7
    assert samples[("supportdesk_turn_seconds_count", (("kind", "message"),))] == 2
