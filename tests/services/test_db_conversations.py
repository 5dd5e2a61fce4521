"""ConversationRefRepository: storing, finding and retiring conversation references."""

from datetime import UTC

from services.db import ConversationRefRepository, Database, StoredReference

SERVICE_URL = "https://smba.trafficmanager.net/emea/"


def personal(
    person_id: str | None, aad: str = "aad-anna", conversation: str = "a:1"
) -> StoredReference:
    """A 1:1 chat reference, shaped like ConversationReference.serialize() output."""
    return StoredReference(
        key=f"user:{aad}",
        kind="personal",
        person_id=person_id,
        tenant_id="tenant-1",
        team_id=None,
        channel_id=None,
        reference={
            "bot": {"id": "28:bot", "name": "Desk"},
            "user": {"id": "29:anna", "aadObjectId": aad},
            "conversation": {"id": conversation, "conversationType": "personal"},
            "channelId": "msteams",
            "serviceUrl": SERVICE_URL,
        },
    )


def channel(key: str = "channel:19:support@thread.tacv2") -> StoredReference:
    """A team channel reference."""
    return StoredReference(
        key=key,
        kind="channel",
        person_id=None,
        tenant_id="tenant-1",
        team_id="19:team@thread.tacv2",
        channel_id=key.removeprefix("channel:"),
        reference={"conversation": {"id": key, "conversationType": "channel"}},
    )


async def test_upsert_then_get_returns_what_was_stored(database: Database) -> None:
    refs = ConversationRefRepository(database)

    stored = await refs.upsert(personal("p-anna"))

    assert stored.updated_at is not None and stored.updated_at.tzinfo is UTC
    assert await refs.get("user:aad-anna") == stored
    assert await refs.get("user:nobody") is None


async def test_upsert_replaces_the_reference_under_the_same_key(database: Database) -> None:
    refs = ConversationRefRepository(database)
    await refs.upsert(personal("p-anna", conversation="a:old"))

    await refs.upsert(personal("p-anna", conversation="a:new"))

    found = await refs.get("user:aad-anna")
    assert found is not None and found.reference["conversation"]["id"] == "a:new"


async def test_for_person_finds_their_personal_chat_only(database: Database) -> None:
    refs = ConversationRefRepository(database)
    await refs.upsert(channel())
    await refs.upsert(personal("p-anna"))
    await refs.upsert(personal("p-ben", aad="aad-ben"))

    anna = await refs.for_person("p-anna")

    assert anna is not None and (anna.key, anna.kind) == ("user:aad-anna", "personal")
    assert await refs.for_person("p-nobody") is None


async def test_for_person_prefers_a_usable_chat(database: Database) -> None:
    refs = ConversationRefRepository(database)
    await refs.upsert(personal("p-anna", aad="aad-anna-old"))
    await refs.upsert(personal("p-anna", aad="aad-anna-new"))
    await refs.mark_unusable("user:aad-anna-new", "403 bot blocked")

    found = await refs.for_person("p-anna")

    assert found is not None and found.key == "user:aad-anna-old"


async def test_mark_unusable_until_a_fresh_reference_arrives(database: Database) -> None:
    refs = ConversationRefRepository(database)
    await refs.upsert(channel())

    assert await refs.mark_unusable("channel:19:support@thread.tacv2", "404 bot removed")
    assert not await refs.mark_unusable("channel:unknown", "404")

    retired = await refs.get("channel:19:support@thread.tacv2")
    assert retired is not None
    assert (retired.usable, retired.unusable_reason) == (False, "404 bot removed")

    await refs.upsert(channel())
    revived = await refs.get("channel:19:support@thread.tacv2")
    assert revived is not None and (revived.usable, revived.unusable_reason) == (True, None)
