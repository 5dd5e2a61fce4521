"""HUBSPOT_SENDER_ACTOR_ID: the HubSpot agent the desk writes to customers as, checked at start."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.settings import Settings

TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"


def settings(monkeypatch, **values: str) -> Settings:
    for name in ("HUBSPOT_URL", "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_SENDER_ACTOR_ID"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_an_agent_with_the_token_is_the_sender(monkeypatch):
    chosen = settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN, HUBSPOT_SENDER_ACTOR_ID="A-52779")
    assert chosen.hubspot_sender_actor_id == "A-52779"
    assert settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN).hubspot_sender_actor_id == ""


def test_a_sender_without_hubspot_refuses_to_start_and_names_the_token(monkeypatch):
    with pytest.raises(ValidationError, match="HUBSPOT_ACCESS_TOKEN is missing"):
        settings(monkeypatch, HUBSPOT_SENDER_ACTOR_ID="A-52779")


@pytest.mark.parametrize("actor", ["52779", "V-52779", "A-", "a-52779x", "A-52 779"])
def test_anything_but_an_agent_actor_refuses_to_start(monkeypatch, actor):
    with pytest.raises(ValidationError, match="must be an agent actor id"):
        settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN, HUBSPOT_SENDER_ACTOR_ID=actor)
