"""Process 5's orders as conversations: look-ups, the customer's order, shipping, delivery."""

from __future__ import annotations

from cards.parts_orders import PARTS_DELIVERED, PARTS_SHIPPED
from cards.parts_requests import PARTS_ANSWER, PARTS_ORDERED
from services.parts import OrderStatus, Quote, QuoteLine
from tests.harness.cards import facts, texts
from tests.harness.desk import Chat, Desk
from tests.harness.parts import ANSWER, QUOTE, ask, card_in
from tests.harness.tickets import (
    MONDAY_9AM,
    buttons,
    freeze,
    inputs,
    personal_chat,
    replied_card,
    replied_message,
    services,
    ticket_for,
    timeline_lines,
)

ORDER_STATUS = {**QUOTE, "request_type": "order_status", "part_number": "", "serial_number": ""}


async def quoted(desk: Desk, ticket: str = "") -> tuple[Chat, Chat, dict]:
    """Jordan asks, Ezechiel answers with quote Q-2201; returns them and Jordan's answer card."""
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    for person in (jordan, ezechiel):
        await person.installs_the_app()
    asked = card_in(await ask(jordan, {**QUOTE, "ticket": ticket}), personal_chat(ezechiel))
    answered = await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **ANSWER)
    return jordan, ezechiel, card_in(answered, personal_chat(jordan))


async def test_an_order_status_on_the_form_is_answered_from_the_order_system(desk: Desk):
    freeze(desk, MONDAY_9AM)
    quote = Quote("Q-77", (QuoteLine("NC-88", 1, 990_000),), "6 weeks")
    await services(desk).orders.record_quote(quote, MONDAY_9AM)
    await services(desk).orders.place_order("Q-77", MONDAY_9AM)
    mary = desk.user("Mary")

    card = replied_card(await ask(mary, {**ORDER_STATUS, "order_reference": "so-1001"}))

    assert texts(card)[0] == "Order SO-1001 · Ordered"
    assert facts(card)["Quote number"] == "Q-77"
    assert facts(card)["Total"] == "$9,900.00"
    assert await services(desk).parts.open_requests() == []  # a look-up files nothing


async def test_an_unknown_order_comes_back_on_the_form_with_the_values_kept(desk: Desk):
    card = replied_card(
        await ask(desk.user("Mary"), {**ORDER_STATUS, "order_reference": "SO-4040"})
    )
    assert (
        "The order system has no order or quote SO-4040. Check the number, or ask for a quote."
        in texts(card)
    )
    assert (inputs(card)["order_reference"], inputs(card)["request_type"]) == (
        "SO-4040",
        "order_status",
    )


async def test_from_quote_to_order_to_delivery_everyone_hears_and_the_ticket_records_it(
    desk: Desk,
):
    await ticket_for(desk, "jordan")
    jordan, ezechiel, told = await quoted(desk, ticket="BP-1001")

    ordered = await jordan.executes(told, PARTS_ORDERED, number="PQ-1001")

    card = replied_card(ordered)
    assert texts(card)[0] == "Order SO-1001 · Ordered"
    assert texts(card)[1] == (
        "Jordan recorded the customer's order: Order SO-1001 (quote Q-2201): Ordered."
    )
    assert texts(card)[2].startswith("NC Tape Head: special handling")
    assert "Order SO-1001" in str(card_in(ordered, personal_chat(ezechiel)).card)

    shipped = await ezechiel.says("parts update SO-1001 shipped")

    assert texts(card_in(shipped, personal_chat(ezechiel)).card)[:2] == [
        "Order SO-1001 · Shipped",
        "Recorded.",
    ]
    assert texts(card_in(shipped, personal_chat(jordan)).card)[1] == (
        "Ezechiel recorded: Order SO-1001 (quote Q-2201): Shipped."
    )
    looked_up = (await desk.user("Kevin").says("parts status q-2201")).card
    assert facts(looked_up)["Status"] == "Shipped"
    assert buttons(looked_up) == ["Open request"]
    await ezechiel.says("parts update SO-1001 delivered")
    assert (await services(desk).orders.look_up("SO-1001")).status is OrderStatus.DELIVERED
    assert (await timeline_lines(desk, "BP-1001"))[-3:] == [
        "Jordan updated the order of parts request PQ-1001: Order SO-1001 (quote Q-2201): "
        "Ordered · 2 × part 4471-220B at $120.50 each, total $241.00.",
        "Ezechiel updated the order of parts request PQ-1001: Order SO-1001 (quote Q-2201): "
        "Shipped · 2 × part 4471-220B at $120.50 each, total $241.00.",
        "Ezechiel updated the order of parts request PQ-1001: Order SO-1001 (quote Q-2201): "
        "Delivered · 2 × part 4471-220B at $120.50 each, total $241.00.",
    ]


