#!/usr/bin/env bash
# Process start to exit of a WASI hello world: `sharptime run` (the Release build of the CLI, which
# carries ReadyToRun code) next to Node's node:wasi, measured in one hyperfine run.
#   bench/wasi/startup.sh [FILE.wasm]     (default: examples/wasi/hello.wasm)
# Needs hyperfine (apt-get install hyperfine) and node.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
wasm="${1:-$root/examples/wasi/hello.wasm}"
for tool in hyperfine node dotnet; do
  command -v "$tool" >/dev/null || { echo "startup.sh: $tool is not installed" >&2; exit 2; }
done
dotnet build "$root/src/Sharptime.Cli" -c Release -v quiet -nologo >/dev/null
cli="$root/src/Sharptime.Cli/bin/Release/net10.0/Sharptime.Cli.dll"
hyperfine -N --warmup 3 --runs "${RUNS:-30}" \
  -n sharptime "dotnet $cli run $wasm" \
  -n node "node --experimental-wasi-unstable-preview1 --no-warnings $root/bench/wasi/node-wasi.mjs $wasm"
