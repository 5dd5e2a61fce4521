"""Process 7's rules as conversations: who may draft, see and publish articles; drafts asked
for by the manager; two saves racing; a draft never suggested at intake.
"""

from __future__ import annotations

from bot.keys import SERVICES
from cards.closure import CLOSURE_SUBMIT
from cards.knowledge import EDIT, OPEN, PUBLISH, SAVE
from cards.ticket import KB_ARTICLE, REOPEN, RESOLVE
from services.knowledge import ArticleStatus
from tests.harness.cards import reads_as_alarm, texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, input_values
from tests.harness.knowledge import (
    FIX,
    button,
    card_in,
    file_call,
    resolve_worth_an_article,
    team,
    titles,
)
from tests.harness.tickets import (
    replied_card,
    replied_message,
    ticket_for,
    timeline_lines,
)

EDITED = {
    "title": "Infeed conveyor jams at every film roll change",
    "problem": "The infeed conveyor jams whenever the film roll is changed.",
    "symptoms": "Alarm E42.",
    "cause": "The photo-eye bracket works loose.",
    "resolution": "Realign the photo-eye and tighten the bracket lock nut.",
    "machine_models": "BP-500 Wrapper",
}
NEEDS_PUBLISH_KB = "Only Allison may publish knowledge articles."


async def test_jordan_cannot_publish_or_see_a_draft_even_with_a_forged_card(desk: Desk):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    ref = button(draft.card, PUBLISH)
    forged = {"caller": "allison", "actor_id": "allison", "capability": "publish_kb"}

    for verb in (PUBLISH, SAVE, EDIT):
        answer = await people.jordan.executes(draft, verb, **ref, **EDITED, **forged)
        assert replied_message(answer) == NEEDS_PUBLISH_KB, verb
    article = await desk.app[SERVICES].knowledge.get(ref["article_id"])
    assert article.status is ArticleStatus.DRAFT and article.version == 1

    still_a_draft = "KB-1 is still a draft; Allison will publish it when it is ready."
    assert (await people.jordan.says("kb KB-1")).texts == [still_a_draft]
    opened = await people.jordan.executes(draft, OPEN, article_id=ref["article_id"])
    assert replied_message(opened) == still_a_draft
    assert (await people.jordan.says("kb draft BP-1001")).texts == [NEEDS_PUBLISH_KB]
    assert (await people.jordan.says("kb drafts")).texts == [NEEDS_PUBLISH_KB]
    shown = await people.jordan.says("ticket BP-1001")
    assert "KB article" not in titles(shown.card)
    clicked = await people.jordan.executes(shown.last, KB_ARTICLE, number="BP-1001")
    assert replied_message(clicked) == NEEDS_PUBLISH_KB


async def test_the_manager_asks_for_a_draft_from_a_ticket_resolved_without_the_flag(desk: Desk):
    people = await team(desk)
    await ticket_for(desk, "kevin", "Sealer heater alarm 204 after restart")
    assert (await people.allison.says("kb draft BP-1001")).texts == [
        "BP-1001 is not resolved yet: an article needs the fix, so resolve it first "
        "(and tick “Worth a KB article?”)."
    ]
    notice = (await people.kevin.says("ticket BP-1001")).last
    await people.kevin.executes(notice, RESOLVE, number="BP-1001")
    resolved = await people.kevin.executes(
        notice, CLOSURE_SUBMIT, number="BP-1001", **FIX, kb_article="false"
    )
    assert all(s.conversation_id != f"a:1on1-{people.allison.user.user_id}" for s in resolved.sent)
    assert not any("KB article" in line for line in await timeline_lines(desk, "BP-1001"))

    drafted = (await people.allison.says("kb draft BP-1001")).card
    assert texts(drafted)[1] == "Drafted from BP-1001: check it, edit it, then publish it."
    assert input_values(drafted)["title"] == "Sealer heater alarm 204 after restart"
    assert input_values(drafted)["cause"] == FIX["root_cause"]
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        "Allison drafted KB article KB-1: Sealer heater alarm 204 after restart"
    )
    again = (await people.allison.says("kb draft 1001")).card
    assert texts(again)[1] == "BP-1001 already has this article."

    shown = await people.allison.says("ticket BP-1001")
    assert "KB article" in titles(shown.card)
    from_card = replied_card(await people.allison.executes(shown.last, KB_ARTICLE, number="1001"))
    assert texts(from_card)[0] == "KB-1 · Draft: Sealer heater alarm 204 after restart"
    listed = (await people.allison.says("kb drafts")).card
    assert texts(listed)[0] == "KB drafts (1)"
    assert button(listed, OPEN) == {"article_id": 1}


