"""What search invokes carry and what their handlers get and give back.

Two invokes search: `application/search` (a typeahead: an Input.ChoiceSet with `style: filtered`
and `choices.data` of type Data.Query) and `composeExtension/query` (a search-based message
extension). Their values are written by the client: the models below bound every field, and
what a handler receives is already cut to what Teams can show.

Shapes: msteams-docs task-modules-and-cards/cards/dynamic-search.md (typeahead) and
messaging-extensions/how-to/search-commands/respond-to-search.md (message extension).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from services.forms.bounds import INPUTS, KEY, LINE, FormAnswer

MOST_CHOICES = 15  # Teams shows at most 15 options in a typeahead's dropdown
MOST_RESULTS = 25  # a message extension's page: what Teams asks for (queryOptions.count)
MOST_SKIPPED = 1_000  # paging further than this is not a person looking for a machine
SEARCH_TEXT = LINE  # the longest text worth searching: a company name, at most one line
PARAMETERS = 8  # a message extension command's parameters: the manifest allows a handful

Skip = Annotated[int, Field(ge=0, le=MOST_SKIPPED)]
Page = Annotated[int, Field(ge=0, le=10 * MOST_RESULTS)]  # clamped further by the router


class _Wire(BaseModel):
    # Teams adds properties over time (kind, context): unknown ones are ignored, never kept.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class SearchOptions(_Wire):
    """A typeahead's paging: how many to skip, how many Teams asks for."""

    skip: Skip = 0
    top: Page = MOST_CHOICES


class SearchInvokeValue(_Wire):
    """The value of an `application/search` invoke."""

    query_text: Annotated[str, Field(max_length=100_000)] = Field("", alias="queryText")
    dataset: Annotated[str, Field(max_length=KEY)] = ""
    query_options: SearchOptions = Field(default_factory=SearchOptions, alias="queryOptions")
    # The card's other inputs, when its Data.Query has `associatedInputs: auto`.
    data: Annotated[dict[str, FormAnswer], Field(max_length=INPUTS)] | None = None


class ExtensionParameter(_Wire):
    """One parameter of a message extension query, as the manifest names it."""

    name: Annotated[str, Field(max_length=KEY)]
    value: Annotated[str, Field(max_length=100_000)] | None = None


class ExtensionOptions(_Wire):
    """A message extension query's paging."""

    skip: Skip = 0
    count: Page = MOST_RESULTS


class ExtensionQueryValue(_Wire):
    """The value of a `composeExtension/query` invoke."""

    command_id: Annotated[str, Field(max_length=KEY)] = Field("", alias="commandId")
    parameters: Annotated[list[ExtensionParameter], Field(max_length=PARAMETERS)] = []
    query_options: ExtensionOptions = Field(default_factory=ExtensionOptions, alias="queryOptions")


@dataclass(frozen=True)
class SearchChoice:
    """One option of a typeahead: what the person sees, and what the input sends back."""

    title: str
    value: str


@dataclass(frozen=True)
class SearchQuery:
    """A typeahead query as its handler gets it: text stripped and within SEARCH_TEXT."""

    dataset: str
    text: str
    skip: int = 0
    top: int = MOST_CHOICES  # never above MOST_CHOICES
    inputs: dict[str, Any] = field(default_factory=dict)  # associated inputs, if any


@dataclass(frozen=True)
class ExtensionQuery:
    """A message extension query as its handler gets it.

    `text` is what the person typed in the search box (the first parameter that is not Teams'
    `initialRun`); `initial_run` is true when the box was just opened and nothing is typed.
    """

    command_id: str
    text: str
    initial_run: bool = False
    parameters: dict[str, str] = field(default_factory=dict)
    skip: int = 0
    count: int = MOST_RESULTS  # never above MOST_RESULTS
