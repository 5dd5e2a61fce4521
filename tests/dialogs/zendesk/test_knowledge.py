"""The knowledge base in Zendesk Guide: a published draft becomes one Help Center article, and
the Help Center's articles are found by `kb`, locally, each with a link to its page."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.keys import SERVICES
from bot.scheduling import SCHEDULER
from cards.knowledge import PUBLISH
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import LOST, FakeZendesk
from tests.harness.knowledge import actions, button, card_in, resolve_worth_an_article, team
from tests.harness.sync import Clock
from tests.harness.tickets import replied_card
from tests.harness.triage import filing_desk
from tests.harness.zendesk_desk import LOCALE, SECTION, deliver, on_zendesk

CREATE = f"/api/v2/help_center/{LOCALE}/sections/{SECTION}/articles.json"
EDITED = {
    "title": "Infeed conveyor jams at every film roll change",
    "problem": "The infeed conveyor jams whenever the film roll is changed.",
    "symptoms": "Alarm E42.",
    "cause": "The photo-eye bracket works loose.",
    "resolution": "Realign the photo-eye and tighten the bracket lock nut.",
    "machine_models": "BP-500 Wrapper",
}
WRITTEN_IN_GUIDE = {
    "title": "Shrink tunnel leaves wrinkles on the film",
    "body": "<p>Wrinkled film after the shrink tunnel.</p><h2>Resolution</h2>"
    "<p>Lower the tunnel temperature to 180 &deg;C and check the fan belt.</p>",
}


@pytest.fixture
async def desk(settings, connector, tmp_path, zendesk: FakeZendesk, clock: Clock):
    """The bot with Zendesk as its record and Guide's SECTION for its knowledge articles."""
    zendesk.clock = clock
    on = on_zendesk(settings, tmp_path, zendesk, guide=True)
    async with filing_desk(on, connector) as running:
        running.app[SERVICES].clock = clock
        yield running


async def _publish(desk: Desk, clock: Clock) -> dict:
    """Kevin resolves a call worth an article, its ticket reaches Zendesk; Allison publishes
    the draft. The card she gets back."""
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    await deliver(desk, clock)  # the ticket's own changes, out of the way
    published = await people.allison.executes(
        draft, PUBLISH, **button(draft.card, PUBLISH), **EDITED
    )
    return replied_card(published)


async def _mirror(desk: Desk, at) -> list[str]:
    """Run the scheduler's due jobs at `at`; the Help Center mirror's outcome."""
    ran = await desk.app[SCHEDULER].run_due(at)
    return [r.outcome for r in ran if r.job == "zendesk_kb_mirror"]


def _links(card: dict) -> list[str]:
    """Where the card's link buttons lead."""
    return [a["url"] for a in actions(card) if a["type"] == "Action.OpenUrl"]


async def test_a_published_draft_becomes_one_help_center_article_with_its_link(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    published = await _publish(desk, clock)
    assert texts(published)[0] == f"KB-1 · {EDITED['title']}"
    assert zendesk.calls("POST", CREATE) == []  # the card did not wait on Zendesk

    await deliver(desk, clock)

    [article] = zendesk.store.articles.values()
    assert (article["section_id"], article["locale"]) == (SECTION, LOCALE)
    assert article["title"] == EDITED["title"]
    assert "<h2>Resolution</h2><p>Realign the photo-eye" in article["body"]
    assert article["permission_group_id"] == 7 and article["draft"] is False
    found = await desk.user("Jordan").says("kb conveyor jam")
    assert _links(found.card) == [article["html_url"]]

    # The mirror reads it back as the same article, not a second one.
    assert await _mirror(desk, clock.now + timedelta(minutes=5)) == [
        "ok: 1 articles read, 0 changed"
    ]
    again = await desk.user("Jordan").says("kb conveyor jam")
    assert sum("KB-" in t for t in texts(again.card)) == 1


async def test_a_publish_whose_answer_was_lost_still_makes_one_article(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    await _publish(desk, clock)
    zendesk.fail_next_to("POST", CREATE, LOST)  # Zendesk creates it, the answer never comes

    await deliver(desk, clock)

    assert len(zendesk.calls("POST", CREATE)) == 1
    [article] = zendesk.store.articles.values()
    kb = await desk.app[SERVICES].knowledge.get(1)
    assert (kb.remote_id, kb.link) == (str(article["id"]), article["html_url"])


async def test_zendesk_down_publish_answers_at_once_and_the_article_arrives_later(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    await deliver(desk, clock)
    zendesk.down_until = clock.now + timedelta(minutes=30)

    published = await people.allison.executes(
        draft, PUBLISH, **button(draft.card, PUBLISH), **EDITED
    )

    assert texts(replied_card(published))[0] == f"KB-1 · {EDITED['title']}"
    assert (await desk.user("Jordan").says("kb conveyor jam")).card is not None
    await deliver(desk, clock)
    assert clock.now >= zendesk.down_until
    [article] = zendesk.store.articles.values()
    assert article["title"] == EDITED["title"]
    assert len([r for r in zendesk.calls("POST", CREATE) if r.status == 201]) == 1


async def test_an_article_written_in_guide_is_found_by_kb_after_the_mirror_runs(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    agent = zendesk.store.user_by_email("kevin@bestpack.example")
    body = WRITTEN_IN_GUIDE | {"permission_group_id": 7, "user_segment_id": None}
    written = zendesk.store.create_article(LOCALE, SECTION, body, agent)
    hidden = body | {"title": "Shrink tunnel wrinkles, half written", "draft": True}
    zendesk.store.create_article(LOCALE, SECTION, hidden, agent)
    jordan = desk.user("Jordan")
    before = await jordan.says("kb shrink wrinkles")
    assert "No article matches" in " ".join(texts(before.card))

    assert await _mirror(desk, clock.now) == ["ok: 2 articles read, 1 changed"]

    found = await jordan.says("kb shrink wrinkles")
    assert [t for t in texts(found.card) if "KB-" in t] == [f"**KB-1** · {written['title']}"]
    assert _links(found.card) == [written["html_url"]]
    opened = await jordan.says("kb KB-1")
    assert "Lower the tunnel temperature to 180 °C and check the fan belt." in texts(opened.card)
    assert _links(opened.card) == [written["html_url"]]

    # Edited in Guide: the next run reads from the cursor (the draft, updated at its second,
    # is read again) and takes the new wording.
    clock.advance(300)
    zendesk.store.edit_article(written["id"], title="Shrink tunnel wrinkles the film wrap")
    assert await _mirror(desk, clock.now) == ["ok: 2 articles read, 1 changed"]
    renamed = await jordan.says("kb KB-1")
    assert texts(renamed.card)[0] == "KB-1 · Shrink tunnel wrinkles the film wrap"


async def test_without_a_help_center_section_nothing_is_mirrored(
    settings, connector, tmp_path, zendesk: FakeZendesk
):
    on = on_zendesk(settings, tmp_path, zendesk)
    async with filing_desk(on, connector) as running:
        jobs = [job.name for job in running.app[SCHEDULER].jobs]
    assert "zendesk_catch_up" in jobs and "zendesk_kb_mirror" not in jobs
