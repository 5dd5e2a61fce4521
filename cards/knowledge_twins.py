"""Process 7's offer to merge: a draft's twins (same title, other tickets) and a Merge button."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import ActionSet, CardElement, ExecuteAction, TextBlock

from services.knowledge import Article

MERGE = "kb.merge"


def _merge_button(article: Article, twin: Article) -> ExecuteAction:
    data = {"article_id": article.id, "other_id": twin.id}
    return ExecuteAction(
        title=f"Merge with {twin.number}", verb=MERGE, data=data, associated_inputs="none"
    )


def twin_rows(article: Article, twins: Sequence[Article]) -> list[CardElement]:
    """ "Also drafted from BP-1003 (KB-4)" for each twin, with its Merge button."""
    rows: list[CardElement] = []
    for twin in twins:
        tickets = " and ".join(twin.source_numbers)
        rows.append(
            TextBlock(
                text=f"Also drafted from {tickets} ({twin.number}, same title). Merge them "
                f"into one article: the older keeps its title and gets the text of both.",
                wrap=True,
                spacing="Small",
            )
        )
        rows.append(ActionSet(actions=[_merge_button(article, twin)]))
    return rows
