#!/usr/bin/env bash
# The GC kernels (gc.tsv) on Node's V8 and on Sharptime (compiled, then interpreted); see README.md.
# usage: bench/gc/run.sh [--reps N] [--warmup W] [NAME...]
set -euo pipefail
cd "$(dirname "$0")"
bench=../Sharptime.Benchmarks/bin/Release/net10.0/Sharptime.Benchmarks.dll
[ -f "$bench" ] || dotnet build -c Release ../Sharptime.Benchmarks >&2
v8=$(mktemp -d)
trap 'rm -rf "$v8"' EXIT
# Node 20's V8 (11.3) runs GC only behind a flag and only in the encoding of that time, which
# binaryen's wasm-as (version 108 on Debian 12) writes; Sharptime reads the same sources as text.
for f in src/*.wat; do wasm-as --enable-gc --enable-reference-types "$f" -o "$v8/$(basename "$f" .wat).wasm"; done
echo "== V8 $(node -p process.versions.v8) (node --experimental-wasm-gc)"
node --experimental-wasm-gc ../corpus/node/run.mjs --manifest gc.tsv --wasm-dir "$v8" "$@"
echo "== Sharptime, compiled"
dotnet "$bench" kernels --manifest gc.tsv "$@"
echo "== Sharptime, interpreted"
dotnet "$bench" kernels --manifest gc.tsv --interpreter "$@"
