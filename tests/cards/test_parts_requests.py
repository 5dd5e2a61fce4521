"""The NC Tape Head banner is readable on the host's warning background."""

from __future__ import annotations

from cards.parts_requests import NC_TAPE_HEAD, nc_tape_head_flag
from cards.render import card, render


def test_the_nc_tape_head_banner_is_not_warning_text_on_a_warning_background():
    banner = render(card([nc_tape_head_flag()]))["body"][0]
    [line] = banner["items"]
    assert (banner["style"], line["text"], line["weight"]) == ("warning", NC_TAPE_HEAD, "Bolder")
    # Warning-coloured text on the warning style is yellow on orange in Teams' light theme.
    assert line.get("color", "Default") == "Default"
