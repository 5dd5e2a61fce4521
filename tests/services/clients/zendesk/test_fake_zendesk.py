"""The fake Zendesk refuses what Zendesk would refuse, so a wrong client request fails a test."""

from __future__ import annotations

import base64

import httpx
import pytest

from tests.harness.fake_zendesk import API_EMAIL, API_TOKEN, LOST, delay, refuse

AUTH = "Basic " + base64.b64encode(f"{API_EMAIL}/token:{API_TOKEN}".encode()).decode()
GOOD = {"ticket": {"subject": "Jam", "comment": {"body": "Line 3 stops"}}}


async def send(zendesk, http, method, path, body=None, auth=AUTH, **params):
    headers = {"Authorization": auth} if auth else {}
    return await http.request(
        method, zendesk.url + path, json=body, headers=headers, params=params or None
    )


@pytest.mark.parametrize(
    "auth",
    [
        None,
        "Bearer abc",
        "Basic " + base64.b64encode(f"{API_EMAIL}:{API_TOKEN}".encode()).decode(),  # no /token
        "Basic " + base64.b64encode(f"{API_EMAIL}/token:wrong".encode()).decode(),
        "Basic " + base64.b64encode(f"someone@else.example/token:{API_TOKEN}".encode()).decode(),
    ],
)
async def test_a_request_without_the_api_token_is_refused(zendesk, http, auth):
    answer = await send(zendesk, http, "GET", "/api/v2/users/me.json", auth=auth)

    assert answer.status_code == 401
    assert answer.json() == {"error": "Couldn't authenticate you"}


async def test_a_path_without_the_json_suffix_is_not_found(zendesk, http):
    assert (await send(zendesk, http, "POST", "/api/v2/tickets", GOOD)).status_code == 404
    assert zendesk.store.tickets == {}


async def test_a_good_create_answers_201_with_location(zendesk, http):
    answer = await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)

    assert answer.status_code == 201
    ticket = answer.json()["ticket"]
    assert answer.headers["Location"] == ticket["url"]
    assert (ticket["status"], ticket["via"]["channel"]) == ("new", "api")


@pytest.mark.parametrize(
    ("ticket", "status"),
    [
        ({"subject": "No comment"}, 422),
        ({"comment": {"body": ""}}, 422),
        ({"comment": {"body": "x"}, "priority": "critical"}, 422),
        ({"comment": {"body": "x"}, "status": "closed"}, 422),
        ({"comment": {"body": "x"}, "type": "bug"}, 422),
        ({"comment": {"body": "x"}, "custom_fields": [{"id": 404, "value": "x"}]}, 422),
        ({"comment": {"body": "x"}, "requester": {"name": "A", "email": "not-an-email"}}, 422),
        ({"comment": {"body": "x"}, "assignee": 5}, 400),
        ({"comment": {"body": "x", "private": True}}, 400),
        ({"comment": {"body": "x"}, "tags": "a b"}, 400),
    ],
)
async def test_a_create_zendesk_would_refuse_is_refused(zendesk, http, ticket, status):
    answer = await send(zendesk, http, "POST", "/api/v2/tickets.json", {"ticket": ticket})

    assert answer.status_code == status
    assert zendesk.store.tickets == {}


async def test_a_body_that_is_not_json_is_a_bad_request(zendesk, http):
    answer = await http.post(
        zendesk.url + "/api/v2/tickets.json",
        content=b"ticket=1",
        headers={"Authorization": AUTH, "Content-Type": "application/x-www-form-urlencoded"},
    )

    assert answer.status_code == 400


async def test_a_closed_ticket_refuses_updates_and_takes_follow_ups(zendesk, http):
    ticket = (await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)).json()["ticket"]
    path = f"/api/v2/tickets/{ticket['id']}.json"
    followup = {"ticket": {**GOOD["ticket"], "via_followup_source_id": ticket["id"]}}

    early = await send(zendesk, http, "POST", "/api/v2/tickets.json", followup)
    zendesk.store.close(ticket["id"])
    update = await send(zendesk, http, "PUT", path, {"ticket": {"status": "open"}})
    late = await send(zendesk, http, "POST", "/api/v2/tickets.json", followup)

    assert early.status_code == 422
    assert update.status_code == 422
    assert update.json()["details"]["status"][0]["description"] == (
        "Status: closed prevents ticket update"
    )
    assert late.status_code == 201


async def test_a_customer_reply_reopens_a_solved_ticket(zendesk, http):
    ticket = (await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)).json()["ticket"]
    path = f"/api/v2/tickets/{ticket['id']}.json"
    await send(zendesk, http, "PUT", path, {"ticket": {"status": "solved"}})

    zendesk.store.customer_reply(ticket["id"], "It is jamming again")

    assert (await send(zendesk, http, "GET", path)).json()["ticket"]["status"] == "open"


async def test_a_scripted_429_carries_retry_after_and_changes_nothing(zendesk, http):
    zendesk.fail_next(refuse(429, retry_after=7))

    answer = await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)

    assert (answer.status_code, answer.headers["Retry-After"]) == (429, "7")
    assert zendesk.store.tickets == {}
    assert (await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)).status_code == 201


async def test_a_lost_answer_is_applied_but_never_arrives(zendesk, http):
    zendesk.fail_next(LOST)

    with pytest.raises(httpx.TransportError):
        await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)

    assert len(zendesk.store.tickets) == 1
    assert zendesk.requests[-1].status is None


async def test_a_delay_holds_the_answer(zendesk, http):
    zendesk.fail_next(delay(0.3))

    answer = await send(zendesk, http, "GET", "/api/v2/users/me.json")

    assert answer.status_code == 200 and answer.elapsed.total_seconds() >= 0.3


async def test_the_rate_limit_answers_429_past_the_limit(zendesk, http):
    zendesk.per_minute = 3
    statuses = [
        (await send(zendesk, http, "GET", "/api/v2/users/me.json")).status_code for _ in range(5)
    ]

    assert statuses == [200, 200, 200, 429, 429]


async def test_every_request_is_recorded_with_its_status(zendesk, http):
    await send(zendesk, http, "POST", "/api/v2/tickets.json", GOOD)
    await send(zendesk, http, "GET", "/api/v2/tickets.json", external_id="BP-1")

    assert [(r.method, r.path, r.status) for r in zendesk.requests] == [
        ("POST", "/api/v2/tickets.json", 201),
        ("GET", "/api/v2/tickets.json", 200),
    ]
    assert zendesk.requests[0].body == GOOD
    assert zendesk.requests[1].query == {"external_id": "BP-1"}


async def test_a_query_parameter_zendesk_does_not_document_is_refused(zendesk, http):
    answer = await send(zendesk, http, "GET", "/api/v2/tickets.json", externalId="BP-1")

    assert answer.status_code == 400
