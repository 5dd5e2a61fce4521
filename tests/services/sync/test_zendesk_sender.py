"""ZendeskSender's rules unit by unit: what merges, how priorities and comments translate, and
the ticket-system port build_services picks for a Zendesk profile."""

from __future__ import annotations

import httpx

from services.app_services import build_services
from services.db import Database
from services.profile import load_profile
from services.settings import Settings
from services.sync import SyncChange
from services.sync.zendesk.sender import ZendeskSender
from services.sync.zendesk.system import ZendeskTicketSystem
from services.sync.zendesk.translate import comment_texts, zendesk_priority
from tests.harness.sync import START

PROFILE = load_profile("bestpack")


def _change(seq: int, kind: str = "update", *events: dict) -> SyncChange:
    return SyncChange(
        seq, "zendesk", "BP-1001", seq, kind, {"number": "BP-1001", "events": list(events)},
        "kevin", "queued", 0, START, START,
    )  # fmt: skip


def _note(body: str, visibility: str = "internal") -> dict:
    return {"kind": "note", "actor_id": "kevin", "body": body, "visibility": visibility}


def test_updates_merge_behind_a_change_without_a_comment_never_behind_one_with_it():
    sender = ZendeskSender(None, None, PROFILE, None, clock=lambda: START)  # type: ignore[arg-type]
    moved = {"kind": "status_changed", "before": {"status": "new"}, "after": {"status": "x"}}
    status = _change(2, "update", moved)
    assert sender.merges(_change(1, "create"), status)
    assert sender.merges(status, _change(3, "update", _note("Rung 12")))
    assert not sender.merges(_change(3, "update", _note("Rung 12")), _change(4))
    assert not sender.merges(status, _change(4, "create"))


def test_comments_join_by_visibility_and_name_who_wrote_a_private_one():
    events = [_note("A"), _note("B"), _note("We are on it", "public"), _note("C")]
    assert comment_texts(PROFILE, events) == [
        ("Kevin: A\n\nKevin: B", False),
        ("We are on it", True),
        ("Kevin: C", False),
    ]


def test_a_priority_zendesk_lacks_goes_by_its_rank():
    ranked = PROFILE.priorities[0].model_copy(update={"key": "p1"})
    profile = PROFILE.model_copy(update={"priorities": (ranked, *PROFILE.priorities[1:])})
    assert zendesk_priority(PROFILE, "high") == "high"
    assert zendesk_priority(profile, "p1") == "urgent"
    assert zendesk_priority(PROFILE, "unknown") is None


async def test_a_zendesk_profile_gets_the_zendesk_port_and_queues_its_writes(
    sqlite_database: Database,
):
    profile = PROFILE.model_copy(update={"system_of_record": "zendesk"})
    settings = Settings(
        _env_file=None,
        database_url=sqlite_database.url,
        zendesk_url="https://bestpack.zendesk.com",
        zendesk_email="bot@bestpack.example",
        zendesk_api_token="t",
        zendesk_webhook_secret="s",
    )
    async with httpx.AsyncClient() as http:
        services = build_services(settings, profile, sqlite_database, http)
    assert isinstance(services.ticket_system, ZendeskTicketSystem)
    assert services.ticket_system.reaches_customer and services.zendesk is not None
