#!/usr/bin/env bash
# Long differential-fuzzing run for the bench machine (docs/fuzzing.md).
#   tools/fuzz/run-long.sh [COUNT [SEED [OUT]]]
# Runs COUNT modules (half binaryen -ttf, half the own generator) on V8 and on Sharptime with hardware
# intrinsics on and off; prints modules, export calls and divergences by cause; OUT/report.txt keeps it.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-2000}
seed=${2:-$(date +%s)}
out=${3:-/tmp/sharptime-fuzz-long-$seed}
command -v wasm-opt >/dev/null || { echo "wasm-opt missing: apt-get install -y binaryen" >&2; exit 2; }
command -v node >/dev/null || { echo "node missing (Node 20)" >&2; exit 2; }
dotnet build tools/fuzz/Sharptime.Fuzz -c Release -v q -nologo >/dev/null
echo "seed $seed, $count modules, output in $out"
exec dotnet tools/fuzz/Sharptime.Fuzz/bin/Release/net10.0/Sharptime.Fuzz.dll campaign \
  --seed "$seed" --count "$count" --generator both --hw both --out "$out"
