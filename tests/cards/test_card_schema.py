"""Every card the bot can send is valid Adaptive Card 1.5 and small enough for Teams.

Examples live in tests/cards/examples/<card module>.py, one EXAMPLES dict each, so that a new
card module brings its own examples; the completeness test fails for a builder without one.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import jsonschema
import pytest

import cards
from cards.people import CallerView, whoami_card
from tests.cards.examples import all_examples

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "adaptive-card-1.5.json").read_text())
MAX_BYTES = 40 * 1024  # Teams refuses bot messages over about 100 KB; stay well below


# Teams-only card properties the official 1.5 schema does not know, allowed by exact value:
# `msteams.width: Full` lets a wide card (the scorecard) use the chat's full width. Nothing
# else is stripped, so any other `msteams` key, or another width, still fails validation.
TEAMS_ONLY = {"msteams": {"width": "Full"}}

EXAMPLES = all_examples()


def for_the_schema(payload: dict) -> dict:
    """The card without the Teams-only properties in TEAMS_ONLY, for the 1.5 schema."""
    return {k: v for k, v in payload.items() if k not in TEAMS_ONLY or v != TEAMS_ONLY[k]}


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
    jsonschema.validate(for_the_schema(payload), SCHEMA)
    assert payload["version"] == "1.5"
    assert "schema" not in payload
    assert len(json.dumps(payload).encode()) < MAX_BYTES


def test_the_schema_check_would_catch_a_broken_card():
    broken = whoami_card(CallerView("Pat", "29:pat", None))
    broken["body"][0]["size"] = "Enormous"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_only_the_documented_teams_property_is_allowed():
    wide = {**whoami_card(CallerView("Pat", "29:pat", None)), **TEAMS_ONLY}
    jsonschema.validate(for_the_schema(wide), SCHEMA)
    for other in ({"width": "Wide"}, {"width": "Full", "entities": []}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(for_the_schema({**wide, "msteams": other}), SCHEMA)
