"""Stored text is cut to fit a card, in bytes of the card's JSON, whatever script it is in."""

from __future__ import annotations

import json

import pytest

from cards.fit import clip
from cards.forms import field_input
from cards.history import PAGE_BYTES, history_card, history_pages
from services.profile import FieldKind, FormField, load_profile
from tests.cards.examples.ticket import TICKET

PROFILE = load_profile("bestpack")


def encoded(text: str) -> int:
    return len(json.dumps(text)) - 2


def test_text_that_fits_is_left_alone():
    assert clip("Checked the PLC program", 300) == "Checked the PLC program"


@pytest.mark.parametrize(
    "text",
    ["word " * 1000, "x" * 900_000, "日本語" * 2000, '"\\' * 2000, "line\n" * 900, "😀" * 900],
)
def test_long_text_is_cut_to_its_size_in_json_and_marked(text: str):
    cut = clip(text, 500)
    assert cut.endswith("…")
    assert 400 < encoded(cut) <= 500
    assert text.startswith(cut[:-1])


def test_the_cut_falls_between_words_when_one_is_near():
    assert clip("alpha beta gamma delta epsilon", 26) == "alpha beta gamma…"


def test_history_pages_hold_every_line_newest_page_first_each_within_its_size():
    lines = [f"entry {i} " + "n" * (i * 37 % 5000) for i in range(300)]
    pages = history_pages(lines)
    assert [line for page in reversed(pages) for line in page] == [clip(x, 4400) for x in lines]
    assert all(sum(encoded(line) + 80 for line in page) <= PAGE_BYTES for page in pages)
    assert pages[0][-1].startswith("entry 299")


def test_a_page_past_the_last_shows_the_last_and_an_empty_timeline_says_so():
    lines = [f"entry {i}: " + "x" * 4000 for i in range(20)]
    last = history_card(TICKET, lines, 99)
    assert "Newer" in [a["title"] for a in last["actions"]]
    assert "Older" not in [a["title"] for a in last["actions"]]
    empty = history_card(TICKET, [])
    assert empty["body"][1]["text"] == "Nothing has happened to this ticket yet."


def test_form_inputs_show_the_limit_the_server_checks_and_hold_no_more():
    spec = FormField(id="site", label="Site", kind=FieldKind.TEXT, placeholder="Newark plant")
    short = spec.model_copy(update={"max_length": 40})
    text = field_input(PROFILE, short, "y" * 900).model_dump(by_alias=True, exclude_none=True)
    assert (text["maxLength"], text["placeholder"]) == (40, "Newark plant · up to 40 characters")
    assert text["value"] == "y" * 40
    assert field_input(PROFILE, spec, None).max_length == 255
    count = FormField(id="n", label="Boxes", kind=FieldKind.NUMBER, minimum=1, maximum=50)
    number = field_input(PROFILE, count, "7").model_dump(by_alias=True, exclude_none=True)
    assert (number["min"], number["max"], number["value"]) == (1, 50, 7)
    assert number["placeholder"] == "1 to 50"
    assert number["errorMessage"] == "Enter a number from 1 to 50."
