"""Structured logs: one JSON line per event with the request's correlation id, and no secrets
or user text at INFO, as the real app writes them during a turn."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Iterator

import pytest
from multidict import CIMultiDictProxy

from bot.commands import core
from bot.logs import REDACTED, log_handler
from bot.router import Feature
from bot.turn import Turn
from services.settings import Settings
from tests.harness import activities as act
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.openid import FakeBotFrameworkLogin
from tests.harness.secured import APP_ID

SECRET_TEXT = "zebra-unicorn-417 please reset the tape head"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJlLXZhbHVl"
APP_PASSWORD = "s3cr3t-app-password-value"

broken = Feature("broken-for-log-tests")


@broken.command("explode", help="Fail on purpose")
async def explode(turn: Turn, args: str) -> None:
    """Raise, as a bug would."""
    raise RuntimeError("database on fire")


class Captured:
    """What the configured handler wrote, one parsed JSON object per line."""

    def __init__(self) -> None:
        self.stream = io.StringIO()

    @property
    def text(self) -> str:
        """Everything written so far."""
        return self.stream.getvalue()

    def lines(self) -> list[dict]:
        """Each line parsed; fails on any line that is not a JSON object."""
        parsed = [json.loads(line) for line in self.text.splitlines()]
        assert all(isinstance(p, dict) for p in parsed)
        return parsed


@pytest.fixture
def captured(request) -> Iterator[Captured]:
    """The app's log handler (JSON) on the root logger at the level the test's marker asks."""
    level = getattr(request, "param", "INFO")
    sink = Captured()
    handler = log_handler("json", secrets=[APP_PASSWORD])
    handler.setStream(sink.stream)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(level)
    yield sink
    root.removeHandler(handler)
    root.setLevel(old_level)


@pytest.fixture
async def secured_desk(
    settings: Settings,
    connector: FakeConnector,
    login: FakeBotFrameworkLogin,
    monkeypatch,
) -> AsyncIterator[Desk]:
    """A bot with authentication on, trusting only the fake login, with a long app password."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(login.ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(login.ca_file))  # httpx: bot.signing_keys
    secured = settings.model_copy(
        update={
            "app_id": APP_ID,
            "app_password": APP_PASSWORD,
            "app_tenant_id": act.TENANT_ID,
            "openid_metadata_url": login.metadata_url,
            "login_url": login.login_url,
        }
    )
    running = Desk(secured, connector)
    await running.start()
    yield running
    await running.close()


async def _turn(
    desk: Desk, text: str, correlation: str, token: str | None = None
) -> CIMultiDictProxy[str]:
    mary = desk.user("Mary")
    activity = act.personal_message(mary.user, text, desk.service_url)
    headers = {"X-Correlation-Id": correlation}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    response = await desk.client.post("/api/messages", json=activity, headers=headers)
    assert response.status == 201
    return response.headers


async def test_a_turn_logs_json_lines_with_the_correlation_id_and_no_text_or_token(
    desk: Desk, captured: Captured
):
    headers = await _turn(desk, SECRET_TEXT, "corr4711")
    lines = captured.lines()
    turn = [line for line in lines if line.get("event") == "turn"]
    assert len(turn) == 1
    assert turn[0]["correlation_id"] == headers["X-Correlation-Id"] == "corr4711"
    assert turn[0]["level"] == "INFO" and turn[0]["logger"] == "bot.turn"
    assert turn[0]["kind"] == "message" and turn[0]["conversation_kind"] == "personal"
    assert turn[0]["status"] == 201 and turn[0]["duration_ms"] >= 0
    assert turn[0]["ts"].endswith("+00:00")
    assert "zebra-unicorn-417" not in captured.text
    assert TOKEN not in captured.text


@pytest.mark.parametrize("captured", ["INFO", "DEBUG"], indirect=True)
async def test_with_authentication_on_no_token_or_password_reaches_the_log(
    secured_desk: Desk,
    login: FakeBotFrameworkLogin,
    captured: Captured,
):
    token = login.mint(APP_ID, secured_desk.service_url)
    await _turn(secured_desk, SECRET_TEXT, "corr4712", token)
    assert login.issued_tokens  # the bot fetched its own token to answer
    for secret in (token, *login.issued_tokens, APP_PASSWORD):
        assert secret not in captured.text
    received = [line for line in captured.lines() if line["message"] == "turn received"]
    if logging.getLogger().level == logging.DEBUG:
        # At DEBUG the text is there to debug with, under the request's correlation id.
        assert received[0]["text"] == SECRET_TEXT
        assert received[0]["correlation_id"] == "corr4712"
    else:
        assert received == [] and "zebra-unicorn-417" not in captured.text


async def test_a_failed_turn_logs_its_traceback_as_a_field(settings, connector, captured):
    desk = Desk(settings, connector, features=[core, broken])
    await desk.start()
    try:
        headers = await _turn(desk, "explode", "corr4713")
    finally:
        await desk.close()
    errors = [line for line in captured.lines() if line["level"] == "ERROR"]
    assert len(errors) == 1
    assert errors[0]["correlation_id"] == headers["X-Correlation-Id"]
    assert "Traceback" in errors[0]["traceback"]
    assert "RuntimeError: database on fire" in errors[0]["traceback"]
    turn = [line for line in captured.lines() if line.get("event") == "turn"]
    assert turn[0]["failed"] is True and turn[0]["level"] == "WARNING"


def test_secrets_are_masked_in_messages_extras_and_tracebacks(captured: Captured):
    log = logging.getLogger("tests.logs")
    log.info("calling with Authorization: Bearer %s", TOKEN)
    log.info("headers {'Authorization': 'Basic dXNlcjpwYXNz'} password=%s", "hunter22")
    log.info("settings", extra={"MicrosoftAppPassword": "whatever", "Authorization": "x y"})
    log.info("the app password is %s", APP_PASSWORD)
    try:
        raise ValueError(f"login failed with {APP_PASSWORD}")
    except ValueError:
        log.exception("could not log in")
    text = captured.text
    for secret in (TOKEN, "dXNlcjpwYXNz", "hunter22", "whatever", APP_PASSWORD):
        assert secret not in text
    lines = captured.lines()
    assert lines[2]["MicrosoftAppPassword"] == REDACTED and lines[2]["Authorization"] == REDACTED
    assert REDACTED in lines[4]["traceback"]


def test_message_bodies_are_dropped_above_debug(captured: Captured):
    log = logging.getLogger("tests.logs")
    log.info("card sent", extra={"card": {"body": "Jordan's notes"}, "text": "hello", "n": 2})
    (line,) = captured.lines()
    assert "card" not in line and "text" not in line
    assert line["n"] == 2


def test_text_format_is_one_readable_line_with_the_extras(caplog):
    stream = io.StringIO()
    handler = log_handler("text")
    handler.setStream(stream)
    record = logging.LogRecord("bot.turn", logging.INFO, __file__, 1, "turn handled", None, None)
    record.kind = "invoke"
    handler.handle(record)
    assert stream.getvalue().rstrip().endswith("turn handled kind=invoke")
    assert "[-]" in stream.getvalue()


def test_an_unknown_log_format_is_refused():
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        log_handler("xml")
