// The V8 side of the differential fuzzer (docs/fuzzing.md). Reads module paths from stdin, one a line;
// for each prints the canonical trace (see Trace.cs in Sharptime.Fuzz: the formats must stay identical)
// followed by "#end PATH". Run with:
//   node --experimental-wasm-type-reflection --experimental-wasm-memory64 --experimental-wasm-extended-const v8-runner.js
'use strict';
const fs = require('fs');
const readline = require('readline');

const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1), u64 = new BigUint64Array(f64.buffer);
const hex = (v, n) => v.toString(16).padStart(n, '0');
const I32 = v => 'i32:' + hex(v >>> 0, 8);
const I64 = v => 'i64:' + hex(BigInt.asUintN(64, v), 16);
const F32 = v => { f32[0] = v; return 'f32:' + hex(u32[0], 8); };
const F64 = v => { f64[0] = v; return 'f64:' + hex(u64[0], 16); };
const fromF32Bits = b => { u32[0] = b; return f32[0]; };
const fromF64Bits = b => { u64[0] = b; return f64[0]; };

// The fixed arguments: parameter i gets entry i (mod length); SharptimeExecutor.Arguments has the same lists.
const I32Args = [0x2a, -1, 0, -0x80000000, 0x7fffffff, 7];
const I64Args = [0x2an, -1n, 0n, -(1n << 63n), (1n << 63n) - 1n, 7n];
const F32Args = [0x3fc00000, 0x80000000, 0x7f800000, 0x00000001, 0x7f7fffff, 0xc2280000].map(fromF32Bits);
const F64Args = [0x3ff8000000000000n, 0x8000000000000000n, 0xfff0000000000000n, 1n, 0x7fefffffffffffffn, 0xc045000000000000n].map(fromF64Bits);

// log-v128 cannot be a JS function (v128 does not cross the JS boundary): a tiny Wasm module takes the
// v128 and passes its four i32 lanes to JS.
const helperBytes = new Uint8Array([0,97,115,109,1,0,0,0,1,12,2,96,4,127,127,127,127,0,96,1,123,0,2,11,1,1,104,5,108,97,110,101,115,0,0,3,2,1,1,7,12,1,8,108,111,103,45,118,49,50,56,0,1,10,26,1,24,0,32,0,253,27,0,32,0,253,27,1,32,0,253,27,2,32,0,253,27,3,16,0,11]);
const helperModule = new WebAssembly.Module(helperBytes);

function trapKind(e) {
  if (e instanceof RangeError && /call stack/.test(e.message)) return 'trap stack';
  if (!(e instanceof WebAssembly.RuntimeError)) {
    if (typeof WebAssembly.Exception === 'function' && e instanceof WebAssembly.Exception) return 'exception';
    return 'host-error ' + (e && e.constructor ? e.constructor.name : typeof e) + ': ' + String(e && e.message).replace(/\n/g, ' ');
  }
  const m = e.message;
  if (/unreachable/.test(m)) return 'trap unreachable';
  if (/memory access out of bounds|data segment/.test(m)) return 'trap memory';
  if (/divide by zero|remainder by zero/.test(m)) return 'trap divzero';
  if (/divide result unrepresentable/.test(m)) return 'trap overflow';
  if (/float unrepresentable/.test(m)) return 'trap trunc'; // V8 does not tell NaN (conversion) from out of range (overflow)
  if (/null function|signature mismatch/.test(m)) return 'trap indirect';
  if (/table index is out of bounds|table access out of bounds|element segment/.test(m)) return 'trap table';
  if (/null/.test(m)) return 'trap null';
  return 'trap ?';
}

function formatValue(type, v) {
  switch (type) {
    case 'i32': return I32(v);
    case 'i64': return I64(v);
    case 'f32': return F32(v);
    case 'f64': return F64(v);
    default: return v === null ? 'ref:null' : (type === 'externref' ? 'ref:extern' : 'ref:func');
  }
}

const plain = t => ['i32', 'i64', 'f32', 'f64', 'funcref', 'anyfunc', 'externref'].includes(t);

function hash(buffer) {
  const words = new Uint32Array(buffer);
  let h = 2166136261;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
  return hex(h >>> 0, 8);
}

function run(bytes, out) {
  let module;
  try { module = new WebAssembly.Module(bytes); } catch (e) { out.push('compile-error', '# ' + String(e.message).replace(/\n/g, ' ')); return; }
  const logs = out;
  const helper = new WebAssembly.Instance(helperModule, { h: { lanes: (a, b, c, d) => logs.push('log v128:' + [a, b, c, d].map(x => hex(x >>> 0, 8)).join('_')) } });
  const imports = {
    'fuzzing-support': {
      'log-i32': v => logs.push('log ' + I32(v)),
      'log-i64': v => logs.push('log ' + I64(v)),
      'log-f32': v => logs.push('log ' + F32(v)),
      'log-f64': v => logs.push('log ' + F64(v)),
      'log-v128': helper.exports['log-v128'],
    },
  };
  let instance;
  try { instance = new WebAssembly.Instance(module, imports); } catch (e) {
    if (e instanceof WebAssembly.LinkError) { out.push('link-error'); return; }
    out.push('instantiate ' + trapKind(e)); return;
  }
  out.push('instantiate ok');
  const exps = WebAssembly.Module.exports(module);
  const hang = instance.exports.hangLimitInitializer;
  for (const d of exps) {
    if (d.kind !== 'function' || d.name === 'hangLimitInitializer') continue;
    const type = d.type;
    if (!type.parameters.every(plain) || !type.results.every(plain)) { out.push('skip ' + d.name); continue; }
    if (hang) hang();
    out.push('call ' + d.name);
    const args = type.parameters.map((t, i) => {
      switch (t) {
        case 'i32': return I32Args[i % I32Args.length];
        case 'i64': return I64Args[i % I64Args.length];
        case 'f32': return F32Args[i % F32Args.length];
        case 'f64': return F64Args[i % F64Args.length];
        default: return null;
      }
    });
    try {
      let r = instance.exports[d.name](...args);
      const rs = type.results.length === 1 ? [r] : type.results.length === 0 ? [] : r;
      out.push(['result', ...type.results.map((t, i) => formatValue(t, rs[i]))].join(' '));
    } catch (e) {
      out.push(trapKind(e));
    }
    const state = ['state'];
    for (const s of exps) {
      const x = instance.exports[s.name];
      if (s.kind === 'memory') state.push(s.name + '=' + x.buffer.byteLength + ':' + hash(x.buffer));
      else if (s.kind === 'global' && ['i32', 'i64', 'f32', 'f64'].includes(s.type.value)) state.push(s.name + '=' + formatValue(s.type.value, x.value));
    }
    out.push(state.join(' '));
  }
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', path => {
  if (!path) return;
  const out = [];
  try { run(fs.readFileSync(path), out); } catch (e) { out.push('runner-error ' + String(e && e.stack).replace(/\n/g, ' ')); }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : '') + '#end ' + path + '\n');
});
