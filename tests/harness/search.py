"""Reading what the bot answers to search invokes (typeahead and message extension)."""

from __future__ import annotations

from tests.harness.desk import Answer

SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"


def choices(answer: Answer) -> list[tuple[str, str]]:
    """A typeahead answer's (title, value) options, after checking its shape is Teams'."""
    assert answer.status == 200, answer
    assert answer.body["type"] == SEARCH_RESPONSE, answer.body
    return [(r["title"], r["value"]) for r in answer.body["value"]["results"]]


def extension_answer(answer: Answer) -> dict:
    """A message extension answer's `composeExtension` object."""
    assert answer.status == 200, answer
    return answer.body["composeExtension"]
