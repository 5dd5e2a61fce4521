"""The scorecard card at chat size: headers that fit, a readable chart, a size that holds."""

from __future__ import annotations

import io
import json

from PIL import Image

from tests.cards.examples.scorecard import busy, by_person_30, roster_of_30
from tests.harness.cards import elements, facts, texts
from tests.harness.scorecard import chart

# Characters of small text across a chat-width card on a phone (about 330 px of 7 px glyphs).
CHAT_CHARACTERS = 46
SIZE_LIMIT = 20 * 1024


def table_rows(card: dict) -> list[list[tuple[str, float]]]:
    """Each ColumnSet of the card: its cells' texts with the share of the width they get."""
    rows = []
    for element in elements(card):
        if element["type"] == "ColumnSet":
            total = sum(c["width"] for c in element["columns"])
            rows.append([(c["items"][0]["text"], c["width"] / total) for c in element["columns"]])
    return rows


def test_no_table_cell_breaks_a_word_at_chat_size():
    for row in table_rows(busy()):
        for text, share in row:
            room = CHAT_CHARACTERS * share
            assert max(len(word) for word in text.split()) <= room, (text, room)


def test_the_card_uses_the_full_width_of_the_chat():
    assert busy()["msteams"] == {"width": "Full"}


def test_a_30_person_roster_keeps_the_card_small_behind_a_by_person_button():
    card = roster_of_30()

    assert len(json.dumps(card).encode()) < SIZE_LIMIT
    assert not any(name.startswith("Maximiliana") for name in facts(card))
    by_person = [a for a in card["actions"] if a["title"] == "By person"]
    assert [a["data"]["msteams"]["value"] for a in by_person] == ["scorecard 2026-W47 by person"]
    people = by_person_30()
    assert len(json.dumps(people).encode()) < SIZE_LIMIT
    assert texts(people)[0] == "Scorecard by person · 2026-W47"
    assert len(facts(people)) == 30


def test_a_small_roster_is_on_the_card_one_line_a_person():
    lines = facts(busy())
    assert (
        lines["Kevin"] == "42 assigned · 36 resolved · 2 reopened · first answer 74 min · 14 open"
    )
    assert not [a for a in busy()["actions"] if a["title"] == "By person"]


def test_the_chart_is_large_and_says_in_words_what_it_shows():
    card = busy()
    width, height = Image.open(io.BytesIO(chart(card))).size
    assert width >= 500 and height >= 320  # two panels, large type
    [image] = [e for e in elements(card) if e["type"] == "Image"]
    assert "2026-W47: 187 resolved, 14 reopened, reopen rate 15.4%" in image["altText"]
