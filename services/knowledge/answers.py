""" "Can documentation solve it?": a ticket answered with a KB article, on its timeline.

The specialist picks one of the articles search matched to the ticket and sends the customer
its link; the ticket system carries the reply (services.tickets.port), and the timeline's
documentation-answer entry is what the scorecard counts (services.scorecard).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlsplit

from services.knowledge.model import Article
from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import Change, EventKind, Ticket, TicketEvent
from services.tickets.rules import require_coordinator, status_label

INTRO = "This article in our documentation should solve it:"


def check_link(text: str) -> tuple[str | None, str | None]:
    """(the link, None), (None, None) for none typed, or (None, why it is refused)."""
    link = (text or "").strip()
    if not link:
        return None, None
    parts = urlsplit(link)
    # A customer gets this in an e-mail: only a plain web page address, nothing to run.
    if parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in link):
        return None, "The article's link must be a web address starting with https://."
    return link, None


def article_link(article: Article) -> str | None:
    """The article's public page (its Help Center copy), if it has one."""
    return check_link(article.link or "")[0]


def documentation_reply(article: Article, link: str | None, intro: str = "") -> str:
    """The customer's reply: a line of the specialist's, then the article's title and link,
    or, with no page to link to, the article's resolution itself."""
    opening = " ".join((intro or INTRO).split()) if intro.strip() else INTRO
    title = article.content.title
    if link:
        return f"{opening}\n\n{title}\n{link}"
    return f"{opening}\n\n{title}\n\n{article.content.resolution}".rstrip()


def answerable(profile: Profile, ticket: Ticket, actor_id: str, article: Article) -> None:
    """Refuse, in words, an answer the process does not allow: by someone who does not
    coordinate the ticket, on a ticket no longer open, or with a draft."""
    require_coordinator(profile, actor_id, ticket, "answer from documentation on")
    if not ticket.is_open:
        label = status_label(profile, ticket.status)
        raise TicketRuleError(
            f"{ticket.number} is {label}: reopen it before answering it from documentation."
        )
    if not article.is_published:
        raise TicketRuleError(f"{article.number} is still a draft: publish it before sending it.")


def answer_with_article(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    article: Article,
    link: str | None,
) -> Change:
    """The documentation answer's timeline entry (the reply itself is the ticket system's)."""
    answerable(profile, ticket, actor_id, article)
    new = touched(ticket, now)
    # No body: the reply went to the customer already; a system of record gets no second copy.
    extra = {"article": article.number, "title": article.content.title, "link": link}
    entry = event(EventKind.DOCUMENTATION_ANSWER, actor_id, ticket, new, extra=extra)
    return Change(new, (entry,))


def documentation_answers(events: Sequence[TicketEvent]) -> list[TicketEvent]:
    """The ticket's documentation answers, oldest first."""
    return [e for e in events if e.kind is EventKind.DOCUMENTATION_ANSWER]
