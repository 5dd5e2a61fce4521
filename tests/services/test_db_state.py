"""StateRepository: JSON documents with e_tag optimistic concurrency."""

import asyncio

import pytest

from services.db import Database, EtagConflict, StateRepository


async def test_write_then_read(database: Database) -> None:
    state = StateRepository(database)
    e_tag = await state.write("conv/1", {"step": 1, "values": {"name": "Anna"}}, None)

    assert await state.read(["conv/1", "conv/unknown"]) == {
        "conv/1": ({"step": 1, "values": {"name": "Anna"}}, e_tag)
    }
    assert await state.read([]) == {}


async def test_a_matching_e_tag_writes_and_gets_a_new_one(database: Database) -> None:
    state = StateRepository(database)
    first = await state.write("k", {"n": 1}, None)

    second = await state.write("k", {"n": 2}, first)

    assert second != first
    assert (await state.read(["k"]))["k"] == ({"n": 2}, second)


async def test_a_stale_e_tag_is_a_conflict_and_writes_nothing(database: Database) -> None:
    state = StateRepository(database)
    stale = await state.write("k", {"n": 1}, None)
    current = await state.write("k", {"n": 2}, stale)

    with pytest.raises(EtagConflict, match="changed since it was read") as raised:
        await state.write("k", {"n": 3}, stale)

    assert (raised.value.key, raised.value.expected, raised.value.stored) == ("k", stale, current)
    assert (await state.read(["k"]))["k"] == ({"n": 2}, current)


async def test_an_e_tag_for_a_deleted_document_is_a_conflict(database: Database) -> None:
    state = StateRepository(database)
    e_tag = await state.write("k", {"n": 1}, None)
    await state.delete(["k"])

    with pytest.raises(EtagConflict, match="no document") as raised:
        await state.write("k", {"n": 2}, e_tag)

    assert raised.value.stored is None
    assert await state.read(["k"]) == {}


@pytest.mark.parametrize("unconditional", [None, "*"])
async def test_none_and_star_overwrite_whatever_is_stored(
    database: Database, unconditional: str | None
) -> None:
    state = StateRepository(database)
    await state.write("k", {"n": 1}, None)

    e_tag = await state.write("k", {"n": 9}, unconditional)

    assert (await state.read(["k"]))["k"] == ({"n": 9}, e_tag)


async def test_an_empty_e_tag_is_refused(database: Database) -> None:
    with pytest.raises(ValueError, match="empty e_tag"):
        await StateRepository(database).write("k", {}, "")


async def test_write_many_is_all_or_nothing(database: Database) -> None:
    state = StateRepository(database)
    stale = await state.write("b", {"n": 1}, None)
    await state.write("b", {"n": 2}, None)

    with pytest.raises(EtagConflict):
        await state.write_many({"a": ({"n": 1}, None), "b": ({"n": 3}, stale)})

    assert set(await state.read(["a", "b"])) == {"b"}


async def test_of_two_racing_conditional_writers_exactly_one_wins(database: Database) -> None:
    state = StateRepository(database)
    read_by_both = await state.write("k", {"winner": None}, None)

    outcomes = await asyncio.gather(
        *(state.write("k", {"winner": who}, read_by_both) for who in ("a", "b")),
        return_exceptions=True,
    )

    conflicts = [outcome for outcome in outcomes if isinstance(outcome, EtagConflict)]
    new_tags = [outcome for outcome in outcomes if isinstance(outcome, str)]
    assert len(conflicts) == 1 and len(new_tags) == 1
    data, e_tag = (await state.read(["k"]))["k"]
    assert e_tag == new_tags[0] and data["winner"] in ("a", "b")


async def test_racing_first_writes_of_one_key_both_succeed(database: Database) -> None:
    state = StateRepository(database)

    tags = await asyncio.gather(*(state.write("new", {"n": n}, None) for n in range(5)))

    data, e_tag = (await state.read(["new"]))["new"]
    assert e_tag in tags and data["n"] in range(5)


async def test_delete_ignores_unknown_keys(database: Database) -> None:
    state = StateRepository(database)
    await state.write("a", {}, None)
    await state.write("b", {}, None)

    await state.delete(["a", "never-written"])
    await state.delete([])

    assert set(await state.read(["a", "b"])) == {"b"}


async def test_long_and_odd_keys_work(database: Database) -> None:
    state = StateRepository(database)
    keys = ["x" * 1024, '!@#$%^&*()_+??><":QASD~`', "msteams/conversations/a:1Xé💬/"]
    for key in keys:
        await state.write(key, {"key": key}, None)

    stored = await state.read(keys)

    assert {key: data["key"] for key, (data, _) in stored.items()} == {key: key for key in keys}
