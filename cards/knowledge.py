"""Process 7's cards: an article (read or edit), search results, the drafts, and the
"similar solved problems" the intake form shows before a ticket is filed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Container,
    ExecuteAction,
    Fact,
    FactSet,
    OpenUrlAction,
    TextBlock,
)

from cards.forms import form_inputs
from cards.knowledge_twins import twin_rows
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.knowledge import ARTICLE_FIELDS, Article, SearchHit, content_values
from services.knowledge.content import shortened
from services.profile import Profile
from services.tickets.rules import local_time, name_of

OPEN = "kb.open"
EDIT = "kb.edit"
SAVE = "kb.save"
PUBLISH = "kb.publish"
MAX_RESULTS = 10
SNIPPET = 280
_SECTIONS = (("problem", "Problem"), ("symptoms", "Symptoms"), ("cause", "Cause"))


def _headline(text: str) -> TextBlock:
    return TextBlock(text=text, weight="Bolder", color="Accent", wrap=True)


def _ref(article: Article) -> dict[str, Any]:
    return {"article_id": article.id, "version": article.version}


def _open_button(article: Article, title: str = "Open article") -> ExecuteAction:
    data = {"article_id": article.id}
    return ExecuteAction(title=title, verb=OPEN, data=data, associated_inputs="none")


def _ticket_button(article: Article) -> list[ExecuteAction]:
    if not article.source_number:
        return []
    data = {"number": article.source_number}
    return [ExecuteAction(title="Open ticket", verb=REFRESH, data=data, associated_inputs="none")]


def _page_link(article: Article) -> list[OpenUrlAction]:
    """Its page in the Help Center (Zendesk Guide), once it is there."""
    if not article.link or not article.link.startswith("https://"):
        return []
    return [OpenUrlAction(title="Help Center", url=article.link)]


def _facts(profile: Profile, article: Article) -> FactSet:
    if article.is_published and article.published_at:
        who = name_of(profile, article.published_by or "")
        status = f"Published by {who}, {local_time(profile, article.published_at)}"
    else:
        status = "Draft: search does not find it until it is published"
    pairs = [
        ("Status", status),
        ("Machine models", ", ".join(article.content.machine_models)),
        ("From ticket", ", ".join(article.source_numbers)),
    ]
    return FactSet(facts=[Fact(title=k, value=v) for k, v in pairs if v])


def article_card(
    profile: Profile, article: Article, *, can_edit: bool = False, headline: str | None = None
) -> dict:
    """An article as a reader sees it; someone who may publish also gets Edit (and Publish)."""
    content = article.content
    body: list[CardElement] = [heading(f"{article.number} · {content.title}")]
    if headline:
        body.append(_headline(headline))
    body.append(_facts(profile, article))
    for field_id, label in (*_SECTIONS, ("resolution", "Resolution")):
        text = getattr(content, field_id)
        if text:
            body.append(TextBlock(text=label, weight="Bolder", spacing="Medium"))
            body.append(TextBlock(text=text, wrap=True, spacing="Small"))
    actions: list[ExecuteAction] = []
    if can_edit:
        actions.append(ExecuteAction(title="Edit", verb=EDIT, data=_ref(article)))
    return render(card(body, [*actions, *_ticket_button(article), *_page_link(article)]))


def article_form_card(
    profile: Profile,
    article: Article,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    headline: str | None = None,
    warning: str | None = None,
    twins: Sequence[Article] = (),
) -> dict:
    """The article's fields to edit; after a refused save, the same form with errors kept.

    `warning` (the source ticket was reopened since the draft was made) is shown on top, and
    Publish becomes "Publish anyway", which confirms it. `twins`: drafts of the same title
    from other tickets, each offered for merging.
    """
    values = content_values(article.content) if values is None else values
    errors = errors or {}
    state = "Edit" if article.is_published else "Draft"
    body: list[CardElement] = [heading(f"{article.number} · {state}: {article.content.title}")]
    if headline:
        body.append(_headline(headline))
    if warning:
        body.append(TextBlock(text=warning, color="Attention", weight="Bolder", wrap=True))
    body.extend(twin_rows(article, twins))
    sources = " and ".join(article.source_numbers)
    source = f"Drafted from {sources}. " if sources else ""
    body.append(
        note(
            f"{source}Once published, `kb` finds it and intake suggests it when a similar "
            "problem comes in, so nobody solves it twice."
        )
    )
    body.extend(form_inputs(profile, ARTICLE_FIELDS, values, errors))
    actions: list[ExecuteAction] = []
    if article.is_published:
        actions.append(ExecuteAction(title="Save changes", verb=SAVE, data=_ref(article)))
    else:
        confirm = {"confirm_reopened": True} if warning else {}
        title = "Publish anyway" if warning else "Publish"
        publish = ExecuteAction(title=title, verb=PUBLISH, data={**_ref(article), **confirm})
        actions.append(publish.model_copy(update={"style": "positive"}))
        actions.append(ExecuteAction(title="Save draft", verb=SAVE, data=_ref(article)))
    return render(card(body, [*actions, *_ticket_button(article)]))


def _why(hit: SearchHit) -> str:
    """Why the article matched: the terms in common, then what else agreed."""
    terms = ", ".join(hit.terms)
    return " · ".join([f"Matched: {terms}" if terms else "", *hit.fields]).strip(" ·")


def _article_row(article: Article, details: Sequence[str]) -> Container:
    draft = "" if article.is_published else " · _draft, not published yet_"
    items: list[CardElement] = [
        TextBlock(text=f"**{article.number}** · {article.content.title}{draft}", wrap=True)
    ]
    items.extend(note(text) for text in details if text)
    models = ", ".join(article.content.machine_models)
    if models:
        items.append(note(f"Machine models: {models}"))
    title = "Open article" if article.is_published else "Open draft"
    items.append(ActionSet(actions=[_open_button(article, title), *_page_link(article)]))
    return Container(items=items, separator=True, spacing="Medium")


def hit_rows(hits: Sequence[SearchHit]) -> list[CardElement]:
    """Each article a search found: title, excerpt, why it matched, and its Open button."""
    return [_article_row(hit.article, [shortened(hit.snippet, SNIPPET), _why(hit)]) for hit in hits]


def search_results_card(
    words: str,
    hits: Sequence[SearchHit],
    *,
    partial: bool = False,
    closest: Sequence[Article] = (),
    can_draft: bool = False,
) -> dict:
    """What `kb <words>` found; `partial`: no article has every term, these have some.

    With no hit, it says so and offers the titles spelled closest, and `kb draft` to whoever
    may draft articles.
    """
    body: list[CardElement] = [heading(f"KB: {shortened(words, 80)}")]
    if not hits:
        body.append(note(f"No article matches “{shortened(words, 80)}”."))
        if closest:
            body.append(note("The closest titles:", subtle=False))
            body.extend(_article_row(article, []) for article in closest)
        if can_draft:
            body.append(
                note("Solved it on a ticket? Draft the article from it: `kb draft BP-<number>`.")
            )
    elif partial:
        body.append(note("No article has all of these words; these have some."))
    body.extend(hit_rows(hits[:MAX_RESULTS]))
    return render(card(body))


def drafts_card(
    profile: Profile,
    drafts: Sequence[Article],
    twins: Mapping[int, Sequence[Article]] | None = None,
) -> dict:
    """The drafts waiting to be published, oldest first; `twins` offers merging (by draft id)."""
    body: list[CardElement] = [heading(f"KB drafts ({len(drafts)})")]
    if not drafts:
        body.append(
            note("No drafts are waiting. Resolved tickets marked worth an article land here.")
        )
    for article in drafts[: MAX_RESULTS * 2]:
        sources = " and ".join(article.source_numbers)
        source = f" · from {sources}" if sources else ""
        since = local_time(profile, article.created_at)
        items: list[CardElement] = [
            TextBlock(text=f"**{article.number}** · {article.content.title}", wrap=True),
            note(f"Drafted {since}{source}"),
            ActionSet(actions=[_open_button(article, "Open draft")]),
            *twin_rows(article, (twins or {}).get(article.id, ())),
        ]
        body.append(Container(items=items, separator=True, spacing="Medium"))
    return render(card(body))


def similar_problems(
    hits: Sequence[SearchHit], *, filed: bool = False, strong: bool = False
) -> list[CardElement]:
    """Solved problems like this one: before filing (strong matches), or beside the filed ticket
    (`strong`: a close match filed at once only because the call is urgent)."""
    if filed and strong:
        title = "Similar solved problems"
        intro = (
            "A close match, shown here because an urgent call is never held up: check it with "
            "the customer while triage picks this up."
        )
    elif filed:
        title = "Solved problems that may be related"
        intro = "Not a close match, but worth a look while triage picks this up."
    else:
        title = "Similar solved problems"
        intro = (
            "These published articles look like this problem: check them with the customer "
            "first. If none fits, press File anyway; everything you typed is kept below."
        )
    items: list[CardElement] = [
        TextBlock(text=title, weight="Bolder", size="Medium", wrap=True),
        note(intro, subtle=False),
        *hit_rows(hits),
    ]
    return [Container(style="emphasis", items=items, spacing="Medium")]
