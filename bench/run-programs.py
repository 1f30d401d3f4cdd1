#!/usr/bin/env python3
"""Runs the public benchmark programs (bench/programs/programs.tsv: Sightglass's WASI programs,
built by others with their own toolchains) in Node's optimizing compiler (TurboFan) and in
Sharptime, and prints one table: median milliseconds between the program's bench.start and
bench.end calls, Sharptime/TurboFan per program, and the geomean on one line.

usage: bench/run-programs.py --dir CORPUS [--reps N] [--warmup W] [--warmup-seconds S] [--markdown] [--verbose]
                             [--sharptime-cmd CMD] [NAME...]

CORPUS is Sightglass's benchmarks/ directory (bench/README.md says how to get it); it can also
come from $SHARPTIME_PROGRAMS_DIR. Each program runs in its own process per engine, engines
alternating who goes first, so a change in machine load does not land on one engine's column.
"""
import argparse
import json
import math
import os
import shlex
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
MANIFEST = BENCH / "programs" / "programs.tsv"
DEFAULT_SHARPTIME = (f"dotnet {BENCH / 'Sharptime.Benchmarks/bin/Release/net10.0/Sharptime.Benchmarks.dll'}"
                     " programs")


def manifest_names():
    return [line.split("\t")[0] for line in MANIFEST.read_text().splitlines()
            if line and not line.startswith("#")]


def run_engine(label, cmd, args, name):
    """One engine on one program: its JSON result, or an error string."""
    full = cmd + ["--manifest", str(MANIFEST), "--dir", args.dir, "--reps", str(args.reps),
                  "--warmup", str(args.warmup), "--warmup-seconds", str(args.warmup_seconds), "--json", name]
    if args.verbose:
        print(f"[{label}] {' '.join(shlex.quote(c) for c in full)}", file=sys.stderr, flush=True)
    proc = subprocess.run(full, cwd=BENCH.parent, capture_output=True, text=True)
    if proc.stderr:
        sys.stderr.write(proc.stderr)
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    return f"failed (exit {proc.returncode})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=os.environ.get("SHARPTIME_PROGRAMS_DIR"),
                    help="Sightglass's benchmarks/ directory")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=3, help="untimed runs at least (default 3)")
    ap.add_argument("--warmup-seconds", type=float, default=3,
                    help="and untimed runs until this much time has passed (default 3): .NET optimizes a "
                         "method fully after its 30th call, so short programs need many runs")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each engine command")
    ap.add_argument("--sharptime-cmd", default=DEFAULT_SHARPTIME,
                    help="command for the Sharptime side (default: the built Release benchmark project)")
    ap.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = ap.parse_args()
    if not args.dir or not Path(args.dir).is_dir():
        sys.exit("run-programs: --dir CORPUS (or $SHARPTIME_PROGRAMS_DIR) must name Sightglass's benchmarks/ "
                 "directory; bench/README.md ('Public programs') says how to get it")
    names = manifest_names()
    unknown = [n for n in args.names if n not in names]
    if unknown:
        sys.exit(f"run-programs: unknown program(s) {', '.join(unknown)}; see {MANIFEST}")
    selected = [n for n in names if not args.names or n in args.names]

    # TurboFan only: --no-liftoff compiles every function with V8's optimizing compiler.
    engines = [("v8", ["node", "--no-liftoff", str(BENCH / "programs" / "run.mjs")]),
               ("sharptime", shlex.split(args.sharptime_cmd))]
    header = ["program", "TurboFan ms", "Sharptime ms", "Sharptime/TurboFan"]
    table, ratios = [], []
    for k, name in enumerate(selected):
        got = {}
        for label, cmd in (engines if k % 2 == 0 else list(reversed(engines))):
            got[label] = run_engine(label, cmd, args, name)
        v8, st = got["v8"], got["sharptime"]
        ratio = "-"
        if isinstance(v8, dict) and isinstance(st, dict) and v8["median_ms"] > 0:
            ratios.append(st["median_ms"] / v8["median_ms"])
            ratio = f"{ratios[-1]:.2f}"
        table.append([name, f"{v8['median_ms']:.1f}" if isinstance(v8, dict) else v8,
                      f"{st['median_ms']:.1f}" if isinstance(st, dict) else st, ratio])
        if args.verbose:
            print("  ".join(table[-1]), file=sys.stderr, flush=True)
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else float("nan")
    over = sum(r > 1.5 for r in ratios)
    table.append(["geomean", "", "", f"{geomean:.2f}"])

    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for t in table:
            print("| " + " | ".join(t) + " |")
    else:
        widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(header)]
        for t in [header] + table:
            print("  ".join(c.ljust(w) for c, w in zip(t, widths)))
    print(f"Sharptime/TurboFan geomean {geomean:.2f} over {len(ratios)} programs; {over} above 1.5x")
    return 0 if len(ratios) == len(selected) else 1


if __name__ == "__main__":
    sys.exit(main())
