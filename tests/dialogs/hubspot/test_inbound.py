"""HubSpot -> Teams: a webhook event is a poke; the bot re-reads the ticket and tells who cares.

The Kinetic desk keeps its tickets in HubSpot: a ticket HubSpot logs from an e-mail reaches
the Support Specialist's triage with its contact and company, a stage moved in HubSpot shows
in Teams, and nothing unsigned, forged or stale changes anything.
"""

from __future__ import annotations

from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.desk import Chat
from tests.harness.fake_hubspot_webhooks import CLIENT_SECRET
from tests.harness.hubspot_desk import COMPANY, CONTACT
from tests.harness.hubspot_inbound import Inbound
from tests.harness.hubspot_profile import NUMBER_PROPERTY, STAGES
from tests.harness.tickets import personal_chat, services, stored, timeline_lines

SUBJECT = "Approval node never completes"
BODY = "Since the 6.1 upgrade the approval node in our onboarding workflow never completes."


def cards_to(chat: Chat, sent, *, updated: bool = False) -> list[dict]:
    """The new cards among `sent` that went to this person's chat (`updated`: the cards
    already there that were changed instead)."""
    mine = [s for s in sent if s.card and s.conversation_id == personal_chat(chat)]
    return [s.card for s in mine if (s.op == "update") == updated]


async def e_mailed_and_triaged(inbound: Inbound) -> tuple[Chat, str]:
    """Dana's e-mail became HubSpot ticket `ticket_id`, and the desk's KD-1001 in triage."""
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    ticket_id = inbound.mailed_in(SUBJECT, BODY)
    status, answer, _ = await inbound.sends()
    assert (status, answer) == (200, {"status": "applied"})
    return sam, ticket_id


async def test_an_emailed_ticket_reaches_the_specialists_triage_with_contact_and_company(
    inbound: Inbound,
):
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    ticket_id = inbound.mailed_in(SUBJECT, BODY)

    status, answer, sent = await inbound.sends()

    assert (status, answer) == (200, {"status": "applied"})
    [card] = cards_to(sam, sent)
    assert any("KD-1001" in line and SUBJECT in line for line in texts(card))
    shown = facts(card)
    assert shown["Company"] == COMPANY
    assert shown["Contact"] == f"Dana Lee · {CONTACT}"
    # What the e-mail did not say is asked for in triage (the seed's intake fields).
    assert {"• Environment is missing.", "• Application is missing."} <= set(texts(card))
    ticket = await stored(inbound.desk, "KD-1001")
    assert (ticket.external_id, ticket.subject, ticket.description) == (ticket_id, SUBJECT, BODY)
    assert (await timeline_lines(inbound.desk, "KD-1001"))[0].startswith("HubSpot filed it")


async def test_the_hubspot_ticket_learns_the_desks_number(inbound: Inbound):
    _, ticket_id = await e_mailed_and_triaged(inbound)

    await inbound.sent_out()

    properties = inbound.hubspot.store.records["tickets"][ticket_id]["properties"]
    assert properties[NUMBER_PROPERTY] == "KD-1001"
    assert inbound.hubspot.calls("POST", "/crm/v3/objects/tickets") == []  # not filed twice


async def test_a_stage_moved_in_hubspot_shows_in_teams_and_tells_the_owner(inbound: Inbound):
    sam, ticket_id = await e_mailed_and_triaged(inbound)
    await sam.says("assign KD-1001 sam the specialist owns it")
    await inbound.sent_out()
    await inbound.sends()  # HubSpot's events for the bot's own stage and owner change

    inbound.moved(ticket_id, "waiting_on_contact")
    status, answer, sent = await inbound.sends()

    assert (status, answer) == (200, {"status": "applied"})
    ticket = await stored(inbound.desk, "KD-1001")
    assert ticket.status is TicketStatus.WAITING_ON_CUSTOMER
    [card] = cards_to(sam, sent)
    assert "HubSpot set it to Waiting on contact" in texts(card)
    [triage] = cards_to(sam, sent, updated=True)  # the triage card in Sam's chat shows it too
    assert facts(triage)["Status"] == "Waiting on contact"
    assert (await timeline_lines(inbound.desk, "KD-1001"))[-1].endswith(
        "HubSpot set it to Waiting on contact"
    )


async def test_the_bots_own_changes_coming_back_tell_nobody(inbound: Inbound):
    sam, ticket_id = await e_mailed_and_triaged(inbound)
    await sam.says("assign KD-1001 sam the specialist owns it")
    await inbound.sent_out()
    assert inbound.stage_of(ticket_id) == STAGES["with_specialist"][0]
    before = await stored(inbound.desk, "KD-1001")

    status, answer, sent = await inbound.sends()  # the stage and owner the bot just set

    assert (status, answer, sent) == (200, {"status": "nothing new"}, [])
    assert (await stored(inbound.desk, "KD-1001")).version == before.version


