"""The Help Center mirror: Zendesk Guide's published articles copied into the local knowledge
base, so `kb` and intake's similar problems search locally and never wait on Zendesk.

Each run reads the locale's articles newest-updated first and stops at the stored cursor (the
newest updated_at the last run saw; articles updated at that very second are read again, and
applying one twice changes nothing). A lease on the cursor row keeps a second replica out.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from services.clients.zendesk import ZendeskClient
from services.clients.zendesk.models import Article as HelpCenterArticle
from services.knowledge.remote import RemoteArticle, RemoteCopies
from services.sync.inbox import CursorLease
from services.sync.zendesk.article_body import article_content

log = logging.getLogger(__name__)

SYSTEM = "zendesk_help_center"  # the cursor's row in sync_cursors
MAX_PAGES = 20  # 2,000 articles a run; the first run of a bigger Help Center logs it
LEASE = timedelta(minutes=5)


async def mirror(
    client: ZendeskClient, locale: str, copies: RemoteCopies, lease: CursorLease, now: datetime
) -> str:
    """Copy what changed in the Help Center since the last run; a line for the job's record."""
    if not await lease.take(now, LEASE):
        return "another replica is mirroring the Help Center"
    read = changed = 0
    try:
        stored = await lease.cursor()
        since = datetime.fromisoformat(stored) if stored else None
        newest, after = since, None
        for _ in range(MAX_PAGES):
            page = await client.help_center.articles(locale, after)
            for article in page.articles:
                if article.updated_at is None:
                    continue
                if since is not None and article.updated_at < since:
                    break  # older than the last run's newest: already mirrored
                read += 1
                newest = max(newest or article.updated_at, article.updated_at)
                changed += await _apply(copies, article, now)
            else:
                if page.has_more and page.after_cursor:
                    after = page.after_cursor
                    continue
            break
        else:
            log.warning(
                "Help Center mirror: more than %s pages changed; read the newest", MAX_PAGES
            )
        if newest is not None and newest != since:
            await lease.move(newest.isoformat(), now)
    finally:
        await lease.release()
    return f"{read} articles read, {changed} changed"


async def _apply(copies: RemoteCopies, article: HelpCenterArticle, now: datetime) -> bool:
    """Mirror one article; a draft (not published in Zendesk) is left out."""
    if article.draft or article.updated_at is None:
        return False
    remote = RemoteArticle(
        str(article.id),
        article_content(article.title, article.body),
        article.html_url,
        article.updated_at,
    )
    return await copies.apply(remote, now)
