"""Both numbers on every card once the ticket is in Zendesk, and Zendesk's number accepted."""

from __future__ import annotations

from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.parts import QUOTE, ask, parts_request
from tests.harness.triage import in_channel, triage_desk
from tests.harness.zendesk_desk import deliver, zendesk_ticket


async def _filed(desk: Desk, zendesk: FakeZendesk):
    mary, kevin, _ = await triage_desk(desk)
    in_channel(await mary.says("file plc"))
    await mary.says("assign BP-1001 kevin")
    await deliver(desk)
    return mary, kevin, zendesk_ticket(zendesk, "BP-1001")["id"]


async def test_the_ticket_card_shows_both_numbers_linking_to_the_agent_view(
    desk: Desk, zendesk: FakeZendesk
):
    _, kevin, zendesk_id = await _filed(desk, zendesk)
    card = (await kevin.says("ticket BP-1001")).last.card
    link = f"[Zendesk #{zendesk_id}]({zendesk.url}/agent/tickets/{zendesk_id})"
    assert card["body"][0]["text"].startswith(f"BP-1001 · {link} · ")
    listed = (await kevin.says("my tickets")).last.card
    assert any(t.startswith(f"**BP-1001** · {link}") for t in texts(listed))


async def test_zendesk_numbers_find_the_ticket_in_every_form(desk: Desk, zendesk: FakeZendesk):
    _, kevin, zendesk_id = await _filed(desk, zendesk)
    for typed in (f"ZD-{zendesk_id}", f"zendesk {zendesk_id}", f"Zendesk #{zendesk_id}"):
        card = (await kevin.says(f"ticket {typed}")).last.card
        assert card["body"][0]["text"].startswith("BP-1001 · ")
    answer = await kevin.says(f"note zendesk {zendesk_id} Belt tension checked")
    assert answer.texts == ["Added an internal note to BP-1001."]
    missing = await kevin.says("ticket ZD-999")
    assert missing.texts == ["No ticket here is Zendesk #999."]


async def test_a_ticket_not_yet_sent_shows_only_its_own_number(desk: Desk, zendesk: FakeZendesk):
    mary, _, _ = await triage_desk(desk)
    await mary.says("file plc")
    card = (await mary.says("ticket BP-1001")).last.card
    assert card["body"][0]["text"].startswith("BP-1001 · HMI shows alarm")


async def test_history_pages_and_the_parts_form_take_zendesk_numbers(
    desk: Desk, zendesk: FakeZendesk
):
    _, kevin, zendesk_id = await _filed(desk, zendesk)
    for typed in (f"ZD-{zendesk_id}", f"zendesk {zendesk_id}", f"ZD-{zendesk_id} 1"):
        card = (await kevin.says(f"history {typed}")).last.card
        assert card["body"][0]["text"].startswith("Timeline of BP-1001 · ")
    asked = await ask(kevin, {**QUOTE, "ticket": f"zendesk {zendesk_id}"})
    request = await parts_request(desk, "PQ-1001")
    assert request.ticket_number == "BP-1001", asked.texts
    refused = await ask(kevin, {**QUOTE, "ticket": "ZD-999"})
    assert "No ticket here is Zendesk #999." in str(refused.body)
