"""The lean serializer gives exactly msrest's JSON for the activities the bot sends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    Mention,
    SuggestedActions,
)
from botframework.connector import models
from msrest.serialization import Serializer

from bot.turn import card_message
from bot.wire import Unsupported, to_wire
from cards.ticket import note_form, ticket_card
from tests.cards.examples.ticket import EVENTS, PROFILE, TICKET

MSREST = Serializer({k: v for k, v in models.__dict__.items() if isinstance(v, type)})


def as_sent(activity: Activity) -> Activity:
    """The activity as botbuilder hands it to the connector: addressed to a conversation."""
    incoming = Activity(
        type="message",
        id="f:1",
        channel_id="msteams",
        service_url="https://smba.example/",
        from_property=ChannelAccount(id="29:kevin", name="Kevin", aad_object_id="a-b"),
        recipient=ChannelAccount(id="28:bot", name="Support Desk"),
        conversation=ConversationAccount(id="a:1on1", conversation_type="personal", tenant_id="t"),
        locale="en-US",
    )
    reference = TurnContext.get_conversation_reference(incoming)
    return TurnContext.apply_conversation_reference(activity, reference)


def mention_reply() -> Activity:
    reply = MessageFactory.text("<at>Kevin</at> BP-1001 is yours")
    reply.entities = [
        Mention(
            mentioned=ChannelAccount(id="29:kevin", name="Kevin"),
            text="<at>Kevin</at>",
            type="mention",
        )
    ]
    return reply


def suggested() -> Activity:
    reply = MessageFactory.text("Pick one")
    reply.suggested_actions = SuggestedActions(
        actions=[CardAction(type="imBack", title="help", value="help")]
    )
    return reply


ACTIVITIES = {
    "text": lambda: MessageFactory.text("I didn't catch that."),
    "card": lambda: card_message(
        ticket_card(PROFILE, TICKET, EVENTS, [note_form("BP-1001")]), "BP-1001"
    ),
    "mention": mention_reply,
    "suggested actions": suggested,
    "typing with timestamp": lambda: Activity(
        type=ActivityTypes.typing,
        timestamp=datetime(2026, 11, 24, 5, 0, 1, 250000, tzinfo=UTC),
        channel_data={"notification": {"alert": True}},
    ),
}


@pytest.mark.parametrize("name", ACTIVITIES)
def test_same_json_as_msrest(name):
    activity = as_sent(ACTIVITIES[name]())
    assert to_wire(activity) == MSREST.body(activity, "Activity")


def test_what_it_cannot_vouch_for_is_left_to_msrest():
    activity = MessageFactory.text("hi")
    activity.value = {"when": datetime(2026, 1, 1, tzinfo=UTC)}  # not plain JSON
    with pytest.raises(Unsupported):
        to_wire(activity)
