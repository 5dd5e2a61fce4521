"""HubSpot's side merged into the working copy: its stage, priority and owner, as events."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.profile import Profile, load_profile
from services.sync.hubspot_merge import HUBSPOT_ACTOR, Remote, merge
from services.sync.hubspot_parties import Parties
from services.tickets.model import EventKind, TicketStatus
from tests.harness.domain import MONDAY_9AM, assigned_to, make_ticket, resolved_by
from tests.harness.hubspot_profile import STAGES, kinetic_on_hubspot_path

LATER = MONDAY_9AM + timedelta(hours=2)


@pytest.fixture(scope="module")
def kinetic(tmp_path_factory) -> Profile:
    return load_profile(kinetic_on_hubspot_path(tmp_path_factory.mktemp("kinetic")))


def stage(key: str) -> str:
    return STAGES[key][0]


def sams(**overrides):
    """Sam's ticket, with the specialist, on the Kinetic desk."""
    values = {"profile": "kinetic", "number": "KD-1001", "priority": "medium"}
    return assigned_to("sam", **(values | overrides))


def test_what_hubspot_already_agrees_with_is_no_change(kinetic):
    remote = Remote(stage("with_specialist"), "medium", "sam")

    assert merge(sams(), remote, kinetic, LATER, settled=True) is None


def test_a_stage_moved_in_hubspot_moves_the_status_as_hubspot_did_it(kinetic):
    remote = Remote(stage("waiting_on_contact"), "medium", None)

    change = merge(sams(), remote, kinetic, LATER, settled=True)

    assert change is not None
    assert change.ticket.status is TicketStatus.WAITING_ON_CUSTOMER
    [moved] = change.events
    assert (moved.kind, moved.actor_id) == (EventKind.STATUS_CHANGED, HUBSPOT_ACTOR)


def test_a_stage_of_a_done_status_stamps_when_it_was_resolved(kinetic):
    change = merge(
        sams(), Remote(stage("solution_offered"), None, None), kinetic, LATER, settled=True
    )

    assert change is not None
    assert (change.ticket.status, change.ticket.resolved_at) == (TicketStatus.RESOLVED, LATER)


def test_an_open_stage_on_a_resolved_ticket_reopens_it_counted(kinetic):
    done = resolved_by("sam", profile="kinetic", number="KD-1001", priority="medium")

    change = merge(done, Remote(stage("waiting_on_us"), None, None), kinetic, LATER, settled=True)

    assert change is not None
    assert change.ticket.reopen_count == 1 and change.ticket.is_open
    assert EventKind.REOPENED in [e.kind for e in change.events]


def test_a_stage_the_profile_does_not_map_is_left_alone(kinetic):
    assert merge(sams(), Remote("99999", None, None), kinetic, LATER, settled=True) is None


def test_priority_and_owner_changed_in_hubspot_are_taken(kinetic):
    ticket = make_ticket(profile="kinetic", number="KD-1001", priority="medium")
    remote = Remote(stage("new"), "high", "erin")

    change = merge(ticket, remote, kinetic, LATER, settled=True)

    assert change is not None
    assert (change.ticket.priority, change.ticket.assignee_id) == ("high", "erin")
    assert change.ticket.status is TicketStatus.ASSIGNED
    assert [e.kind for e in change.events] == [EventKind.CLASSIFIED, EventKind.ASSIGNED]


def test_while_a_change_of_ours_is_on_its_way_hubspots_fields_wait(kinetic):
    remote = Remote(stage("waiting_on_contact"), "high", "erin")

    assert merge(sams(), remote, kinetic, LATER, settled=False) is None


def test_a_contact_and_company_associated_later_fill_only_what_is_blank(kinetic):
    ticket = sams(company="Typed by Sam", contact_name=None)
    parties = Parties("Dana Lee", "dana@acme.example", None, "Acme Packaging")
    remote = Remote(stage("with_specialist"), "medium", None, parties)

    change = merge(ticket, remote, kinetic, LATER, settled=True)

    assert change is not None
    assert (change.ticket.contact_name, change.ticket.contact_email) == (
        "Dana Lee",
        "dana@acme.example",
    )
    assert change.ticket.company == "Typed by Sam"
    [note] = change.events
    assert note.body == "HubSpot associates it with Dana Lee <dana@acme.example>"


def test_hubspots_new_stage_does_not_take_a_ticket_back_from_its_owner(kinetic):
    assert merge(sams(), Remote(stage("new"), None, None), kinetic, LATER, settled=True) is None
