"""The official Adaptive Card 1.5 schema, with a documented allowance for Teams-only properties.

Teams renders properties the 1.5 schema file does not know. Exactly these are allowed, each
with the only shape Teams documents, wherever the element appears (body, containers,
columns, Show card cards); any other unknown property or value still fails validation:

- `msteams: {"width": "Full"}` on a card: a wide card (the scorecard) uses the chat's width
  (msteams-docs task-modules-and-cards/cards/cards-format.md, "full width").
- `style: "filtered"` on Input.ChoiceSet: a typeahead (msteams-docs
  task-modules-and-cards/cards/dynamic-search.md, "Schema properties").
- `choices.data` on Input.ChoiceSet: a Data.Query with `type`, `dataset` and optionally
  `value`, `count`, `skip`, `associatedInputs` (auto | none): the dynamic typeahead's query,
  answered through the `application/search` invoke (same page, "Data.Query").

The official file stays as published (tests/schemas/README.md); the allowance is applied to a
copy here, so what it adds is read in one place.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema

OFFICIAL = json.loads(
    (Path(__file__).parents[1] / "schemas" / "adaptive-card-1.5.json").read_text()
)

MSTEAMS = {
    "type": "object",
    "properties": {"width": {"enum": ["Full"]}},
    "required": ["width"],
    "additionalProperties": False,
}
DATA_QUERY = {
    "type": "object",
    "properties": {
        "type": {"const": "Data.Query"},
        "dataset": {"type": "string", "minLength": 1},
        "value": {"type": "string"},
        "count": {"type": "number"},
        "skip": {"type": "number"},
        "associatedInputs": {"enum": ["auto", "none"]},
    },
    "required": ["type", "dataset"],
    "additionalProperties": False,
}


def with_teams_allowance(official: dict[str, Any]) -> dict[str, Any]:
    """A copy of the official schema that also accepts exactly the Teams-only properties."""
    schema = copy.deepcopy(official)
    definitions = schema["definitions"]
    definitions["AdaptiveCard"]["properties"]["msteams"] = MSTEAMS
    definitions["Input.ChoiceSet"]["properties"]["choices.data"] = DATA_QUERY
    definitions["ChoiceInputStyle"]["anyOf"].append({"enum": ["filtered"]})
    return schema


SCHEMA = with_teams_allowance(OFFICIAL)


def validate_card(payload: dict[str, Any]) -> None:
    """jsonschema.ValidationError unless the card is valid 1.5 plus the Teams allowance."""
    jsonschema.validate(payload, SCHEMA)
