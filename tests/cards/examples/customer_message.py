"""Example renderings of a message for a customer in a person's hands, and of it sent."""

from dataclasses import replace

from cards.customer_message import message_card, message_done_card
from services.forms.bounds import TEXT
from services.profile import load_profile
from services.tickets.customer_message import BY_HAND, Purpose
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("kinetic")
MINE = replace(TICKET, number="KD-1001", profile="kinetic", priority="medium", assignee_id="sam")
LONG = "x" * TEXT
WHY = "HubSpot can only answer in a conversation the customer started, and this ticket has none"

EXAMPLES = {
    "message_card": [
        lambda: message_card(
            PROFILE, MINE, Purpose.CLOSE_WARNING, "We will close it.", why_not=WHY
        ),
        lambda: message_card(PROFILE, MINE, Purpose.STATUS_UPDATE, LONG),
        lambda: message_card(
            PROFILE, MINE, Purpose.STATUS_UPDATE, LONG, problem="Not sent yet: HubSpot is down."
        ),
    ],
    "message_done_card": [
        lambda: message_done_card(
            PROFILE, MINE, Purpose.CLOSE_WARNING, LONG, sender="sam", at=AT, via=BY_HAND
        ),
        lambda: message_done_card(
            PROFILE, MINE, Purpose.STATUS_UPDATE, "An update.", sender="system", at=AT, via="x"
        ),
    ],
}
