"""NetSuite is on with all six NETSUITE_* settings, off with none, and refuses to start half set."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.settings import Settings

FULL = {
    "NETSUITE_URL": "https://1234567-sb1.suitetalk.api.netsuite.com/",
    "NETSUITE_ACCOUNT_ID": "1234567_SB1",
    "NETSUITE_CONSUMER_KEY": "the-consumer-key",
    "NETSUITE_CONSUMER_SECRET": "a-consumer-secret",
    "NETSUITE_TOKEN_ID": "the-token-id",
    "NETSUITE_TOKEN_SECRET": "a-token-secret",
}
SECRETS = ("the-consumer-key", "a-consumer-secret", "the-token-id", "a-token-secret")


def settings(monkeypatch, **values: str) -> Settings:
    for name in FULL:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_no_netsuite_settings_keep_netsuite_off(monkeypatch):
    assert settings(monkeypatch).netsuite is None


def test_all_six_turn_netsuite_on_with_the_realm_and_ui_host_netsuite_wants(monkeypatch):
    config = settings(monkeypatch, **FULL).netsuite
    assert config is not None
    assert config.base_url == "https://1234567-sb1.suitetalk.api.netsuite.com"
    assert config.realm == "1234567_SB1"
    assert config.ui_url == "https://1234567-sb1.app.netsuite.com"


@pytest.mark.parametrize("left_out", list(FULL))
def test_a_half_set_configuration_names_what_is_missing_and_no_secret(monkeypatch, left_out):
    given = {name: value for name, value in FULL.items() if name != left_out}
    with pytest.raises(ValidationError, match=f"{left_out} is missing") as refused:
        settings(monkeypatch, **given)
    # The refusal goes to the start-up log: it must not carry what was given.
    for secret in SECRETS:
        assert secret not in str(refused.value)


def test_only_an_account_names_the_five_others(monkeypatch):
    with pytest.raises(ValidationError) as refused:
        settings(monkeypatch, NETSUITE_ACCOUNT_ID="1234567")
    assert (
        "NETSUITE_URL, NETSUITE_CONSUMER_KEY, NETSUITE_CONSUMER_SECRET, NETSUITE_TOKEN_ID, "
        "NETSUITE_TOKEN_SECRET are missing" in str(refused.value)
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"NETSUITE_URL": "1234567.suitetalk.api.netsuite.com"}, "must look like"),
        ({"NETSUITE_URL": "http://1234567.suitetalk.api.netsuite.com"}, "must use https"),
        ({"NETSUITE_URL": "https://x.netsuite.com/services/rest"}, "host only"),
        ({"NETSUITE_ACCOUNT_ID": "12 34; DROP"}, "must look like 1234567"),
    ],
)
def test_a_place_netsuite_could_not_be_is_refused(monkeypatch, changes, problem):
    with pytest.raises(ValidationError, match=problem):
        settings(monkeypatch, **{**FULL, **changes})


def test_the_secrets_never_show_in_a_repr(monkeypatch):
    loaded = settings(monkeypatch, **FULL)
    for shown in (repr(loaded), repr(loaded.netsuite)):
        for secret in SECRETS:
            assert secret not in shown
