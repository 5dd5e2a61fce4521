"""Two drafts of one problem from two tickets, as Allison meets them: offered for merging on
the new draft and in `kb drafts`, merged into one from both tickets, and old cards after it.
"""

from __future__ import annotations

from cards.knowledge import PUBLISH
from cards.knowledge_twins import MERGE
from cards.ticket import REOPEN
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, input_values
from tests.harness.knowledge import button, card_in, resolve_worth_an_article, team, titles
from tests.harness.tickets import replied_card, replied_message, timeline_lines

# The same fault on another machine, its first line typed with other capitals and a hyphen.
SAME_FAULT = {
    **GOOD,
    "serial_number": "SN-67890",
    "issue_description": "INFEED conveyor jams when the film-roll changes\nSplice tape caught.",
}
OTHER_FAULT = {**GOOD, "issue_description": "Sealer heater stays cold after a power cut."}
TITLE = "Infeed conveyor jams when the film roll changes (BP-500 Wrapper)"
OFFER = (
    "Also drafted from {} ({}, same title). Merge them into one article: the older keeps its "
    "title and gets the text of both."
)
GONE = f"KB-2 was merged into KB-1 ({TITLE}): open it with `kb KB-1`."


async def test_allison_merges_two_drafts_of_one_fault_into_one_from_both_tickets(desk: Desk):
    people = await team(desk)
    await resolve_worth_an_article(desk, people)
    second = card_in(
        await resolve_worth_an_article(desk, people, SAME_FAULT, "BP-1002"), people.allison
    )

    assert OFFER.format("BP-1001", "KB-1") in texts(second.card)
    assert button(second.card, MERGE) == {"article_id": 2, "other_id": 1}
    listed = (await people.allison.says("kb drafts")).card
    assert OFFER.format("BP-1002", "KB-2") in texts(listed)
    assert OFFER.format("BP-1001", "KB-1") in texts(listed)

    merged = replied_card(
        await people.allison.executes(second, MERGE, **button(second.card, MERGE))
    )

    assert texts(merged)[:2] == [
        f"KB-1 · Draft: {TITLE}",
        "Merged KB-2 into KB-1: one draft from BP-1001 and BP-1002 with the text of both. "
        "Check it, then publish it.",
    ]
    symptoms = input_values(merged)["symptoms"]
    assert "Alarm E42." in symptoms and "Splice tape caught." in symptoms
    assert MERGE not in [a.get("verb") for a in merged.get("actions", [])]
    assert not any(t.startswith("Also drafted") for t in texts(merged))
    for number in ("BP-1001", "BP-1002"):
        assert (await timeline_lines(desk, number))[-1] == (
            f"Allison merged KB article KB-2 into KB-1: {TITLE}"
        )
    listed = (await people.allison.says("kb drafts")).card
    assert texts(listed)[0] == "KB drafts (1)"
    assert any(t.endswith("· from BP-1001 and BP-1002") for t in texts(listed))


async def test_old_cards_of_the_merged_draft_answer_in_words(desk: Desk):
    people = await team(desk)
    first = card_in(await resolve_worth_an_article(desk, people), people.allison)
    second = card_in(
        await resolve_worth_an_article(desk, people, SAME_FAULT, "BP-1002"), people.allison
    )
    await people.allison.executes(second, MERGE, **button(second.card, MERGE))

    again = await people.allison.executes(second, MERGE, **button(second.card, MERGE))
    assert replied_message(again) == GONE
    publish = await people.allison.executes(second, PUBLISH, **button(second.card, PUBLISH))
    assert replied_message(publish) == GONE
    assert (await people.allison.says("kb KB-2")).texts == [GONE]
    stale_first = await people.allison.executes(
        first, PUBLISH, **button(first.card, PUBLISH), **input_values(first.card)
    )
    assert (
        "Allison changed KB-1 while you were editing it. Your text is below: save again to "
        "replace theirs."
    ) in texts(replied_card(stale_first))


async def test_the_merged_draft_is_published_on_both_timelines_and_warns_of_either_reopen(
    desk: Desk,
):
    people = await team(desk)
    first = card_in(await resolve_worth_an_article(desk, people), people.allison)
    second = card_in(
        await resolve_worth_an_article(desk, people, SAME_FAULT, "BP-1002"), people.allison
    )
    merged = replied_card(
        await people.allison.executes(second, MERGE, **button(second.card, MERGE))
    )
    ticket = (await people.allison.says("ticket BP-1002")).last
    await people.allison.executes(
        ticket, REOPEN, number="BP-1002", reason="Jams again", source="staff"
    )

    asked = replied_card(
        await people.allison.executes(
            first, PUBLISH, **button(merged, PUBLISH), **input_values(merged)
        )
    )
    assert any(t.startswith("BP-1002 was reopened") for t in texts(asked))
    confirm = button(asked, PUBLISH)
    published = await people.allison.executes(first, PUBLISH, **confirm, **input_values(merged))

    assert texts(replied_card(published))[1].startswith("Published")
    for number in ("BP-1001", "BP-1002"):
        assert (await timeline_lines(desk, number))[-1] == (
            f"Allison published KB article KB-1: {TITLE}"
        )


async def test_only_drafts_of_one_title_are_offered_and_only_to_those_who_may_publish(desk: Desk):
    people = await team(desk)
    first = card_in(await resolve_worth_an_article(desk, people), people.allison)
    other = card_in(
        await resolve_worth_an_article(desk, people, OTHER_FAULT, "BP-1002"), people.allison
    )
    assert MERGE not in [a.get("verb") for a in (*first.card["actions"], *other.card["actions"])]
    assert not any(t.startswith("Also drafted") for t in texts(other.card))
    assert "Merge with KB-1" not in titles((await people.allison.says("kb drafts")).card)

    forged = await people.jordan.executes(first, MERGE, article_id=1, other_id=2)
    assert replied_message(forged) == "Only Allison may publish knowledge articles."
    merged = await people.allison.executes(first, MERGE, article_id=2, other_id=2)
    assert replied_message(merged) == "KB-2 is one draft already."
