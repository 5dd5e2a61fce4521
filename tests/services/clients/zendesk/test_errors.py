"""Every failure reaches the caller as what to do about it: wait, retry, re-read, or give up."""

from __future__ import annotations

import logging

import httpx
import pytest

from services.clients.zendesk import (
    AuthFailed,
    Conflict,
    NewComment,
    NewTicket,
    RateLimited,
    Rejected,
    TicketUpdate,
    Transient,
)
from tests.harness.fake_zendesk import LOST, delay, refuse
from tests.harness.fake_zendesk_client import client_of

TICKET = NewTicket("Dana Ortiz", "dana@acme.example", "Jam", "Line 3 stops", "BP-1001")


async def test_a_429_says_how_long_to_wait(zendesk, client):
    zendesk.fail_next(refuse(429, retry_after=37))

    with pytest.raises(RateLimited) as limited:
        await client.tickets.create(TICKET)

    assert limited.value.retry_after == 37
    assert zendesk.store.tickets == {}


async def test_the_fakes_own_rate_limit_is_a_429_with_retry_after(zendesk, client):
    zendesk.per_minute = 2
    await client.account.me()
    await client.account.me()

    with pytest.raises(RateLimited) as limited:
        await client.account.me()

    assert 1 <= limited.value.retry_after <= 61


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_a_5xx_is_transient(zendesk, client, status):
    zendesk.fail_next(refuse(status))

    with pytest.raises(Transient):
        await client.tickets.create(TICKET)


async def test_a_503_that_says_when_to_come_back_carries_it(zendesk, client):
    zendesk.fail_next(refuse(503, retry_after=120), refuse(503))

    with pytest.raises(Transient) as maintenance:
        await client.account.me()
    with pytest.raises(Transient) as plain:
        await client.account.me()

    assert (maintenance.value.retry_after, plain.value.retry_after) == (120, None)


async def test_a_timeout_is_transient(zendesk, client):
    zendesk.fail_next(delay(1.5))  # the shared client gives up after 1 s

    with pytest.raises(Transient, match="in time"):
        await client.account.me()


async def test_a_zendesk_that_is_not_there_is_transient(zendesk, http):
    client = client_of(zendesk, http)
    await zendesk.close()

    with pytest.raises(Transient, match="unreachable"):
        await client.account.me()


async def test_a_stale_safe_update_is_a_conflict_to_re_read(zendesk, client):
    ticket = await client.tickets.create(TICKET)
    read = await client.tickets.show(ticket.id)
    zendesk.store.customer_reply(ticket.id, "Any news?")  # changes it meanwhile
    stamp = read.model_dump(mode="json")["updated_at"].replace("+00:00", "Z")

    with pytest.raises(Conflict, match="outdated ticket data"):
        await client.tickets.update(ticket.id, TicketUpdate(status="hold", updated_stamp=stamp))

    fresh = zendesk.store.tickets[ticket.id]["updated_at"]
    changed = await client.tickets.update(
        ticket.id, TicketUpdate(status="hold", updated_stamp=fresh)
    )
    assert changed.status == "hold"


@pytest.mark.parametrize(
    ("update", "status", "reason"),
    [
        (TicketUpdate(assignee_id=1), 422, "Assignee: is not an agent"),
        (TicketUpdate(custom_fields={123: "x"}), 422, "Custom field 123 does not exist"),
        (TicketUpdate(comment=NewComment("  ", public=False)), 422, "Comment: cannot be blank"),
        (TicketUpdate(status="archived"), 422, "'archived' is not one of"),  # type: ignore[arg-type]
    ],
)
async def test_what_zendesk_will_never_accept_is_rejected_with_its_reason(
    zendesk, client, update, status, reason
):
    ticket = await client.tickets.create(TICKET)

    with pytest.raises(Rejected) as refused:
        await client.tickets.update(ticket.id, update)

    assert refused.value.status == status
    assert reason in refused.value.reason


async def test_an_unknown_ticket_is_rejected_as_not_found(client):
    with pytest.raises(Rejected) as refused:
        await client.tickets.show(999999)

    assert (refused.value.status, refused.value.reason) == (404, "Not found")


async def test_a_forbidden_call_is_rejected(zendesk, client):
    zendesk.fail_next(refuse(403))

    with pytest.raises(Rejected) as refused:
        await client.account.me()

    assert refused.value.status == 403


async def test_a_wrong_token_is_an_auth_failure_and_never_logged(zendesk, http, caplog):
    client = client_of(zendesk, http, token="revoked-token-1234")
    caplog.set_level(logging.DEBUG)

    with pytest.raises(AuthFailed):
        await client.account.me()

    assert "revoked-token-1234" not in caplog.text
    assert zendesk.requests[-1].status == 401


async def test_a_lost_answer_is_transient_and_the_retry_finds_the_ticket(zendesk, client):
    zendesk.fail_next(LOST)

    with pytest.raises(Transient):
        await client.tickets.create(TICKET)

    # Zendesk filed it even though the answer never came: look before filing again.
    (found,) = await client.tickets.find_by_external_id("BP-1001")
    assert len(zendesk.store.tickets) == 1 and found.id in zendesk.store.tickets


async def test_the_client_uses_the_shared_http_client(zendesk, http, client):
    sent = []

    async def spy(request: httpx.Request) -> None:
        sent.append(request.url.path)

    http.event_hooks["request"].append(spy)

    await client.account.me()

    assert sent == ["/api/v2/users/me.json"]
