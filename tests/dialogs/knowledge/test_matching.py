"""Intake's similar solved problems and `kb` as people meet them: an urgent call is never held,
a weak match waits beside the filed ticket, synonyms and drafts are found, nothing is said so.
"""

from __future__ import annotations

from cards.knowledge import OPEN, PUBLISH
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD
from tests.harness.knowledge import button, card_in, file_call, resolve_worth_an_article, team
from tests.harness.tickets import replied_card

PHOTO_EYE = {
    "title": "Photo-eye misreads cases at the infeed",
    "problem": "Cases are not detected at the infeed; the conveyor stops.",
    "symptoms": "Alarm E42 on the HMI.",
    "cause": "The photo-eye bracket works loose when the roll carriage moves.",
    "resolution": "Realign the infeed photo-eye, tighten the bracket lock nut, and check the "
    "film seals after 10 minutes of running.",
    "machine_models": "BP-500 Wrapper",
}
RUNS = {"production_impact": "false", "priority": "normal"}


async def published_photo_eye(desk: Desk):
    people = await team(desk)
    draft = card_in(await resolve_worth_an_article(desk, people), people.allison)
    await people.allison.executes(draft, PUBLISH, **button(draft.card, PUBLISH), **PHOTO_EYE)
    return people


async def test_an_urgent_call_is_filed_at_once_with_the_match_beside_it(desk: Desk):
    people = await published_photo_eye(desk)
    urgent = {**GOOD, "serial_number": "SN-20001", "issue_description": PHOTO_EYE["problem"]}

    _, filed = await file_call(people.mary, urgent)

    # Mary is triage, so her answer is the triage card, saying it was filed.
    card = texts(replied_card(filed))
    assert card[0].startswith("Triage BP-1002")
    assert any(line.startswith("Filed BP-1002") for line in card)
    # A close match, beside the ticket only because the call is urgent: said so, not "may be".
    assert "Similar solved problems" in card
    assert any(line.startswith("A close match, shown here because an urgent") for line in card)
    assert any(PHOTO_EYE["title"] in line for line in card)


async def test_a_strong_match_holds_a_call_whose_machine_runs(desk: Desk):
    people = await published_photo_eye(desk)
    runs = {
        **GOOD,
        **RUNS,
        "serial_number": "SN-20002",
        "issue_description": "Sensor misreads cases at the infeed.",
    }

    _, held = await file_call(people.mary, runs)

    card = texts(replied_card(held))
    assert "Similar solved problems" in card
    why = next(line for line in card if line.startswith("Matched: "))
    terms, model = why.split(" · ")[:2]
    assert terms == "Matched: photo eye (sensor), misreads, cases, infeed"
    assert model == "same machine model"


async def test_two_incidental_words_are_no_match(desk: Desk):
    # The article mentions "seals" and "minutes" in passing: that is not the same problem.
    people = await published_photo_eye(desk)
    sealer = {
        **GOOD,
        **RUNS,
        "serial_number": "SN-20003",
        "issue_description": "Sealer seals open every few minutes; they waited 30 minutes.\n"
        "Bags come out unsealed.",
    }

    _, filed = await file_call(people.mary, sealer)

    card = texts(replied_card(filed))
    assert any(line.startswith("Filed BP-1002") for line in card)
    assert not any("solved problems" in line.lower() for line in card)


async def test_kb_finds_a_draft_by_its_synonyms_for_those_who_may_see_drafts(desk: Desk):
    people = await team(desk)
    card_in(await resolve_worth_an_article(desk, people), people.allison)  # KB-1, a draft

    for typed in ("kb sensor", "kb photo eye", "kb photo-eyes"):
        found = texts((await people.allison.says(typed)).card)
        assert any("KB-1" in line and "_draft, not published yet_" in line for line in found), typed
    hidden = texts((await people.jordan.says("kb sensor")).card)
    assert "No article matches “sensor”." in hidden
    assert not any("KB-1" in line for line in hidden)


async def test_nothing_found_says_so_and_offers_the_closest_titles_and_kb_draft(desk: Desk):
    people = await published_photo_eye(desk)

    answer = await people.allison.says("kb infed")

    shown = texts(answer.card)
    assert "No article matches “infed”." in shown
    assert not any("fewer" in line for line in shown)
    assert any(PHOTO_EYE["title"] in line for line in shown)
    assert button(answer.card, OPEN) == {"article_id": 1}
    assert any("kb draft" in line for line in shown)
    assert not any(
        "kb draft" in line for line in texts((await people.jordan.says("kb infed")).card)
    )


async def test_a_weak_match_waits_beside_the_filed_ticket_and_says_so(desk: Desk):
    people = await published_photo_eye(desk)
    runs = {
        **GOOD,
        **RUNS,
        "serial_number": "SN-20004",
        "issue_description": "The conveyor stops now and then; the operator restarts it.",
    }

    _, filed = await file_call(people.mary, runs)

    card = texts(replied_card(filed))
    assert any(line.startswith("Filed BP-1002") for line in card)
    assert "Solved problems that may be related" in card
    assert "Not a close match, but worth a look while triage picks this up." in card
