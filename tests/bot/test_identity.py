"""Who is calling: a stored link to a roster id that no longer exists is re-matched."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.keys import SERVICES
from services.db.identity import IdentityLink
from tests.harness.desk import Desk


async def test_a_renamed_roster_id_does_not_lock_the_person_out(desk: Desk):
    sean = desk.user("Sean")
    links = desk.app[SERVICES].identities
    # Sean was linked under his old roster id, which the profile no longer has.
    await links.put(
        IdentityLink(
            channel_user_id=sean.user.user_id,
            aad_object_id=sean.user.aad_object_id,
            email=sean.user.email,
            person_id="sean-old",
            resolved_at=datetime.now(UTC),
        )
    )

    answer = await sean.says("whoami")

    assert answer.status == 201
    assert "Sean" in str(answer.card)
    relinked = await links.get(sean.user.user_id)
    assert relinked is not None and relinked.person_id != "sean-old"
