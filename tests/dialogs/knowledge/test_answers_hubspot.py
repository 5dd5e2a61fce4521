""" "Can documentation solve it?" where HubSpot keeps the tickets: the article goes to the
customer in the ticket's e-mail conversation, not as a note staff must pass on."""

from __future__ import annotations

from pathlib import Path

from cards.documentation import ANSWER
from services.settings import Settings
from tests.harness.cards import texts
from tests.harness.connector import FakeConnector
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

        [reply] = hubspot.conversations.replies(thread)
        assert LINK in reply["text"]
        said = " ".join(texts(answer.body["value"]))
        assert "Answered KD-1001 from documentation" in said
        assert "(the HubSpot conversation)" in said
        assert "send" not in said.lower().split("answered", 1)[0]  # nothing handed over
        lines = await timeline_lines(desk, "KD-1001")
        assert any("answered the customer with an article" in line for line in lines), lines
