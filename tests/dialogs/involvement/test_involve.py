"""Pulling a team in on the Kinetic Data desk: its people become helpers and are told, the
specialist stays the owner, the helpers see the ticket in `my tickets`; refusals in words."""

from __future__ import annotations

from cards.involvement import INVOLVE
from cards.ticket import ADD_NOTE
from services.tickets import Confirmation, ConfirmationChannel
from services.tickets.workflow import close, resolve
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.involvement import (
    INSTALL_TICKET,
    MONDAY_9AM,
    button,
    files,
    kinetic_team,
    notices_to,
    titles,
)
from tests.harness.tickets import (
    history,
    replied_card,
    replied_message,
    services,
    stored,
    ticket_for,
    timeline_lines,
)

ASK = "Can you check the installer log on their RHEL 9 host?"


async def install_ticket_of_sam(desk: Desk):
    """Sam files the customer's install problem and takes it; returns the team and the ticket
    card Sam opens."""
    team = await kinetic_team(desk)
    await files(team.sam, INSTALL_TICKET)
    await team.sam.says("assign KD-1001 sam")
    return team, (await team.sam.says("ticket KD-1001")).last


async def test_sam_pulls_devops_in_devon_is_told_and_sam_stays_the_owner(kinetic: Desk):
    team, card = await install_ticket_of_sam(kinetic)
    offered = titles(card.card)
    # An install problem routes to DevOps: its button comes first, marked.
    assert offered[offered.index("Pull in a team") + 1] == "DevOps (suggested)"

    answer = await team.sam.executes(
        card, INVOLVE, **button(card.card, INVOLVE, team="devops"), ask=ASK
    )

    replied = replied_card(answer)
    assert "DevOps pulled in on KD-1001: Devon told; Sam stays its owner." in texts(replied)
    assert facts(replied)["Assignee"] == "Sam"
    assert facts(replied)["DevOps"] == "Devon"
    [notice] = notices_to(answer, team.devon)
    assert texts(notice.card)[:2] == [
        "KD-1001 · The installer stops at the database step.",
        f"Sam asks DevOps for help: {ASK}",
    ]
    assert "Add note" in titles(notice.card)
    assert (await stored(kinetic, "KD-1001")).assignee_id == "sam"
    assert (await timeline_lines(kinetic, "KD-1001"))[-1] == f"Sam involved DevOps (Devon): {ASK}"
    helpers = await services(kinetic).helpers.of((await stored(kinetic, "KD-1001")).id)
    assert [(h.team, h.person_id, h.added_by) for h in helpers] == [("devops", "devon", "sam")]


async def test_a_helper_sees_the_ticket_in_my_tickets_and_answers_with_a_note(kinetic: Desk):
    team, _ = await install_ticket_of_sam(kinetic)
    told = await team.sam.says(f"involve KD-1001 devops {ASK}")
    [notice] = notices_to(told, team.devon)

    mine = (await team.devon.says("my tickets")).card
    noted = await team.devon.executes(
        notice, ADD_NOTE, number="KD-1001", body="The log says the DB user lacks CREATE."
    )

    assert texts(mine)[:4] == [
        "Your open tickets (0)",
        "You have no open tickets.",
        "Helping on (1)",
        "**KD-1001** · The installer stops at the database step.",
    ]
    assert "Internal note added." in texts(replied_card(noted))
    # A helper works with the owner: no documentation step or teams to pull in on their card.
    assert "Pull in a team" not in titles(replied_card(noted))
    assert (await timeline_lines(kinetic, "KD-1001"))[-1] == (
        "Devon added a note: The log says the DB user lacks CREATE."
    )


async def test_a_team_of_several_words_is_named_as_it_reads(kinetic: Desk):
    team, _ = await install_ticket_of_sam(kinetic)

    told = await team.sam.says("involve KD-1001 bundle support The portal's buttons overlap.")

    assert told.texts == ["Bundle Support pulled in on KD-1001: Erin told; Sam stays its owner."]
    [notice] = notices_to(told, team.erin)
    assert "Sam asks Bundle Support for help: The portal's buttons overlap." in texts(notice.card)


async def test_without_a_question_the_helpers_read_what_their_team_helps_with(kinetic: Desk):
    team, _ = await install_ticket_of_sam(kinetic)

    told = await team.sam.says("involve KD-1001 delivery")

    [notice] = notices_to(told, team.dana)
    assert texts(notice.card)[1] == (
        "Sam asks Delivery for help: Solutions built on top of the platform, specific to an "
        "implementation."
    )


