"""Harvest is on with HARVEST_ACCOUNT_ID and HARVEST_TOKEN, off with neither, and refuses to start
half set or without the User-Agent Harvest requires."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.settings import Settings

AGENT = "Support Desk (support-it@example.com)"
FULL = {"HARVEST_ACCOUNT_ID": "123456", "HARVEST_TOKEN": "2284577.pt.secret-token"}
NAMES = (*FULL, "HARVEST_URL", "HARVEST_USER_AGENT")


def settings(monkeypatch, **values: str) -> Settings:
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_no_harvest_settings_keep_harvest_off(monkeypatch):
    assert settings(monkeypatch).harvest is None
    assert settings(monkeypatch, HARVEST_USER_AGENT=AGENT).harvest is None


def test_both_turn_harvest_on_with_the_headers_harvest_wants(monkeypatch):
    config = settings(monkeypatch, **FULL, HARVEST_USER_AGENT=AGENT).harvest
    assert config is not None
    assert config.base_url == "https://api.harvestapp.com"
    assert config.headers() == {
        "Authorization": "Bearer 2284577.pt.secret-token",
        "Harvest-Account-Id": "123456",
        "User-Agent": AGENT,
        "Accept": "application/json",
    }
    assert "secret-token" not in repr(config)


@pytest.mark.parametrize("left_out", list(FULL))
def test_a_half_set_configuration_names_what_is_missing_and_no_token(monkeypatch, left_out):
    given = {name: value for name, value in FULL.items() if name != left_out}
    with pytest.raises(ValidationError, match=f"{left_out} is missing") as refused:
        settings(monkeypatch, **given, HARVEST_USER_AGENT=AGENT)
    assert "secret-token" not in str(refused.value)


def test_harvest_without_a_user_agent_refuses_to_start_and_says_why(monkeypatch):
    with pytest.raises(ValidationError) as refused:
        settings(monkeypatch, **FULL)
    assert "HARVEST_USER_AGENT is missing (Harvest refuses requests without a User-Agent" in str(
        refused.value
    )


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("HARVEST_USER_AGENT", "Support Desk", "must name the app and a contact"),
        ("HARVEST_USER_AGENT", "(it@example.com)", "must name the app and a contact"),
        ("HARVEST_ACCOUNT_ID", "acme", "must be the account's number"),
        ("HARVEST_TOKEN", "Bearer 2284577.pt.x", "must be the token alone"),
        ("HARVEST_URL", "http://api.harvestapp.com", "must use https"),
        ("HARVEST_URL", "https://api.harvestapp.com/v2", "is the host only"),
    ],
)
def test_values_harvest_would_refuse_on_every_request_stop_the_start(
    monkeypatch, name, value, problem
):
    values = {**FULL, "HARVEST_USER_AGENT": AGENT, name: value}
    with pytest.raises(ValidationError, match=problem):
        settings(monkeypatch, **values)


def test_a_link_is_a_contact_too_and_a_local_fake_may_use_http(monkeypatch):
    agent = "Support Desk (https://desk.example.com/contact)"
    values = {**FULL, "HARVEST_USER_AGENT": agent, "HARVEST_URL": "http://127.0.0.1:8123/"}
    config = settings(monkeypatch, **values).harvest
    assert config is not None
    assert (config.base_url, config.user_agent) == ("http://127.0.0.1:8123", agent)