async def test_a_save_over_someone_elses_keeps_what_was_typed_and_says_so(desk: Desk):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    ref = button(draft.card, PUBLISH)
    saved = replied_card(await people.allison.executes(draft, SAVE, **ref, **EDITED))
    assert "Draft saved. Publish it once it reads right." in texts(saved)

    retitled = EDITED | {"title": "Conveyor jam at roll change"}
    stale = replied_card(await people.allison.executes(draft, SAVE, **ref, **retitled))

    assert (
        "Allison changed KB-1 while you were editing it. Your text is below: save again to "
        "replace theirs."
    ) in texts(stale)
    assert input_values(stale)["title"] == "Conveyor jam at roll change"
    article = await desk.app[SERVICES].knowledge.get(1)
    assert (article.content.title, article.version) == (EDITED["title"], 2)
    resaved = await people.allison.executes(draft, SAVE, **button(stale, SAVE), **retitled)
    assert "Draft saved. Publish it once it reads right." in texts(replied_card(resaved))


async def test_a_published_article_is_edited_in_place_and_a_double_publish_is_harmless(
    desk: Desk,
):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    ref = button(draft.card, PUBLISH)
    first = replied_card(await people.allison.executes(draft, PUBLISH, **ref, **EDITED))
    second = replied_card(await people.allison.executes(draft, PUBLISH, **ref, **EDITED))
    assert texts(first)[1] == texts(second)[1]
    assert texts(second)[1].startswith("Published: `kb` finds it now")

    shown = await people.allison.says("kb KB-1")
    assert titles(shown.card) == ["Edit", "Open ticket"]
    form = replied_card(await people.allison.executes(shown.last, EDIT, **button(shown.card, EDIT)))
    assert titles(form) == ["Save changes", "Open ticket"]
    splice = EDITED | {"resolution": "Use the thinner splice tape, then realign the photo-eye."}
    saved = await people.allison.executes(shown.last, SAVE, **button(form, SAVE), **splice)
    assert "Saved: search finds the new wording." in texts(replied_card(saved))
    assert "KB-1" in " ".join(texts((await people.jordan.says("kb splice tape")).card))


async def test_intake_suggests_neither_drafts_nor_unrelated_articles(desk: Desk):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    conveyor_again = {**GOOD, "serial_number": "SN-55555"}

    _, while_draft = await file_call(people.mary, conveyor_again)
    assert texts(replied_card(while_draft))[0].startswith("Triage BP-1002")  # Mary triages

    await people.allison.executes(draft, PUBLISH, **button(draft.card, PUBLISH), **EDITED)
    sealer = {**GOOD, "issue_description": "Sealer heater stays cold after a power cut.\nAlarm."}
    _, unrelated = await file_call(people.mary, sealer)
    assert texts(replied_card(unrelated))[0].startswith("Triage BP-1003")  # Mary triages


async def test_kevin_is_told_when_allison_will_get_the_draft_only_once_she_opens_the_app(
    desk: Desk,
):
    people = await team(desk, without_the_app=("Allison",))

    resolved = await resolve_worth_an_article(desk, people)

    card = replied_card(resolved)
    assert texts(card)[1].endswith("KB-1 drafted for Allison to edit and publish.")
    assert texts(card)[2] == (
        "Allison hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Allison the install link if it is urgent."
    )
    assert not reads_as_alarm(card, "hasn't installed")
    opened = await people.allison.installs_the_app()
    held = "New draft from BP-1001: check it, edit it, then publish it."
    assert [titles(card) for card in opened.cards if held in texts(card)] == [
        ["Publish", "Save draft", "Open ticket"]
    ]


async def test_a_draft_whose_ticket_was_reopened_since_asks_before_it_is_published(desk: Desk):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    ticket = (await people.allison.says("ticket BP-1001")).last
    await people.allison.executes(
        ticket, REOPEN, number="BP-1001", reason="Jams again", source="staff"
    )

    asked = replied_card(
        await people.allison.executes(draft, PUBLISH, **button(draft.card, PUBLISH), **EDITED)
    )

    warning = next(t for t in texts(asked) if "reopened" in t)
    assert warning.startswith("BP-1001 was reopened") and "may not have held" in warning
    assert "Publish anyway" in titles(asked)
    assert input_values(asked)["cause"] == EDITED["cause"]
    assert (await desk.app[SERVICES].knowledge.get(1)).status is ArticleStatus.DRAFT
    confirm = button(asked, PUBLISH)
    assert confirm["confirm_reopened"] is True
    published = await people.allison.executes(draft, PUBLISH, **confirm, **EDITED)
    assert texts(replied_card(published))[1].startswith("Published")
    assert (await desk.app[SERVICES].knowledge.get(1)).status is ArticleStatus.PUBLISHED
