"""Numbers people type are bounded: a huge ticket or article number is simply not there."""

from __future__ import annotations

import pytest

from services.numbers import MAX_ID, parse_id
from tests.harness.desk import Desk


async def test_a_ticket_number_of_4301_digits_is_no_such_ticket(desk: Desk):
    answer = await desk.user("Mary").says("ticket " + "9" * 4301)
    assert answer.texts == [f"There is no ticket {'9' * 24}."]


async def test_an_article_number_of_5000_digits_is_no_such_article(desk: Desk):
    answer = await desk.user("Mary").says("kb KB-" + "7" * 5000)
    assert answer.texts == [f"There is no article KB-{'7' * 21}."]


async def test_an_article_number_past_32_bits_is_no_such_article(desk_on_each_database: Desk):
    mary = desk_on_each_database.user("Mary")
    assert (await mary.says("kb KB-2147483648")).texts == ["There is no article KB-2147483648."]
    assert (await mary.says("ticket 99999999999")).texts == ["There is no ticket 99999999999."]


async def test_the_largest_ticket_number_is_looked_up(desk: Desk):
    answer = await desk.user("Mary").says(f"ticket {MAX_ID}")
    assert answer.texts == [f"There is no ticket BP-{MAX_ID}."]


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("1001", 1001),
        ("0001", 1),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("9" * 4301, None),
        ("١٢", None),
        ("", None),
    ],
)
def test_parse_id(digits: str, expected: int | None):
    assert parse_id(digits) == expected
