""" "Can documentation solve it?" where HubSpot keeps the tickets: the article goes to the
customer in the ticket's e-mail conversation, not as a note staff must pass on. The card only
queues it (the sync worker, pumped by `deliver`, sends it); one HubSpot cannot send is handed
to the specialist."""

from __future__ import annotations

from pathlib import Path

from cards.documentation import ANSWER
from services.settings import Settings
from tests.harness.cards import texts
from tests.harness.connector import FakeConnector
from tests.harness.hubspot_desk import deliver
from tests.harness.involvement import SSO_ARTICLE, button, published
from tests.harness.routines import central, desk_on_hubspot, kinetic_ticket, kinetic_user
from tests.harness.tickets import timeline_lines

MONDAY_9AM = central(2026, 11, 30, 9)
LINK = "https://docs.kineticdata.com/docs/saml-after-upgrade"


async def test_an_article_answer_goes_out_in_the_hubspot_conversation(
    settings: Settings, connector: FakeConnector, tmp_path: Path
):
    async with desk_on_hubspot(settings, connector, tmp_path) as (desk, hubspot):
        sam = kinetic_user(desk, "sam")
        await sam.says("whoami")
        thread = hubspot.conversations.email_thread(
            "8801", "dana@acme.example", SSO_ARTICLE.title, "SSO fails after the upgrade."
        )
        await kinetic_ticket(desk, MONDAY_9AM, external_id="8801", description=SSO_ARTICLE.problem)
        article = await published(desk)
        card = (await sam.says("ticket KD-1001")).last

        answer = await sam.executes(
            card, ANSWER, **button(card.card, ANSWER), article_id=str(article.id), link=LINK
        )

        said = " ".join(texts(answer.body["value"]))
        assert "Answered KD-1001 from documentation" in said
        assert "on its way to" in said and "(the HubSpot conversation)" in said
        assert "send" not in said.lower().split("answered", 1)[0]  # nothing handed over
        assert hubspot.conversations.replies(thread) == [], "the card answered first"

        await deliver(desk)
        [reply] = hubspot.conversations.replies(thread)
        assert LINK in reply["text"]
        lines = await timeline_lines(desk, "KD-1001")
        assert any("answered the customer with an article" in line for line in lines), lines


async def test_an_answer_hubspot_cannot_send_goes_to_the_specialist(
    settings: Settings, connector: FakeConnector, tmp_path: Path
):
    async with desk_on_hubspot(settings, connector, tmp_path) as (desk, _):
        sam = kinetic_user(desk, "sam")
        await sam.says("whoami")
        await kinetic_ticket(desk, MONDAY_9AM, external_id="8802", description=SSO_ARTICLE.problem)
        article = await published(desk)
        card = (await sam.says("ticket KD-1001")).last
        await sam.executes(
            card, ANSWER, **button(card.card, ANSWER), article_id=str(article.id), link=LINK
        )
        mark = len(desk.connector.sent)

        await deliver(desk)
        await desk.settled()
        [handed] = [
            texts(sent.card)[:2]
            for sent in desk.connector.since(mark)
            if sent.card and texts(sent.card)[0].startswith("Send KD-1001's customer")
        ]
        assert handed[1].startswith("The desk cannot send it: HubSpot can only answer in a ")
