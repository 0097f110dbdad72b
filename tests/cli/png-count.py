#!/usr/bin/env python3
"""Prints how many pixels of an 8-bit RGB, RGBA or palette PNG have exactly the colour
#rrggbb, one line per file: a decoder in the standard library, so the CLI
tests can check what a map drew without trusting the drawing code.
Usage: png-count.py FILE... RRGGBB; other tests import pixels() from it."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit(f'{path}: not a PNG')
    pos, idat, palette = 8, b'', None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour_type = struct.unpack('>IIBB', body[:10])
            if depth != 8 or colour_type not in (2, 3, 6):
                sys.exit(f'{path}: only 8-bit RGB, RGBA or palette is read')
            channels = {2: 3, 3: 1, 6: 4}[colour_type]
        elif kind == b'PLTE':
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    previous = bytearray(stride - 1)
    for row in range(height):
        kind = raw[row * stride]
        line = bytearray(raw[row * stride + 1:(row + 1) * stride])
        for i in range(len(line)):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
            else:
                predictor = (0, a, b, (a + b) // 2)[kind]
            line[i] = (line[i] + predictor) & 255
        if channels == 1:
            yield from (palette[index] for index in line)
        else:
            for i in range(0, len(line), channels):
                yield line[i], line[i + 1], line[i + 2]
        previous = line


if __name__ == '__main__':
    colour = bytes.fromhex(sys.argv[-1].lstrip('#'))
    for path in sys.argv[1:-1]:
        print(sum(1 for pixel in pixels(path) if bytes(pixel) == colour))
