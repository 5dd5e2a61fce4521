"""Drafts of one problem: titles compared as people read them, and two drafts' text merged."""

from dataclasses import replace
from datetime import UTC, datetime

from services.knowledge import Article, ArticleContent, ArticleStatus
from services.knowledge.duplicates import merged_content, same_title, twins
from services.knowledge.model import ArticleSource

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
JAM = ArticleContent(
    title="Infeed conveyor jams when the film roll changes",
    problem="The infeed conveyor jams at every roll change.",
    symptoms="Alarm E42.",
    cause="The photo-eye bracket works loose.",
    resolution="Tighten the bracket.",
    machine_models=("BP-500 Wrapper",),
)


def draft(article_id: int, title: str, *tickets: str) -> Article:
    """A draft with this title drafted from these tickets."""
    sources = tuple(ArticleSource(n, number) for n, number in enumerate(tickets, 1))
    content = replace(JAM, title=title)
    return Article(
        article_id, "bestpack", ArticleStatus.DRAFT, content, "system", AT, "system", AT,
        sources=sources,
    )  # fmt: skip


def test_titles_are_the_same_whatever_the_case_spacing_and_punctuation() -> None:
    assert same_title(JAM.title, "INFEED  conveyor jams when the film-roll changes.")
    assert same_title(JAM.title, "Infeed conveyor jam when the film roll changes")  # very close
    assert not same_title(JAM.title, "Outfeed conveyor stops when the case erector faults")
    assert not same_title("Sealer heater alarm 204", "Sealer heater alarm 205")
    assert not same_title(f"{JAM.title} (BP-500 Wrapper)", f"{JAM.title} (BP-700 Wrapper)")
    assert not same_title("", "")


def test_twins_come_from_other_tickets_only() -> None:
    first = draft(1, JAM.title, "BP-1001")
    second = draft(2, JAM.title.upper(), "BP-1002", "BP-1005")
    unsourced = draft(3, JAM.title)
    other = draft(4, "Sealer heater alarm 204", "BP-1003")
    sharing = draft(5, JAM.title, "BP-1001")  # the same ticket: not a second drafting

    found = twins([first, second, unsourced, other, sharing])

    assert found == {1: [second], 2: [first, sharing], 5: [second]}


def test_a_merge_keeps_the_first_title_and_the_text_of_both_once() -> None:
    second = replace(
        JAM,
        title="infeed conveyor jams when the film-roll changes",
        symptoms="Splice tape caught in the infeed.",
        cause="the photo-eye  bracket works loose",
        resolution="",
        machine_models=("BP-520 Wrapper", "BP-500 Wrapper"),
    )

    merged = merged_content(JAM, second)

    assert merged == replace(
        JAM,
        symptoms="Alarm E42.\n\nSplice tape caught in the infeed.",
        machine_models=("BP-500 Wrapper", "BP-520 Wrapper"),
    )
