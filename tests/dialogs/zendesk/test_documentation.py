"""With Zendesk as the system of record, a documentation answer reaches the customer: the reply
with the article's link is a public comment Zendesk e-mails them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.keys import SERVICES
from cards.documentation import ANSWER
from cards.intake import SUBMIT_VERB
from cards.triage import ASSIGN
from services.knowledge import ArticleContent
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.intake import GOOD, form_id
from tests.harness.involvement import button, published
from tests.harness.sync import Clock
from tests.harness.tickets import replied_card, timeline_lines
from tests.harness.triage import filing_desk
from tests.harness.zendesk_desk import comments, deliver, on_zendesk, zendesk_ticket

JAM = ArticleContent(
    title="Infeed conveyor jams when the film roll changes",
    problem="The infeed conveyor jams at every film roll change; alarm E42.",
    cause="The infeed photo-eye drifts when the roll carriage moves.",
    resolution="Realign the photo-eye bracket and tighten its lock nut.",
)
PAGE = "https://bestpack.zendesk.com/hc/en-us/articles/360001-infeed-jams"


def documentation_first(profile: Path) -> None:
    """Turn the documentation step on in the profile file."""
    text = profile.read_text(encoding="utf-8")
    assert text.count("[knowledge.synonyms]") == 1
    first = "[knowledge]\ndocumentation_first = true\n\n[knowledge.synonyms]"
    profile.write_text(text.replace("[knowledge.synonyms]", first), encoding="utf-8")


@pytest.fixture
async def desk(
    settings, connector, tmp_path: Path, zendesk: FakeZendesk, clock: Clock
) -> AsyncIterator[Desk]:
    """BestPack on Zendesk, with the documentation step its shipped profile leaves off."""
    zendesk.clock = clock
    on = on_zendesk(settings, tmp_path, zendesk)
    documentation_first(Path(on.profile))
    async with filing_desk(on, connector) as running:
        running.app[SERVICES].clock = clock
        yield running


async def test_the_answer_is_a_public_comment_zendesk_sends_the_customer(
    desk: Desk, zendesk: FakeZendesk
) -> None:
    article = await published(desk, JAM, by="allison")
    mary, kevin = desk.user("Mary"), desk.user("Kevin")
    await kevin.says("whoami")
    form = (await mary.says("new ticket")).last
    # Mary triages: the form she filed with became the ticket's triage card.
    await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
    await mary.executes(form, ASSIGN, number="BP-1001", assignee="kevin")
    card = (await kevin.says("ticket BP-1001")).last

    answer = await kevin.executes(
        card, ANSWER, **button(card.card, ANSWER), article_id=str(article.id), link=PAGE
    )
    await deliver(desk)

    assert "Answered BP-1001 from documentation with KB-1: sent to Dana Lee." in texts(
        replied_card(answer)
    )
    reply = f"This article in our documentation should solve it:\n\n{JAM.title}\n{PAGE}"
    assert (reply, True) in comments(zendesk, zendesk_ticket(zendesk, "BP-1001")["id"])
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        f"Kevin answered it from documentation with KB-1 ({JAM.title})"
    )
