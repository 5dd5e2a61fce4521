"""Search invokes routed to the features that register them: a card's typeahead
(`application/search`) and a message extension's search box (`composeExtension/query`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from botbuilder.schema import Attachment
from botbuilder.schema.teams import MessagingExtensionAttachment

from bot.commands import core
from bot.router import Feature, Router
from bot.search import ExtensionQuery, SearchChoice, SearchQuery
from bot.search_dispatch import extension_results
from bot.turn import Turn
from services.settings import Settings
from tests.harness import activities as act
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.search import choices, extension_answer

HUES = ("red", "green", "blue", "cyan", "magenta", "yellow")
COLOURS = [f"{shade} {hue}" for shade in ("light", "dark", "pale") for hue in HUES]
finder = Feature("finder-for-tests")
asked: list[SearchQuery | ExtensionQuery] = []


@finder.search("colours")
async def colours(turn: Turn, query: SearchQuery) -> list[SearchChoice]:
    """Colours containing the typed text, ignoring how many Teams asked for (the router cuts)."""
    asked.append(query)
    hits = [c for c in COLOURS if query.text.lower() in c]
    return [SearchChoice(title=c.title(), value=c.replace(" ", "-")) for c in hits * 3]


@finder.search("budgets", capability="approve_non_billable")
async def budgets(turn: Turn, query: SearchQuery) -> list[SearchChoice]:
    """Only the engineering manager searches budgets."""
    asked.append(query)
    return [SearchChoice(title=f"Budget for {turn.caller.name}", value="b-1")]


@finder.search("broken")
async def broken(turn: Turn, query: SearchQuery) -> list[SearchChoice]:
    """A search whose source fails in a way nobody foresaw."""
    raise RuntimeError("the source fell over")


@finder.extension("findColour")
async def find_colour(turn: Turn, query: ExtensionQuery):
    """One result card per matching colour, each with the preview Teams lists."""
    asked.append(query)
    hits = [c for c in COLOURS if query.text.lower() in c] if query.text else COLOURS[:2]
    return extension_results(
        MessagingExtensionAttachment(
            content_type="application/vnd.microsoft.card.adaptive",
            content={"type": "AdaptiveCard", "version": "1.5", "body": []},
            preview=Attachment(
                content_type="application/vnd.microsoft.card.thumbnail", content={"title": c}
            ),
        )
        for c in hits * 5
    )


@pytest.fixture
async def finder_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """A desk with the test searches registered beside the core feature."""
    asked.clear()
    running = Desk(settings, connector, features=[core, finder])
    await running.start()
    yield running
    await running.close()


async def test_typing_in_a_typeahead_lists_what_the_dataset_finds(finder_desk: Desk):
    mary = finder_desk.user("Mary")
    answer = await mary.types_in("colours", "  dark r ")
    assert choices(answer) == [("Dark Red", "dark-red")] * 3
    assert answer.body["statusCode"] == 200
    assert asked[-1].text == "dark r", "the handler gets the text stripped"
    assert answer.sent == [], "a typeahead is answered in the invoke, nothing is posted"


async def test_a_typeahead_answers_at_most_15_however_many_are_asked_for(finder_desk: Desk):
    mary = finder_desk.user("Mary")
    answer = await mary.types_in("colours", "e", top=200)
    assert len(choices(answer)) == 15
    assert asked[-1].top == 15
    fewer = await mary.types_in("colours", "e", top=4, skip=3)
    assert len(choices(fewer)) == 4
    assert (asked[-1].top, asked[-1].skip) == (4, 3)


async def test_the_card_s_other_inputs_reach_the_search(finder_desk: Desk):
    mary = finder_desk.user("Mary")
    await mary.types_in("colours", "red", company="Acme Foods")
    assert asked[-1].inputs == {"company": "Acme Foods"}


async def test_a_huge_or_malformed_query_gets_an_empty_list_and_searches_nothing(
    finder_desk: Desk,
):
    mary = finder_desk.user("Mary")
    assert choices(await mary.types_in("colours", "r" * 256)) == []
    assert choices(await mary.types_in("colours", "r" * 200_000)) == []
    bad = act.search_invoke(mary.user, "colours", "red", finder_desk.service_url)
    bad["value"]["queryOptions"] = {"skip": -1, "top": "lots"}
    assert choices(await mary.posts(bad)) == []
    bad["value"] = "red"
    assert choices(await mary.posts(bad)) == []
    assert asked == []
    assert len(choices(await mary.types_in("colours", "r" * 255))) == 0  # the longest allowed
    assert len(asked) == 1


async def test_an_unknown_dataset_gets_a_clear_empty_answer(finder_desk: Desk):
    answer = await finder_desk.user("Mary").types_in("bp.nothing", "red")
    assert answer.status == 200 and choices(answer) == []


async def test_strangers_and_people_without_the_capability_get_nothing_not_an_error(
    finder_desk: Desk,
):
    stranger = finder_desk.user("Pat Doe", known_to_teams=False)
    assert choices(await stranger.types_in("colours", "red")) == []
    assert extension_answer(await stranger.searches_extension("findColour", "red")) == {
        "type": "result",
        "attachmentLayout": "list",
        "attachments": [],
    }
    assert choices(await finder_desk.user("Jordan").types_in("budgets", "b")) == []
    assert asked == []
    allison = finder_desk.user("Allison")
    assert choices(await allison.types_in("budgets", "b")) == [("Budget for Allison", "b-1")]


async def test_a_search_that_breaks_still_answers_an_empty_list(finder_desk: Desk):
    answer = await finder_desk.user("Mary").types_in("broken", "red")
    assert answer.status == 200 and choices(answer) == []


async def test_a_message_extension_search_lists_result_cards_with_previews(finder_desk: Desk):
    kevin = finder_desk.user("Kevin")
    answer = extension_answer(await kevin.searches_extension("findColour", "cyan", count=40))
    assert (answer["type"], answer["attachmentLayout"]) == ("result", "list")
    assert len(answer["attachments"]) == 15  # three cyans, five times each
    first = answer["attachments"][0]
    assert first["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert first["preview"]["content"] == {"title": "light cyan"}
    assert (asked[-1].text, asked[-1].count, asked[-1].initial_run) == ("cyan", 25, False)
    many = extension_answer(await kevin.searches_extension("findColour", "e"))
    assert len(many["attachments"]) == 25, "one page, whatever the handler returns"


async def test_opening_the_extension_runs_its_initial_query(finder_desk: Desk):
    answer = await finder_desk.user("Kevin").searches_extension("findColour")
    assert len(extension_answer(answer)["attachments"]) == 10
    assert (asked[-1].text, asked[-1].initial_run) == ("", True)


async def test_the_extension_says_why_when_it_cannot_search(finder_desk: Desk):
    kevin = finder_desk.user("Kevin")
    unknown = extension_answer(await kevin.searches_extension("findPlanet", "mars"))
    assert unknown["type"] == "message" and "not available" in unknown["text"]
    long = extension_answer(await kevin.searches_extension("findColour", "x" * 300))
    assert long == {
        "type": "message",
        "text": "That search is too long: type at most 255 characters.",
    }
    assert asked == []


async def test_two_features_claiming_one_dataset_or_command_fail_at_start_up():
    again = Feature("again")
    again.search("colours")(colours)
    with pytest.raises(ValueError, match="search dataset 'colours' is registered twice"):
        Router([finder, again])
    other = Feature("other")
    other.extension("findColour")(find_colour)
    with pytest.raises(ValueError, match="extension command 'findColour' is registered twice"):
        Router([finder, other])
