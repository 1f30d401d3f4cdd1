// V8 side of the program benchmark: runs each program of programs.tsv (a WASI command that calls
// bench.start and bench.end around its measured work, as Sightglass defines them) in Node and times
// the span between the two calls with process.hrtime.bigint().
//
// usage: node [--no-liftoff] run.mjs --manifest FILE --dir CORPUS [--reps N] [--warmup W] [--warmup-seconds S] [--json] [NAME...]
// Warm-up: at least W untimed runs, and more until S seconds have passed.
// Every run is a fresh instance of one compiled module with the program's directory pre-opened as
// "."; stdout is compared with the expected output next to the program. The WASI functions are the
// few these programs use, written here: Node 20's own WASI aborted or crashed the process at random
// when a program was instantiated more than a few times. Output: one JSON line per
// program, {"engine":"node","program":...,"median_ms":...,"min_ms":...}.
import { randomFillSync } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

function parseArgs(argv) {
  const opts = { reps: 5, warmup: 2, warmupSeconds: 0, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--manifest') opts.manifest = argv[++i];
    else if (a === '--dir') opts.dir = argv[++i];
    else if (a === '--reps') opts.reps = Number(argv[++i]);
    else if (a === '--warmup') opts.warmup = Number(argv[++i]);
    else if (a === '--warmup-seconds') opts.warmupSeconds = Number(argv[++i]);
    else if (a === '--json') { /* the only output format */ }
    else if (a.startsWith('-')) throw new Error(`run.mjs: unknown option '${a}'`);
    else opts.names.push(a);
  }
  if (!opts.manifest || !opts.dir) throw new Error('run.mjs: --manifest FILE and --dir CORPUS are required');
  return opts;
}

function readManifest(path) {
  const rows = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name, file] = line.split('\t');
    rows.push({ name, file });
  }
  return rows;
}

const ESUCCESS = 0, EBADF = 8, EINVAL = 28, ENOENT = 44, ENOSYS = 52, ESPIPE = 70;
class Exit { constructor(code) { this.code = code; } }

