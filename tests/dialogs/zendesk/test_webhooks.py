"""Zendesk -> Teams: a ticket event is a poke; the bot re-reads the ticket and tells who cares."""

from __future__ import annotations

from datetime import UTC, datetime

from cards.closure import CLOSURE_SUBMIT
from cards.ticket import RESOLVE
from cards.triage import REQUEST_INFO
from services.scorecard.service import Scorecards
from services.scorecard.weeks import week_containing
from services.tickets import TicketStatus
from tests.harness.cards import texts
from tests.harness.fake_zendesk_client import WEBHOOK_SECRET
from tests.harness.tickets import personal_chat, replied_card, services, stored, timeline_lines
from tests.harness.zendesk_inbound import ZendeskDesk, stale

RESOLVED = {"summary": "Replaced the worn belt", "root_cause": "Belt worn", "confirmation": "ask"}


def to(chat, sent) -> list[dict]:
    """The cards among `sent` that went to this person's chat."""
    return [s.card for s in sent if s.card and s.conversation_id == personal_chat(chat)]


async def filed_and_given_to_kevin(zd: ZendeskDesk):
    """Dana e-mails in, the bot files BP-1001, Mary assigns it to Kevin (sent to Zendesk)."""
    mary, kevin = zd.desk.user("Mary"), zd.desk.user("Kevin")
    await mary.says("whoami")
    await kevin.says("whoami")
    zendesk_id = zd.mailed_in()
    status, _, _ = await zd.poke(zendesk_id, "created")
    assert status == 200
    await mary.says("assign BP-1001 kevin")
    await zd.sent_out()
    assert zd.zendesk.store.tickets[zendesk_id]["assignee_id"] == zd.kevin_agent
    return mary, kevin, zendesk_id


async def test_an_emailed_ticket_reaches_triage_with_what_it_lacks_highlighted(zd: ZendeskDesk):
    mary = zd.desk.user("Mary")
    await mary.says("whoami")
    zendesk_id = zd.mailed_in("Case sealer jams", "Jams every 20 cases. Serial unknown.")

    status, answer, sent = await zd.poke(zendesk_id, "created")

    assert (status, answer) == (200, {"status": "applied"})
    ticket = await stored(zd.desk, "BP-1001")
    assert (ticket.external_id, ticket.contact_email) == (str(zendesk_id), "dana@acme.example")
    assert (ticket.subject, ticket.contact_name) == ("Case sealer jams", "Dana Lee")
    [card] = to(mary, sent)
    lines = texts(card)
    assert any("BP-1001" in line and "Case sealer jams" in line for line in lines)
    assert {"• Serial number is missing.", "• Company is missing."} <= set(lines)
    assert (await timeline_lines(zd.desk, "BP-1001"))[0].startswith("Zendesk filed it")


async def test_mapped_fields_come_back_from_zendesk_and_are_not_asked_again(zd: ZendeskDesk):
    mary = zd.desk.user("Mary")
    await mary.says("whoami")
    zendesk_id = zd.mailed_in()
    serial_field = next(
        f for f, v in zd.zendesk.store.fields.items() if v["title"] == "Serial number"
    )
    zd.set_by_the_api_user(zendesk_id, custom_fields=[{"id": serial_field, "value": "SN-4471"}])

    _, _, sent = await zd.poke(zendesk_id, "created")

    assert (await stored(zd.desk, "BP-1001")).serial_number == "SN-4471"
    [card] = to(mary, sent)
    assert "• Machine model is missing." in texts(card)
    assert not any(line.startswith("• Serial") for line in texts(card))


async def test_a_customer_reply_lands_on_the_timeline_and_pings_the_assignee(zd: ZendeskDesk):
    _, kevin, zendesk_id = await filed_and_given_to_kevin(zd)
    zd.zendesk.store.customer_reply(zendesk_id, "Still jamming after the belt swap.")

    status, _, sent = await zd.poke(zendesk_id)

    assert status == 200
    assert (await timeline_lines(zd.desk, "BP-1001"))[-1] == (
        "Dana Lee added a customer-visible note: Still jamming after the belt swap."
    )
    [card] = to(kevin, sent)
    assert "Dana Lee replied in Zendesk: Still jamming after the belt swap." in texts(card)
    assert (await stored(zd.desk, "BP-1001")).status is TicketStatus.ASSIGNED


async def test_the_bots_own_changes_coming_back_tell_nobody(zd: ZendeskDesk):
    _, _, zendesk_id = await filed_and_given_to_kevin(zd)
    before = await stored(zd.desk, "BP-1001")

    status, answer, sent = await zd.poke(zendesk_id, "agent_assignment_changed")

    assert (status, answer, sent) == (200, {"status": "nothing new"}, [])
    assert (await stored(zd.desk, "BP-1001")).version == before.version


