"""Who may change an article, and what publishing needs: pure commands on Article values.

Like the ticket workflow commands, these decide and raise KnowledgeRuleError with a sentence
for the person; the knowledge base (services.knowledge.port) stores what they return.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from services.knowledge.content import ARTICLE_FIELDS, NEEDED_TO_PUBLISH
from services.knowledge.duplicates import merged_content
from services.knowledge.model import Article, ArticleContent, ArticleStatus, KnowledgeRuleError
from services.profile import Capability, Person, Profile


def require_publisher(profile: Profile, actor_id: str, doing: str) -> Person:
    """The acting person, who must hold publish_kb; `doing` reads "publish KB-3"."""
    try:
        person = profile.person(actor_id)
    except KeyError:
        raise KnowledgeRuleError(
            f"Only members of the {profile.company} team can {doing}."
        ) from None
    if not profile.has_capability(person, Capability.PUBLISH_KB):
        names = ", ".join(p.name for p in profile.people_with_capability(Capability.PUBLISH_KB))
        raise KnowledgeRuleError(
            f"Only someone who may publish KB articles ({names or 'nobody on the roster'}) "
            f"can {doing}; {person.name} may not."
        )
    return person


def edit(
    article: Article, content: ArticleContent, actor_id: str, profile: Profile, now: datetime
) -> Article:
    """New wording for a draft or a published article (which stays published)."""
    require_publisher(profile, actor_id, f"edit {article.number}")
    return replace(article, content=content, updated_by=actor_id, updated_at=now)


def publish(
    article: Article, content: ArticleContent, actor_id: str, profile: Profile, now: datetime
) -> Article:
    """Publish a draft with its final wording: from now on search finds it."""
    require_publisher(profile, actor_id, f"publish {article.number}")
    if article.is_published:
        raise KnowledgeRuleError(f"{article.number} is already published; save your changes.")
    missing = [
        spec.label.lower()
        for spec in ARTICLE_FIELDS
        if spec.id in NEEDED_TO_PUBLISH and not getattr(content, spec.id).strip()
    ]
    if missing:
        raise KnowledgeRuleError(
            f"{article.number} cannot be published without its {', '.join(missing)}."
        )
    return replace(
        article,
        content=content,
        status=ArticleStatus.PUBLISHED,
        updated_by=actor_id,
        updated_at=now,
        published_by=actor_id,
        published_at=now,
    )


def merge(
    first: Article, second: Article, actor_id: str, profile: Profile, now: datetime
) -> Article:
    """The older draft with the text and source tickets of both; the newer one goes into it."""
    require_publisher(profile, actor_id, f"merge {first.number} and {second.number}")
    kept, gone = sorted((first, second), key=lambda article: article.id)
    for article in (kept, gone):
        if article.is_published:
            raise KnowledgeRuleError(
                f"{article.number} is published already: only drafts are merged. Edit "
                f"{article.number} to add what the other says."
            )
    if kept.id == gone.id:
        raise KnowledgeRuleError(f"{kept.number} is one draft already.")
    return replace(
        kept,
        content=merged_content(kept.content, gone.content),
        sources=(*kept.sources, *gone.sources),
        updated_by=actor_id,
        updated_at=now,
    )
