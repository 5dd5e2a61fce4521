"""Every conversation the bot hears from is remembered, so it can speak first later."""

from __future__ import annotations

from bot.keys import BOT, SERVICES
from tests.harness import activities as act
from tests.harness.desk import Desk


async def test_a_personal_chat_is_stored_under_the_user_with_their_roster_id(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("help")
    stored = await desk.app[SERVICES].references.get(f"user:{mary.user.aad_object_id}")
    assert stored is not None
    assert stored.kind == "personal"
    assert stored.person_id == "mary"
    assert stored.reference["serviceUrl"] == desk.service_url
    assert stored.reference["conversation"]["id"] == f"a:1on1-{mary.user.user_id}"
    assert (await desk.app[SERVICES].references.for_person("mary")).key == stored.key


async def test_a_channel_is_stored_once_without_the_thread_message_id(desk: Desk):
    sean = desk.user("Sean")
    channel = act.Channel()
    await sean.says_in_channel("help", channel)
    stored = await desk.app[SERVICES].references.get(f"channel:{channel.channel_id}")
    assert stored.kind == "channel"
    assert stored.person_id is None  # a channel belongs to nobody
    assert stored.team_id == channel.team_id
    assert stored.reference["conversation"]["id"] == channel.channel_id


async def test_installing_the_app_stores_the_reference_before_any_message(desk: Desk):
    jordan = desk.user("Jordan")
    await jordan.installs_the_app()
    stored = await desk.app[SERVICES].references.for_person("jordan")
    assert stored is not None and stored.usable


async def test_a_reference_marked_unusable_is_revived_by_the_next_message(desk: Desk):
    kevin = desk.user("Kevin")
    await kevin.says("help")
    key = f"user:{kevin.user.aad_object_id}"
    await desk.app[BOT].references.mark_unusable(key, "403 from the connector")
    assert not (await desk.app[SERVICES].references.get(key)).usable
    await kevin.says("help")
    assert (await desk.app[SERVICES].references.get(key)).usable


async def test_a_conversation_of_an_unknown_type_is_kept_by_whether_it_is_a_group(desk: Desk):
    jordan = desk.user("Jordan")
    activity = act.personal_message(jordan.user, "help", desk.service_url)
    activity["conversation"] = {"id": "emulator-room-7", "isGroup": True}
    answer = await jordan.posts(activity)
    assert answer.status == 201
    stored = await desk.app[SERVICES].references.get("conversation:emulator-room-7")
    assert stored.kind == "groupChat"