async def test_a_reply_to_a_solved_ticket_reopens_it_and_the_scorecard_counts_it(zd: ZendeskDesk):
    _, kevin, zendesk_id = await filed_and_given_to_kevin(zd)
    card = (await kevin.says("ticket BP-1001")).last
    await kevin.executes(card, RESOLVE, number="BP-1001")
    await kevin.executes(card, CLOSURE_SUBMIT, number="BP-1001", **RESOLVED)
    assert (await stored(zd.desk, "BP-1001")).status is TicketStatus.RESOLVED
    await zd.sent_out()
    assert zd.zendesk.store.tickets[zendesk_id]["status"] == "solved"
    zd.zendesk.store.customer_reply(zendesk_id, "It jammed again this morning.")

    status, _, sent = await zd.poke(zendesk_id)

    assert status == 200
    ticket = await stored(zd.desk, "BP-1001")
    assert (ticket.status, ticket.reopen_count) == (TicketStatus.ASSIGNED, 1)
    [notice] = to(kevin, sent)
    assert " reopened · " in texts(notice)[0]
    desk = services(zd.desk)
    now = datetime.now(UTC)
    week = week_containing(now, desk.profile.business_hours.zone)
    measures = await Scorecards(desk.db, desk.profile).measure(week, now)
    assert measures.reopens == 1


async def test_the_same_event_twice_is_applied_once(zd: ZendeskDesk):
    mary = zd.desk.user("Mary")
    await mary.says("whoami")
    zendesk_id = zd.mailed_in()

    first = await zd.poke(zendesk_id, "created", event_id="01HZX-created")
    again = await zd.poke(zendesk_id, "created", event_id="01HZX-created")

    assert first[1] == {"status": "applied"} and len(to(mary, first[2])) == 1
    assert (again[0], again[1], again[2]) == (200, {"status": "already applied"}, [])
    assert len(zd.zendesk.calls("GET", f"/api/v2/tickets/{zendesk_id}.json")) == 1


async def test_forged_stale_and_unsigned_events_get_401_and_change_nothing(zd: ZendeskDesk):
    zendesk_id = zd.mailed_in()

    forged = await zd.poke(zendesk_id, "created", secret="not-" + WEBHOOK_SECRET)
    old = await zd.poke(zendesk_id, "created", signed_at=stale())
    unsigned = await zd.poke(zendesk_id, "created", headers={})

    assert [forged[0], old[0], unsigned[0]] == [401, 401, 401]
    assert await services(zd.desk).tickets.get("BP-1001") is None
    assert zd.zendesk.calls("GET", f"/api/v2/tickets/{zendesk_id}.json") == []


async def test_a_change_made_in_zendesks_ui_shows_in_teams_and_tells_the_assignee(zd: ZendeskDesk):
    _, kevin, zendesk_id = await filed_and_given_to_kevin(zd)
    sean = zd.zendesk.store.add_user("Sean", "sean@bestpack.example", "agent")
    zd.zendesk.store.update_ticket(zendesk_id, {"priority": "urgent", "status": "pending"}, sean)

    status, _, sent = await zd.poke(zendesk_id, "priority_changed")

    assert status == 200
    ticket = await stored(zd.desk, "BP-1001")
    assert (ticket.priority, ticket.status) == ("urgent", TicketStatus.WAITING_ON_CUSTOMER)
    headlines = [texts(card)[1] for card in to(kevin, sent)]
    assert len(headlines) == 2 and all(h.startswith("Zendesk ") for h in headlines), headlines


async def test_triage_asks_the_customer_who_wrote_in_by_a_public_comment(zd: ZendeskDesk):
    mary = zd.desk.user("Mary")
    await mary.says("whoami")
    zendesk_id = zd.mailed_in("Case sealer jams", "Jams every 20 cases. Serial unknown.")
    _, _, sent = await zd.poke(zendesk_id, "created")
    [triage] = [s for s in sent if s.card and s.conversation_id == personal_chat(mary)]

    question = "Which serial number is on the machine's plate?"
    answer = await mary.executes(triage, REQUEST_INFO, number="BP-1001", question=question)
    await zd.sent_out()

    assert f"Mary asked Dana Lee by e-mail: {question}" in texts(replied_card(answer))
    public = [c for c in zd.zendesk.store.comments[zendesk_id] if c["public"]]
    assert any(question in c["body"] for c in public), public
