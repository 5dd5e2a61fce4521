"""The scorecard counts tickets closed for no answer apart from those the customer confirmed.

Two BestPack tickets, both resolved by Kevin on Monday 9 Nov 2026: the customer of the first
confirms on Tuesday 17 Nov; the second's never answers, and the desk closes it after five
silent business days, on Monday 16 Nov. Both closes fall in week 47.
"""

from __future__ import annotations

from services.db import Database
from services.scorecard import Scorecards
from services.scorecard.weeks import week_containing
from services.tickets.closure import auto_close
from tests.harness.scorecard_book import BESTPACK, PACIFIC, POSTED, Book, pt


async def test_closed_for_no_answer_is_its_own_line(database: Database) -> None:
    book = Book(database)
    confirmed, silent = [
        await book.assign(
            await book.ack(await book.open(pt(9, 8)), pt(9, 8, 30)), pt(9, 9), "kevin"
        )
        for _ in range(2)
    ]
    confirmed = await book.resolve(confirmed, pt(9, 10), "kevin")
    silent = await book.resolve(silent, pt(9, 10), "kevin")
    await book.close(confirmed, pt(17, 9), "kevin")
    change = auto_close(silent, BESTPACK, pt(16, 10))
    await book.repo.save(change.ticket, silent.version, change.events)

    week = week_containing(pt(16, 12), PACIFIC)
    card = await Scorecards(database, BESTPACK).scorecard(week, POSTED)

    assert card.figure("closed").value == 2
    assert card.figure("closed_no_answer").value == 1
    assert card.figure("closed_no_answer").label == "Closed for no answer"
