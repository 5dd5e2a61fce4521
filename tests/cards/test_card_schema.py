"""Every card the bot can send is valid Adaptive Card 1.5 and small enough for Teams."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import jsonschema
import pytest

import cards
from cards.help import HelpEntry, help_card
from cards.people import CallerView, whoami_card

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "adaptive-card-1.5.json").read_text())
MAX_BYTES = 40 * 1024  # Teams refuses bot messages over about 100 KB; stay well below

LONG = "Conveyor jams at the infeed when the film roll changes. " * 20

# One or more realistic renderings per card builder; the completeness test below makes sure
# a new builder cannot ship without being added here.
EXAMPLES = {
    "help_card": [
        lambda: help_card(
            "Hi Mary.",
            [HelpEntry(f"cmd{i} <n>", LONG[:120], f"cmd{i}") for i in range(30)],
            on_roster=True,
        ),
        lambda: help_card("Hello!", [HelpEntry("help", "Show help")], on_roster=False),
    ],
    "whoami_card": [
        lambda: whoami_card(CallerView("Pat", "29:pat", None)),
        lambda: whoami_card(
            CallerView(
                "Kevin",
                "29:k",
                "5e1f6a0c-1111-4222-8333-944455556666",
                "Kevin",
                "Controls Engineer",
                "kevin@bestpack.example",
                ("Engineer",),
                ("PLC",),
                ("work_tickets",),
            )
        ),
    ],
}


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
    jsonschema.validate(payload, SCHEMA)
    assert payload["version"] == "1.5"
    assert "schema" not in payload
    assert len(json.dumps(payload).encode()) < MAX_BYTES


def test_the_schema_check_would_catch_a_broken_card():
    broken = whoami_card(CallerView("Pat", "29:pat", None))
    broken["body"][0]["size"] = "Enormous"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
