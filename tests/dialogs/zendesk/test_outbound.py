"""Teams -> Zendesk: what people do in Teams reaches the Zendesk ticket, in order, once."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from cards.ticket import ADD_NOTE
from cards.triage import ASSIGN
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import LOST, FakeZendesk, refuse
from tests.harness.intake import GOOD, form_id
from tests.harness.sync import Clock
from tests.harness.triage import clicks_in_channel, in_channel, triage_desk
from tests.harness.zendesk_desk import comments, deliver, zendesk_ticket


async def test_intake_files_a_zendesk_ticket_with_every_field(desk: Desk, zendesk: FakeZendesk):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
    assert zendesk.calls("POST", "/api/v2/tickets.json") == []  # the card did not wait on it
    await deliver(desk)
    filed = zendesk_ticket(zendesk, "BP-1001")
    requester = zendesk.store.users[filed["requester_id"]]
    assert (requester["name"], requester["email"]) == ("Dana Lee", "dana@acme.example")
    assert filed["subject"] == "Infeed conveyor jams when the film roll changes."
    assert filed["description"] == GOOD["issue_description"]
    assert (filed["priority"], filed["tags"]) == ("urgent", ["teams_support_desk"])
    titles = {f["id"]: f["title"] for f in zendesk.store.fields.values()}
    values = {titles[f["id"]]: f["value"] for f in filed["custom_fields"]}
    assert values == {
        "Serial number": "SN-12345",
        "Machine model": "BP-500 Wrapper",
        "Complexity": "standard",
        "Issue type": "controls",
        "Site state": "nj",
        "Production impact": True,
    }
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.external_id == str(filed["id"])


async def test_assignment_sets_the_agent_matched_by_e_mail(desk: Desk, zendesk: FakeZendesk):
    mary, _, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    await deliver(desk)
    kevin = zendesk.store.user_by_email("kevin@bestpack.example")
    filed = zendesk_ticket(zendesk, "BP-1001")
    assert (filed["assignee_id"], filed["status"]) == (kevin["id"], "open")
    # One search for Kevin however often he is assigned: the match is cached.
    assert len(zendesk.calls("GET", "/api/v2/users/search.json")) == 1


async def _assigned_to_kevin(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    await clicks_in_channel(mary, post, ASSIGN, number="BP-1001", assignee="kevin")
    return kevin, (await kevin.says("ticket BP-1001")).last


async def test_a_note_is_private_and_a_note_the_customer_sees_is_public(
    desk: Desk, zendesk: FakeZendesk
):
    kevin, card = await _assigned_to_kevin(desk)
    await kevin.executes(card, ADD_NOTE, number="BP-1001", body="PLC rung 12", public="false")
    await kevin.executes(
        card, ADD_NOTE, number="BP-1001", body="Please send a photo of the HMI.", public="true"
    )
    await deliver(desk)
    filed = zendesk_ticket(zendesk, "BP-1001")
    assert comments(zendesk, filed["id"])[1:] == [
        ("Kevin: PLC rung 12", False),
        ("Please send a photo of the HMI.", True),
    ]


async def test_half_an_hour_of_outage_delivers_everything_once_in_order_afterwards(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    zendesk.down_until = clock.now + _minutes(30)
    kevin, card = await _assigned_to_kevin(desk)
    for n in range(1, 4):
        clock.advance(5 * 60)
        await kevin.executes(card, ADD_NOTE, number="BP-1001", body=f"Step {n}", public="false")
    rounds = await deliver(desk, clock)
    assert rounds > 3 and clock.now >= zendesk.down_until
    filed = zendesk_ticket(zendesk, "BP-1001")  # exactly one
    assert [body for body, _ in comments(zendesk, filed["id"])[1:]] == [
        "Kevin: Step 1",
        "Kevin: Step 2",
        "Kevin: Step 3",
    ]
    assert filed["assignee_id"] == zendesk.store.user_by_email("kevin@bestpack.example")["id"]


async def test_a_create_whose_answer_was_lost_files_one_ticket(desk: Desk, zendesk: FakeZendesk):
    mary = desk.user("Mary")
    await mary.says("whoami")
    zendesk.fail_next(refuse(200), LOST)  # the look-up answers; the create is taken, unanswered
    await mary.says("file plc")
    await deliver(desk)
    assert [t["external_id"] for t in zendesk.store.tickets.values()] == ["BP-1001"]
    posts = zendesk.calls("POST", "/api/v2/tickets.json")
    assert [p.status for p in posts] == [None]  # the retry found it instead of filing again
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.external_id == str(zendesk_ticket(zendesk, "BP-1001")["id"])


async def test_a_change_zendesk_refuses_is_told_to_whoever_made_it(
    desk: Desk, zendesk: FakeZendesk
):
    kevin, card = await _assigned_to_kevin(desk)
    await deliver(desk)
    await kevin.executes(card, ADD_NOTE, number="BP-1001", body="Too long", public="false")
    zendesk.fail_next(refuse(422))
    mark = len(desk.connector.sent)
    await deliver(desk)
    told = [s.text for s in desk.connector.since(mark) if s.text]
    assert told == ["Zendesk refused the update to BP-1001: Scripted"]


def _minutes(n: int):
    from datetime import timedelta

    return timedelta(minutes=n)
