"""Every key the shipped profiles write is one a profile model consumes, and typos are errors."""

import tomllib
from collections.abc import Iterator
from types import UnionType
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from services.profile import Profile, shipped_profiles
from services.profile.loader import SHIPPED


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The profile model an annotation holds: itself, or inside Optional, tuple or Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, UnionType, tuple) or hasattr(annotation, "__metadata__"):
        found = [model_in(arg) for arg in get_args(annotation) if arg is not Ellipsis]
        return next((model for model in found if model is not None), None)
    return None


def models(root: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """`root` and every model its fields hold, each once."""
    seen, todo = set(), [root]
    while todo:
        model = todo.pop()
        if model not in seen:
            seen.add(model)
            yield model
            todo += [m for f in model.model_fields.values() if (m := model_in(f.annotation))]


def unconsumed(model: type[BaseModel], data: dict[str, Any], path: str) -> Iterator[str]:
    """The key paths in `data` that no field of `model` (or of the models it holds) reads."""
    for key, value in data.items():
        where = f"{path}.{key}" if path else key
        field = model.model_fields.get(key)
        if field is None:
            yield where
            continue
        inner = model_in(field.annotation)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if inner is not None and isinstance(item, dict):
                at = f"{where}[{i}]" if isinstance(value, list) else where
                yield from unconsumed(inner, item, at)


@pytest.mark.parametrize("name", shipped_profiles())
def test_every_key_of_a_shipped_profile_is_read_by_a_profile_model(name: str) -> None:
    data = tomllib.loads((SHIPPED / f"{name}.toml").read_text(encoding="utf-8"))
    assert list(unconsumed(Profile, data, "")) == []


def test_every_profile_model_refuses_keys_it_does_not_know() -> None:
    lax = [m.__name__ for m in models(Profile) if m.model_config.get("extra") != "forbid"]
    assert lax == []


def test_the_walk_finds_a_key_nothing_reads() -> None:
    data = {"closure": {"auto_close_from": ["resolved"], "remind_by_fax": True}, "mood": "calm"}
    assert list(unconsumed(Profile, data, "")) == ["closure.remind_by_fax", "mood"]
    holidays = {"business_hours": {"holidays": [{"date": "2026-12-25", "why": "Christmas"}]}}
    assert list(unconsumed(Profile, holidays, "")) == ["business_hours.holidays[0].why"]
