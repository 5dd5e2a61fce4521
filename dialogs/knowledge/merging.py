"""Process 7's merge: two drafts of one problem from different tickets become one article.

Offered on a draft's card and in `kb drafts` (cards.knowledge_twins) to those who may publish
(publish_kb, from the caller's roster roles); the card names only the two drafts. The older
draft stays with the text of both and both tickets; the newer one is merged into it, and old
cards that name it say where it went.
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.knowledge_twins import MERGE
from dialogs.knowledge.feature import feature, record_step
from dialogs.knowledge.inputs import MergeRef
from dialogs.knowledge.views import article_view, gone_article
from dialogs.shared.tickets import now, refused
from services.knowledge import KnowledgeRuleError, StaleArticle, rules
from services.profile import Capability


@feature.action(MERGE, model=MergeRef, capability=Capability.PUBLISH_KB)
async def merge_drafts(turn: Turn, data: MergeRef) -> ActionResult:
    """Merge two drafts into the older, on the tickets' timelines; the result replaces the card."""
    assert turn.caller is not None
    kb = turn.services.knowledge
    pair = []
    for article_id in (data.article_id, data.other_id):
        article = await kb.get(article_id)
        if article is None:
            return refused(await gone_article(turn, article_id))
        pair.append(article)
    try:
        kept = rules.merge(*pair, turn.caller.id, turn.services.profile, now(turn))
        before, gone = pair if pair[0].id == kept.id else reversed(pair)
        merged = await kb.merge(kept, before.version, gone)
    except KnowledgeRuleError as refusal:
        return refused(str(refusal))
    except StaleArticle:
        numbers = " and ".join(article.number for article in pair)
        return refused(
            f"{numbers} changed while you were merging them: nothing was merged. Open "
            "`kb drafts` to see them as they are now."
        )
    for number in merged.source_numbers:
        await record_step(turn, number, turn.caller.id, "merged", merged, merged=gone)
    tickets = " and ".join(merged.source_numbers)
    headline = (
        f"Merged {gone.number} into {merged.number}: one draft from {tickets} with the text of "
        "both. Check it, then publish it."
    )
    return ActionResult(card=await article_view(turn, merged, headline))
