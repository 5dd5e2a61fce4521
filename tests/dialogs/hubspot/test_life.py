"""A Kinetic ticket's life in Teams and in HubSpot, the parts of issue 15 together: Dana's
e-mail becomes a HubSpot ticket and Sam's triage card, Sam takes it, pulls Engineering in,
notes what he found and logs his time; HubSpot's ticket follows, and a stage moved there shows
in Teams."""

from __future__ import annotations

from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.hubspot_desk import notes_on
from tests.harness.hubspot_inbound import Inbound
from tests.harness.hubspot_profile import STAGES
from tests.harness.tickets import stored, timeline_lines

SUBJECT = "Approval node never completes"
BODY = "Since the 6.1 upgrade the approval node in our onboarding workflow never completes."


async def test_dana_s_email_lives_in_teams_and_in_hubspot(inbound: Inbound):
    desk, hubspot = inbound.desk, inbound.hubspot
    sam = desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    ticket_id = inbound.mailed_in(SUBJECT, BODY)

    status, _, sent = await inbound.sends()

    assert status == 200
    triage = next(s.card for s in sent if s.card and any("KD-1001" in t for t in texts(s.card)))
    assert facts(triage)["Company"] == "Acme Analytics"
    # What HubSpot attached is not asked for again; what the e-mail did not say is.
    assert "• Company not given." not in texts(triage)
    assert "• Environment is missing." in texts(triage)

    taken = await sam.says("assign KD-1001 sam the specialist owns it")
    assert "assigned" in " ".join(taken.texts).lower(), taken.texts
    involved = await sam.says("involve KD-1001 engineering the approval node hangs after 6.1")
    assert "Engineering" in " ".join(involved.texts), involved.texts
    await sam.says("note KD-1001 20 min reproduced on their test server: node waits on a lock")
    logged = await sam.says("time KD-1001 45m call with Dana")
    assert "45" in " ".join(logged.texts), logged.texts
    await inbound.sent_out()

    there = hubspot.store.records["tickets"][ticket_id]["properties"]
    assert there["hs_pipeline_stage"] == STAGES["with_specialist"][0]
    assert any("reproduced on their test server" in note for note in notes_on(hubspot, ticket_id))
    ticket = await stored(desk, "KD-1001")
    assert (ticket.assignee_id, ticket.time_spent_minutes) == ("sam", 65)

    inbound.moved(ticket_id, "waiting_on_contact")
    status, _, _ = await inbound.sends()

    assert status == 200
    assert (await stored(desk, "KD-1001")).status is TicketStatus.WAITING_ON_CUSTOMER
    lines = await timeline_lines(desk, "KD-1001")
    assert lines[0].startswith("HubSpot filed it")
    assert any("Engineering" in line for line in lines), lines
