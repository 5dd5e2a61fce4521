"""Process 7 as conversations, on SQLite and on PostgreSQL: a fix worth an article becomes a
draft for Allison, she publishes it, `kb` finds it, and intake suggests it for the next call.
"""

from __future__ import annotations

import pytest

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from cards.knowledge import OPEN, PUBLISH, SAVE
from services.knowledge import ArticleStatus
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, form_id, input_values
from tests.harness.knowledge import (
    FIX,
    WORK_NOTE,
    Team,
    button,
    card_in,
    file_call,
    resolve_worth_an_article,
    team,
    titles,
)
from tests.harness.tickets import replied_card, replied_message

TITLE = "Infeed conveyor jams when the film roll changes (BP-500 Wrapper)"
EDITED = {
    "title": "Infeed conveyor jams at every film roll change",
    "problem": "The infeed conveyor jams whenever the film roll is changed.",
    "symptoms": "Alarm E42 on the HMI; cases pile up at the infeed.",
    "cause": "The photo-eye bracket works loose when the roll carriage moves.",
    "resolution": "Realign the infeed photo-eye, then tighten the bracket lock nut.",
    "machine_models": "BP-500 Wrapper, BP-510 Wrapper",
}
SIMILAR_CALL = {
    **GOOD,
    "company": "Brook Dairy",
    "serial_number": "SN-77801",
    "issue_description": "Conveyor at the infeed jams every time they change the film roll.",
    "production_impact": "false",
    "priority": "normal",
}


async def test_a_fix_worth_an_article_is_drafted_published_found_and_suggested(kb_desk: Desk):
    desk = kb_desk
    people: Team = await team(desk)

    # 1. Kevin resolves BP-1001 as worth an article; Allison, process 7's owner, gets the draft.
    resolved = await resolve_worth_an_article(desk, people)
    headline = texts(replied_card(resolved))[1]
    assert headline.endswith("KB-1 drafted for Allison to edit and publish."), headline
    draft = card_in(resolved, people.allison)
    values = input_values(draft.card)
    assert values["title"] == TITLE
    assert values["problem"] == "Infeed conveyor jams when the film roll changes."
    assert values["symptoms"] == "Alarm E42."
    assert values["cause"] == "The photo-eye bracket works loose when the roll carriage moves."
    assert values["resolution"] == f"{FIX['summary']}\n\nWhat was done:\n- {WORK_NOTE}"
    assert values["machine_models"] == "BP-500 Wrapper"
    assert titles(draft.card) == ["Publish", "Save draft", "Open ticket"]

    # 2. A draft is nobody's answer yet: search does not find it.
    nothing = await people.jordan.says("kb conveyor jam")
    assert "No article matches “conveyor jam”." in texts(nothing.card)

    # 3. Allison edits: a blank title comes back with everything else she typed.
    ref = button(draft.card, PUBLISH)
    refused = replied_card(
        await people.allison.executes(draft, SAVE, **ref, **(EDITED | {"title": ""}))
    )
    assert "Title is required." in texts(refused)
    assert input_values(refused)["resolution"] == EDITED["resolution"]
    missing = await people.allison.executes(draft, PUBLISH, **ref, **(EDITED | {"cause": " "}))
    assert "Cause is needed before the article is published." in texts(replied_card(missing))

    # 4. She publishes it; the ticket's timeline records both steps.
    published = replied_card(await people.allison.executes(draft, PUBLISH, **ref, **EDITED))
    assert texts(published)[0] == f"KB-1 · {EDITED['title']}"
    assert facts(published)["Machine models"] == "BP-500 Wrapper, BP-510 Wrapper"
    assert facts(published)["Status"].startswith("Published by Allison")
    ticket_card = (await people.kevin.says("ticket BP-1001")).card
    timeline = texts(ticket_card)
    assert any(f"The desk drafted KB article KB-1: {TITLE}" in line for line in timeline)
    assert any(f"Allison published KB article KB-1: {EDITED['title']}" in t for t in timeline)

    # 5. `kb conveyor jam` finds it, and Jordan can open it (to read, not to edit).
    found = await people.jordan.says("kb conveyor jam")
    assert any(EDITED["title"] in text for text in texts(found.card))
    opened = await people.jordan.executes(found.last, OPEN, **button(found.card, OPEN))
    assert replied_message(opened) == "KB-1 is open below."
    assert texts(opened.card)[0] == f"KB-1 · {EDITED['title']}"
    assert "Edit" not in titles(opened.card)

    # 6. The next similar call (the machine runs): a strong match is shown before filing,
    # with why it matched, keeping every value.
    form, suggested = await file_call(people.mary, SIMILAR_CALL)
    card = replied_card(suggested)
    assert "Similar solved problems" in texts(card)
    assert any(EDITED["title"] in text for text in texts(card))
    why = next(t for t in texts(card) if t.startswith("Matched: "))
    matched = set(why.split(" · ")[0].removeprefix("Matched: ").split(", "))
    assert {"conveyor", "infeed", "jams", "film", "roll"} <= matched
    assert "same machine model" in why
    assert input_values(card) == SIMILAR_CALL
    assert await desk.app[SERVICES].tickets.get("BP-1002") is None
    submit = button(card, SUBMIT_VERB)
    assert submit == {"form_id": form_id(form.card), "seen_suggestions": True}

    # Opening the article leaves the form as it is; "File anyway" files the ticket.
    read = await people.mary.executes(form, OPEN, **button(card, OPEN))
    assert replied_message(read) == "KB-1 is open below."
    assert all(sent.op != "update" for sent in read.sent)
    filed = await people.mary.executes(form, SUBMIT_VERB, **submit, **SIMILAR_CALL)
    assert texts(replied_card(filed))[0].startswith("Triage BP-1002")  # Mary triages
    article = await desk.app[SERVICES].knowledge.get(1)
    assert article.status is ArticleStatus.PUBLISHED


@pytest.mark.parametrize(
    "typed",
    [
        'kb "conveyor* (jam',
        "kb conveyor) AND NEAR(jam",
        "kb title:conveyor ^jam*",
        "kb ' OR 1=1 --",
    ],
)
async def test_search_syntax_in_what_people_type_does_not_break_kb(kb_desk: Desk, typed: str):
    people = await team(kb_desk)
    resolved = await resolve_worth_an_article(kb_desk, people)
    draft = card_in(resolved, people.allison)
    await people.allison.executes(draft, PUBLISH, **button(draft.card, PUBLISH), **EDITED)

    answer = await people.jordan.says(typed)

    assert answer.status == 201 and len(answer.cards) == 1
    shown = " ".join(texts(answer.card))
    if "conveyor" in typed:
        assert EDITED["title"] in shown
    else:  # only "or" and "1": no word to search for (or none an article has)
        assert "No article matches" in shown
