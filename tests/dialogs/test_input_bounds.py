"""Every card verb parses its data into a model whose every field is bounded: a new text field
without a length limit, or a number without a range, fails here before it reaches a ticket."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.router import CardAction
from dialogs import desk_features
from services.forms.bounds import INPUTS, TEXT, FormInputs, LongText, Minutes

ACTIONS = [action for feature in desk_features() for action in feature.actions]


def unbounded(schema: dict[str, Any], defs: dict[str, Any], where: str) -> list[str]:
    """The places in a JSON schema where a string, number, list or mapping has no limit."""
    if "$ref" in schema:
        return unbounded(defs[schema["$ref"].rsplit("/", 1)[-1]], defs, where)
    found = []
    for branch in schema.get("anyOf", []) + schema.get("allOf", []):
        found += unbounded(branch, defs, where)
    kind = schema.get("type")
    if kind == "string" and "maxLength" not in schema and "enum" not in schema:
        found.append(f"{where}: text without maxLength")
    if kind in ("integer", "number") and not {"minimum", "maximum"} <= set(schema):
        found.append(f"{where}: number without minimum and maximum")
    if kind == "array":
        if "maxItems" not in schema:
            found.append(f"{where}: list without maxItems")
        found += unbounded(schema.get("items", {}), defs, f"{where}[]")
    if kind == "object" or "properties" in schema:
        for name, field in schema.get("properties", {}).items():
            found += unbounded(field, defs, f"{where}.{name}")
        extra = schema.get("additionalProperties", False)
        if extra is not False:
            if "maxProperties" not in schema:
                found.append(f"{where}: any number of inputs (no maxProperties)")
            found += unbounded(
                extra if isinstance(extra, dict) else {"type": "string"}, defs, f"{where}.*"
            )
    return found


def problems(model: type[BaseModel]) -> list[str]:
    """What in the model lets card data through unbounded."""
    schema = model.model_json_schema(mode="validation")
    return unbounded(schema, schema.get("$defs", {}), model.__name__)


def test_the_registry_has_card_verbs_to_check():
    assert len(ACTIONS) > 30


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.verb)
def test_every_card_verb_bounds_every_field_of_its_data(action: CardAction):
    assert problems(action.model) == []


def test_the_check_catches_a_field_without_a_bound():
    class Careless(BaseModel):
        note: str
        minutes: int | None = None
        tags: list[str] = []

    class Open(BaseModel):
        model_config = ConfigDict(extra="allow")

    assert problems(Careless) == [
        "Careless.note: text without maxLength",
        "Careless.minutes: number without minimum and maximum",
        "Careless.tags: list without maxItems",
        "Careless.tags[]: text without maxLength",
    ]
    assert problems(Open) == [
        "Open: any number of inputs (no maxProperties)",
        "Open.*: text without maxLength",
    ]


class Note(FormInputs):
    body: LongText = ""
    minutes: Minutes | None = None


def refusal(data: dict[str, Any]) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as refused:
        Note.model_validate(data)
    return [(e["loc"], e["msg"]) for e in refused.value.errors()]


def test_the_bounds_are_enforced_with_words_a_person_acts_on():
    assert refusal({"body": "x" * (TEXT + 1)}) == [
        (("body",), "Keep it to 4,000 characters (this has 4,001).")
    ]
    assert refusal({"minutes": 3_000_000_000}) == [
        (("minutes",), "Enter the minutes worked as a whole number from 1 to 1,440.")
    ]
    assert refusal({"site": "y" * 900_000}) == [
        (("site",), "Keep it to 4,000 characters (this has 900,000).")
    ]
    assert refusal({"quantity": float("inf")}) == [
        (("quantity",), "Send text, a number or yes/no.")
    ]
    assert refusal({f"input{i}": "a" for i in range(INPUTS + 1)}) == [
        ((), "A form has at most 64 inputs.")
    ]
    kept = Note.model_validate({"body": "x" * TEXT, "minutes": "1440", "site": "Newark"})
    assert (len(kept.body), kept.minutes, kept.answers) == (TEXT, 1440, {"site": "Newark"})
