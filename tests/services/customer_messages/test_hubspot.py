"""HubSpot as the way to a customer: a reply in the conversation the customer's e-mail started,
or, where there is none, the reason a person must send the message."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.clients.hubspot import HubSpotClient
from services.customer_messages import MessageFailed
from services.customer_messages.hubspot import HubSpotConversations
from tests.harness.domain import make_ticket
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_threads import EMAIL_CHANNEL, SUPPORT_ACCOUNT

SENDER = "A-52779312"
TICKET = make_ticket(
    number="KD-1001",
    subject="Approvals stuck",
    external_id="8801",
    contact_email="dana@acme.example",
)


@pytest.fixture
def messages(client: HubSpotClient) -> HubSpotConversations:
    """Customer messages through the fake, sent as the support agent."""
    return HubSpotConversations(client, SENDER)


async def test_the_reply_goes_on_the_ticket_s_thread_to_who_wrote_in(
    hubspot: FakeHubSpot, messages: HubSpotConversations
):
    # Dana wrote from her own address, not the one on the ticket: the reply goes where she wrote.
    thread = hubspot.conversations.email_thread(
        "8801", "dana.lee@acme.example", "Approvals stuck", "Since the upgrade..."
    )

    route = await messages.route(TICKET)
    assert (route.sends, route.via) == (True, "the HubSpot conversation")
    message_id = await messages.send(TICKET, "Any news from your side?", route)

    [reply] = hubspot.conversations.replies(thread)
    assert reply["id"] == message_id
    assert (reply["text"], reply["subject"], reply["createdBy"]) == (
        "Any news from your side?",
        "Re: Approvals stuck",
        SENDER,
    )
    assert (reply["channelId"], reply["channelAccountId"]) == (EMAIL_CHANNEL, SUPPORT_ACCOUNT)
    assert reply["recipients"][0]["deliveryIdentifier"]["value"] == "dana.lee@acme.example"


async def test_a_ticket_without_a_conversation_goes_to_a_person(
    hubspot: FakeHubSpot, messages: HubSpotConversations
):
    hubspot.conversations.email_thread(None, "dana@acme.example", "Other", "Unrelated")
    route = await messages.route(TICKET)
    assert not route.sends
    assert route.why_not == (
        "HubSpot can only answer in a conversation the customer started, and this ticket has "
        "none (it was not logged from an e-mail or a chat)"
    )
    not_there = await messages.route(replace(TICKET, external_id=None))
    assert not_there.why_not == "KD-1001 is not in HubSpot yet"


async def test_an_archived_or_spam_thread_is_not_answered(
    hubspot: FakeHubSpot, messages: HubSpotConversations
):
    spam = hubspot.conversations.email_thread("8801", "bot@spam.example", "Win!", "...")
    hubspot.conversations.threads[spam]["spam"] = True
    assert not (await messages.route(TICKET)).sends


async def test_hubspot_down_is_tried_again_and_a_missing_scope_is_said(
    hubspot: FakeHubSpot, messages: HubSpotConversations
):
    hubspot.conversations.email_thread("8801", "dana@acme.example", "Approvals stuck", "Help")
    hubspot.down = True
    with pytest.raises(MessageFailed) as down:
        await messages.route(TICKET)
    assert down.value.retry

    hubspot.down = False
    route = await messages.route(TICKET)
    hubspot.token = "pat-another-account"
    with pytest.raises(MessageFailed) as refused:
        await messages.send(TICKET, "Hello", route)
    assert not refused.value.retry
    assert "HUBSPOT_ACCESS_TOKEN" in refused.value.reason
    assert "conversations.write" in refused.value.reason
