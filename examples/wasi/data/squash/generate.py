#!/usr/bin/env python3
"""Writes the squash test inputs in this directory; deterministic, so rerunning it reproduces
the committed files byte for byte.

  access.log  ~150 KB of synthetic web-server log lines: repetitive text, compresses well
  noise.bin   32 KiB of pseudo-random bytes: incompressible, squash must store it
"""
import os

here = os.path.dirname(os.path.abspath(__file__))
state = 20261122


def rand():
    """A 64-bit LCG (Knuth's MMIX constants); the high bits are used."""
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 33


paths = ["/", "/index.html", "/docs/embedding.md", "/api/v1/modules", "/api/v1/instances",
         "/static/app.js", "/static/style.css", "/favicon.ico", "/examples/hello.wasm",
         "/examples/squash.wasm", "/login", "/search?q=wasi", "/search?q=simd"]
agents = ["curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15",
          "sharptime-healthcheck/1.0", "Go-http-client/2.0"]
methods = ["GET"] * 8 + ["POST", "HEAD"]
statuses = [200] * 12 + [304, 304, 404, 500, 301]

lines = []
seconds = 0
for i in range(1400):
    seconds += rand() % 7
    h, m, s = (seconds // 3600) % 24, (seconds // 60) % 60, seconds % 60
    ip = "10.%d.%d.%d" % (rand() % 4, rand() % 16, 1 + rand() % 254)
    method = methods[rand() % len(methods)]
    path = paths[rand() % len(paths)]
    status = statuses[rand() % len(statuses)]
    size = 0 if status in (304, 301) else 200 + rand() % 40000
    agent = agents[rand() % len(agents)]
    lines.append('%s - - [22/Nov/2026:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s"\n'
                 % (ip, h, m, s, method, path, status, size, agent))
with open(os.path.join(here, "access.log"), "w", newline="\n") as f:
    f.writelines(lines)

with open(os.path.join(here, "noise.bin"), "wb") as f:
    f.write(bytes(rand() & 0xFF for _ in range(32768)))
