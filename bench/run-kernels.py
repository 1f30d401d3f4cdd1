#!/usr/bin/env python3
"""Runs the kernel corpus natively, in Node (V8) and, once it exists, in Sharptime, and prints
one table: median milliseconds per engine, ratios to native, and whether the checksums agree.

usage: bench/run-kernels.py [--reps N] [--warmup W] [--no-build] [--markdown] [--batch]
                            [--verbose] [--sharptime-cmd CMD] [NAME...]

Every engine is a command that takes `--manifest FILE --reps N --warmup W --json [NAME...]`
and prints one JSON object per kernel (protocol: bench/README.md). The Sharptime command is
taken from --sharptime-cmd or $SHARPTIME_KERNELS_CMD; until the engine exists neither is set
and its column says so.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH / "corpus"
MANIFEST = CORPUS / "kernels.tsv"
HARNESS = CORPUS / "out" / "harness"
NOT_BUILT = "engine not built yet"


def manifest_rows():
    rows = []
    for line in MANIFEST.read_text().splitlines():
        if line and not line.startswith("#"):
            name, module, arg = line.split("\t")
            rows.append((name, module, int(arg)))
    return rows


def needs_build(rows):
    """True when an output is missing or older than the sources it comes from."""
    sources = list((CORPUS / "src").rglob("*.[ch]")) + [CORPUS / "native" / "harness.c", MANIFEST,
                                                        CORPUS / "build.sh"]
    newest = max(p.stat().st_mtime for p in sources)
    outputs = [HARNESS] + [CORPUS / "wasm" / f"{m}.wasm" for m in {r[1] for r in rows}]
    return any(not p.exists() or p.stat().st_mtime < newest for p in outputs)


def run_engine(label, cmd, args, names):
    """Runs one engine on the named kernels (all when empty); returns {kernel: result} or an
    error string for the whole column."""
    full = cmd + ["--manifest", str(MANIFEST), "--reps", str(args.reps), "--warmup",
                  str(args.warmup), "--json"] + names
    if args.verbose:
        print(f"[{label}] {' '.join(shlex.quote(c) for c in full)}", file=sys.stderr, flush=True)
    proc = subprocess.run(full, cwd=BENCH.parent, capture_output=True, text=True)
    if proc.stderr:
        sys.stderr.write(proc.stderr)
    results = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            obj = json.loads(line)
            results[obj["kernel"]] = obj
    if proc.returncode != 0 and not results:
        return f"failed (exit {proc.returncode})"
    return results


def fmt_ms(r):
    return f"{r['median_ms']:.1f}" if isinstance(r, dict) else "-"


def fmt_ratio(r, base):
    if isinstance(r, dict) and isinstance(base, dict) and base["median_ms"] > 0:
        return f"{r['median_ms'] / base['median_ms']:.2f}"
    return "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--no-build", action="store_true", help="do not run corpus/build.sh even if stale")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--batch", action="store_true",
                    help="run each engine once over all kernels instead of kernel by kernel")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each engine command")
    ap.add_argument("--sharptime-cmd", default=os.environ.get("SHARPTIME_KERNELS_CMD"),
                    help="command for the Sharptime side, e.g. 'dotnet run -c Release --project "
                         "bench/Sharptime.Benchmarks -- kernels'")
    ap.add_argument("names", nargs="*", help="kernels to run (default: all)")
    args = ap.parse_args()

    rows = manifest_rows()
    unknown = [n for n in args.names if n not in {r[0] for r in rows}]
    if unknown:
        sys.exit(f"run-kernels: unknown kernel(s) {', '.join(unknown)}; see {MANIFEST}")
    if not args.no_build and needs_build(rows):
        subprocess.run([str(CORPUS / "build.sh")], check=True, stdout=sys.stderr)

    engines = [("native", [str(HARNESS)]), ("v8", ["node", str(CORPUS / "node" / "run.mjs")])]
    if args.sharptime_cmd:
        engines.append(("sharptime", shlex.split(args.sharptime_cmd)))
    columns = {label: {} for label, _ in engines}
    if args.batch:
        for label, cmd in engines:
            columns[label] = run_engine(label, cmd, args, args.names)
    else:
        # Kernel by kernel, engines alternating who goes first: on a shared machine whose load
        # drifts, this keeps a load change from landing on one engine's whole column.
        selected = [r[0] for r in rows if not args.names or r[0] in args.names]
        for k, name in enumerate(selected):
            order = engines if k % 2 == 0 else list(reversed(engines))
            for label, cmd in order:
                if isinstance(columns[label], str):
                    continue
                got = run_engine(label, cmd, args, [name])
                if isinstance(got, str):
                    columns[label] = got
                else:
                    columns[label].update(got)
    native, v8 = columns["native"], columns["v8"]
    sharptime = columns.get("sharptime", NOT_BUILT)

    header = ["kernel", "arg", "native ms", "V8 ms", "V8/native", "Sharptime ms", "Sharptime/native",
              "checksum"]
    table = []
    disagreements = 0
    for name, _module, arg in rows:
        if args.names and name not in args.names:
            continue
        per = [e.get(name) if isinstance(e, dict) else None for e in (native, v8, sharptime)]
        sums = {r["checksum"] for r in per if r is not None}
        if len(sums) > 1:
            disagreements += 1
            agree = "MISMATCH " + "/".join(r["checksum"] if r else "-" for r in per)
        elif sums:
            agree = f"agree ({sum(r is not None for r in per)} engines) {sums.pop()}"
        else:
            agree = "no result"
        st_ms = fmt_ms(per[2]) if isinstance(sharptime, dict) else sharptime
        table.append([name, str(arg), fmt_ms(per[0]), fmt_ms(per[1]), fmt_ratio(per[1], per[0]), st_ms,
                      fmt_ratio(per[2], per[0]), agree])

    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for t in table:
            print("| " + " | ".join(t) + " |")
    else:
        widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for t in table:
            print("  ".join(c.ljust(w) for c, w in zip(t, widths)))
    for label, e in (("native", native), ("v8", v8), ("sharptime", sharptime)):
        if isinstance(e, str):
            print(f"{label}: {e}", file=sys.stderr)
    failed = [label for label, e in (("native", native), ("v8", v8), ("sharptime", sharptime))
              if isinstance(e, str) and e != NOT_BUILT]
    return 1 if disagreements or failed else 0


if __name__ == "__main__":
    sys.exit(main())
