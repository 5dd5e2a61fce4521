"""Every card the bot can send is valid Adaptive Card 1.5 and small enough for Teams.

Examples live in tests/cards/examples/<card module>.py, one EXAMPLES dict each, so that a new
card module brings its own examples; the completeness test fails for a builder without one.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import pkgutil

import jsonschema
import pytest

import cards
from cards.people import CallerView, whoami_card
from tests.cards.examples import all_examples
from tests.harness.card_schema import OFFICIAL, validate_card

MAX_BYTES = 40 * 1024  # Teams refuses bot messages over about 100 KB; stay well below

EXAMPLES = all_examples()
# An intake form's typeahead (services' BP Search), as Teams documents it: filtered, Data.Query.
TYPEAHEAD = {
    "type": "Input.ChoiceSet",
    "id": "serial_number",
    "label": "Serial number",
    "choices": [],
    "choices.data": {"type": "Data.Query", "dataset": "bp.machines"},
    "style": "filtered",
}
QUERY = TYPEAHEAD["choices.data"]


def card_builders() -> set[str]:
    """Every public `*_card` function in the cards package."""
    names = set()
    for module_info in pkgutil.iter_modules(cards.__path__):
        module = importlib.import_module(f"cards.{module_info.name}")
        for name, obj in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_card") and obj.__module__ == module.__name__:
                names.add(name)
    return names


def test_every_card_builder_has_an_example():
    assert card_builders() <= set(EXAMPLES), card_builders() - set(EXAMPLES)


@pytest.mark.parametrize(
    "builder",
    [(name, i, make) for name, makes in EXAMPLES.items() for i, make in enumerate(makes)],
    ids=lambda b: f"{b[0]}-{b[1]}",
)
def test_card_is_valid_adaptive_card_1_5_and_small(builder):
    _, _, make = builder
    payload = make()
    validate_card(payload)
    assert payload["version"] == "1.5"
    assert "schema" not in payload
    assert len(json.dumps(payload).encode()) < MAX_BYTES


def test_the_schema_check_would_catch_a_broken_card():
    broken = whoami_card(CallerView("Pat", "29:pat", None))
    broken["body"][0]["size"] = "Enormous"
    with pytest.raises(jsonschema.ValidationError):
        validate_card(broken)


def _card(*elements: dict, **properties) -> dict:
    return {**whoami_card(CallerView("Pat", "29:pat", None)), "body": list(elements), **properties}


def test_the_official_schema_alone_refuses_each_teams_only_property():
    for card in (
        _card(msteams={"width": "Full"}),
        _card(TYPEAHEAD),
        _card({k: v for k, v in TYPEAHEAD.items() if k != "choices.data"}),  # filtered alone
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(card, OFFICIAL)


def test_the_teams_only_properties_are_allowed_wherever_an_element_can_be():
    validate_card(_card(msteams={"width": "Full"}))
    validate_card(_card(TYPEAHEAD))
    in_a_column = {"type": "ColumnSet", "columns": [{"type": "Column", "items": [TYPEAHEAD]}]}
    validate_card(_card({"type": "Container", "items": [in_a_column]}))
    shown = {"type": "Action.ShowCard", "title": "More", "card": _card(TYPEAHEAD)}
    validate_card(_card(actions=[shown]))
    query = {**QUERY, "associatedInputs": "auto", "count": 15, "skip": 0}
    validate_card(_card({**TYPEAHEAD, "choices.data": query}))


@pytest.mark.parametrize(
    "change",
    [
        {"msteams": {"width": "Wide"}},
        {"msteams": {"width": "Full", "entities": []}},
        {"body": [{**TYPEAHEAD, "style": "dropdown"}]},
        {"body": [{**TYPEAHEAD, "choices.data": {"type": "Data.Other", "dataset": "x"}}]},
        {"body": [{**TYPEAHEAD, "choices.data": {"type": "Data.Query"}}]},
        {"body": [{**TYPEAHEAD, "choices.data": {**QUERY, "url": "x"}}]},
        {"body": [{**TYPEAHEAD, "choices.data": {**QUERY, "associatedInputs": "all"}}]},
        {"body": [{**TYPEAHEAD, "choices.more": {"type": "Data.Query", "dataset": "x"}}]},
        {"body": [{"type": "Input.Text", "id": "s", "choices.data": QUERY}]},
        {"body": [{"type": "TextBlock", "text": "hi", "style": "filtered"}]},
    ],
    ids=lambda change: json.dumps(change)[:60],
)
def test_any_other_unknown_property_or_value_still_fails(change):
    card = copy.deepcopy(_card(TYPEAHEAD))
    card.update(change)
    with pytest.raises(jsonschema.ValidationError):
        validate_card(card)
