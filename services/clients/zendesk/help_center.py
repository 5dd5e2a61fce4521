"""The Help Center (Zendesk Guide): publish an article, read a locale's articles."""

from __future__ import annotations

from services.clients.zendesk.api import ZendeskApi
from services.clients.zendesk.models import Article, ArticlePage
from services.clients.zendesk.requests import NewArticle

PAGE_SIZE = 100


class HelpCenter:
    """The Help Center Articles API."""

    def __init__(self, api: ZendeskApi) -> None:
        self._api = api

    async def create_article(self, locale: str, section_id: int, article: NewArticle) -> Article:
        """Create an article in a section, without e-mailing the section's subscribers."""
        path = f"/api/v2/help_center/{_locale(locale)}/sections/{int(section_id)}/articles.json"
        body = {"article": article.json(locale), "notify_subscribers": False}
        answer = await self._api.call("POST", path, body=body)
        return Article.model_validate(answer["article"])

    async def section_articles(
        self, locale: str, section_id: int, after: str | None = None
    ) -> ArticlePage:
        """One page of a section's articles, most recently created first (a lost create's
        article is among the first)."""
        path = f"/api/v2/help_center/{_locale(locale)}/sections/{int(section_id)}/articles.json"
        params = {"page[size]": PAGE_SIZE, "sort_by": "created_at", "sort_order": "desc"}
        return await self._page(path, params, after)

    async def articles(self, locale: str, after: str | None = None) -> ArticlePage:
        """One page of the locale's articles, most recently updated first; pass the page's
        `after_cursor` to read the next."""
        params: dict[str, str | int] = {
            "page[size]": PAGE_SIZE,
            "sort_by": "updated_at",
            "sort_order": "desc",
        }
        path = f"/api/v2/help_center/{_locale(locale)}/articles.json"
        return await self._page(path, params, after)

    async def _page(
        self, path: str, params: dict[str, str | int], after: str | None
    ) -> ArticlePage:
        if after:
            params = params | {"page[after]": after}
        answer = await self._api.call("GET", path, params=params)
        meta = answer.get("meta") or {}
        return ArticlePage(
            articles=[Article.model_validate(a) for a in answer.get("articles", [])],
            after_cursor=meta.get("after_cursor"),
            has_more=bool(meta.get("has_more")),
        )


def _locale(locale: str) -> str:
    # The locale is a path segment: refuse anything that would change the path.
    if not locale or not all(c.isalnum() or c == "-" for c in locale):
        raise ValueError(f"not a Help Center locale: {locale!r}")
    return locale.lower()
