"""The conversations client against the fake: a ticket's threads, their messages, a reply; and
the fake holding to what HubSpot documents for a reply."""

from __future__ import annotations

import httpx
import pytest

from services.clients.hubspot import HubSpotClient, HubSpotRejected
from services.clients.hubspot.conversations import DeliveryIdentifier
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_threads import EMAIL_CHANNEL, SUPPORT_ACCOUNT

CUSTOMER = DeliveryIdentifier(type="HS_EMAIL_ADDRESS", value="dana@acme.example")


def reply_body(**changes) -> dict:
    """A reply as HubSpot's reference writes one, with `changes`."""
    body = {
        "type": "MESSAGE",
        "text": "Any news?",
        "attachments": [],
        "channelId": EMAIL_CHANNEL,
        "channelAccountId": SUPPORT_ACCOUNT,
        "senderActorId": "A-52779312",
        "recipients": [{"deliveryIdentifiers": [CUSTOMER.model_dump()]}],
    }
    return {k: v for k, v in (body | changes).items() if v is not None}


async def test_a_ticket_s_thread_its_messages_and_a_reply(client: HubSpotClient, hubspot):
    store = hubspot.conversations
    thread_id = store.email_thread("8801", "dana@acme.example", "Approvals stuck", "Help!")
    store.email_thread(None, "lee@other.example", "Unrelated", "Hello")

    [thread] = await client.conversations.threads_of_ticket("8801")
    assert (thread.id, thread.channel_id, thread.channel_account_id) == (
        thread_id,
        EMAIL_CHANNEL,
        SUPPORT_ACCOUNT,
    )
    [incoming] = await client.conversations.messages(thread_id)
    assert (incoming.direction, incoming.subject) == ("INCOMING", "Approvals stuck")
    assert incoming.senders[0].delivery_identifier == CUSTOMER

    sent = await client.conversations.reply(
        thread_id,
        text="We are on it.",
        sender_actor_id="A-52779312",
        channel_id=EMAIL_CHANNEL,
        channel_account_id=SUPPORT_ACCOUNT,
        recipients=[CUSTOMER],
        subject="Re: Approvals stuck",
    )
    assert sent.failed is None
    [reply] = store.replies(thread_id)
    assert (reply["id"], reply["text"], reply["subject"]) == (
        sent.id,
        "We are on it.",
        "Re: Approvals stuck",
    )
    assert reply["recipients"] == [{"deliveryIdentifier": CUSTOMER.model_dump()}]
    newest = await client.conversations.messages(thread_id)
    assert [m.direction for m in newest] == ["OUTGOING", "INCOMING"]
    assert await client.conversations.threads_of_ticket("9999") == []


async def test_a_reply_on_a_thread_hubspot_does_not_have_is_refused(client: HubSpotClient):
    with pytest.raises(HubSpotRejected) as refused:
        await client.conversations.reply(
            "9100000999",
            text="Hello",
            sender_actor_id="A-52779312",
            channel_id=EMAIL_CHANNEL,
            channel_account_id=SUPPORT_ACCOUNT,
            recipients=[CUSTOMER],
        )
    assert refused.value.status == 404


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"recipients": None}, "Missing required field(s): recipients"),
        ({"senderActorId": "A-1"}, "senderActorId A-1 is not an agent of this account"),
        ({"channelId": "1000"}, f"channel account {SUPPORT_ACCOUNT} is not one of that channel's"),
        ({"recipients": [{"name": "Dana"}]}, "each recipient needs deliveryIdentifiers"),
    ],
)
async def test_the_fake_refuses_a_reply_hubspot_would(
    hubspot: FakeHubSpot, http: httpx.AsyncClient, changes: dict, reason: str
):
    thread_id = hubspot.conversations.email_thread("8801", "dana@acme.example", "S", "Help")
    answer = await http.post(
        f"{hubspot.url}/conversations/v3/conversations/threads/{thread_id}/messages",
        json=reply_body(**changes),
        headers={"Authorization": f"Bearer {hubspot.token}"},
    )
    assert (answer.status_code, answer.json()["message"]) == (400, reason)
    assert hubspot.conversations.replies(thread_id) == []


async def test_there_is_no_way_to_start_a_thread(hubspot: FakeHubSpot, http: httpx.AsyncClient):
    answer = await http.post(
        f"{hubspot.url}/conversations/v3/conversations/threads",
        json=reply_body(),
        headers={"Authorization": f"Bearer {hubspot.token}"},
    )
    assert answer.status_code == 404