async def test_an_unknown_team_is_refused_naming_the_teams(kinetic: Desk):
    team, _ = await install_ticket_of_sam(kinetic)
    before = await history(kinetic, "KD-1001")

    told = await team.sam.says("involve KD-1001 marketing please")

    assert told.texts == [
        "There is no team 'marketing'. The teams: DevOps (devops), Engineering (engineering), "
        "Delivery (delivery), Bundle Support (bundle_support), Customer Success "
        "(customer_success), Leadership (leadership)."
    ]
    assert await history(kinetic, "KD-1001") == before


async def test_a_closed_ticket_takes_no_helpers(kinetic: Desk):
    team, card = await install_ticket_of_sam(kinetic)
    ticket, profile = await stored(kinetic, "KD-1001"), services(kinetic).profile
    done = resolve(ticket, "sam", profile, MONDAY_9AM, "DB user granted CREATE.")
    word = Confirmation("Pat Kim", ConfirmationChannel.EMAIL)
    closed = close(done.ticket, "sam", profile, MONDAY_9AM, confirmation=word)
    await services(kinetic).tickets.save(closed.ticket, ticket.version, done.events + closed.events)
    before = await history(kinetic, "KD-1001")

    typed = await team.sam.says("involve KD-1001 devops")
    pressed = await team.sam.executes(card, INVOLVE, **button(card.card, INVOLVE, team="devops"))

    assert typed.texts == ["KD-1001 is Closed: reopen it before involving a team."]
    # The card was drawn while it was open: it comes back as it is now, saying why.
    now_shown = replied_card(pressed)
    assert "KD-1001 is Closed: reopen it before involving a team." in texts(now_shown)
    assert "Pull in a team" not in titles(now_shown)
    assert await history(kinetic, "KD-1001") == before
    assert notices_to(typed, team.devon) == notices_to(pressed, team.devon) == []


async def test_only_whoever_coordinates_the_ticket_pulls_a_team_in(kinetic: Desk):
    team, _ = await install_ticket_of_sam(kinetic)
    before = await history(kinetic, "KD-1001")

    told = await team.dana.says("involve KD-1001 devops")

    assert told.texts == [
        "Only its owner (Sam) or triage can involve a team on KD-1001; Dana may not."
    ]
    assert await history(kinetic, "KD-1001") == before


async def test_a_team_already_helping_is_not_told_twice(kinetic: Desk):
    team, card = await install_ticket_of_sam(kinetic)
    await team.sam.says("involve KD-1001 devops")

    again = await team.riley.executes(card, INVOLVE, **button(card.card, INVOLVE, team="devops"))

    assert replied_message(again) == "DevOps is already helping on KD-1001 (Devon)."
    assert notices_to(again, team.devon) == []


async def test_pulled_in_from_the_triage_card_the_answer_is_the_triage_card(kinetic: Desk):
    team = await kinetic_team(kinetic)
    filed = await files(team.sam, INSTALL_TICKET)
    triage = filed.body["value"]

    answer = await team.sam.executes(
        filed.last, INVOLVE, **button(triage, INVOLVE, team="devops"), ask=ASK
    )

    said = texts(replied_card(answer))
    assert said[:2] == [
        "Triage KD-1001 · The installer stops at the database step.",
        "DevOps pulled in on KD-1001: Devon told.",
    ]
    assert len(notices_to(answer, team.devon)) == 1


async def test_bestpack_has_no_teams_to_involve(desk: Desk):
    await ticket_for(desk, "kevin")

    told = await desk.user("Kevin").says("involve BP-1001 devops")

    assert told.texts == ["The BestPack desk has no teams to involve: `involve` is not used here."]


async def test_help_offers_involve_only_on_a_desk_with_teams(kinetic: Desk, desk: Desk):
    kinetic_help = facts((await kinetic.user("Sam", "sam@kineticdata.example").says("help")).card)
    bestpack_help = facts((await desk.user("Mary").says("help")).card)

    assert [k for k in kinetic_help if k.startswith("involve")] == [
        "involve KD-1001 ‹team› [what you need]"
    ]
    assert not [k for k in bestpack_help if k.startswith("involve")]
