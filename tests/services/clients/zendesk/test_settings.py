"""Zendesk is on with all four ZENDESK_* settings, off with none, and refuses to start half set."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.settings import Settings

FULL = {
    "ZENDESK_URL": "https://bestpack.zendesk.com/",
    "ZENDESK_EMAIL": "desk-bot@bestpack.com",
    "ZENDESK_API_TOKEN": "a-very-secret-token",
    "ZENDESK_WEBHOOK_SECRET": "a-signing-secret",
}


def settings(monkeypatch, **values: str) -> Settings:
    for name in FULL:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_no_zendesk_settings_keep_zendesk_off(monkeypatch):
    assert settings(monkeypatch).zendesk is None


def test_all_four_turn_zendesk_on(monkeypatch):
    config = settings(monkeypatch, **FULL).zendesk
    assert config is not None
    assert config.base_url == "https://bestpack.zendesk.com"
    assert config.email == "desk-bot@bestpack.com"
    assert config.agent_url(4711) == "https://bestpack.zendesk.com/agent/tickets/4711"


@pytest.mark.parametrize("left_out", list(FULL))
def test_a_half_set_configuration_names_what_is_missing(monkeypatch, left_out):
    given = {name: value for name, value in FULL.items() if name != left_out}
    with pytest.raises(ValidationError, match=f"{left_out} is missing") as refused:
        settings(monkeypatch, **given)
    # The refusal goes to the start-up log: it must not carry what was given.
    assert "a-very-secret-token" not in str(refused.value)
    assert "a-signing-secret" not in str(refused.value)


def test_only_a_url_names_the_three_others(monkeypatch):
    with pytest.raises(ValidationError) as refused:
        settings(monkeypatch, ZENDESK_URL=FULL["ZENDESK_URL"])
    message = str(refused.value)
    assert "ZENDESK_EMAIL, ZENDESK_API_TOKEN, ZENDESK_WEBHOOK_SECRET are missing" in message


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("bestpack.zendesk.com", "must look like"),
        ("http://bestpack.zendesk.com", "must use https"),
        ("https://bestpack.zendesk.com/?x=1", "no query"),
    ],
)
def test_a_url_zendesk_could_not_be_at_is_refused(monkeypatch, url, problem):
    with pytest.raises(ValidationError, match=problem):
        settings(monkeypatch, **{**FULL, "ZENDESK_URL": url})


def test_a_local_server_may_use_plain_http(monkeypatch):
    config = settings(monkeypatch, **{**FULL, "ZENDESK_URL": "http://127.0.0.1:8123"}).zendesk
    assert config is not None and config.base_url == "http://127.0.0.1:8123"


def test_the_token_and_secret_never_show_in_a_repr(monkeypatch):
    loaded = settings(monkeypatch, **FULL)
    for shown in (repr(loaded), repr(loaded.zendesk)):
        assert "a-very-secret-token" not in shown
        assert "a-signing-secret" not in shown
