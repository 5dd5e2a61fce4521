"""The client files, changes and reads tickets in a Zendesk that checks every request."""

from __future__ import annotations

import pytest

from services.clients.zendesk import NewComment, NewTicket, Rejected, TicketUpdate
from tests.harness.fake_zendesk import FakeZendesk


def intake(zendesk: FakeZendesk, number: str = "BP-1001") -> NewTicket:
    serial = zendesk.store.add_field("Serial number")
    model = zendesk.store.add_field("Machine model")
    return NewTicket(
        requester_name="Dana Ortiz",
        requester_email="dana.ortiz@acme-foods.example",
        subject="Case erector jams on every 40th case",
        description="Line 3 stops; the encoder reads zero after the jam.",
        external_id=number,
        priority="high",
        custom_fields={serial: "CE-20417", model: "CE-400"},
        tags=("bestpack", "controls"),
    )


async def test_intake_files_a_ticket_with_every_field(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))

    stored = zendesk.store.tickets[ticket.id]
    assert (ticket.external_id, ticket.status, ticket.priority) == ("BP-1001", "new", "high")
    assert stored["subject"] == "Case erector jams on every 40th case"
    assert sorted(stored["tags"]) == ["bestpack", "controls"]
    assert sorted(f.value for f in ticket.custom_fields if f.value) == ["CE-20417", "CE-400"]
    requester = zendesk.store.users[stored["requester_id"]]
    assert (requester["name"], requester["role"]) == ("Dana Ortiz", "end-user")
    (first,) = zendesk.store.comments[ticket.id]
    assert first["body"].startswith("Line 3 stops") and first["public"] is True


async def test_an_update_sets_status_priority_assignee_fields_and_a_private_note(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))
    kevin = zendesk.store.add_user("Kevin Lee", "kevin@bestpack.example", "agent")
    serial = ticket.custom_fields[0].id

    changed = await client.tickets.update(
        ticket.id,
        TicketUpdate(
            status="pending",
            priority="urgent",
            assignee_id=kevin["id"],
            comment=NewComment("Replaced the encoder cable", public=False),
            custom_fields={serial: "CE-20418"},
        ),
    )

    assert (changed.status, changed.priority, changed.assignee_id) == (
        "pending",
        "urgent",
        kevin["id"],
    )
    assert changed.field(serial) == "CE-20418"
    note = zendesk.store.comments[ticket.id][-1]
    assert (note["body"], note["public"], note["author_id"]) == (
        "Replaced the encoder cable",
        False,
        zendesk.api_user["id"],
    )


async def test_a_public_comment_reaches_the_requester(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))
    ask = NewComment("Could you confirm the line runs a full shift now?", public=True)

    await client.tickets.update(ticket.id, TicketUpdate(comment=ask, status="pending"))

    comments = await client.tickets.comments(ticket.id)
    assert [(c.body[:14], c.public) for c in comments] == [
        ("Line 3 stops; ", True),
        ("Could you conf", True),
    ]


async def test_comments_are_read_across_pages(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))
    for n in range(120):
        zendesk.store.customer_reply(ticket.id, f"reply {n}")

    comments = await client.tickets.comments(ticket.id)

    assert len(comments) == 121 and comments[-1].body == "reply 119"
    assert len(zendesk.calls("GET", f"/api/v2/tickets/{ticket.id}/comments.json")) == 2


async def test_show_reads_the_ticket_as_zendesk_has_it_now(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))
    zendesk.store.customer_reply(ticket.id, "It jammed again")
    zendesk.store.tickets[ticket.id]["status"] = "solved"

    assert (await client.tickets.show(ticket.id)).status == "solved"


async def test_a_ticket_is_found_by_the_bots_number(zendesk, client):
    filed = await client.tickets.create(intake(zendesk, "BP-1001"))
    await client.tickets.create(NewTicket("A", "a@x.example", "Other", "Other", "BP-1002"))

    assert [t.id for t in await client.tickets.find_by_external_id("BP-1001")] == [filed.id]
    assert await client.tickets.find_by_external_id("BP-9999") == []


async def test_a_closed_ticket_gets_a_follow_up_instead_of_an_update(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))
    zendesk.store.close(ticket.id)
    reopen = TicketUpdate(status="open", comment=NewComment("It is back", public=False))

    with pytest.raises(Rejected, match="closed prevents ticket update"):
        await client.tickets.update(ticket.id, reopen)
    followup = await client.tickets.create_followup(ticket.id, intake(zendesk, "BP-1001"))

    assert followup.id != ticket.id
    assert zendesk.store.tickets[ticket.id]["followup_ids"] == [followup.id]
    assert zendesk.store.tickets[followup.id]["via"]["source"]["rel"] == "follow_up"


async def test_a_follow_up_of_an_open_ticket_is_refused_in_words(zendesk, client):
    ticket = await client.tickets.create(intake(zendesk))

    with pytest.raises(Rejected) as refused:
        await client.tickets.create_followup(ticket.id, intake(zendesk))

    assert refused.value.status == 422
    assert refused.value.reason == "Follow-ups can only be made from closed tickets"
