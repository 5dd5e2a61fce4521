"""The catch-up's cursor lease and the webhook events' memory, on the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.sync.inbox import CursorLease, SeenEvents

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


async def test_one_replica_holds_the_cursor_until_it_lets_go_or_its_lease_runs_out(database):
    one = CursorLease(database, "zendesk", "bestpack", "one")
    two = CursorLease(database, "zendesk", "bestpack", "two")

    assert await one.take(NOW, timedelta(minutes=5))
    assert not await two.take(NOW + timedelta(minutes=1), timedelta(minutes=5))
    await two.move("not-yours", NOW)
    assert await one.cursor() is None
    await one.move("c1", NOW)
    assert await two.cursor() == "c1"
    assert await two.take(NOW + timedelta(minutes=6), timedelta(minutes=5))  # one died
    await one.release()  # too late: it no longer holds it
    assert not await one.take(NOW + timedelta(minutes=7), timedelta(minutes=5))
    await two.release()
    assert await one.take(NOW + timedelta(minutes=7), timedelta(minutes=5))


async def test_an_event_is_new_once_and_again_after_it_is_forgotten(database):
    seen = SeenEvents(database, "zendesk")

    assert await seen.first_time("e1", "4711", NOW)
    assert not await seen.first_time("e1", "4711", NOW)
    await seen.forget("e1")
    assert await seen.first_time("e1", "4711", NOW)


async def test_old_events_are_forgotten_a_bounded_batch_at_a_time(database):
    seen = SeenEvents(database, "zendesk")
    for day in range(5):
        assert await seen.first_time(f"old{day}", "4711", NOW - timedelta(days=10 + day))
    assert await seen.first_time("recent", "4711", NOW - timedelta(days=1))

    assert await seen.prune(NOW - timedelta(days=7), limit=3) == 3
    assert await seen.prune(NOW - timedelta(days=7), limit=3) == 2
    assert await seen.prune(NOW - timedelta(days=7), limit=3) == 0
    # The oldest went first, and the recent one is still remembered.
    assert not await seen.first_time("recent", "4711", NOW)
    assert await seen.first_time("old0", "4711", NOW)
