"""Parts requests and the embedded order system on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from services.db import Database
from services.parts import (
    EmbeddedOrderSystem,
    OrderStatus,
    PartsAnswer,
    PartsRepository,
    PartsRuleError,
    Quote,
    QuoteLine,
    RequestStatus,
    RequestType,
)
from tests.harness.domain import BESTPACK, MONDAY_9AM
from tests.harness.parts import DRAFT

LINES = (QuoteLine("4471-220B", 2, 12_050, "Encoder"), QuoteLine("77-12", 1, 1_275))
ANSWER = PartsAnswer(LINES, "3 weeks", "Q-2201")
QUOTE = Quote("q-2201", LINES, "3 weeks", "PQ-1001")
LATER = MONDAY_9AM + timedelta(hours=2)


async def test_one_request_per_form_even_when_submitted_at_once(database: Database):
    repo = PartsRepository(database, BESTPACK)
    results = await asyncio.gather(
        *(repo.create(DRAFT, "jordan", "ezechiel", "parts:form-1", MONDAY_9AM) for _ in range(4))
    )
    assert sum(created for _, created in results) == 1
    # PostgreSQL spends a sequence value on every insert, kept or not: the racing inserts may
    # leave the one request a later number than PQ-1001, and numbers may skip.
    [number] = {request.number for request, _ in results}
    second, created = await repo.create(DRAFT, "kevin", "ezechiel", "parts:form-2", MONDAY_9AM)
    assert created and second.number != number
    stored = await repo.get(number.lower().replace("-", " "))
    assert stored is not None
    assert (stored.request_type, stored.quantity, stored.part_number, stored.status) == (
        RequestType.QUOTE,
        2,
        "4471-220",
        RequestStatus.OPEN,
    )
    assert stored.created_at == MONDAY_9AM and stored.answer is None
    assert await repo.get("PQ-9999") is None and await repo.get("Q-2201") is None


async def test_an_order_status_is_never_filed(database: Database):
    repo = PartsRepository(database, BESTPACK)
    draft = replace(DRAFT, request_type=RequestType.ORDER_STATUS, order_reference="SO-1")
    with pytest.raises(PartsRuleError, match="looked up in the order system"):
        await repo.create(draft, "jordan", "ezechiel", None, MONDAY_9AM)


async def test_a_request_is_answered_once(database: Database):
    repo = PartsRepository(database, BESTPACK)
    asked, _ = await repo.create(DRAFT, "jordan", "ezechiel", None, MONDAY_9AM)
    answered = await repo.answer(asked, ANSWER, "ezechiel", LATER)
    assert (answered.status, answered.answer, answered.answered_by) == (
        RequestStatus.ANSWERED,
        ANSWER,
        "ezechiel",
    )
    assert answered.answered_at == LATER
    with pytest.raises(PartsRuleError, match=r"PQ-1001 was already answered by Ezechiel\."):
        await repo.answer(asked, replace(ANSWER, lines=LINES[:1]), "ezechiel", LATER)
    assert (await repo.get("PQ-1001")).answer.lines == LINES


async def test_the_queue_holds_open_requests_oldest_first(database: Database):
    repo = PartsRepository(database, BESTPACK)
    first, _ = await repo.create(DRAFT, "jordan", "ezechiel", None, MONDAY_9AM)
    second, _ = await repo.create(DRAFT, "kevin", "ezechiel", None, LATER)
    third, _ = await repo.create(DRAFT, "sean", "ezechiel", None, LATER)
    await repo.answer(second, ANSWER, "ezechiel", LATER)
    assert [r.number for r in await repo.open_requests()] == [first.number, third.number]


async def test_a_quote_is_found_by_its_number_and_then_by_its_order_number(database: Database):
    orders = EmbeddedOrderSystem(database)
    quoted = await orders.record_quote(QUOTE, MONDAY_9AM)
    assert (quoted.quote_number, quoted.status, quoted.order_number) == (
        "Q-2201",
        OrderStatus.QUOTED,
        None,
    )
    assert (quoted.lines, quoted.total_cents) == (LINES, 25_375)
    assert await orders.look_up(" q-2201 ") == quoted
    ordered = await orders.place_order("Q-2201", LATER)
    assert (ordered.status, ordered.order_number, ordered.updated_at) == (
        OrderStatus.ORDERED,
        "SO-1001",
        LATER,
    )
    assert await orders.look_up("so-1001") == ordered == await orders.look_up("Q-2201")
    assert await orders.look_up("SO-1002") is None


async def test_a_quote_number_names_one_quote(database: Database):
    orders = EmbeddedOrderSystem(database)
    await orders.record_quote(QUOTE, MONDAY_9AM)
    with pytest.raises(PartsRuleError, match=r"Quote number Q-2201 is already used by PQ-1001\."):
        await orders.record_quote(replace(QUOTE, request_number="PQ-1002"), LATER)


async def test_an_order_moves_forward_only(database: Database):
    orders = EmbeddedOrderSystem(database)
    await orders.record_quote(QUOTE, MONDAY_9AM)
    with pytest.raises(PartsRuleError, match="becomes an order when the customer orders it"):
        await orders.update_status("Q-2201", OrderStatus.ORDERED, LATER)
    with pytest.raises(PartsRuleError, match="it can move to cancelled, ordered, not shipped"):
        await orders.update_status("Q-2201", OrderStatus.SHIPPED, LATER)
    await orders.place_order("Q-2201", LATER)
    with pytest.raises(PartsRuleError, match=r"SO-1001 is already ordered\."):
        await orders.place_order("Q-2201", LATER)
    shipped = await orders.update_status("SO-1001", OrderStatus.SHIPPED, LATER)
    assert shipped.status is OrderStatus.SHIPPED
    with pytest.raises(PartsRuleError, match="it can move to delivered, not cancelled"):
        await orders.update_status("SO-1001", OrderStatus.CANCELLED, LATER)
    delivered = await orders.update_status("SO-1001", OrderStatus.DELIVERED, LATER)
    assert delivered.status is OrderStatus.DELIVERED
    with pytest.raises(PartsRuleError, match="The order system has no order or quote SO-7"):
        await orders.update_status("so-7", OrderStatus.SHIPPED, LATER)


async def test_two_people_placing_one_order_at_once_place_it_once(database: Database):
    orders = EmbeddedOrderSystem(database)
    await orders.record_quote(QUOTE, MONDAY_9AM)
    results = await asyncio.gather(
        *(orders.place_order("Q-2201", LATER) for _ in range(3)), return_exceptions=True
    )
    placed = [r for r in results if not isinstance(r, BaseException)]
    assert [order.order_number for order in placed] == ["SO-1001"]
    assert all(isinstance(r, PartsRuleError) for r in results if isinstance(r, BaseException))
