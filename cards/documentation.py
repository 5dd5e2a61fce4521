""" "Can documentation solve it?": the knowledge base's best matches on an open ticket's cards,
and the form that answers the customer with one of them."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    Action,
    ActionSet,
    CardElement,
    Choice,
    ChoiceSetInput,
    Container,
    ExecuteAction,
    ShowCardAction,
    TextBlock,
    TextInput,
)

from cards.fit import TITLE, clip
from cards.knowledge import hit_rows
from cards.render import card, note
from services.forms.bounds import LINK, REASON, characters
from services.knowledge import SearchHit
from services.knowledge.answers import INTRO

ANSWER = "docs.answer"  # answer the ticket with one of the matches
TITLE_DOCS = "Can documentation solve it?"


def shown_on(number: str, on: str) -> dict[str, str]:
    """A section button's data: the ticket, and the card it is on when that is not the ticket
    card (the answer then is that card again, as it stands)."""
    return {"number": number} if on == "ticket" else {"number": number, "card": on}


def answer_form(
    number: str, hits: Sequence[SearchHit], *, reaches_customer: bool, on: str = "ticket"
) -> ShowCardAction:
    """'Answer with an article': which match, a line to the customer, and a link if typed."""
    choices = [
        Choice(
            title=clip(f"{h.article.number} · {h.article.content.title}", TITLE),
            value=str(h.article.id),
        )
        for h in hits
    ]
    sends = "Send to the customer" if reaches_customer else "Record the answer"
    how = (
        "The ticket system e-mails it to the customer; the timeline and the scorecard count it."
        if reaches_customer
        else "This desk does not e-mail customers itself: you get the text to send them, and "
        "the timeline and the scorecard count the answer."
    )
    # Without a link typed, the article's Help Center page goes, or its fix where it has none.
    empty = "No link typed: the article's own page is sent, or its fix where it has no page."
    form = card(
        [
            ChoiceSetInput(
                id="article_id",
                label="Article",
                choices=choices,
                value=choices[0].value if choices else None,
                is_required=True,
                error_message="Choose the article that answers it.",
            ),
            TextInput(
                id="intro",
                label="Your words to the customer",
                value=INTRO,
                max_length=REASON,
                placeholder=characters(REASON).capitalize(),
            ),
            TextInput(
                id="link",
                label="Link to send (optional)",
                style="Url",
                max_length=LINK,
                placeholder=f"https://… ({characters(LINK)})",
            ),
            note(f"{empty} {how}"),
        ],
        [ExecuteAction(title=sends, verb=ANSWER, data=shown_on(number, on), style="positive")],
    )
    return ShowCardAction(title="Answer with an article", card=form)


def documentation_section(
    number: str,
    hits: Sequence[SearchHit],
    *,
    answered: Sequence[str] = (),
    reaches_customer: bool = False,
    pull_in: ShowCardAction | None = None,
    on: str = "ticket",
) -> list[CardElement]:
    """The matches for whoever coordinates the ticket, with 'Answer with an article' and
    (`pull_in`, cards.involvement) 'Pull in a team'; `answered`: its documentation answers;
    `on`: the card it is part of ("ticket" or "triage")."""
    items: list[CardElement] = [
        TextBlock(text=TITLE_DOCS, weight="Bolder", size="Medium", wrap=True)
    ]
    items.extend(note(line, subtle=False) for line in answered)
    if hits:
        lead = "The knowledge base's best matches for this ticket: answer with one"
        items.append(note(f"{lead}{', or pull a team in' if pull_in else ''}."))
        items.extend(hit_rows(hits))
    else:
        items.append(
            note(
                "No published article matches this ticket"
                + (": pull a team in if it needs one." if pull_in else ".")
            )
        )
    actions: list[Action] = []
    if hits:
        actions.append(answer_form(number, hits, reaches_customer=reaches_customer, on=on))
    if pull_in is not None:
        actions.append(pull_in)
    if actions:
        items.append(ActionSet(actions=actions))
    return [Container(style="emphasis", items=items, spacing="Medium")]
