"""HubSpotSender's rules unit by unit: what merges, how a ticket and its events translate into
HubSpot's properties and notes, and the ticket-system port build_services picks for HubSpot."""

from __future__ import annotations

import httpx
import pytest

from services.app_services import build_services
from services.db import Database
from services.profile import Profile, load_profile
from services.settings import Settings
from services.sync import SyncChange, SyncQueue
from services.sync.hubspot.sender import HubSpotSender
from services.sync.hubspot.system import HubSpotTicketSystem
from services.sync.hubspot.translate import as_text, new_ticket, notes, ticket_properties
from services.tickets import check_draft, draft_from_answers
from tests.harness.domain import MONDAY_9AM, make_ticket
from tests.harness.hubspot_profile import kinetic_on_hubspot_path
from tests.harness.sync import START

ANSWERS = {
    "installation_type": "kinops",
    "environment": "production",
    "application": "Kinetic Request CE",
    "category": "feature",
    "type": "workflow",
}


@pytest.fixture(scope="module")
def kinetic(tmp_path_factory) -> Profile:
    return load_profile(kinetic_on_hubspot_path(tmp_path_factory.mktemp("kinetic")))


def _change(seq: int, kind: str = "update", *events: dict) -> SyncChange:
    return SyncChange(
        seq, "hubspot", "KD-1001", seq, kind, {"number": "KD-1001", "events": list(events)},
        "sam", "queued", 0, START, START,
    )  # fmt: skip


def _event(kind: str, body: str | None = None, visibility: str = "internal", **after) -> dict:
    return {
        "kind": kind, "actor_id": "sam", "at": MONDAY_9AM.isoformat(), "visibility": visibility,
        "body": body, "before": {}, "after": after,
    }  # fmt: skip


def _ticket(**overrides):
    values = {"profile": "kinetic", "number": "KD-1001", "priority": "urgent"}
    values |= {"issue_type": "workflow", "fields": ANSWERS, "description": "Node stuck.\nLog."}
    return make_ticket(**(values | overrides))


def test_every_update_merges_behind_whatever_went_before(kinetic):
    sender = HubSpotSender(None, None, kinetic, None)  # type: ignore[arg-type]
    note = _change(2, "update", _event("note", "Log asked"))
    assert sender.merges(_change(1, "create"), note)
    assert sender.merges(note, _change(3, "update", _event("note", "Log read")))
    assert not sender.merges(note, _change(4, "create"))


def test_a_new_ticket_is_its_answers_in_hubspots_properties(kinetic):
    assert new_ticket(kinetic, _ticket()) == {
        "subject": "HMI shows alarm 204 after restart",
        "content": "Node stuck.\nLog.",
        "hs_pipeline": "0",
        "hs_pipeline_stage": "1",
        "hs_ticket_priority": "URGENT",
        "support_desk_number": "KD-1001",
        "installation_type": "kinops",
        "environment": "production",
        "application": "Kinetic Request CE",
        "type": "workflow",
        "hs_ticket_category": "FEATURE_REQUEST",  # the intake's "feature", in HubSpot's values
    }


def test_only_what_the_events_touched_is_sent_and_a_cleared_answer_clears_it(kinetic):
    ticket = _ticket(issue_type=None)
    assert ticket_properties(kinetic, ticket, only={"issue_type"}) == {"type": ""}
    assert ticket_properties(kinetic, ticket, only={"status"}) == {}


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (True, "true"), (False, "false"), (3, "3"), (["a", "b"], "a;b"), ("x", "x")],
)
def test_every_value_goes_as_hubspot_stores_it_a_string(value, text):
    assert as_text(value) == text


def test_each_event_with_words_is_a_note_in_the_timelines_words_as_html(kinetic):
    events = [
        _event("created"),
        _event("status_changed", None, status="in_progress"),  # a move without words: no note
        _event("note", "Rung <12>\nchecked"),
        _event("note", "We are on it", "public"),
        _event("assigned", "covering", assignee_id="lee"),
    ]

    assert [body for body, _ in notes(kinetic, events)] == [
        "Sam added a note: Rung &lt;12&gt;<br>checked",
        "Sam added a customer-visible note: We are on it",
        "Sam assigned it to Lee: covering",
    ]
    assert {at for _, at in notes(kinetic, events)} == {MONDAY_9AM}


async def test_a_hubspot_profile_gets_the_hubspot_port_and_queues_its_writes(
    sqlite_database: Database, kinetic: Profile
):
    settings = Settings(
        _env_file=None,
        database_url=sqlite_database.url,
        hubspot_access_token="pat-na1-x",
        hubspot_client_secret="6f1c2a9e",
    )
    async with httpx.AsyncClient() as http:
        services = build_services(settings, kinetic, sqlite_database, http)
    assert isinstance(services.ticket_system, HubSpotTicketSystem)
    # HubSpot's notes are internal: a message to the customer is passed on by staff.
    assert not services.ticket_system.reaches_customer and services.hubspot is not None
    draft = check_draft(draft_from_answers(kinetic, ANSWERS | {"description": "Stuck"}), kinetic)
    await services.tickets.create(draft, "sam", None, MONDAY_9AM)
    assert (await SyncQueue(sqlite_database).stats())["hubspot"].depth == 1
