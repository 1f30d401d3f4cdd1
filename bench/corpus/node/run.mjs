// V8 side of the kernel benchmark: loads bench/corpus/wasm/<module>.wasm in Node, calls each
// kernel export with the manifest's argument and times it with process.hrtime.bigint().
//
// usage: node run.mjs [--manifest FILE] [--wasm-dir DIR] [--reps N] [--warmup W] [--json] [NAME...]
// Output follows the protocol in bench/README.md (same as the native harness).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { manifest: join(corpus, 'kernels.tsv'), reps: 5, warmup: 2, json: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--manifest') opts.manifest = argv[++i];
    else if (a === '--wasm-dir') opts.wasmDir = argv[++i];
    else if (a === '--reps') opts.reps = Number(argv[++i]);
    else if (a === '--warmup') opts.warmup = Number(argv[++i]);
    else if (a === '--json') opts.json = true;
    else if (a.startsWith('-')) throw new Error(`run.mjs: unknown option '${a}'`);
    else opts.names.push(a);
  }
  if (!(opts.reps >= 1) || !(opts.warmup >= 0)) throw new Error('run.mjs: --reps must be >= 1 and --warmup >= 0');
  return opts;
}

function readManifest(path) {
  const rows = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const [name, module, arg] = line.split('\t');
    if (!name || !module || arg === undefined) throw new Error(`${path}:${i + 1}: expected 'name module arg'`);
    rows.push({ name, module, arg: Number(arg) });
  });
  return rows;
}

function median(sorted) {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

const opts = parseArgs(process.argv.slice(2));
const manifestDir = dirname(resolve(opts.manifest));
const wasmDir = opts.wasmDir ?? join(manifestDir, 'wasm');
const instances = new Map();
let status = 0;

if (!opts.json) console.log(`${'kernel'.padEnd(16)} ${'median ms'.padStart(10)} ${'min ms'.padStart(10)}  checksum`);
for (const row of readManifest(opts.manifest)) {
  if (opts.names.length > 0 && !opts.names.includes(row.name)) continue;
  // One instance per module, shared by its kernels, as in the native harness's one process.
  if (!instances.has(row.module)) {
    const bytes = readFileSync(join(wasmDir, `${row.module}.wasm`));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    instances.set(row.module, instance);
  }
  const fn = instances.get(row.module).exports[row.name];
  if (typeof fn !== 'function') {
    console.error(`run.mjs: ${row.module}.wasm has no export '${row.name}'`);
    status = 2;
    continue;
  }
  // i64 results arrive as BigInt; asUintN prints them unsigned like the other engines.
  let expected = null;
  for (let w = 0; w < opts.warmup; w++) expected = BigInt.asUintN(64, fn(row.arg));
  const times = [];
  let checksum = 0n;
  for (let r = 0; r < opts.reps; r++) {
    const t0 = process.hrtime.bigint();
    checksum = BigInt.asUintN(64, fn(row.arg));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (expected !== null && checksum !== expected) {
      console.error(`run.mjs: ${row.name} is not deterministic (${expected} then ${checksum})`);
      status = 1;
    }
    expected = checksum;
  }
  times.sort((a, b) => a - b);
  const med = median(times);
  if (opts.json) {
    console.log(JSON.stringify({
      engine: 'v8', kernel: row.name, arg: row.arg, reps: opts.reps,
      median_ms: Number(med.toFixed(3)), min_ms: Number(times[0].toFixed(3)), checksum: checksum.toString(),
    }));
  } else {
    console.log(`${row.name.padEnd(16)} ${med.toFixed(3).padStart(10)} ${times[0].toFixed(3).padStart(10)}  ${checksum}`);
  }
}
process.exitCode = status;
