"""Zendesk's ticket numbers as people type them, beside the bot's own."""

import pytest

from services.numbers import parse_zendesk_ref, split_ticket_ref


@pytest.mark.parametrize("typed", ["ZD-4711", "zd 4711", "zendesk 4711", "Zendesk #4711", "zd4711"])
def test_zendesk_numbers_as_people_write_them(typed):
    assert parse_zendesk_ref(typed) == 4711


@pytest.mark.parametrize("typed", ["BP-4711", "#4711", "4711", "zendesk", "zd-", "zd 99999999999"])
def test_anything_else_is_not_a_zendesk_number(typed):
    assert parse_zendesk_ref(typed) is None


def test_a_zendesk_number_keeps_its_two_words_before_the_rest():
    assert split_ticket_ref("zendesk 4711 belt replaced") == ("zendesk 4711", "belt replaced")
    assert split_ticket_ref("ZD-4711 belt replaced") == ("ZD-4711", "belt replaced")
    assert split_ticket_ref("BP-1001 belt replaced") == ("BP-1001", "belt replaced")
    assert split_ticket_ref("zdenek kevin") == ("zdenek", "kevin")
