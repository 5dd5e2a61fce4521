"""Publishing a knowledge article to the Help Center and reading the locale's articles back."""

from __future__ import annotations

import pytest

from services.clients.zendesk import NewArticle, Rejected

SECTION = 360001234


async def test_an_article_is_created_in_the_profiles_section(zendesk, client):
    zendesk.store.sections[SECTION] = "en-us"

    article = await client.help_center.create_article(
        "en-us", SECTION, NewArticle("Encoder reads zero after a jam", "<p>Reseat...</p>", 7)
    )

    stored = zendesk.store.articles[article.id]
    assert (article.title, article.locale, article.section_id) == (
        "Encoder reads zero after a jam",
        "en-us",
        SECTION,
    )
    assert (stored["permission_group_id"], stored["user_segment_id"]) == (7, None)
    assert zendesk.requests[-1].body["notify_subscribers"] is False
    assert article.html_url and article.html_url.endswith(str(article.id))


async def test_an_unknown_section_is_rejected(zendesk, client):
    with pytest.raises(Rejected) as refused:
        await client.help_center.create_article("en-us", 42, NewArticle("T", "B", 7))

    assert refused.value.status == 404


async def test_a_locale_that_would_change_the_path_is_refused_before_sending(zendesk, client):
    with pytest.raises(ValueError, match="locale"):
        await client.help_center.articles("../tickets")

    assert zendesk.requests == []


async def test_articles_are_read_page_by_page_newest_first(zendesk, client):
    zendesk.store.sections[SECTION] = "en-us"
    for n in range(105):
        zendesk.store.create_article(
            "en-us", SECTION, {"title": f"A{n}", "permission_group_id": 7, "user_segment_id": None}
        )

    first = await client.help_center.articles("en-us")
    second = await client.help_center.articles("en-us", after=first.after_cursor)

    assert (len(first.articles), first.has_more) == (100, True)
    assert (len(second.articles), second.has_more) == (5, False)
    assert first.articles[0].title == "A104"  # the most recently updated
    titles = {a.title for a in first.articles + second.articles}
    assert titles == {f"A{n}" for n in range(105)}
