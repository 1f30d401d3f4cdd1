// Runs a WASI preview 1 command under Node's node:wasi, the way `sharptime run FILE ARGS...` does:
//   node --experimental-wasi-unstable-preview1 bench/wasi/node-wasi.mjs FILE [ARGS...]
// No directories are pre-opened and the environment is empty; the exit code is the guest's.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
