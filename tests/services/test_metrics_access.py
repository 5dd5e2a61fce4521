"""METRICS_TOKEN and METRICS_PUBLIC: what /metrics answers with authentication on or off, and the
settings that refuse to start (a token Prometheus could not send, a token beside PUBLIC)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.metrics_access import Exposure, metrics_access
from services.settings import Settings

TOKEN = "k3Jq-8vWn_2xYpL7sR4tZ0aB6cD9eF1gH5iJ"
AUTH = {
    "MicrosoftAppId": "00000000-0000-4000-8000-0000000000ab",
    "MicrosoftAppPassword": "secret",
    "MicrosoftAppTenantId": "11111111-1111-4111-8111-111111111111",
}
NAMES = ("METRICS_TOKEN", "METRICS_PUBLIC", *AUTH, "MICROSOFT_APP_ID")


def settings(monkeypatch, **values: str) -> Settings:
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


@pytest.mark.parametrize(
    ("values", "exposure"),
    [
        ({}, Exposure.OPEN),
        (AUTH, Exposure.HIDDEN),
        ({**AUTH, "METRICS_PUBLIC": "false"}, Exposure.HIDDEN),
        ({**AUTH, "METRICS_PUBLIC": "true"}, Exposure.OPEN),
        ({**AUTH, "METRICS_TOKEN": TOKEN}, Exposure.TOKEN),
        ({"METRICS_TOKEN": TOKEN}, Exposure.TOKEN),
    ],
    ids=[
        "local",
        "deployed",
        "deployed, public false",
        "deployed, public",
        "deployed, token",
        "local, token",
    ],
)
def test_what_the_settings_make_of_metrics(monkeypatch, values, exposure):
    assert settings(monkeypatch, **values).metrics_access.exposure is exposure


def test_only_the_bearer_of_the_token_is_admitted():
    access = metrics_access(TOKEN, False, auth_enabled=True)
    assert access.admits(f"Bearer {TOKEN}")
    assert access.admits(f"BEARER {TOKEN}")
    for other in (None, "", f"Bearer {TOKEN[1:]}", f"Token {TOKEN}", f"Bearer {TOKEN} ", "Bearer"):
        assert not access.admits(other), other
    assert TOKEN not in repr(access)


def test_open_admits_anyone_and_hidden_no_one():
    assert metrics_access("", True, auth_enabled=True).admits(None)
    assert not metrics_access("", False, auth_enabled=True).admits(f"Bearer {TOKEN}")


@pytest.mark.parametrize(
    ("token", "says"),
    [
        ("short-token", "32 to 512 characters"),
        ("x" * 513, "32 to 512 characters"),
        (TOKEN + " and words", "only letters, digits"),
        ("Bearer " + TOKEN, "only letters, digits"),
        (TOKEN + "é", "only letters, digits"),
        ("=" + TOKEN, "only letters, digits"),
    ],
    ids=["too short", "too long", "spaces", "pasted with its scheme", "not ASCII", "= first"],
)
def test_a_token_prometheus_could_not_send_refuses_to_start_naming_the_setting(
    monkeypatch, token, says
):
    with pytest.raises(ValidationError, match=says) as refused:
        settings(monkeypatch, METRICS_TOKEN=token)
    assert "METRICS_TOKEN" in str(refused.value)
    assert token not in str(refused.value)


def test_a_token_beside_public_refuses_to_start_naming_both(monkeypatch):
    with pytest.raises(ValidationError, match="METRICS_TOKEN and METRICS_PUBLIC=true") as refused:
        settings(monkeypatch, **AUTH, METRICS_TOKEN=TOKEN, METRICS_PUBLIC="true")
    assert TOKEN not in str(refused.value)


def test_a_padded_token_is_taken_as_typed_without_the_surrounding_blanks(monkeypatch):
    access = settings(monkeypatch, METRICS_TOKEN=f"  {TOKEN}==\n").metrics_access
    assert access.admits(f"Bearer {TOKEN}==")
