"""Answered from documentation: tickets answered with a KB article in the week, each once, on
the scorecard of a desk whose [scorecard] lists it, and on no other."""

from __future__ import annotations

from pathlib import Path

from services.db import Database
from services.knowledge import Article, ArticleContent, ArticleStatus
from services.knowledge.answers import answer_with_article
from services.profile import Metric, Profile, load_profile
from services.profile.loader import SHIPPED
from services.scorecard import Scorecards
from services.scorecard.weeks import week_containing
from tests.harness.scorecard_book import BESTPACK, PACIFIC, POSTED, Book, pt

W47 = week_containing(pt(16, 12), PACIFIC)
ARTICLE = Article(
    id=7,
    profile="bestpack",
    status=ArticleStatus.PUBLISHED,
    content=ArticleContent(title="Sealer alarm 204", resolution="Reset the jaw heater."),
    created_by="allison",
    created_at=pt(2, 9),
    updated_by="allison",
    updated_at=pt(2, 9),
)
LISTED = """\
[[scorecard.targets]]
metric = "documentation_answers"
label = "Answered from documentation"
direction = "at_least"
value = 2
unit = "count"

[[scorecard.targets]]"""


def listing_it(folder: Path) -> Profile:
    """BestPack with a documentation-answers target on its scorecard."""
    text = (SHIPPED / "bestpack.toml").read_text(encoding="utf-8")
    path = folder / "bestpack-documentation.toml"
    path.write_text(text.replace("[[scorecard.targets]]", LISTED, 1), encoding="utf-8")
    return load_profile(path)


async def answer_tickets(database: Database, profile: Profile) -> None:
    """A answered twice in W47, B once in W47, C once in W46, D never."""
    book = Book(database, profile)

    answers = {17: (pt(17, 10), pt(18, 10)), 18: (pt(18, 11),), 10: (pt(10, 10),), 19: ()}
    for opened, times in answers.items():
        ticket = await book.open(pt(opened, 9))
        for at in times:
            change = answer_with_article(ticket, "mary", profile, at, ARTICLE, None)
            ticket = await book.repo.save(change.ticket, ticket.version, change.events)


async def test_each_ticket_answered_from_documentation_counts_once_in_its_week(
    database: Database, tmp_path: Path
) -> None:
    profile = listing_it(tmp_path)
    await answer_tickets(database, profile)

    card = await Scorecards(database, profile).scorecard(W47, POSTED)

    figure = card.figure(Metric.DOCUMENTATION_ANSWERS)
    assert (figure.label, figure.value, figure.previous) == ("Answered from documentation", 2, 1)
    assert figure.met is True  # at least 2


async def test_a_desk_that_does_not_list_it_has_no_such_line(database: Database) -> None:
    await answer_tickets(database, BESTPACK)

    card = await Scorecards(database, BESTPACK).scorecard(W47, POSTED)

    assert Metric.DOCUMENTATION_ANSWERS not in [f.key for f in card.figures]
    measured = await Scorecards(database, BESTPACK).measure(W47, POSTED)
    assert measured.documentation_answers == 2  # measured all the same
