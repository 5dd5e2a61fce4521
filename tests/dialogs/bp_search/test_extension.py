"""The BP Search message extension over HTTP: Customer, Machine and Order searches answer with
every hit's card (under Teams' 28 KB each) and a thumbnail preview, from the cache first."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from bot.keys import DATABASE
from cards.fit import CARD_LIMIT
from services.installed_base.store import put_machines
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.domain import MONDAY_9AM
from tests.harness.installed_base import ERECTOR
from tests.harness.search import extension_answer
from tests.harness.tickets import freeze

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
THUMBNAIL = "application/vnd.microsoft.card.thumbnail"


def results(answer) -> list[dict]:
    """The result attachments, after checking the answer is a result list."""
    extension = extension_answer(answer)
    assert (extension["type"], extension["attachmentLayout"]) == ("result", "list")
    return extension["attachments"]


async def test_a_machine_search_lists_each_hit_as_its_card_with_a_preview(desk: Desk):
    found = results(await desk.user("Mary").searches_extension("machine", "CE4-1042"))

    assert [a["contentType"] for a in found] == [ADAPTIVE, ADAPTIVE]
    assert [texts(a["content"])[0] for a in found] == [
        "CE4-10421 · BP-400 Case Erector",
        "CE4-10422 · BP-400 Case Erector",
    ]
    assert [(a["preview"]["contentType"], a["preview"]["content"]) for a in found] == [
        (
            THUMBNAIL,
            {
                "title": "CE4-10421 · BP-400 Case Erector",
                "text": "Harvest Valley Foods · Fresno, CA",
            },
        ),
        (
            THUMBNAIL,
            {"title": "CE4-10422 · BP-400 Case Erector", "text": "Northwind Bottling · Newark, NJ"},
        ),
    ]
    assert all(len(json.dumps(a["content"]).encode()) < CARD_LIMIT for a in found)


async def test_customer_and_order_searches(desk: Desk):
    mary = desk.user("Mary")
    customers = results(await mary.searches_extension("customer", "harvest"))
    assert [a["preview"]["content"]["title"] for a in customers] == [
        "Harvest Valley Foods",
        "Valley Harvest Co-op",
    ]
    [order] = results(await mary.searches_extension("order", "1042"))
    assert texts(order["content"])[0] == "Order SO-1042 · Pending Fulfillment"


async def test_an_opened_box_says_what_to_type_and_nothing_found_says_so(desk: Desk):
    mary = desk.user("Mary")
    assert extension_answer(await mary.searches_extension("machine")) == {
        "type": "message",
        "text": "Type a serial number, or how it starts.",
    }
    assert extension_answer(await mary.searches_extension("customer", "Nobody Inc")) == {
        "type": "message",
        "text": "Nothing in the bot's database matches “Nobody Inc”. "
        "Try part of the name, or a machine's serial number.",
    }


async def test_an_expired_answer_is_shown_at_once_and_refreshed_for_the_next_search(
    desk: Desk,
):
    mary = desk.user("Mary")
    await mary.searches_extension("machine", "CE4-10421")
    async with desk.app[DATABASE].engine.begin() as connection:
        await put_machines(connection, [replace(ERECTOR, model="BP-450 Case Erector")])
    freeze(desk, MONDAY_9AM + timedelta(minutes=6))  # past the profile's 5 minutes

    [quick] = results(await mary.searches_extension("machine", "CE4-10421"))
    [fresh] = results(await mary.searches_extension("machine", "CE4-10421"))

    assert texts(quick["content"])[0] == "CE4-10421 · BP-400 Case Erector"  # from the cache
    assert texts(fresh["content"])[0] == "CE4-10421 · BP-450 Case Erector"  # looked up after
