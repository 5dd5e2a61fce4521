"""What typed text asks for: a serial, a sales order, or a customer's name."""

from __future__ import annotations

import pytest

from services.bp_search import MAX_QUERY, USAGE, Kind, Query, QueryError, classify


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("SN-20481", Query(Kind.MACHINE, "SN-20481")),
        ("  bp7731a ", Query(Kind.MACHINE, "bp7731a")),
        ("SO-1042", Query(Kind.ORDER, "SO-1042")),
        ("so 1042", Query(Kind.ORDER, "SO-1042")),
        ("SO#1042", Query(Kind.ORDER, "SO-1042")),
        ("Sales order 1042", Query(Kind.ORDER, "SO-1042")),
        ("Acme   Foods", Query(Kind.CUSTOMER, "Acme Foods")),
        ("3M", Query(Kind.CUSTOMER, "3M")),
        ("O'Brien & Sons", Query(Kind.CUSTOMER, "O'Brien & Sons")),
    ],
)
def test_the_shape_of_the_text_says_what_it_is(typed: str, query: Query):
    assert classify(typed) == query


def test_the_extensions_command_names_the_kind_whatever_the_shape():
    assert classify("Acme", Kind.MACHINE) == Query(Kind.MACHINE, "Acme")
    assert classify("SN-20481", Kind.CUSTOMER) == Query(Kind.CUSTOMER, "SN-20481")
    assert classify("1042", Kind.ORDER) == Query(Kind.ORDER, "SO-1042")


def test_nothing_to_look_up_is_told_what_to_type():
    with pytest.raises(QueryError) as empty:
        classify("   ")
    assert str(empty.value) == USAGE


def test_a_query_longer_than_any_name_is_refused_with_its_length():
    assert classify("x" * MAX_QUERY).kind is Kind.CUSTOMER
    with pytest.raises(QueryError) as long:
        classify("x" * (MAX_QUERY + 1))
    assert str(long.value) == (
        "That is too long to look up. Keep it to 100 characters (this has 101)."
    )
