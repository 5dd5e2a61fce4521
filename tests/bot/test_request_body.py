"""Bodies no Bot Connector would send get a 400 and one log line, before any token is read."""

from __future__ import annotations

import json
import logging

import pytest

from bot.request_body import MAX_DEPTH, BadBody, parse_activity_json
from tests.harness import activities as act
from tests.harness.desk import Desk

JSON = {"Content-Type": "application/json"}


async def _post_raw(desk: Desk, raw: str):
    return await desk.client.post("/api/messages", data=raw.encode(), headers=JSON)


async def test_deeply_nested_json_is_400_with_one_log_line_and_no_traceback(desk: Desk, caplog):
    caplog.set_level(logging.INFO)
    response = await _post_raw(desk, "[" * 100_000)
    assert response.status == 400
    assert "nests deeper" in (await response.json())["error"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_an_integer_of_5000_digits_is_400(desk: Desk, caplog):
    caplog.set_level(logging.INFO)
    mary = desk.user("Mary")
    activity = act.personal_message(mary.user, "help", desk.service_url)
    raw = json.dumps(activity).replace('"help"', "9" * 5000)
    response = await _post_raw(desk, raw)
    assert response.status == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert desk.connector.sent == []


async def test_a_card_value_nested_past_the_limit_is_400_and_runs_nothing(desk: Desk):
    mary = desk.user("Mary")
    value: dict = {}
    for _ in range(MAX_DEPTH + 5):
        value = {"x": value}
    activity = act.submit_action(mary.user, {"verb": "ticket.refresh", "v": value}, "1", "x")
    response = await desk.client.post("/api/messages", json=activity)
    assert response.status == 400
    assert desk.connector.sent == []


async def test_ids_longer_than_teams_sends_are_400(desk: Desk):
    mary = desk.user("Mary")
    activity = act.personal_message(mary.user, "help", desk.service_url)
    activity["conversation"]["id"] = "a:" + "x" * 5000
    response = await desk.client.post("/api/messages", json=activity)
    assert response.status == 400
    assert "conversation.id" in (await response.json())["error"]
    assert desk.connector.sent == []


@pytest.mark.parametrize(
    "raw",
    ['{"type": 1}', "[]", '"text"', "{", '{"type": "message", "x": 1e999}', '{"type": NaN}'],
)
def test_the_parser_refuses_what_is_not_an_activity(raw: str):
    with pytest.raises(BadBody):
        parse_activity_json(raw.encode())
