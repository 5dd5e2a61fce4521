"""SqlStorage behaves like botbuilder's own storages, on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest
from botbuilder.core import StoreItem

from bot.storage import SqlStorage, StorageEtagConflict
from services.db import Database, EtagConflict, StateRepository


@pytest.fixture
def storage(database: Database) -> SqlStorage:
    """A SqlStorage on a migrated database of each kind."""
    return SqlStorage(database)


async def test_write_read_delete(storage: SqlStorage) -> None:
    await storage.write({"a": {"count": 1}, "b": {"count": 2, "nested": {"list": [1, "x"]}}})

    items = await storage.read(["a", "b", "unknown"])

    assert set(items) == {"a", "b"}
    assert items["a"]["count"] == 1
    assert items["b"]["nested"] == {"list": [1, "x"]}
    assert items["a"]["e_tag"] and items["a"]["e_tag"] != items["b"]["e_tag"]

    await storage.delete(["a", "unknown"])
    assert set(await storage.read(["a", "b"])) == {"b"}


async def test_empty_and_missing_arguments_follow_memory_storage(storage: SqlStorage) -> None:
    assert await storage.read([]) == {}
    assert await storage.read(None) == {}
    await storage.write({})
    await storage.delete([])
    with pytest.raises(Exception, match="Changes are required when writing"):
        await storage.write(None)


async def test_a_stale_e_tag_raises_and_keeps_the_stored_item(storage: SqlStorage) -> None:
    await storage.write({"k": {"count": 1}})
    mine = (await storage.read(["k"]))["k"]
    theirs = (await storage.read(["k"]))["k"]
    theirs["count"] = 2
    await storage.write({"k": theirs})

    mine["count"] = 99
    with pytest.raises(StorageEtagConflict, match="Etag conflict") as raised:
        await storage.write({"k": mine})

    assert isinstance(raised.value, KeyError)  # what MemoryStorage raises
    assert isinstance(raised.value.__cause__, EtagConflict)
    assert "changed since it was read" in str(raised.value)
    assert (await storage.read(["k"]))["k"]["count"] == 2


async def test_star_and_no_e_tag_overwrite(storage: SqlStorage) -> None:
    await storage.write({"k": {"count": 1}})
    stale = (await storage.read(["k"]))["k"]
    await storage.write({"k": {"count": 2}})

    await storage.write({"k": {**stale, "count": 3, "e_tag": "*"}})
    assert (await storage.read(["k"]))["k"]["count"] == 3

    await storage.write({"k": {"count": 4}})
    assert (await storage.read(["k"]))["k"]["count"] == 4


async def test_an_empty_e_tag_is_refused(storage: SqlStorage) -> None:
    with pytest.raises(ValueError, match="etag missing"):
        await storage.write({"k": {"count": 1, "e_tag": ""}})
    assert await storage.read(["k"]) == {}


async def test_a_conditional_writer_can_save_twice(storage: SqlStorage) -> None:
    await storage.write({"k": {"count": 1}})
    item = (await storage.read(["k"]))["k"]
    read_e_tag = item["e_tag"]

    item["count"] = 2
    await storage.write({"k": item})
    item["count"] = 3
    await storage.write({"k": item})  # as BotState does when a turn saves twice

    assert item["e_tag"] != read_e_tag
    assert (await storage.read(["k"]))["k"] == {"count": 3, "e_tag": item["e_tag"]}


async def test_store_items_come_back_as_store_items(storage: SqlStorage) -> None:
    await storage.write({"item": StoreItem(name="sealer", count=1, e_tag="*")})

    item = (await storage.read(["item"]))["item"]

    assert isinstance(item, StoreItem)
    assert (item.name, item.count) == ("sealer", 1)
    assert item.e_tag not in (None, "", "*")

    item.count = 2
    await storage.write({"item": item})
    stale = StoreItem(name="sealer", count=5, e_tag="not-the-current-one")
    with pytest.raises(StorageEtagConflict):
        await storage.write({"item": stale})
    assert (await storage.read(["item"]))["item"].count == 2


async def test_python_values_inside_state_round_trip(storage: SqlStorage) -> None:
    # What a dialog's step.values or a feature's state may hold, beyond plain JSON.
    values = {
        "filed_at": datetime(2026, 5, 4, 8, 30, tzinfo=UTC),
        "serials": ("SN-1", "SN-2"),
        "tags": {"urgent"},
        "draft": StoreItem(subject="Sealer jams"),
    }
    await storage.write({"k": {"values": values}})

    restored = (await storage.read(["k"]))["k"]["values"]

    assert restored["filed_at"] == values["filed_at"]
    assert (restored["serials"], restored["tags"]) == (values["serials"], values["tags"])
    assert isinstance(restored["draft"], StoreItem) and restored["draft"].subject == "Sealer jams"


async def test_a_failed_batch_writes_nothing(storage: SqlStorage) -> None:
    await storage.write({"old": {"count": 1}})
    stale = (await storage.read(["old"]))["old"]
    await storage.write({"old": {"count": 2}})

    with pytest.raises(StorageEtagConflict):
        await storage.write({"fresh": {"count": 1}, "old": stale})

    assert set(await storage.read(["fresh", "old"])) == {"old"}


async def test_items_are_stored_without_their_e_tag(database: Database) -> None:
    # The e_tag lives in its own column; a copy inside the JSON would only go stale.
    await SqlStorage(database).write({"k": {"count": 1, "e_tag": "*"}})

    data, _ = (await StateRepository(database).read(["k"]))["k"]

    assert data == {"count": 1}
