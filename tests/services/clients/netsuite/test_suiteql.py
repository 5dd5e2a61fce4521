"""Text a person typed, put into SuiteQL: it matches itself and nothing else, whatever it holds.

The queries run on the fake NetSuite's SQL (SQLite made to behave like Oracle: case-sensitive
LIKE, UPPER over every script), so a literal that broke out of its quotes, or a % or _ that
stayed a wildcard, would return other rows, or fail.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.clients.netsuite.suiteql import (
    MAX_TEXT,
    UnsafeText,
    clean,
    contains,
    equals,
    identifier,
    like_pattern,
    literal,
)
from tests.harness.fake_netsuite_sql import run
from tests.harness.fake_netsuite_store import NetSuiteStore

# Characters that mean something to SQL, LIKE or a comment, and some beyond ASCII.
TRICKY = st.sampled_from(["'", "''", "%", "_", "\\", "--", "/*", "*/", ";", '"', "ß", "É", "ü"])
TEXT = st.lists(
    st.one_of(
        TRICKY,
        st.text(
            st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=4
        ),
    ),
    min_size=1,
    max_size=6,
).map("".join)
NAMES = st.lists(TEXT, min_size=1, max_size=6)


def store_with(names: list[str]) -> NetSuiteStore:
    store = NetSuiteStore({})
    for name in names:
        store.create("customer", {"companyName": name})
    return store


def names_where(store: NetSuiteStore, condition: str) -> list[str]:
    rows = run(store.db, f"SELECT companyname FROM customer WHERE {condition} ORDER BY id")
    return [row["companyname"] for row in rows]


@settings(max_examples=150, deadline=None)
@given(NAMES, st.data())
def test_a_literal_equals_exactly_the_rows_holding_that_text(names, data):
    needle = data.draw(st.one_of(st.sampled_from(names), TEXT))
    store = store_with(names)
    assert names_where(store, f"companyname = {literal(needle)}") == [
        n for n in names if n == needle
    ]
    assert names_where(store, equals("companyname", needle)) == [
        n for n in names if n.upper() == needle.upper()
    ]


@settings(max_examples=150, deadline=None)
@given(NAMES, st.data())
def test_a_like_pattern_finds_exactly_the_names_containing_the_text_in_any_case(names, data):
    name = data.draw(st.sampled_from(names))
    start = data.draw(st.integers(0, len(name) - 1))
    needle = data.draw(st.one_of(st.just(name[start:]), TEXT))
    store = store_with(names)
    found = names_where(store, contains("companyname", needle))
    assert found == [n for n in names if needle.upper() in n.upper()]


@settings(max_examples=100, deadline=None)
@given(NAMES, st.data())
def test_a_starts_pattern_finds_exactly_the_names_beginning_with_the_text(names, data):
    needle = data.draw(st.one_of(st.sampled_from(names).map(lambda n: n[:2]), TEXT))
    store = store_with(names)
    found = names_where(store, f"companyname LIKE {like_pattern(needle, starts=True)}")
    assert found == [n for n in names if n.startswith(needle)]
    folded = names_where(store, contains("companyname", needle, starts=True))
    assert folded == [n for n in names if n.upper().startswith(needle.upper())]


@pytest.mark.parametrize(
    "typed",
    ["x' OR '1'='1", "x'; DELETE FROM customer --", "50%_off", "a\\%b", "*/ SELECT /*", "Müller"],
)
def test_injection_attempts_find_only_their_own_text(typed):
    store = store_with(["Acme", typed, "Zenith"])
    assert names_where(store, f"companyname = {literal(typed)}") == [typed]
    assert names_where(store, f"companyname LIKE {like_pattern(typed)}") == [typed]


def test_control_characters_and_nul_are_dropped_and_long_text_refused():
    assert clean("Ac\x00me\x1b[0m\n") == "Acme[0m"
    assert literal("O'Brien\x00") == "'O''Brien'"
    with pytest.raises(UnsafeText):
        literal("x" * (MAX_TEXT + 1))


@pytest.mark.parametrize("name", ["customrecord_bp_machine", "custrecord_bp_serial", "entityid"])
def test_record_and_field_ids_pass(name):
    assert identifier(name) == name


@pytest.mark.parametrize(
    "name", ["", "1abc", "custrecord-x", "a b", "x;drop", "x--", "CUSTRECORD_X", "é", "a" * 100]
)
def test_anything_else_is_not_an_identifier(name):
    with pytest.raises(UnsafeText):
        identifier(name)
