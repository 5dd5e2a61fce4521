"""Process 7, documentation & knowledge capture: KB articles drafted from resolved tickets.

Pure pieces decide (content checks, drafting from a ticket, who may publish); the
KnowledgeBase port stores and searches, embedded on the local database by EmbeddedKnowledgeBase.
"""

from services.knowledge.capture import draft_from_ticket, knowledge_step, why_not_draftable
from services.knowledge.content import ARTICLE_FIELDS, check_content, content_values
from services.knowledge.model import (
    Article,
    ArticleContent,
    ArticleStatus,
    KnowledgeRuleError,
    SearchHit,
    StaleArticle,
    article_id,
    article_number,
    names_an_article,
)
from services.knowledge.port import KnowledgeBase
from services.knowledge.repository import EmbeddedKnowledgeBase

__all__ = [
    "ARTICLE_FIELDS",
    "Article",
    "ArticleContent",
    "ArticleStatus",
    "EmbeddedKnowledgeBase",
    "KnowledgeBase",
    "KnowledgeRuleError",
    "SearchHit",
    "StaleArticle",
    "article_id",
    "article_number",
    "check_content",
    "content_values",
    "draft_from_ticket",
    "knowledge_step",
    "names_an_article",
    "why_not_draftable",
]
