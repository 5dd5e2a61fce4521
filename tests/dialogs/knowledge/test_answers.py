""" "Can documentation solve it?" on the Kinetic Data desk: the specialist sees the knowledge
base's best matches on the ticket and answers the customer with one; it is recorded and the
scorecard counts it. Refusals are said in words and record nothing; BestPack is unchanged."""

from __future__ import annotations

from cards.documentation import ANSWER
from services.tickets import EventKind, StaleTicket
from services.tickets.workflow import resolve
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.involvement import (
    MONDAY_9AM,
    SSO_ARTICLE,
    SSO_TICKET,
    button,
    files,
    kinetic_team,
    published,
    titles,
)
from tests.harness.tickets import (
    history,
    replied_card,
    replied_message,
    services,
    stored,
    ticket_for,
    timeline_lines,
)

LINK = "https://docs.kineticdata.com/docs/saml-after-upgrade"
SECTION = "Can documentation solve it?"


def scorecard_line(card: dict, label: str) -> list[str]:
    """A line of the scorecard's targets table: the measure, this week, target, result."""
    said = texts(card)
    at = said.index(label)
    return said[at : at + 4]


async def sso_ticket_of_sam(desk: Desk):
    """Sam files the customer's SSO e-mail and takes it; returns the team, the article, and the
    ticket card Sam opens."""
    team = await kinetic_team(desk)
    article = await published(desk)
    await files(team.sam, SSO_TICKET)
    await team.sam.says("assign KD-1001 sam")
    card = (await team.sam.says("ticket KD-1001")).last
    return team, article, card


async def test_sam_answers_the_customer_with_the_best_match_and_the_scorecard_counts_it(
    kinetic: Desk,
):
    team, article, card = await sso_ticket_of_sam(kinetic)
    shown = texts(card.card)
    assert SECTION in shown
    assert f"**{article.number}** · {SSO_ARTICLE.title}" in shown
    assert {"Answer with an article", "Pull in a team"} <= set(titles(card.card))

    answer = await team.sam.executes(
        card,
        ANSWER,
        **button(card.card, ANSWER),
        article_id=str(article.id),
        intro="Hello Pat, this explains the SAML error:",
        link=LINK,
    )

    said = texts(replied_card(answer))
    assert (
        "Answered KD-1001 from documentation with KB-1: recorded as a customer-visible note."
        in (said)
    )
    # The embedded desk e-mails nobody: Sam gets the reply to send, link and all.
    reply = f"Hello Pat, this explains the SAML error:\n\n{SSO_ARTICLE.title}\n{LINK}"
    assert f"This desk does not e-mail customers itself: send the customer this.\n\n{reply}" in said
    assert "Answered with KB-1 by Sam, Mon 30 Nov 2026 09:00 CST." in said
    assert (await timeline_lines(kinetic, "KD-1001"))[-2:] == [
        f"Sam added a customer-visible note: {reply}",
        f"Sam answered it from documentation with KB-1 ({SSO_ARTICLE.title})",
    ]
    ticket = await stored(kinetic, "KD-1001")
    assert (ticket.assignee_id, ticket.first_response_at) == ("sam", MONDAY_9AM)

    scorecard = (await team.sam.says("scorecard this week")).card
    assert scorecard_line(scorecard, "Answered from documentation") == [
        "Answered from documentation",
        "1",
        "≥ 1",
        "met",
    ]


async def test_with_no_page_to_link_the_customer_gets_the_articles_fix(kinetic: Desk):
    team, article, card = await sso_ticket_of_sam(kinetic)

    await team.sam.executes(
        card, ANSWER, **button(card.card, ANSWER), article_id=str(article.id), intro="", link=""
    )

    note = (await history(kinetic, "KD-1001"))[-2]
    assert note.body == (
        "This article in our documentation should solve it:\n\n"
        f"{SSO_ARTICLE.title}\n\n{SSO_ARTICLE.resolution}"
    )


