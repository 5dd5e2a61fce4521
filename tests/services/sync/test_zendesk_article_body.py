"""A knowledge article as a Help Center body and back: the bot's own round-trips, an article
written in Guide is kept whole, and nothing typed becomes markup."""

from __future__ import annotations

from services.knowledge.model import ArticleContent
from services.sync.zendesk.article_body import article_content, article_html

CONTENT = ArticleContent(
    title="Infeed conveyor jams at every film roll change",
    problem="The infeed conveyor jams whenever the film roll is changed.",
    symptoms="Alarm E42.\nThe belt stops.",
    cause="The photo-eye bracket works loose.",
    resolution="Realign the photo-eye & tighten the <bracket> lock nut.",
    machine_models=("BP-500 Wrapper", "BP-510 Wrapper"),
)


def test_the_bots_article_reads_back_as_it_was_written():
    body = article_html(CONTENT)
    assert "<h2>Symptoms</h2><p>Alarm E42.</p><p>The belt stops.</p>" in body
    assert "&lt;bracket&gt;" in body and "<bracket>" not in body
    assert article_content(CONTENT.title, body) == CONTENT


def test_an_article_written_in_guide_is_kept_whole_as_its_problem():
    body = "<h1>Before you start</h1><p>Wear gloves.</p><ul><li>Stop the line</li></ul>"
    read = article_content("  Safety first ", body)
    assert read == ArticleContent(
        title="Safety first", problem="Before you start\nWear gloves.\nStop the line"
    )


def test_text_before_the_headings_leads_the_problem_and_empty_parts_are_left_out():
    body = "<p>Seen on night shift.</p><h2>Problem</h2><p>Film tears.</p><h3>Resolution</h3>x"
    read = article_content("Film tears", body)
    assert (read.problem, read.resolution, read.cause) == (
        "Seen on night shift.\nFilm tears.",
        "x",
        "",
    )
    assert article_html(ArticleContent(title="t", cause="c")) == "<h2>Cause</h2><p>c</p>"
