"""The ticket system's own ways to a customer: Zendesk's public comments, or none at all."""

from __future__ import annotations

import pytest

from services.customer_messages import MessageFailed, NoSending, PublicNotes
from tests.harness.domain import make_ticket


async def test_the_embedded_desk_sends_nothing_and_says_so():
    route = await NoSending().route(make_ticket())
    assert not route.sends
    assert route.why_not.startswith("this desk keeps its tickets itself")
    with pytest.raises(MessageFailed):
        await NoSending().send(make_ticket(), "Hello", route)


async def test_zendesk_e_mails_the_public_note_when_it_has_someone_to_write_to():
    zendesk = PublicNotes("Zendesk")
    route = await zendesk.route(make_ticket(contact_email="dana@acme.example"))
    assert (route.sends, route.via) == (True, "a public comment in Zendesk")
    # Recording the customer-visible note is the sending: the sync queue carries the comment.
    assert await zendesk.send(make_ticket(), "Hello", route) is None
    nobody = await zendesk.route(make_ticket(contact_email=None, external_id=None))
    assert nobody.why_not == "BP-1001 has no customer e-mail address for Zendesk to use"
