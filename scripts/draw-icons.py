#!/usr/bin/env python3
"""Draws static/icon-192.png and static/icon-512.png, the PNG versions of
static/icon.svg (a teal square with three bars), with the standard library only.
The bars stay within the inner 80 % of the square, so the icons are maskable."""
import struct
import zlib
from pathlib import Path

TEAL, WHITE, SOFT = (0x0D, 0x5C, 0x63), (255, 255, 255), (0xE5, 0xF1, 0xF1)
# In the 64 × 64 grid of icon.svg: (x0, y0, x1, y1, colour).
BARS = [(12, 34, 22, 52, WHITE), (27, 22, 37, 52, WHITE), (42, 12, 52, 52, SOFT)]


def png(size: int) -> bytes:
    scale = size / 64
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0
        for x in range(size):
            u, v = (x + 0.5) / scale, (y + 0.5) / scale
            colour = TEAL
            for x0, y0, x1, y1, c in BARS:
                if x0 <= u < x1 and y0 <= v < y1:
                    colour = c
            row += bytes(colour)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


static = Path(__file__).resolve().parent.parent / "static"
for size in (192, 512):
    (static / f"icon-{size}.png").write_bytes(png(size))
