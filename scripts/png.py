"""PNG files in pure Python: write 8-bit RGBA images, read their size and pixels back.

Enough for the Teams app icons (scripts/make_icons.py, scripts/package_app.py and their tests),
so that neither building the icons nor packaging the app needs Pillow. Reads what PNG encoders
commonly write for icons: 8-bit RGB or RGBA, not interlaced, any of the five row filters.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"
RGBA = 6
RGB = 2
Pixel = tuple[int, int, int, int]


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One chunk: length, type, data, CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode(width: int, height: int, pixels: list[Pixel]) -> bytes:
    """An RGBA PNG of `pixels` (row by row, top left first), byte-for-byte reproducible."""
    if len(pixels) != width * height:
        raise ValueError(f"{len(pixels)} pixels for a {width}x{height} image")
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type None: the image is tiny and must not depend on heuristics
        for r, g, b, a in pixels[y * width : (y + 1) * width]:
            rows += bytes((r, g, b, a))
    header = struct.pack(">IIBBBBB", width, height, 8, RGBA, 0, 0, 0)
    return (
        SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every (type, data) chunk of a PNG file, CRCs checked."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    found, at = [], len(SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"PNG chunk {kind!r} is corrupt (bad CRC)")
        found.append((kind, body))
        at += 12 + length
    return found


def size(data: bytes) -> tuple[int, int]:
    """Width and height from the header chunk."""
    kind, body = _chunks(data)[0]
    if kind != b"IHDR":
        raise ValueError("PNG does not start with its header chunk")
    width, height = struct.unpack(">II", body[:8])
    return width, height


def _paeth(a: int, b: int, c: int) -> int:
    """The Paeth predictor of the PNG specification."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> bytes:
    """Undo the per-row filters, giving the raw pixel bytes."""
    stride, out, at = width * bpp, bytearray(), 0
    previous = bytearray(stride)
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, up_left = previous[i], previous[i - bpp] if i >= bpp else 0
            predictor = (0, left, up, (left + up) // 2, _paeth(left, up, up_left))[kind]
            line[i] = (line[i] + predictor) & 0xFF
        out += line
        previous = line
    return bytes(out)


def decode(data: bytes) -> tuple[int, int, list[Pixel]]:
    """Width, height and RGBA pixels (RGB images read as opaque)."""
    chunks = _chunks(data)
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if depth != 8 or color not in (RGB, RGBA) or interlace:
        raise ValueError(f"unsupported PNG: bit depth {depth}, colour type {color}")
    bpp = 4 if color == RGBA else 3
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    flat = _unfilter(raw, width, height, bpp)
    pixels = [
        (*flat[i : i + 3], flat[i + 3] if bpp == 4 else 255) for i in range(0, len(flat), bpp)
    ]
    return width, height, pixels


def read(path: Path) -> tuple[int, int, list[Pixel]]:
    """Decode a PNG file."""
    return decode(path.read_bytes())
