"""A ticket card's refresh lists at most the 60 viewers Teams refreshes for, or none at all."""

from __future__ import annotations

from cards.render import REFRESH_USERS
from cards.ticket import REFRESH, ticket_card
from tests.cards.examples.ticket import PROFILE, TICKET


def test_the_refresh_names_the_viewers_up_to_teams_limit() -> None:
    many = [f"29:viewer-{i}" for i in range(REFRESH_USERS + 10)]
    refresh = ticket_card(PROFILE, TICKET, [], viewers=many)["refresh"]
    assert refresh["action"] == {
        "type": "Action.Execute",
        "title": "Refresh",
        "verb": REFRESH,
        "data": {"number": TICKET.number},
    }
    assert refresh["userIds"] == many[:REFRESH_USERS]


def test_without_known_viewers_the_list_is_left_out() -> None:
    # An empty userIds would turn automatic refresh off for everyone.
    refresh = ticket_card(PROFILE, TICKET, [])["refresh"]
    assert "userIds" not in refresh
