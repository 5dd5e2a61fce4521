"""Draw the Teams app icons: appPackage/color.png (192x192) and appPackage/outline.png (32x32).

The glyph is a speech bubble with a check mark cut out of it: a support conversation that gets
resolved. Teams wants the colour icon full colour on a solid background (it rounds the corners
itself) and the outline icon white on transparent. Shapes are sampled 4x4 per pixel, so edges
are anti-aliased exactly; Pillow writes the PNGs with fixed settings and no metadata, so the
output is byte-for-byte reproducible, which tests/appPackage/test_icons.py relies on to keep
the committed PNGs in step with this file.

    python -m scripts.make_icons           # rewrite both PNGs
    python -m scripts.make_icons --check   # exit 1 if the committed PNGs are out of date
"""

from __future__ import annotations

import argparse
import io
import itertools
import math
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image

APP_PACKAGE = Path(__file__).resolve().parents[1] / "appPackage"
ACCENT = "#1E6BB8"  # also the manifest's accentColor: Teams shows it around the colour icon
WHITE = (255, 255, 255)
SAMPLES = 4
Shape = Callable[[float, float], bool]


def _rounded_rect(x0: float, y0: float, x1: float, y1: float, radius: float) -> Shape:
    """A rectangle with rounded corners."""

    def inside(u: float, v: float) -> bool:
        dx = max(x0 + radius - u, 0.0, u - (x1 - radius))
        dy = max(y0 + radius - v, 0.0, v - (y1 - radius))
        return x0 <= u <= x1 and y0 <= v <= y1 and dx * dx + dy * dy <= radius * radius

    return inside


def _triangle(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> Shape:
    """A triangle through three points."""

    def side(p: tuple[float, float], q: tuple[float, float], u: float, v: float) -> float:
        return (q[0] - p[0]) * (v - p[1]) - (q[1] - p[1]) * (u - p[0])

    def inside(u: float, v: float) -> bool:
        signs = (side(a, b, u, v), side(b, c, u, v), side(c, a, u, v))
        return all(s >= 0 for s in signs) or all(s <= 0 for s in signs)

    return inside


def _stroke(points: list[tuple[float, float]], width: float) -> Shape:
    """A polyline drawn with a round pen of this width."""

    def distance(u: float, v: float, p: tuple[float, float], q: tuple[float, float]) -> float:
        (px, py), (qx, qy) = p, q
        t = ((u - px) * (qx - px) + (v - py) * (qy - py)) / ((qx - px) ** 2 + (qy - py) ** 2)
        t = min(1.0, max(0.0, t))
        return math.hypot(u - (px + t * (qx - px)), v - (py + t * (qy - py)))

    def inside(u: float, v: float) -> bool:
        return any(distance(u, v, p, q) <= width / 2 for p, q in itertools.pairwise(points))

    return inside


# The glyph in its own unit square; each icon places that square with its own margin.
BUBBLE = (
    _rounded_rect(0.0, 0.05, 1.0, 0.75, 0.16),
    _triangle((0.18, 0.7), (0.42, 0.7), (0.14, 0.97)),
)
CHECK = _stroke([(0.26, 0.40), (0.43, 0.56), (0.74, 0.24)], 0.11)


def _glyph(u: float, v: float) -> bool:
    """The bubble, minus the check mark."""
    return any(part(u, v) for part in BUBBLE) and not CHECK(u, v)


def coverage(size: int, margin: float) -> list[float]:
    """How much of each pixel the glyph covers (0..1), row by row."""
    scale = 1 - 2 * margin
    offsets = [(i + 0.5) / SAMPLES for i in range(SAMPLES)]
    cover = []
    for y in range(size):
        for x in range(size):
            hits = sum(
                _glyph(((x + ox) / size - margin) / scale, ((y + oy) / size - margin) / scale)
                for ox in offsets
                for oy in offsets
            )
            cover.append(hits / SAMPLES**2)
    return cover


def _rgb(hex_color: str) -> tuple[int, int, int]:
    """#RRGGBB as a tuple."""
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _png(size: int, pixels: list[tuple[int, int, int, int]]) -> bytes:
    """An RGBA PNG of `pixels` (row by row, top left first)."""
    image = Image.new("RGBA", (size, size))
    image.putdata(pixels)
    out = io.BytesIO()
    # A fixed compression level and no optimize pass: the same pixels give the same bytes.
    image.save(out, format="PNG", compress_level=9)
    return out.getvalue()


def color_icon() -> bytes:
    """192x192, full colour: the white glyph on the accent colour, edge to edge."""
    background = _rgb(ACCENT)
    pixels = [
        (*(round(b + (w - b) * c) for b, w in zip(background, WHITE, strict=True)), 255)
        for c in coverage(192, margin=0.2)
    ]
    return _png(192, pixels)


def outline_icon() -> bytes:
    """32x32: the glyph in white, everything else transparent."""
    return _png(32, [(*WHITE, round(255 * c)) for c in coverage(32, margin=0.03)])


ICONS = {"color.png": color_icon, "outline.png": outline_icon}


def main(argv: list[str] | None = None) -> int:
    """Write the icons, or with --check report whether the committed ones are current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for name, draw in ICONS.items():
        path, data = APP_PACKAGE / name, draw()
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(name)
        if not args.check:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(APP_PACKAGE.parent)}")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run python -m scripts.make_icons", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
