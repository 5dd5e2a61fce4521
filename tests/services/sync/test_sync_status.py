"""`sync status` in words: what waits, for how long, and what was refused, per system."""

from __future__ import annotations

from datetime import timedelta

from services.db import Database
from services.sync import NewChange, SyncQueue, describe, sync_stats
from services.sync.projects import CREATE_PROJECT
from services.sync.status import describe_dead
from tests.harness.sync import START, updates


async def test_status_says_what_waits_how_long_and_what_was_refused(database: Database):
    queue = SyncQueue(database)
    await queue.add("zendesk", "BP-1001", updates(3, kind="note"), START)
    await queue.add("zendesk", "BP-1002", updates(1, kind="note"), START + timedelta(minutes=5))
    [head] = await queue.claim_heads("zendesk", "web-1", START, 60, limit=5)
    await queue.mark_dead([head.id], "Subject: is too long", START)
    await queue.add("hubspot", "T-1", updates(1), START)
    [sent] = await queue.claim_heads("hubspot", "web-1", START, 60, limit=5)
    await queue.mark_sent([sent.id], START)

    lines = describe(await sync_stats(database), START + timedelta(minutes=42))

    assert lines == [
        "HubSpot: everything sent; none refused.",
        "Zendesk: 3 changes waiting to be sent, the oldest for 42 minutes; 1 refused or given up.",
    ]


def test_status_before_anything_was_queued():
    assert describe({}, START) == ["Nothing has been queued for a system of record."]


async def test_a_project_netsuite_refused_is_named_with_whose_approval_made_it(database: Database):
    queue = SyncQueue(database)
    project = NewChange(CREATE_PROJECT, {"number": "SR-1001"}, "allison")
    await queue.add("netsuite", "SR-1001", [project], START)
    [head] = await queue.claim_heads("netsuite", "web-1", START, 60, limit=5)
    await queue.mark_dead([head.id], "Invalid Field Value 9 for subsidiary (USER_ERROR)", START)

    dead = await queue.dead_letters(5)

    assert describe_dead(dead, {"allison": "Allison"}.get) == [
        "SR-1001 (its project by Allison, NetSuite): "
        "Invalid Field Value 9 for subsidiary (USER_ERROR)"
    ]
    assert describe(await sync_stats(database), START) == [
        "NetSuite: everything sent; 1 refused or given up."
    ]