async def test_the_same_events_twice_are_applied_once(inbound: Inbound):
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    inbound.mailed_in(SUBJECT, BODY)
    events = inbound.webhooks.changes()

    first = await inbound.sends(events)
    again = await inbound.sends(events)  # HubSpot retries a batch it thinks failed

    assert first[1] == {"status": "applied"} and len(cards_to(sam, first[2])) == 1
    assert again == (200, {"status": "already applied"}, [])
    assert (
        len(inbound.hubspot.calls("GET", f"/crm/v3/objects/tickets/{events[0]['objectId']}")) == 1
    )


async def test_forged_stale_and_unsigned_requests_get_401_and_change_nothing(inbound: Inbound):
    inbound.mailed_in(SUBJECT, BODY)
    events = inbound.webhooks.changes()

    forged = await inbound.sends(events, secret="not-" + CLIENT_SECRET)
    old = await inbound.sends(events, signed_at=inbound.stale())
    unsigned = await inbound.sends(events, headers={})

    assert [forged[0], old[0], unsigned[0]] == [401, 401, 401]
    assert forged[1] == {"error": "a valid X-HubSpot-Signature-v3 is required"}
    assert await services(inbound.desk).tickets.get("KD-1001") is None
    assert [r for r in inbound.hubspot.requests if "/objects/tickets/" in r.path] == []


async def test_a_ticket_of_another_pipeline_is_not_the_desks(inbound: Inbound):
    ticket_id = inbound.mailed_in(SUBJECT, BODY)
    inbound.hubspot.store.records["tickets"][ticket_id]["properties"]["hs_pipeline"] = "7"

    status, answer, sent = await inbound.sends()

    assert (status, answer, sent) == (200, {"status": "nothing new"}, [])
    assert await services(inbound.desk).tickets.get("KD-1001") is None


async def test_hubspot_down_answers_503_so_hubspot_sends_the_events_again(inbound: Inbound):
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    inbound.mailed_in(SUBJECT, BODY)
    events = inbound.webhooks.changes()
    inbound.hubspot.down = True

    refused = await inbound.sends(events)
    inbound.hubspot.down = False
    retried = await inbound.sends(events)

    assert refused[:2] == (503, {"error": "the events could not be applied now; send them again"})
    assert retried[1] == {"status": "applied"} and len(cards_to(sam, retried[2])) == 1


async def test_a_contact_and_company_tied_after_the_ticket_fill_in_what_triage_lacked(
    inbound: Inbound,
):
    ticket_id = await e_mailed_and_triaged_untied(inbound)
    assert (await stored(inbound.desk, "KD-1001")).company is None

    inbound.tie(ticket_id)
    status, answer, _ = await inbound.sends()  # HubSpot's association events

    assert (status, answer) == (200, {"status": "applied"})
    ticket = await stored(inbound.desk, "KD-1001")
    assert (ticket.company, ticket.contact_email) == (COMPANY, CONTACT)
    assert (await timeline_lines(inbound.desk, "KD-1001"))[-1].endswith(
        f"HubSpot added a note: HubSpot associates it with Dana Lee <{CONTACT}> at {COMPANY}"
    )


async def e_mailed_and_triaged_untied(inbound: Inbound) -> str:
    """An e-mail HubSpot logged before tying it to anyone, filed as KD-1001; its id."""
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    ticket_id = inbound.mailed_in(SUBJECT, BODY, tied=False)
    await inbound.sends()
    await inbound.sent_out()
    return ticket_id


async def test_a_long_e_mail_is_cut_to_the_description_field_not_dropped(inbound: Inbound):
    long = "The approval node hangs. " * 400  # some 10,000 characters, quoted replies and all
    inbound.mailed_in(SUBJECT, long)

    await inbound.sends()

    description = (await stored(inbound.desk, "KD-1001")).description
    assert len(description) == 4000 and description.endswith("…")
    assert description.startswith("The approval node hangs.")


async def test_a_production_ticket_filed_in_hubspot_is_escalated_on_arrival(inbound: Inbound):
    sam = inbound.desk.user("Sam", "sam@kineticdata.example")
    await sam.says("whoami")
    ticket_id = inbound.mailed_in("Production approvals down", "Nothing is approved in prod.")
    inbound.hubspot.store.change(
        "tickets", ticket_id, {"environment": "production", "type": "install"}
    )

    status, _, _ = await inbound.sends()

    assert status == 200
    lines = await timeline_lines(inbound.desk, "KD-1001")
    assert lines[:2] == [
        "HubSpot filed it",
        "Escalated at intake: environment is production → DevOps told",
    ]
    assert (await stored(inbound.desk, "KD-1001")).priority == "urgent"
