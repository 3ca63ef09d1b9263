#!/usr/bin/env python3
"""screenshot.py PAGE.html OUT.png [--min-colors N] [--width W] [--height H]

Renders a local HTML page in headless Chromium (Debian's `chromium`) with
networking off and checks that the screenshot is a real rendering:
  - OUT.png is a PNG of exactly W x H pixels (default 1280 x 1600);
  - decoding it (zlib + the PNG row filters, stdlib only) gives at least N
    distinct pixel values (default 16): a blank or single-colour page fails;
  - no single colour covers more than 99.5 % of the pixels.
Prints one summary line; exit 0 on success, 1 on a failed check, 2 when
chromium is missing or fails.  Shared by every stage that writes HTML.
"""
import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections import Counter


def render(page, out, width, height):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("screenshot: chromium not found", file=sys.stderr)
        sys.exit(2)
    profile = tempfile.mkdtemp(prefix="begrip-chromium-")
    try:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
               "--screenshot=" + os.path.abspath(out),
               "--window-size=%d,%d" % (width, height),
               "file://" + os.path.abspath(page)]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        if r.returncode != 0 or not os.path.exists(out):
            sys.stderr.write(r.stderr.decode("utf-8", "replace")[-2000:])
            print("screenshot: chromium failed (exit %d)" % r.returncode, file=sys.stderr)
            sys.exit(2)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path):
    """Returns (width, height, list of pixel rows as bytes, bytes per pixel)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + n
    if not hdr:
        raise ValueError("no IHDR chunk")
    w, h, depth, ctype, _, _, interlace = hdr
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or bpp is None or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)"
                         % (depth, ctype, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    if len(raw) != h * (stride + 1):
        raise ValueError("IDAT holds %d bytes, expected %d" % (len(raw), h * (stride + 1)))
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((x + p) & 255 for x, p in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], up_left)) & 255
        elif f != 0:
            raise ValueError("bad filter type %d in row %d" % (f, y))
        rows.append(bytes(line))
        prev = line
    return w, h, rows, bpp


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page")
    ap.add_argument("out")
    ap.add_argument("--min-colors", type=int, default=16)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1600)
    ap.add_argument("--no-render", action="store_true",
                    help="only check an existing OUT.png")
    a = ap.parse_args()
    if not a.no_render:
        render(a.page, a.out, a.width, a.height)
    try:
        w, h, rows, bpp = decode(a.out)
    except (ValueError, zlib.error, struct.error) as e:
        print("screenshot: FAIL %s: %s" % (a.out, e))
        return 1
    counts = Counter()
    for row in rows:
        counts.update(row[i:i + bpp] for i in range(0, len(row), bpp))
    total = w * h
    top = counts.most_common(1)[0][1] if counts else 0
    ok = (w, h) == (a.width, a.height) and len(counts) >= a.min_colors and top <= 0.995 * total
    print("screenshot: %s %s: %dx%d, %d distinct colours, most common %.1f%%"
          % ("ok" if ok else "FAIL", a.out, w, h, len(counts), 100.0 * top / max(total, 1)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
