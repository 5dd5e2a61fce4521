"""Who the bot thinks the caller is: roster look-ups by e-mail/UPN and by Entra object id."""

from __future__ import annotations

import re
from pathlib import Path

from services.profile.loader import SHIPPED
from tests.harness.cards import facts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk


async def test_kevin_is_found_through_the_teams_roster_api_by_email(desk: Desk):
    kevin = desk.user("Kevin")
    answer = await kevin.says("whoami")
    card = answer.card
    assert card["body"][0]["text"] == "Kevin"
    entry = facts(card)
    assert entry["Title"] == "Controls Engineer"
    assert entry["E-mail"] == "kevin@bestpack.example"
    assert entry["Teams user id"] == kevin.user.user_id


async def test_the_roster_api_is_asked_once_then_the_answer_is_cached(desk: Desk):
    kevin = desk.user("Kevin")
    await kevin.says("whoami")
    await kevin.says("help")
    await kevin.says("whoami")
    assert desk.connector.member_lookups == [kevin.user.user_id]


async def test_a_stranger_sees_the_ids_an_admin_needs(desk: Desk):
    visitor = desk.user("Pat Visitor", "pat@elsewhere.example")
    card = (await visitor.says("whoami")).card
    assert "not on the roster" in card["body"][0]["text"]
    assert facts(card)["Entra object id"] == visitor.user.aad_object_id


async def test_refresh_on_the_whoami_card_replaces_it_in_place(desk: Desk):
    mary = desk.user("Mary")
    sent = (await mary.says("whoami")).last
    answer = await mary.executes(sent, "whoami.refresh")
    assert answer.status == 200
    assert answer.body["statusCode"] == 200
    assert answer.body["type"] == "application/vnd.microsoft.card.adaptive"
    assert answer.body["value"]["body"][0]["text"] == "Mary"
    assert answer.sent == []  # the invoke answer itself replaces the card


async def test_entra_object_id_identifies_without_asking_the_roster_api(
    tmp_path: Path, settings, connector: FakeConnector
):
    profile = (SHIPPED / "bestpack.toml").read_text()
    oid = "5e1f6a0c-1111-4222-8333-944455556666"
    profile = re.sub(r'(id = "allison"\n)', rf'\1aad_object_id = "{oid}"\n', profile, count=1)
    path = tmp_path / "profile.toml"
    path.write_text(profile)
    desk = Desk(settings.model_copy(update={"profile": str(path)}), connector)
    await desk.start()
    try:
        allison = desk.user("Someone", "not-the-roster-mail@x.example", known_to_teams=False)
        allison.user = allison.user.__class__(
            name="Allison", user_id=allison.user.user_id, aad_object_id=oid, email="x@x.example"
        )
        card = (await allison.says("whoami")).card
        assert card["body"][0]["text"] == "Allison"
        assert connector.member_lookups == []
    finally:
        await desk.close()


async def test_whoami_says_what_the_caller_may_do_in_words(desk: Desk):
    entry = facts((await desk.user("Mary").says("whoami")).card)
    assert entry["May"] == (
        "triage new tickets, assign tickets, schedule on-site service, see the team scorecard, "
        "check the ticket sync"
    )
    assert "_" not in entry["May"]


async def test_a_refusal_says_who_may_in_words(desk: Desk):
    answer = await desk.user("Kevin").says("scorecard")
    assert answer.texts == ["Only Mary or Allison may see the team scorecard."]
