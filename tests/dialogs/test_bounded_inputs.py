"""Whatever a card or a typed command carries, its numbers and text stay within the limits the
forms show: too much is refused, naming the field, and nothing is saved."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from cards.ticket import ADD_NOTE
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, form_id, input_values
from tests.harness.tickets import (
    history,
    replied_card,
    replied_message,
    stored,
    ticket_for,
    timeline_lines,
)

NINE_HUNDRED_KB = "x" * 900_000


def note_form_inputs(card: dict) -> dict[str, dict]:
    """The Add note form's inputs on a ticket card, by id."""
    form = next(a["card"] for a in card["actions"] if a["title"] == "Add note")
    return {element["id"]: element for element in form["body"]}


async def test_kevin_logs_three_billion_minutes_and_is_refused_naming_minutes(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    before = await history(desk, "BP-1001")

    answer = await kevin.executes(
        sent, ADD_NOTE, number="BP-1001", body="Long shift", minutes=3_000_000_000
    )

    assert replied_message(answer) == (
        "I couldn't read that card: minutes: "
        "Enter the minutes worked as a whole number from 1 to 1,440."
    )
    assert await history(desk, "BP-1001") == before
    assert (await stored(desk, "BP-1001")).time_spent_minutes == 0


async def test_a_900_kb_note_is_refused_and_nothing_is_saved(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    version = (await stored(desk, "BP-1001")).version

    answer = await kevin.executes(sent, ADD_NOTE, number="BP-1001", body=NINE_HUNDRED_KB)

    assert replied_message(answer) == (
        "I couldn't read that card: body: Keep it to 4,000 characters (this has 900,000)."
    )
    assert (await stored(desk, "BP-1001")).version == version
    typed = await kevin.says(f"note BP-1001 {'y' * 4001}")
    assert typed.texts == [
        "That note is too long, so nothing was saved. Keep it to 4,000 characters (this has 4,001)."
    ]
    assert (await stored(desk, "BP-1001")).version == version


async def test_a_note_at_the_limits_is_accepted(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last

    card = replied_card(
        await kevin.executes(sent, ADD_NOTE, number="BP-1001", body="z" * 4000, minutes="1440")
    )

    assert "Internal note added." in texts(card)
    assert (await stored(desk, "BP-1001")).time_spent_minutes == 1440
    assert (await timeline_lines(desk, "BP-1001"))[
        -1
    ] == f"Kevin added a note (1440 min): {'z' * 4000}"


async def test_the_note_form_shows_its_limits(desk: Desk):
    await ticket_for(desk, "kevin")
    card = (await desk.user("Kevin").says("ticket BP-1001")).card
    inputs = note_form_inputs(card)
    assert (inputs["body"]["maxLength"], inputs["body"]["placeholder"]) == (
        4000,
        "Up to 4,000 characters",
    )
    minutes = inputs["minutes"]
    assert (minutes["min"], minutes["max"]) == (1, 1440)
    assert minutes["placeholder"] == "1 to 1,440; leave empty if none"


async def test_typed_reasons_are_bounded_like_the_card_inputs(desk: Desk):
    await ticket_for(desk, "kevin")
    version = (await stored(desk, "BP-1001")).version

    assign = await desk.user("Mary").says(f"assign BP-1001 jordan {'r' * 1001}")
    reopen = await desk.user("Jordan").says(f"reopen BP-1001 {'r' * 4001}")

    too_long = "That reason is too long, so nothing was saved. Keep it to"
    assert assign.texts == [f"{too_long} 1,000 characters (this has 1,001)."]
    assert reopen.texts == [f"{too_long} 4,000 characters (this has 4,001)."]
    assert (await stored(desk, "BP-1001")).version == version


async def test_an_overlong_form_answer_is_shown_beside_its_field_and_a_huge_one_is_refused(
    desk: Desk,
):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    fid = form_id(form.card)

    long_company = await mary.executes(
        form, SUBMIT_VERB, form_id=fid, **{**GOOD, "company": "c" * 300}
    )
    huge = await mary.executes(
        form, SUBMIT_VERB, form_id=fid, **{**GOOD, "issue_description": NINE_HUNDRED_KB}
    )

    card = long_company.body["value"]
    assert "Keep this under 255 characters." in texts(card)
    assert input_values(card)["company"] == "c" * 255  # as much as the input holds
    assert replied_message(huge) == (
        "I couldn't read that card: issue_description: "
        "Keep it to 4,000 characters (this has 900,000)."
    )
    assert await desk.app[SERVICES].tickets.get("BP-1001") is None


async def test_an_order_number_longer_than_any_is_not_looked_up_or_repeated(desk: Desk):
    answer = await desk.user("Ezechiel").says(f"parts status SO-{'1' * 5000}")
    assert answer.texts == ["Which order? Give its order or quote number, like SO-1001 or Q-2201."]
