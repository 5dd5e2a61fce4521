"""Who the API user is, which agents the roster matches, which ticket fields exist."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.clients.zendesk import NewTicket, Rejected
from tests.harness.fake_zendesk_client import client_of


async def test_the_api_user_is_an_admin(zendesk, client):
    me = await client.account.me()

    assert (me.email, me.role, me.is_admin) == ("desk-bot@bestpack.example", "admin", True)


async def test_an_agent_token_is_not_an_admin(zendesk, http):
    zendesk.store.add_user("Mary Chen", "mary@bestpack.example", "agent")
    client = client_of(zendesk, http, email="mary@bestpack.example")

    assert (await client.account.me()).is_admin is False


async def test_a_roster_member_is_found_by_email(zendesk, client):
    kevin = zendesk.store.add_user("Kevin Lee", "kevin@bestpack.example", "agent")

    (found,) = await client.account.users_by_email("Kevin@BestPack.example")

    assert (found.id, found.name, found.role) == (kevin["id"], "Kevin Lee", "agent")
    assert zendesk.requests[-1].query == {"query": "email:Kevin@BestPack.example"}
    assert await client.account.users_by_email("nobody@bestpack.example") == []


async def test_ticket_fields_list_the_custom_ones_across_pages(zendesk, client):
    made = [zendesk.store.add_field(f"Field {n}") for n in range(130)]

    fields = await client.account.ticket_fields()

    assert set(made) <= {f.id for f in fields}
    assert len(zendesk.calls("GET", "/api/v2/ticket_fields.json")) == 2


async def test_the_export_pages_through_changes_with_a_cursor(zendesk, client):
    start = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    now = [start]
    zendesk.clock = lambda: now[0]
    first = await client.tickets.create(NewTicket("A", "a@x.example", "One", "One", "BP-1"))
    now[0] = start + timedelta(minutes=5)

    page = await client.export.tickets_since(int(start.timestamp()) - 60)

    assert [t.id for t in page.tickets] == [first.id] and page.end_of_stream
    assert await client.export.tickets_after(page.after_cursor) == page.model_copy(
        update={"tickets": []}
    )
    zendesk.store.customer_reply(first.id, "Any news?")
    again = await client.export.tickets_after(page.after_cursor)
    assert [(t.id, t.status) for t in again.tickets] == [(first.id, "new")]


async def test_the_export_wants_a_start_time_a_minute_back(zendesk, client):
    with pytest.raises(Rejected, match="Too recent start_time"):
        await client.export.tickets_since(int(datetime.now(UTC).timestamp()))


async def test_the_export_is_for_admins_only(zendesk, http):
    zendesk.store.add_user("Mary Chen", "mary@bestpack.example", "agent")
    client = client_of(zendesk, http, email="mary@bestpack.example")

    with pytest.raises(Rejected) as refused:
        await client.export.tickets_since(0)

    assert refused.value.status == 403
