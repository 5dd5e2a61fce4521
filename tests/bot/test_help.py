"""Conversations about what the bot can do: help, unknown text, strangers, channels."""

from __future__ import annotations

from tests.harness import activities as act
from tests.harness.cards import facts
from tests.harness.desk import Desk


async def test_mary_asks_for_help_and_gets_the_commands_of_the_registry(desk: Desk):
    mary = desk.user("Mary")
    answer = await mary.says("help")
    assert answer.status == 201
    card = answer.card
    assert card["version"] == "1.5"
    commands = facts(card)
    assert "help" in commands and "whoami" in commands
    assert "Mary" in card["body"][1]["text"]
    assert answer.last.authorization is None  # authentication off: replies go out unsigned
    imback = [a["data"]["msteams"]["value"] for a in card.get("actions", [])]
    assert "whoami" in imback


async def test_help_aliases_and_case_do_not_matter(desk: Desk):
    kevin = desk.user("Kevin")
    for text in ("HELP", "  menu ", "?"):
        answer = await kevin.says(text)
        assert "whoami" in facts(answer.card), text


async def test_unknown_text_gets_a_hint_not_silence(desk: Desk):
    jordan = desk.user("Jordan")
    answer = await jordan.says("make me a sandwich")
    assert answer.texts == ["I didn't catch that. Type `help` to see what I can do."]


async def test_a_stranger_is_told_politely_they_are_not_on_the_roster(desk: Desk):
    visitor = desk.user("Pat Visitor", "pat@elsewhere.example")
    answer = await visitor.says("queue")
    assert len(answer.texts) == 1
    assert "not on the support roster" in answer.texts[0]
    help_answer = await visitor.says("help")
    assert "not on the support roster" in str(help_answer.card)


async def test_in_a_channel_the_mention_is_removed_before_routing(desk: Desk):
    sean = desk.user("Sean")
    answer = await sean.says_in_channel("help")
    assert "whoami" in facts(answer.card)
    # In a channel the bot answers in the thread of the post that mentioned it.
    assert answer.last.op == "reply"
    assert answer.last.conversation_id.startswith("19:triage@thread.tacv2")


async def test_installing_the_app_says_hello_with_the_help_card(desk: Desk):
    allison = desk.user("Allison")
    answer = await allison.installs_the_app()
    assert "whoami" in facts(answer.card)


async def test_a_help_button_sent_as_value_without_text_runs_its_command(desk: Desk):
    # The Agents Playground sends an imBack button's data as `value`; Teams sends the text.
    kevin = desk.user("Kevin")
    help_card = (await kevin.says("help")).last
    answer = await kevin.posts(
        {
            **act.submit_action(
                kevin.user,
                {"msteams": {"type": "imBack", "value": "whoami"}},
                help_card.activity_id or "",
                desk.service_url,
            )
        }
    )
    assert answer.card["body"][0]["text"] == "Kevin"


async def test_help_names_the_profile_and_shows_placeholders_teams_keeps(desk: Desk):
    mary = desk.user("Mary")
    card = (await mary.says("help")).card
    assert card["body"][1]["text"] == (
        "Hi Mary. Here is what you can do (The BestPack Support Way)."
    )
    commands = facts(card)
    # Teams reads `<ticket>` as an HTML tag and shows "assign [reason]"; these survive.
    assert "assign BP-1001 \u2039person\u203a [reason]" in commands
    assert "ticket BP-1001" in commands
    assert not any("<" in usage or "&lt;" in usage for usage in commands)


async def test_the_command_a_role_uses_most_is_a_button_first(desk: Desk):
    def imbacks(card: dict) -> list[str]:
        return [a["data"]["msteams"]["value"] for a in card.get("actions", [])]

    mary_buttons = imbacks((await desk.user("Mary").says("help")).card)
    kevin_buttons = imbacks((await desk.user("Kevin").says("help")).card)
    assert mary_buttons[0] == "queue"  # triage's everyday list
    assert "queue" not in kevin_buttons
    assert "my tickets" in kevin_buttons
