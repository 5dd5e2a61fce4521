"""The fullest Kinetic Data ticket (500 notes of the longest kind, three of the longest matching
articles, every team helping) still only gets cards under Teams' 28 KB, to its owner and to a
helper."""

from __future__ import annotations

import json

from cards.triage import REFRESH as TRIAGE_REFRESH
from services.knowledge import ArticleContent
from services.tickets import TicketDraft
from services.tickets.workflow import acknowledge, add_note, assign
from tests.harness.cards import texts
from tests.harness.desk import Answer, Desk
from tests.harness.involvement import MONDAY_9AM, kinetic_team, published
from tests.harness.tickets import services

LIMIT = 28 * 1024
WORDS = "Installer stops at the database step on RHEL with Postgres; "


def longest(text: str, size: int) -> str:
    """`text` repeated to exactly `size` characters."""
    return (text * (size // len(text) + 1))[:size]


def sizes(answer: Answer) -> list[int]:
    """The bytes of every card the bot sent or answered with."""
    cards = [*answer.cards]
    if isinstance(answer.body, dict) and isinstance(answer.body.get("value"), dict):
        cards.append(answer.body["value"])
    assert cards, answer
    return [len(json.dumps(card).encode()) for card in cards]


async def fullest_ticket(desk: Desk) -> None:
    """KD-1001, Sam's, after 500 notes of 4,000 characters, with every team helping and three
    long articles like it published."""
    repo, profile, at = services(desk).tickets, services(desk).profile, MONDAY_9AM
    for n in range(3):
        content = ArticleContent(
            title=longest(f"{n} {WORDS}", 255),
            problem=longest(WORDS, 4000),
            symptoms=longest(WORDS, 4000),
            cause=longest(WORDS, 4000),
            resolution=longest(WORDS, 4000),
        )
        await published(desk, content)
    draft = TicketDraft(longest(WORDS, 255), description=longest(WORDS, 4000), issue_type="install")
    ticket, _ = await repo.create(draft, "sam", None, at)
    current, events = ticket, []
    steps = [
        lambda t: assign(t, "sam", profile, at, assignee_id="sam"),
        lambda t: acknowledge(t, "sam", profile, at),
    ]
    steps += [
        lambda t, i=i: add_note(t, "sam", profile, at, longest(f"Step {i}: {WORDS}", 4000))
        for i in range(500)
    ]
    for step in steps:
        current, new = step(current)
        events.extend(new)
    await repo.save(current, ticket.version, events)


async def test_the_fullest_ticket_with_its_matches_and_every_team_fits(kinetic: Desk):
    await fullest_ticket(kinetic)
    team = await kinetic_team(kinetic)
    for key in ("devops", "engineering", "delivery", "bundle_support", "customer_success"):
        await team.sam.says(f"involve KD-1001 {key} {'x' * 1000}")

    owner = await team.sam.says("ticket KD-1001")
    helper = await team.devon.says("ticket KD-1001")
    triage = await team.sam.executes(owner.last, TRIAGE_REFRESH, number="KD-1001")

    assert "Can documentation solve it?" in texts(owner.card)
    assert sum(line.startswith("**KB-") for line in texts(owner.card)) == 3
    for answer in (owner, helper, triage, await team.erin.says("my tickets")):
        assert max(sizes(answer)) < LIMIT
