"""IdentityLinkRepository: the cache of who a Teams user is."""

from datetime import UTC, datetime, timedelta

from services.db import Database, IdentityLink, IdentityLinkRepository


async def test_put_then_get(database: Database) -> None:
    links = IdentityLinkRepository(database)
    link = IdentityLink(
        channel_user_id="29:1abc",
        aad_object_id="aad-anna",
        email="anna@bestpack.example",
        person_id="p-anna",
        resolved_at=datetime(2026, 5, 4, 8, 0, tzinfo=UTC),
    )

    await links.put(link)

    assert await links.get("29:1abc") == link
    assert await links.get("29:unknown") is None


async def test_put_replaces_a_stale_link(database: Database) -> None:
    links = IdentityLinkRepository(database)
    then = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    await links.put(IdentityLink("29:1abc", None, "new.hire@bestpack.example", None, then))

    later = IdentityLink(
        "29:1abc", "aad-nh", "new.hire@bestpack.example", "p-nh", then + timedelta(hours=1)
    )
    await links.put(later)

    assert await links.get("29:1abc") == later
