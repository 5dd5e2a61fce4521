"""Who is talking: the roster's mock users reach the bot through the Agents Playground.

Mary types in her 1:1 chat, the others in the group chat (conftest.py starts both; opt-in with
PLAYGROUND=1).
"""

from __future__ import annotations

import pytest

from scripts.playground import Playground, PlaygroundError, card_title, cards


def _card(replies: list[dict]) -> tuple[dict, dict]:
    """The one reply carrying a card, and that card."""
    with_cards = [r for r in replies if cards(r)]
    assert len(with_cards) == 1, replies
    return with_cards[0], cards(with_cards[0])[0]


async def test_the_playground_uses_the_roster_config(pg: Playground):
    # A wrong M365_AGENTS_PLAYGROUND_CONFIG_PATH silently falls back to the built-in users.
    assert pg.me.email == "mary@bestpack.example"
    assert [u.name for u in pg.users] == ["Mary", "Jordan", "Kevin", "Sean", "Ezechiel", "Allison"]


async def test_mary_is_recognised_in_her_personal_chat(pg: Playground):
    reply, card = _card(await pg.say("whoami"))
    assert card_title(card) == "Mary"
    assert reply["conversation"]["id"] == pg.personal_chat_id


async def test_kevin_is_recognised_in_the_group_chat(pg: Playground):
    reply, card = _card(await pg.say("whoami", as_user="Kevin"))
    assert card_title(card) == "Kevin"
    assert reply["conversation"]["id"] == pg.group_chat_id


async def test_help_greets_each_person_by_name(pg: Playground):
    for name in ("Mary", "Allison"):
        _, card = _card(await pg.say("help", as_user=name))
        assert f"Hi {name}." in card["body"][1]["text"]


async def test_refresh_is_an_action_execute_answered_with_the_card(pg: Playground):
    reply, _ = _card(await pg.say("whoami", as_user="Kevin"))
    result = await pg.execute(reply, "whoami.refresh", as_user="Kevin")
    assert result.card is not None
    assert card_title(result.card) == "Kevin"


async def test_the_clicker_is_who_the_bot_sees(pg: Playground):
    # Allison clicks Refresh on Kevin's card in the group chat: the card is re-read for her.
    reply, _ = _card(await pg.say("whoami", as_user="Kevin"))
    result = await pg.execute(reply, "whoami.refresh", as_user="Allison")
    assert card_title(result.card) == "Allison"


async def test_only_members_of_a_chat_can_click_its_cards(pg: Playground):
    reply, _ = _card(await pg.say("whoami"))
    with pytest.raises(PlaygroundError, match="UserNotFound"):
        await pg.execute(reply, "whoami.refresh", as_user="Kevin")


async def test_an_action_submit_naming_a_verb_updates_the_card(pg: Playground):
    reply, _ = _card(await pg.say("whoami"))
    updates = await pg.submit(reply, {"verb": "whoami.refresh"})
    assert [u["id"] for u in updates if u["updated"]] == [reply["id"]]
    _, card = _card(updates)
    assert card_title(card) == "Mary"


async def test_a_help_button_types_its_command(pg: Playground):
    reply, _ = _card(await pg.say("help"))
    _, card = _card(await pg.submit(reply, title="whoami"))
    assert card_title(card) == "Mary"
