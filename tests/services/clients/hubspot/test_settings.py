"""HubSpot is on with its access token, off without, and refuses to start with only a URL."""

from __future__ import annotations

import logging

import pytest
from pydantic import ValidationError

from services.settings import Settings

TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
SECRET = "6f1c2a9e-3b7d-4e58-a0c4-9d2b7e1f5a83"


def settings(monkeypatch, **values: str) -> Settings:
    for name in ("HUBSPOT_URL", "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_no_hubspot_settings_keep_hubspot_off(monkeypatch):
    assert settings(monkeypatch).hubspot is None


def test_the_token_alone_turns_hubspot_on_at_its_public_host(monkeypatch):
    config = settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN).hubspot

    assert config is not None
    assert config.base_url == "https://api.hubapi.com"
    assert config.authorization() == f"Bearer {TOKEN}"


def test_a_url_without_a_token_refuses_to_start_and_names_the_token(monkeypatch):
    with pytest.raises(ValidationError, match="HUBSPOT_ACCESS_TOKEN is missing"):
        settings(monkeypatch, HUBSPOT_URL="https://api.hubapi.com")


def test_a_url_with_the_token_is_used_without_its_trailing_slash(monkeypatch):
    proxy = "https://hubspot-proxy.bestpack.example/"
    config = settings(monkeypatch, HUBSPOT_URL=proxy, HUBSPOT_ACCESS_TOKEN=TOKEN).hubspot

    assert config is not None and config.base_url == "https://hubspot-proxy.bestpack.example"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("api.hubapi.com", "must look like"),
        ("http://api.hubapi.com", "must use https"),
        ("https://api.hubapi.com/?portal=1", "no query"),
    ],
)
def test_a_url_hubspot_could_not_be_at_is_refused(monkeypatch, url, problem):
    with pytest.raises(ValidationError, match=problem) as refused:
        settings(monkeypatch, HUBSPOT_URL=url, HUBSPOT_ACCESS_TOKEN=TOKEN)

    assert TOKEN not in str(refused.value)


def test_a_local_server_may_use_plain_http(monkeypatch):
    config = settings(
        monkeypatch, HUBSPOT_URL="http://127.0.0.1:8123", HUBSPOT_ACCESS_TOKEN=TOKEN
    ).hubspot

    assert config is not None and config.base_url == "http://127.0.0.1:8123"


@pytest.mark.parametrize("pasted", [f"Bearer {TOKEN}", f"{TOKEN}\nrest", "pat-na1-ünïcode"])
def test_a_token_pasted_with_more_than_the_token_is_refused_without_echoing_it(monkeypatch, pasted):
    with pytest.raises(ValidationError, match="must be the token alone") as refused:
        settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=pasted)

    assert TOKEN not in str(refused.value)


def test_the_token_never_shows_in_a_repr_or_the_log(monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    loaded = settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN)

    for shown in (repr(loaded), repr(loaded.hubspot), caplog.text):
        assert TOKEN not in shown


def test_the_client_secret_comes_with_the_token(monkeypatch):
    config = settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN, HUBSPOT_CLIENT_SECRET=SECRET).hubspot

    assert config is not None and config.client_secret == SECRET
    assert settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN).hubspot.client_secret == ""


def test_a_client_secret_without_a_token_refuses_to_start_and_names_the_token(monkeypatch):
    with pytest.raises(ValidationError, match="HUBSPOT_ACCESS_TOKEN is missing") as refused:
        settings(monkeypatch, HUBSPOT_CLIENT_SECRET=SECRET)

    assert "HUBSPOT_CLIENT_SECRET is set" in str(refused.value)
    assert SECRET not in str(refused.value)


def test_the_client_secret_never_shows_in_a_repr(monkeypatch):
    loaded = settings(monkeypatch, HUBSPOT_ACCESS_TOKEN=TOKEN, HUBSPOT_CLIENT_SECRET=SECRET)

    assert SECRET not in repr(loaded) and SECRET not in repr(loaded.hubspot)
