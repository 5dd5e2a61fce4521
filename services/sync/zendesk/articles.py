"""Published knowledge articles to Zendesk Guide: one Help Center article each, never two.

A queued "publish_article" names the local article; the publisher reads it as it is when sent.
It creates the article in the profile's [zendesk.help_center] section and stores its id and
page on the local article. Before creating, it looks in the section for an article of the same
title by the API user that no local article is yet (a create whose answer was lost, or a replica
that died before storing the id), so a retry adopts that one instead of creating a second.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from services.clients.zendesk import NewArticle, ZendeskClient
from services.clients.zendesk.models import Article as HelpCenterArticle
from services.knowledge.model import Article
from services.knowledge.port import KnowledgeBase
from services.knowledge.remote import RemoteArticle, RemoteCopies
from services.profile.zendesk import HelpCenter
from services.sync.model import Outcome, Rejected, Sent, SyncChange
from services.sync.zendesk.article_body import article_content, article_html

log = logging.getLogger(__name__)
LOOKUP_PAGES = 3  # the newest 300 articles of the section: a lost create is among them


class ArticlePublisher:
    """Carries published articles to one Help Center section."""

    def __init__(
        self,
        client: ZendeskClient,
        help_center: HelpCenter,
        knowledge: KnowledgeBase,
        copies: RemoteCopies,
    ) -> None:
        self._client, self._where = client, help_center
        self._knowledge, self._copies = knowledge, copies
        self._api_user: int | None = None

    async def send(self, change: SyncChange) -> Outcome:
        """Create the article's Help Center copy unless it has one; ZendeskError propagates."""
        article = await self._knowledge.get(int(change.payload["article_id"]))
        if article is None or not article.is_published:
            return Rejected(f"{change.record_key} is no longer a published article")
        if article.remote_id:
            return Sent({change.id: article.remote_id})  # sent before; "sent" was not stored
        found = await self._earlier_copy(article) or await self._create(article)
        copy = _remote(found)
        await self._copies.link(article.id, copy)
        log.info("zendesk: %s is Help Center article %s", article.number, found.id)
        return Sent({change.id: copy.remote_id})

    async def _create(self, article: Article) -> HelpCenterArticle:
        where = self._where
        new = NewArticle(
            title=article.content.title,
            body=article_html(article.content),
            permission_group_id=where.permission_group_id,
            user_segment_id=where.user_segment_id,
        )
        return await self._client.help_center.create_article(where.locale, where.section_id, new)

    async def _earlier_copy(self, article: Article) -> HelpCenterArticle | None:
        """An article of this title the API user created in the section, not yet anyone's."""
        me = await self._me()
        after: str | None = None
        for _ in range(LOOKUP_PAGES):
            page = await self._client.help_center.section_articles(
                self._where.locale, self._where.section_id, after
            )
            same = [
                a
                for a in page.articles
                if a.title.strip() == article.content.title.strip() and a.author_id == me
            ]
            taken = await self._copies.linked_ids([str(a.id) for a in same]) if same else set()
            free = [a for a in same if str(a.id) not in taken]
            if free:
                return min(free, key=lambda a: a.id)
            if not page.has_more or not page.after_cursor:
                return None
            after = page.after_cursor
        return None

    async def _me(self) -> int:
        if self._api_user is None:
            self._api_user = (await self._client.account.me()).id
        return self._api_user


def _remote(found: HelpCenterArticle) -> RemoteArticle:
    updated = found.updated_at or datetime.now(UTC)
    return RemoteArticle(
        str(found.id), article_content(found.title, found.body), found.html_url, updated
    )