async def test_a_link_that_is_not_a_web_page_is_refused_and_nothing_is_recorded(kinetic: Desk):
    team, article, card = await sso_ticket_of_sam(kinetic)
    before = await history(kinetic, "KD-1001")

    answer = await team.sam.executes(
        card,
        ANSWER,
        **button(card.card, ANSWER),
        article_id=str(article.id),
        link="javascript:alert(1)",
    )

    assert replied_message(answer) == (
        "The article's link must be a web address starting with https://."
    )
    assert await history(kinetic, "KD-1001") == before


async def test_someone_who_does_not_coordinate_the_ticket_is_refused_in_words(kinetic: Desk):
    team, article, card = await sso_ticket_of_sam(kinetic)
    before = await history(kinetic, "KD-1001")

    # Devon (DevOps) has an old copy of the card, or wrote its data himself.
    answer = await team.devon.executes(card, ANSWER, number="KD-1001", article_id=str(article.id))

    assert replied_message(answer) == (
        "Only its owner (Sam) or triage can answer from documentation on KD-1001; Devon may not."
    )
    assert await history(kinetic, "KD-1001") == before
    devon_sees = (await team.devon.says("ticket KD-1001")).card
    assert SECTION not in texts(devon_sees)


async def test_a_resolved_ticket_is_not_answered_again(kinetic: Desk):
    team, article, card = await sso_ticket_of_sam(kinetic)
    ticket, profile = await stored(kinetic, "KD-1001"), services(kinetic).profile
    change = resolve(ticket, "sam", profile, MONDAY_9AM, "Certificate uploaded again.")
    await services(kinetic).tickets.save(change.ticket, ticket.version, change.events)
    before = await history(kinetic, "KD-1001")

    answer = await team.sam.executes(
        card, ANSWER, **button(card.card, ANSWER), article_id=str(article.id)
    )

    # The ticket moved on since the card was drawn: the current card comes back, saying why.
    refused = texts(replied_card(answer))
    assert refused[1] == (
        "KD-1001 is Solution offered: reopen it before answering it from documentation."
    )
    assert SECTION not in refused
    assert await history(kinetic, "KD-1001") == before


async def test_bestpack_keeps_its_ticket_card_and_scorecard(desk: Desk):
    await published(desk, SSO_ARTICLE, by="allison")
    await ticket_for(desk, "kevin", "SAML single sign-on login fails after an upgrade")
    kevin = desk.user("Kevin")

    card = (await kevin.says("ticket BP-1001")).card
    scorecard = (await desk.user("Allison").says("scorecard this week")).card

    assert SECTION not in texts(card)
    assert "Pull in a team" not in titles(card)
    assert "Answered from documentation" not in texts(scorecard)


async def test_a_reply_that_went_but_could_not_be_counted_says_so(kinetic: Desk, monkeypatch):
    team, article, card = await sso_ticket_of_sam(kinetic)
    repo = services(kinetic).tickets
    real, saves = repo.change, []

    async def busy_after_the_reply(number, command, attempts=3):
        saves.append(number)
        if len(saves) == 1:  # the reply, through the ticket system
            return await real(number, command, attempts)
        raise StaleTicket(number, 0, None)  # others kept changing the ticket meanwhile

    monkeypatch.setattr(repo, "change", busy_after_the_reply)

    answer = await team.sam.executes(
        card, ANSWER, **button(card.card, ANSWER), article_id=str(article.id)
    )

    said = texts(replied_card(answer))[1]
    assert said == (
        "Answered KD-1001 from documentation with KB-1: recorded as a customer-visible note. "
        "It could not be counted as a documentation answer: the ticket was busy."
    )
    kinds = [e.kind for e in await history(kinetic, "KD-1001")]
    assert kinds[-1] is EventKind.NOTE and EventKind.DOCUMENTATION_ANSWER not in kinds
