"""The Teams icons: sizes, colours, and the committed files matching their generator."""

from __future__ import annotations

import random
import zlib

import pytest

from scripts import make_icons, png
from scripts.package_app import APP_PACKAGE


def test_the_colour_icon_is_192_square_opaque_and_on_the_accent_colour():
    width, height, pixels = png.read(APP_PACKAGE / "color.png")
    assert (width, height) == (192, 192)
    assert {a for *_, a in pixels} == {255}, "Teams shows the colour icon on its own background"
    accent = make_icons._rgb(make_icons.ACCENT)
    assert tuple(pixels[0][:3]) == accent and tuple(pixels[-1][:3]) == accent
    assert (255, 255, 255, 255) in pixels, "the glyph is white"


def test_the_outline_icon_is_32_square_white_on_transparent():
    width, height, pixels = png.read(APP_PACKAGE / "outline.png")
    assert (width, height) == (32, 32)
    visible = [p for p in pixels if p[3] > 0]
    assert all(p[:3] == (255, 255, 255) for p in visible), "outline pixels must be white"
    assert pixels[0][3] == 0 and pixels[-1][3] == 0, "the background is transparent"
    assert sum(p[3] == 255 for p in pixels) >= 200, "the glyph is solid, not a faint smear"


@pytest.mark.parametrize("name", sorted(make_icons.ICONS))
def test_the_committed_icon_is_what_the_generator_draws(name):
    # Fails after editing scripts/make_icons.py without running it (or the PNGs by hand).
    assert (APP_PACKAGE / name).read_bytes() == make_icons.ICONS[name]()


def _filtered_png(width: int, height: int, pixels: list, filters: list[int]) -> bytes:
    """An RGBA PNG whose rows use the given filter types, built the way encoders do."""
    raw, previous = bytearray(), bytes(width * 4)
    for y in range(height):
        line = bytes(v for p in pixels[y * width : (y + 1) * width] for v in p)
        out = bytearray()
        for i, value in enumerate(line):
            left = line[i - 4] if i >= 4 else 0
            up, up_left = previous[i], previous[i - 4] if i >= 4 else 0
            predictor = (0, left, up, (left + up) // 2, png._paeth(left, up, up_left))[filters[y]]
            out.append((value - predictor) & 0xFF)
        raw += bytes([filters[y]]) + out
        previous = line
    header = png.struct.pack(">IIBBBBB", width, height, 8, png.RGBA, 0, 0, 0)
    idat = png._chunk(b"IDAT", zlib.compress(bytes(raw)))
    return png.SIGNATURE + png._chunk(b"IHDR", header) + idat + png._chunk(b"IEND", b"")


def test_the_reader_undoes_every_row_filter_an_encoder_may_use():
    # Icons a designer exports usually use filters 1-4; the package check must read them too.
    rng = random.Random(7)
    pixels = [tuple(rng.randrange(256) for _ in range(4)) for _ in range(6 * 5)]
    data = _filtered_png(6, 5, pixels, [0, 1, 2, 3, 4])
    assert png.decode(data) == (6, 5, pixels)
    assert png.decode(png.encode(6, 5, pixels)) == (6, 5, pixels)


def test_a_damaged_png_is_refused():
    data = bytearray((APP_PACKAGE / "outline.png").read_bytes())
    data[40] ^= 0xFF
    with pytest.raises(ValueError, match="CRC"):
        png.decode(bytes(data))
