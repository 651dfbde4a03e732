#!/usr/bin/env python3
"""Checks that a PNG screenshot of a report shows a rendered report: the expected size, enough ink (text and
charts, not a blank page), and the report's status colours (its charts were drawn). Python standard library only.

    scripts/check-screenshot.py FILE.png
"""
import collections
import struct
import sys
import zlib

# Status colours of the report stylesheet (Clients/PledgewireReport/ReportStylesheet.swift).
STATUS_COLOURS = {
    "announced": (0x6F, 0x7B, 0x88), "in progress": (0x00, 0x72, 0xB2), "partially fulfilled": (0x56, 0xB4, 0xE9),
    "fulfilled": (0x00, 0x9E, 0x73), "stalled": (0xE6, 0x9F, 0x00), "broken": (0xD5, 0x5E, 0x00),
    "withdrawn": (0xCC, 0x79, 0xA7),
}


def pixels(path):
    """Width, height and the colours of an 8-bit RGB or RGBA, non-interlaced PNG, counted: {(r, g, b): pixels}."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    n = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * n
    image, previous = bytearray(), bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(n, stride):
                line[i] = (line[i] + line[i - n]) & 0xFF
        elif kind == 2:
            line = bytearray(map(lambda x, b: (x + b) & 0xFF, line, previous))
        elif kind == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - n] if i >= n else 0) + previous[i]) // 2) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a, b = (line[i - n] if i >= n else 0), previous[i]
                c = previous[i - n] if i >= n else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        image += line
        previous = line
    return width, height, collections.Counter(zip(image[0::n], image[1::n], image[2::n]))


def main(path):
    try:
        width, height, counts = pixels(path)
    except (OSError, ValueError, zlib.error, TypeError) as error:
        print(f"check-screenshot: {path}: {error}", file=sys.stderr)
        return 1
    total = width * height
    ink = sum(count for p, count in counts.items() if min(p) < 200)
    colours = counts.keys()
    found = {name: sum(count for p, count in counts.items() if all(abs(p[i] - rgb[i]) <= 6 for i in range(3)))
             for name, rgb in STATUS_COLOURS.items()}
    shown = sorted(name for name, count in found.items() if count >= 20)
    problems = []
    if width < 800 or height < 600:
        problems.append(f"only {width}x{height} pixels")
    if ink < total * 0.01:
        problems.append(f"nearly blank: {ink} of {total} pixels have ink")
    if len(colours) < 40:
        problems.append(f"only {len(colours)} colours: no text or charts")
    if not shown:
        problems.append("no status colour: the charts were not drawn")
    if problems:
        print(f"check-screenshot: {path}: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"check-screenshot: {path}: {width}x{height}, {100 * ink / total:.1f}% ink, {len(colours)} colours, "
          f"status colours: {', '.join(shown)}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv[1]))
