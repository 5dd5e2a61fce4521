"""Process 7's article cards: open, edit, save and publish (the whole process:
dialogs.knowledge).

Editing and publishing need publish_kb, from the caller's roster roles (the Feature checks it,
and services.knowledge.rules again); card data only says which article and which version.
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.forms import GENERAL
from cards.knowledge import EDIT, OPEN, PUBLISH, SAVE, article_form_card
from dialogs.knowledge.feature import feature, record_step, visible_article
from dialogs.knowledge.inputs import ArticleInputs, ArticleRef
from dialogs.knowledge.views import article_view, gone_article, reopen_warning
from dialogs.shared.tickets import now, refused
from services.knowledge import (
    Article,
    ArticleContent,
    KnowledgeRuleError,
    StaleArticle,
    check_content,
    rules,
)
from services.profile import Capability
from services.tickets.rules import name_of

PUBLISHED = "Published: `kb` finds it now, and intake suggests it for similar problems."


@feature.action(OPEN, model=ArticleRef)
async def open_article(turn: Turn, data: ArticleRef) -> ActionResult:
    """Post the article as a new message; the card it was opened from stays as it is."""
    # A new message, not a replacement: from the intake form, that would lose what was typed.
    article, problem = await visible_article(turn, data.article_id)
    if article is None:
        return refused(problem or "")
    warning = await reopen_warning(turn, article)
    await turn.send_card(
        await article_view(turn, article, warning=warning), summary=article.content.title
    )
    return ActionResult(message=f"{article.number} is open below.")


@feature.action(EDIT, model=ArticleRef, capability=Capability.PUBLISH_KB)
async def edit_article(turn: Turn, data: ArticleRef) -> ActionResult:
    """Replace the article with its form."""
    article = await turn.services.knowledge.get(data.article_id)
    if article is None:
        return refused(await gone_article(turn, data.article_id))
    return ActionResult(card=article_form_card(turn.services.profile, article))


@feature.action(SAVE, model=ArticleInputs, capability=Capability.PUBLISH_KB)
async def save_article(turn: Turn, data: ArticleInputs) -> ActionResult:
    """Save the wording of a draft (it stays a draft) or of a published article."""
    return await _store(turn, data, publishing=False)


@feature.action(PUBLISH, model=ArticleInputs, capability=Capability.PUBLISH_KB)
async def publish_article(turn: Turn, data: ArticleInputs) -> ActionResult:
    """Publish a draft with the wording on the card; its ticket's timeline records it."""
    return await _store(turn, data, publishing=True)


async def _store(turn: Turn, data: ArticleInputs, *, publishing: bool) -> ActionResult:
    assert turn.caller is not None
    profile, kb = turn.services.profile, turn.services.knowledge
    article = await kb.get(data.article_id)
    if article is None:
        return refused(await gone_article(turn, data.article_id))
    typed = data.typed()
    content, errors = check_content(profile, typed, publishing=publishing)
    if content is None:
        return ActionResult(card=article_form_card(profile, article, typed, errors))
    if article.version != data.version:
        return await _changed_meanwhile(turn, article, typed, content, publishing)
    warning = await reopen_warning(turn, article) if publishing else None
    if warning and not data.confirm_reopened:
        return ActionResult(card=article_form_card(profile, article, typed, warning=warning))
    command = rules.publish if publishing else rules.edit
    try:
        changed = command(article, content, turn.caller.id, profile, now(turn))
        saved = await kb.save(changed, data.version)
    except KnowledgeRuleError as refusal:
        card = article_form_card(profile, article, typed, {GENERAL: str(refusal)})
        return ActionResult(card=card)
    except StaleArticle:  # saved by someone else between our read and our write
        current = await kb.get(article.id)
        if current is None:  # merged into another draft meanwhile
            return refused(await gone_article(turn, article.id))
        return await _changed_meanwhile(turn, current, typed, content, publishing)
    if publishing:
        for number in saved.source_numbers:
            await record_step(turn, number, turn.caller.id, "published", saved)
        return ActionResult(card=await article_view(turn, saved, PUBLISHED))
    if saved.is_published:
        headline = "Saved: search finds the new wording."
    else:
        headline = "Draft saved. Publish it once it reads right."
    return ActionResult(card=await article_view(turn, saved, headline))


async def _changed_meanwhile(
    turn: Turn, current: Article, typed: dict, content: ArticleContent, publishing: bool
) -> ActionResult:
    """The article was saved since this card was drawn: keep what was typed, say by whom."""
    if publishing and current.is_published and current.content == content:
        # A double click on Publish (or a Teams retry): the first one did it.
        return ActionResult(card=await article_view(turn, current, PUBLISHED))
    who = name_of(turn.services.profile, current.updated_by)
    problem = (
        f"{who} changed {current.number} while you were editing it. Your text is below: "
        "save again to replace theirs."
    )
    card = article_form_card(turn.services.profile, current, typed, {GENERAL: problem})
    return ActionResult(card=card)
