"""A documentation answer: the link a customer may be sent, the reply's words, and who may
answer which ticket with which article."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.knowledge import Article, ArticleStatus
from services.knowledge.answers import (
    INTRO,
    answer_with_article,
    article_link,
    check_link,
    documentation_reply,
)
from services.profile import load_profile
from services.tickets import EventKind, Ticket, TicketRuleError, TicketStatus
from tests.harness.involvement import MONDAY_9AM, SSO_ARTICLE

KINETIC = load_profile("kinetic")
PAGE = "https://docs.kineticdata.com/docs/saml-after-upgrade"
ARTICLE = Article(
    id=3,
    profile="kinetic",
    status=ArticleStatus.PUBLISHED,
    content=SSO_ARTICLE,
    created_by="sam",
    created_at=MONDAY_9AM,
    updated_by="sam",
    updated_at=MONDAY_9AM,
)
TICKET = Ticket(
    id=1,
    number="KD-1001",
    profile="kinetic",
    status=TicketStatus.ASSIGNED,
    priority="medium",
    subject="SSO login fails",
    requester_id="sam",
    created_at=MONDAY_9AM,
    updated_at=MONDAY_9AM,
    assignee_id="riley",
)
NOT_A_PAGE = "The article's link must be a web address starting with https://."


@pytest.mark.parametrize(
    ("typed", "checked"),
    [
        (f"  {PAGE} ", (PAGE, None)),
        ("", (None, None)),
        ("http://docs.kineticdata.com/x", (None, NOT_A_PAGE)),
        ("javascript:alert(1)", (None, NOT_A_PAGE)),
        ("https://", (None, NOT_A_PAGE)),
        ("https://docs.kineticdata.com/a b", (None, NOT_A_PAGE)),
    ],
)
def test_only_a_web_page_is_sent_to_a_customer(typed: str, checked: tuple) -> None:
    assert check_link(typed) == checked


def test_an_articles_own_page_is_its_help_center_copy() -> None:
    assert article_link(ARTICLE) is None
    assert article_link(replace(ARTICLE, link=PAGE)) == PAGE


def test_the_reply_links_the_article_or_else_gives_its_fix() -> None:
    assert documentation_reply(ARTICLE, PAGE, "  Hello  Pat, ") == (
        f"Hello Pat,\n\n{SSO_ARTICLE.title}\n{PAGE}"
    )
    assert documentation_reply(ARTICLE, None) == (
        f"{INTRO}\n\n{SSO_ARTICLE.title}\n\n{SSO_ARTICLE.resolution}"
    )


def test_the_answer_names_the_article_on_the_timeline_without_a_second_copy() -> None:
    change = answer_with_article(TICKET, "sam", KINETIC, MONDAY_9AM, ARTICLE, PAGE)

    [entry] = change.events
    assert (entry.kind, entry.body, entry.actor_id) == (EventKind.DOCUMENTATION_ANSWER, None, "sam")
    assert entry.after == {"article": "KB-3", "title": SSO_ARTICLE.title, "link": PAGE}
    assert change.ticket.assignee_id == "riley"  # the owner stays


def test_a_draft_is_not_sent() -> None:
    draft = replace(ARTICLE, status=ArticleStatus.DRAFT)

    with pytest.raises(TicketRuleError, match=r"^KB-3 is still a draft: publish it"):
        answer_with_article(TICKET, "sam", KINETIC, MONDAY_9AM, draft, None)


def test_a_helper_does_not_answer_for_the_owner() -> None:
    with pytest.raises(TicketRuleError) as refused:
        answer_with_article(TICKET, "devon", KINETIC, MONDAY_9AM, ARTICLE, None)
    assert str(refused.value) == (
        "Only its owner (Riley) or triage can answer from documentation on KD-1001; Devon may not."
    )