// WASI preview 1 for one run: args [name], no environment, stdin empty, stdout kept, stderr
// dropped, fd 3 the program's directory pre-opened as "." (read-only: files are read whole when opened).
function makeWasi(name, directory, getMemory) {
  const stdout = [];
  const files = new Map(); // fd -> { data: Buffer, pos: number }
  let nextFd = 4;
  const view = () => new DataView(getMemory().buffer);
  const bytes = () => new Uint8Array(getMemory().buffer);
  const text = (ptr, len) => Buffer.from(getMemory().buffer, ptr, len).toString('utf8');
  const strings = (list, countPtr, sizePtr) => {
    view().setUint32(countPtr, list.length, true);
    view().setUint32(sizePtr, list.reduce((n, a) => n + Buffer.byteLength(a) + 1, 0), true);
    return ESUCCESS;
  };
  const writeStrings = (list, ptrs, buf) => {
    for (const a of list) {
      view().setUint32(ptrs, buf, true);
      ptrs += 4;
      const encoded = Buffer.from(a + '\0');
      bytes().set(encoded, buf);
      buf += encoded.length;
    }
    return ESUCCESS;
  };
  const filestat = (ptr, filetype, size) => {
    bytes().fill(0, ptr, ptr + 64);
    view().setUint8(ptr + 16, filetype);
    view().setBigUint64(ptr + 24, 1n, true);
    view().setBigUint64(ptr + 32, BigInt(size), true);
    return ESUCCESS;
  };
  const hostPath = (dirfd, ptr, len) => (dirfd === 3 ? resolve(directory, text(ptr, len)) : null);
  const args = [name];
  const imports = {
    args_sizes_get: (c, s) => strings(args, c, s),
    args_get: (p, b) => writeStrings(args, p, b),
    environ_sizes_get: (c, s) => strings([], c, s),
    environ_get: (p, b) => writeStrings([], p, b),
    clock_time_get: (_id, _precision, ptr) => { view().setBigUint64(ptr, process.hrtime.bigint(), true); return ESUCCESS; },
    random_get: (ptr, len) => { randomFillSync(bytes(), ptr, len); return ESUCCESS; },
    proc_exit: (code) => { throw new Exit(code); },
    fd_write: (fd, iovs, count, nwritten) => {
      if (fd !== 1 && fd !== 2) return EBADF;
      let total = 0;
      for (let i = 0; i < count; i++) {
        const ptr = view().getUint32(iovs + 8 * i, true), len = view().getUint32(iovs + 8 * i + 4, true);
        if (fd === 1) stdout.push(Buffer.from(bytes().slice(ptr, ptr + len)));
        total += len;
      }
      view().setUint32(nwritten, total, true);
      return ESUCCESS;
    },
    fd_read: (fd, iovs, count, nread) => {
      const f = files.get(fd);
      if (fd === 0) { view().setUint32(nread, 0, true); return ESUCCESS; }
      if (!f) return EBADF;
      let total = 0;
      for (let i = 0; i < count; i++) {
        const ptr = view().getUint32(iovs + 8 * i, true), len = view().getUint32(iovs + 8 * i + 4, true);
        const chunk = f.data.subarray(f.pos, f.pos + len);
        bytes().set(chunk, ptr);
        f.pos += chunk.length;
        total += chunk.length;
        if (chunk.length < len) break;
      }
      view().setUint32(nread, total, true);
      return ESUCCESS;
    },
    fd_seek: (fd, offset, whence, newOffset) => {
      const f = files.get(fd);
      if (!f) return fd <= 2 ? ESPIPE : EBADF;
      const base = whence === 0 ? 0 : whence === 1 ? f.pos : whence === 2 ? f.data.length : NaN;
      const pos = base + Number(offset);
      if (!(pos >= 0)) return EINVAL;
      f.pos = pos;
      view().setBigUint64(newOffset, BigInt(pos), true);
      return ESUCCESS;
    },
    fd_close: (fd) => (files.delete(fd) ? ESUCCESS : EBADF),
    fd_sync: (fd) => (files.has(fd) ? ESUCCESS : EBADF),
    fd_fdstat_get: (fd, ptr) => {
      const type = fd <= 2 ? 2 : fd === 3 ? 3 : files.has(fd) ? 4 : -1;
      if (type < 0) return EBADF;
      bytes().fill(0, ptr, ptr + 24);
      view().setUint8(ptr, type);
      view().setBigUint64(ptr + 8, 0xffffffffffffffffn, true);
      view().setBigUint64(ptr + 16, 0xffffffffffffffffn, true);
      return ESUCCESS;
    },
    fd_filestat_get: (fd, ptr) => {
      const f = files.get(fd);
      return f ? filestat(ptr, 4, f.data.length) : fd <= 2 ? filestat(ptr, 2, 0) : fd === 3 ? filestat(ptr, 3, 0) : EBADF;
    },
    fd_prestat_get: (fd, ptr) => {
      if (fd !== 3) return EBADF;
      view().setUint32(ptr, 0, true);
      view().setUint32(ptr + 4, 1, true);
      return ESUCCESS;
    },
    fd_prestat_dir_name: (fd, ptr, len) => {
      if (fd !== 3 || len < 1) return EBADF;
      bytes()[ptr] = 0x2e; // "."
      return ESUCCESS;
    },
    path_open: (dirfd, _dirflags, ptr, len, oflags, _rights, _inheriting, _fdflags, fdPtr) => {
      const path = hostPath(dirfd, ptr, len);
      if (path === null) return EBADF;
      if (oflags !== 0 || !existsSync(path) || !statSync(path).isFile()) return oflags !== 0 ? ENOSYS : ENOENT;
      const fd = nextFd++;
      files.set(fd, { data: readFileSync(path), pos: 0 });
      view().setUint32(fdPtr, fd, true);
      return ESUCCESS;
    },
    path_filestat_get: (dirfd, _flags, ptr, len, out) => {
      const path = hostPath(dirfd, ptr, len);
      if (path === null) return EBADF;
      if (!existsSync(path)) return ENOENT;
      const st = statSync(path);
      return filestat(out, st.isDirectory() ? 3 : 4, st.size);
    },
  };
  // Anything else the program imports answers "not supported".
  const wasiImport = new Proxy(imports, { get: (target, key) => target[key] ?? (() => ENOSYS) });
  return { wasiImport, stdout: () => Buffer.concat(stdout).toString('utf8') };
}

const opts = parseArgs(process.argv.slice(2));
let status = 0;
for (const row of readManifest(opts.manifest)) {
  if (opts.names.length > 0 && !opts.names.includes(row.name)) continue;
  const path = resolve(opts.dir, row.file);
  const expectedPath = path.replace(/\.wasm$/, '.stdout.expected');
  const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : null;
  try {
    const module = new WebAssembly.Module(readFileSync(path));
    const times = [];
    const warmupEnd = performance.now() + opts.warmupSeconds * 1000;
    for (let run = -opts.warmup; run < opts.reps; run++) {
      if (run === 0 && performance.now() < warmupEnd) run = -1;
      let start = NaN, end = NaN, memory = null;
      const wasi = makeWasi(row.name, dirname(path), () => memory);
      const bench = { start: () => { start = Number(process.hrtime.bigint()) / 1e6; },
                      end: () => { end = Number(process.hrtime.bigint()) / 1e6; } };
      const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport, bench });
      memory = instance.exports.memory;
      try {
        instance.exports._start();
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code !== 0) throw new Error(`exit code ${e.code}`);
      }
      if (Number.isNaN(start) || Number.isNaN(end)) throw new Error('the program did not call bench.start and bench.end');
      const output = wasi.stdout();
      if (expected !== null && output !== expected) throw new Error(`stdout differs from ${basename(expectedPath)}: ${output.slice(0, 200)}`);
      if (run >= 0) times.push(end - start);
    }
    times.sort((a, b) => a - b);
    const median = times.length % 2 ? times[times.length >> 1] : (times[(times.length >> 1) - 1] + times[times.length >> 1]) / 2;
    console.log(JSON.stringify({ engine: 'node', program: row.name, median_ms: +median.toFixed(2), min_ms: +times[0].toFixed(2) }));
  } catch (e) {
    console.error(`run.mjs: ${row.name}: ${e.message}`);
    status = 1;
  }
}
process.exit(status);
