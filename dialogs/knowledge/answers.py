""" "Can documentation solve it?": answering a ticket with one of its KB matches (the whole
process: dialogs.knowledge; the section on the cards: dialogs.knowledge.matches).

The reply goes to the customer through the ticket system (services.tickets.port): where it
reaches customers (Zendesk) it is e-mailed, elsewhere it is recorded and the specialist gets the
text to send. The timeline's documentation answer is what the scorecard counts.
"""

from __future__ import annotations

import logging

from bot.turn import ActionResult, Turn
from cards.documentation import ANSWER
from dialogs.knowledge.feature import feature, visible_article
from dialogs.knowledge.inputs import AnswerInputs
from dialogs.shared.ticket_view import refusal_result, ticket_view
from dialogs.shared.tickets import find_ticket, now, refused, show_saved
from dialogs.triage.notices import after_change
from dialogs.triage.views import refusal_result as triage_refusal
from services.knowledge import Article
from services.knowledge.answers import (
    answer_with_article,
    answerable,
    article_link,
    check_link,
    documentation_reply,
)
from services.routines.messaging import write_to_customer
from services.tickets import StaleTicket, Ticket, TicketRuleError
from services.tickets.customer_message import Purpose

log = logging.getLogger(__name__)


@feature.action(ANSWER, model=AnswerInputs)
async def answer_from_documentation(turn: Turn, data: AnswerInputs) -> ActionResult:
    """Send the customer the article picked, record the answer, and show the card again."""
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    article, problem = await visible_article(turn, data.article_id)
    if article is None:
        return refused(problem or "")
    typed, problem = check_link(data.link)
    if problem:  # the card keeps what was typed
        return refused(problem)
    link = typed or article_link(article)
    profile, caller = turn.services.profile, turn.caller
    try:
        answerable(profile, ticket, caller.id, article)
        text = documentation_reply(article, link, data.intro)
        sent, via, queued = await _send(turn, ticket, text)
    except TicketRuleError as refusal:
        if data.card == "triage":
            return await triage_refusal(turn, ticket, str(refusal))
        # A card drawn while the ticket was open shows it as it is now, without the section.
        return await refusal_result(turn, ticket, str(refusal), refresh=not ticket.is_open)
    recorded = await _record(turn, sent, article, link)
    saved = recorded or sent
    show_saved(turn, saved)
    headline, reach = _said(turn, saved, article, text, via, queued)
    if recorded is None:
        headline += " It could not be counted as a documentation answer: the ticket was busy."
    if data.card == "triage":
        return ActionResult(card=await after_change(turn, saved, outcome=headline, reach=reach))
    return ActionResult(card=await ticket_view(turn, saved, headline=headline, reach=reach))


async def _send(turn: Turn, ticket: Ticket, text: str) -> tuple[Ticket, str, bool]:
    """The reply through the ticket system where it reaches customers (Zendesk), else through
    the customer-message port where that can send (a HubSpot conversation, from the sync queue:
    the card does not wait on it); failing both, it is recorded for the person to send. The
    ticket as saved, how it goes ("" by hand), and whether it is only on its way."""
    assert turn.caller is not None
    services, actor, at = turn.services, turn.caller.id, now(turn)
    if not services.ticket_system.reaches_customer:
        outcome = await write_to_customer(services, ticket, text, Purpose.DOCUMENTATION, actor, at)
        if outcome.sent or outcome.queued:
            return outcome.ticket, outcome.via, outcome.queued
    sent = await services.ticket_system.message_customer(ticket, text, author_id=actor, now=at)
    return sent, "", False


async def _record(turn: Turn, ticket: Ticket, article: Article, link: str | None) -> Ticket | None:
    """The documentation answer on the timeline, after the reply it counts; None if the ticket
    would not take it (the reply stands: it went to the customer)."""
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    try:
        return await turn.services.tickets.change(
            ticket.number, lambda t: answer_with_article(t, actor, profile, at, article, link)
        )
    except (StaleTicket, TicketRuleError) as problem:
        log.warning(
            "answered %s with %s but could not record it: %s",
            ticket.number,
            article.number,
            problem,
        )
        return None


def _said(
    turn: Turn, ticket: Ticket, article: Article, text: str, via: str, queued: bool = False
) -> tuple[str, str | None]:
    """The card's headline, and where the desk cannot reach the customer, the text to send."""
    customer = ticket.contact_name or ticket.contact_email or "the customer"
    done = f"Answered {ticket.number} from documentation with {article.number}"
    if queued:
        return f"{done}: on its way to {customer} ({via}).", None
    if via:
        return f"{done}: sent to {customer} ({via}).", None
    if turn.services.ticket_system.reaches_customer:
        return f"{done}: sent to {customer}.", None
    return (
        f"{done}: recorded as a customer-visible note.",
        f"This desk does not e-mail customers itself: send {customer} this.\n\n{text}",
    )