async def test_ezechiel_ships_and_delivers_from_the_orders_card(desk: Desk):
    jordan, ezechiel, told = await quoted(desk)
    ordered = await jordan.executes(told, PARTS_ORDERED, number="PQ-1001")
    assert buttons(replied_card(ordered)) == ["Open request"]  # Jordan does not ship
    owners = card_in(ordered, personal_chat(ezechiel))
    assert buttons(owners.card) == ["Shipped", "Open request"]

    shipped = replied_card(await ezechiel.executes(owners, PARTS_SHIPPED, number="SO-1001"))

    assert texts(shipped)[:2] == ["Order SO-1001 · Shipped", "Recorded."]
    assert buttons(shipped) == ["Delivered", "Open request"]
    again = await ezechiel.executes(owners, PARTS_SHIPPED, number="SO-1001")
    assert replied_message(again) == "SO-1001 is already shipped."
    delivered = await ezechiel.executes(owners, PARTS_DELIVERED, number="SO-1001")
    assert texts(replied_card(delivered))[0] == "Order SO-1001 · Delivered"
    assert buttons(replied_card(delivered)) == ["Open request"]
    forged = await jordan.executes(owners, PARTS_DELIVERED, number="SO-1001")
    assert replied_message(forged) == "Only Ezechiel may answer parts requests."


async def test_an_order_is_placed_once_and_only_by_the_requester_or_a_parts_owner(desk: Desk):
    jordan, _, told = await quoted(desk)
    kevin = desk.user("Kevin")

    forged = await kevin.executes(told, PARTS_ORDERED, number="PQ-1001", requester_id="kevin")

    assert replied_message(forged) == (
        "Only Jordan, who asked, or someone who answers parts requests can record the "
        "customer's order on PQ-1001."
    )
    assert (await services(desk).orders.look_up("Q-2201")).status is OrderStatus.QUOTED
    await jordan.executes(told, PARTS_ORDERED, number="PQ-1001")
    again = await jordan.executes(told, PARTS_ORDERED, number="PQ-1001")
    assert replied_message(again) == "SO-1001 is already ordered."


async def test_order_updates_need_answer_parts_and_a_move_the_order_allows(desk: Desk):
    jordan, ezechiel, _ = await quoted(desk)
    assert (await desk.user("Kevin").says("parts update Q-2201 cancelled")).texts == [
        "Only Ezechiel may answer parts requests."
    ]
    assert (await ezechiel.says("parts update Q-2201 delivered")).texts == [
        "Q-2201 is quoted, not ordered yet; it can move to cancelled, ordered, not delivered."
    ]
    assert (await ezechiel.says("parts update Q-2201 lost")).texts == [
        "“lost” is not a move for Q-2201. It is quoted, not ordered yet; it can be cancelled."
    ]
    assert (await ezechiel.says("parts update SO-4040 shipped?")).texts == [
        "“shipped?” is not what happened to the order: shipped, delivered or cancelled "
        "(`parts update \u2039order\u203a shipped|delivered|cancelled`)."
    ]
    cancelled = await ezechiel.says("parts update q-2201 cancelled")
    assert texts(card_in(cancelled, personal_chat(ezechiel)).card)[0] == (
        "Quote Q-2201 · Cancelled"
    )
    assert "Ezechiel recorded: Quote Q-2201: Cancelled." in str(
        card_in(cancelled, personal_chat(jordan)).card
    )


async def test_parts_status_names_what_it_cannot_find(desk: Desk):
    kevin = desk.user("Kevin")
    assert (await kevin.says("parts status SO-9")).texts == [
        "The order system has no order or quote SO-9."
    ]
    assert (await kevin.says("parts status PQ-1009")).texts == [
        "There is no parts request PQ-1009."
    ]
    assert (await kevin.says("parts status")).texts == [
        "Which order? Give its order or quote number, like SO-1001 or Q-2201."
    ]
