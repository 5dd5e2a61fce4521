"""The Teams icons: sizes, colours, and the committed files matching their generator."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from scripts import make_icons, package_app
from scripts.package_app import APP_PACKAGE, PackageError, PackageSettings, build

BOT_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"
Pixel = tuple[int, int, int, int]


def read(name: str) -> tuple[tuple[int, int], list[Pixel]]:
    """A committed icon's size and RGBA pixels, row by row."""
    with Image.open(APP_PACKAGE / name) as image:
        flat = image.convert("RGBA").tobytes()
        return image.size, [tuple(flat[i : i + 4]) for i in range(0, len(flat), 4)]


def test_the_colour_icon_is_192_square_opaque_and_on_the_accent_colour():
    size, pixels = read("color.png")
    assert size == (192, 192)
    assert {a for *_, a in pixels} == {255}, "Teams shows the colour icon on its own background"
    accent = make_icons._rgb(make_icons.ACCENT)
    assert tuple(pixels[0][:3]) == accent and tuple(pixels[-1][:3]) == accent
    assert (255, 255, 255, 255) in pixels, "the glyph is white"


def test_the_outline_icon_is_32_square_white_on_transparent():
    size, pixels = read("outline.png")
    assert size == (32, 32)
    visible = [p for p in pixels if p[3] > 0]
    assert all(p[:3] == (255, 255, 255) for p in visible), "outline pixels must be white"
    assert pixels[0][3] == 0 and pixels[-1][3] == 0, "the background is transparent"
    assert sum(p[3] == 255 for p in pixels) >= 200, "the glyph is solid, not a faint smear"


@pytest.mark.parametrize("name", sorted(make_icons.ICONS))
def test_the_committed_icon_is_what_the_generator_draws(name):
    # Fails after editing scripts/make_icons.py without running it (or the PNGs by hand).
    drawn = make_icons.ICONS[name]()
    assert drawn == make_icons.ICONS[name](), "two runs must write the same bytes"
    assert (APP_PACKAGE / name).read_bytes() == drawn


def test_the_generator_writes_plain_rgba_pngs_without_metadata():
    # Metadata (a timestamp, a Pillow version) would make the bytes differ between machines.
    with Image.open(io.BytesIO(make_icons.outline_icon())) as image:
        assert (image.format, image.mode, image.size, image.info) == ("PNG", "RGBA", (32, 32), {})


def test_a_damaged_icon_stops_the_package_build(monkeypatch, tmp_path):
    for name in ("manifest.json", "color.png"):
        (tmp_path / name).write_bytes((APP_PACKAGE / name).read_bytes())
    data = bytearray((APP_PACKAGE / "outline.png").read_bytes())
    data[data.index(b"IDAT") + 10] ^= 0xFF  # inside the image data: only its checksum can tell
    (tmp_path / "outline.png").write_bytes(bytes(data))
    monkeypatch.setattr(package_app, "APP_PACKAGE", tmp_path)
    settings = PackageSettings(_env_file=None, bot_id=BOT_ID, bot_domain="desk.bestpack.com")
    with pytest.raises(PackageError, match=r"outline\.png is not a readable PNG"):
        build(settings)
