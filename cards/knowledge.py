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
    TextBlock,
)

from cards.forms import form_inputs
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


def _facts(profile: Profile, article: Article) -> FactSet:
    if article.is_published and article.published_at:
        who = name_of(profile, article.published_by or "")
        status = f"Published by {who}, {local_time(profile, article.published_at)}"
    else:
        status = "Draft: search does not find it until it is published"
    pairs = [
        ("Status", status),
        ("Machine models", ", ".join(article.content.machine_models)),
        ("From ticket", article.source_number or ""),
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
    return render(card(body, [*actions, *_ticket_button(article)]))


def article_form_card(
    profile: Profile,
    article: Article,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    headline: str | None = None,
) -> dict:
    """The article's fields to edit; after a refused save, the same form with errors kept."""
    values = content_values(article.content) if values is None else values
    errors = errors or {}
    state = "Edit" if article.is_published else "Draft"
    body: list[CardElement] = [heading(f"{article.number} · {state}: {article.content.title}")]
    if headline:
        body.append(_headline(headline))
    source = f"Drafted from {article.source_number}. " if article.source_number else ""
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
        publish = ExecuteAction(title="Publish", verb=PUBLISH, data=_ref(article))
        actions.append(publish.model_copy(update={"style": "positive"}))
        actions.append(ExecuteAction(title="Save draft", verb=SAVE, data=_ref(article)))
    return render(card(body, [*actions, *_ticket_button(article)]))


def _hit_rows(hits: Sequence[SearchHit]) -> list[CardElement]:
    rows: list[CardElement] = []
    for hit in hits:
        article = hit.article
        models = ", ".join(article.content.machine_models)
        items: list[CardElement] = [
            TextBlock(text=f"**{article.number}** · {article.content.title}", wrap=True)
        ]
        if hit.snippet:
            items.append(note(shortened(hit.snippet, SNIPPET)))
        if models:
            items.append(note(f"Machine models: {models}"))
        items.append(ActionSet(actions=[_open_button(article)]))
        rows.append(Container(items=items, separator=True, spacing="Medium"))
    return rows


def search_results_card(words: str, hits: Sequence[SearchHit], *, partial: bool = False) -> dict:
    """What `kb <words>` found; `partial`: no article has every word, these have some."""
    body: list[CardElement] = [heading(f"KB: {shortened(words, 80)}")]
    if not hits:
        body.append(note("No published article has these words. Try fewer or other words."))
    elif partial:
        body.append(note("No published article has all of these words; these have some."))
    body.extend(_hit_rows(hits[:MAX_RESULTS]))
    return render(card(body))


def drafts_card(profile: Profile, drafts: Sequence[Article]) -> dict:
    """The drafts waiting to be published, oldest first."""
    body: list[CardElement] = [heading(f"KB drafts ({len(drafts)})")]
    if not drafts:
        body.append(
            note("No drafts are waiting. Resolved tickets marked worth an article land here.")
        )
    for article in drafts[: MAX_RESULTS * 2]:
        source = f" · from {article.source_number}" if article.source_number else ""
        since = local_time(profile, article.created_at)
        items: list[CardElement] = [
            TextBlock(text=f"**{article.number}** · {article.content.title}", wrap=True),
            note(f"Drafted {since}{source}"),
            ActionSet(actions=[_open_button(article, "Open draft")]),
        ]
        body.append(Container(items=items, separator=True, spacing="Medium"))
    return render(card(body))


def similar_problems(hits: Sequence[SearchHit]) -> list[CardElement]:
    """The intake form's "Similar solved problems" section, shown before the ticket is filed."""
    intro = [
        TextBlock(text="Similar solved problems", weight="Bolder", size="Medium", wrap=True),
        note(
            "These published articles look like this problem: check them with the customer "
            "first. If none fits, press File anyway; everything you typed is kept below.",
            subtle=False,
        ),
    ]
    return [Container(style="emphasis", items=[*intro, *_hit_rows(hits)], spacing="Medium")]
