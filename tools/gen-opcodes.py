#!/usr/bin/env python3
"""Generates src/Sharptime/Binary/Opcode.g.cs from the one opcode list below.

Every WebAssembly instruction is declared here once: its encoding, its text name, the kind of its
immediates, the proposal it belongs to and, for instructions whose typing is a fixed signature, that
signature. The decoder, validator, text parser and (later) the engines all read the generated table.

Signature letters: i=i32 I=i64 f=f32 F=f64 v=v128 a=address of the instruction's memory (i32 or i64).
A signature of None means the validator types the instruction by hand.
Run: python3 tools/gen-opcodes.py
"""
import os, re

OPS = []  # (prefix, code, name, imm, feature, params, results, enum_override)

def op(prefix, code, name, imm="None", feature="None", sig=None, enum=None):
    params = results = None
    if sig is not None:
        params, results = sig.split(">")
    OPS.append((prefix, code, name, imm, feature, params, results, enum))

# --- control (Wasm 3.0 section 5.4.1) ---
op(0, 0x00, "unreachable")
op(0, 0x01, "nop", sig=">")
op(0, 0x02, "block", "BlockType")
op(0, 0x03, "loop", "BlockType")
op(0, 0x04, "if", "BlockType")
op(0, 0x05, "else")
op(0, 0x06, "try", "BlockType", "LegacyExceptions")
op(0, 0x07, "catch", "Tag", "LegacyExceptions")
op(0, 0x08, "throw", "Tag", "ExceptionHandling")
op(0, 0x09, "rethrow", "Label", "LegacyExceptions")
op(0, 0x0A, "throw_ref", "None", "ExceptionHandling")
op(0, 0x0B, "end")
op(0, 0x0C, "br", "Label")
op(0, 0x0D, "br_if", "Label")
op(0, 0x0E, "br_table", "BrTable")
op(0, 0x0F, "return")
op(0, 0x10, "call", "Func")
op(0, 0x11, "call_indirect", "CallIndirect")
op(0, 0x12, "return_call", "Func", "TailCall")
op(0, 0x13, "return_call_indirect", "CallIndirect", "TailCall")
op(0, 0x14, "call_ref", "Type", "FunctionReferences")
op(0, 0x15, "return_call_ref", "Type", "FunctionReferences")
op(0, 0x18, "delegate", "Label", "LegacyExceptions")
op(0, 0x19, "catch_all", "None", "LegacyExceptions")
op(0, 0x1A, "drop")
op(0, 0x1B, "select")
op(0, 0x1C, "select", "SelectTypes", enum="SelectTyped")
op(0, 0x1F, "try_table", "TryTable", "ExceptionHandling")
# --- variable ---
op(0, 0x20, "local.get", "Local")
op(0, 0x21, "local.set", "Local")
op(0, 0x22, "local.tee", "Local")
op(0, 0x23, "global.get", "Global")
op(0, 0x24, "global.set", "Global")
# --- table ---
op(0, 0x25, "table.get", "Table", "ReferenceTypes")
op(0, 0x26, "table.set", "Table", "ReferenceTypes")
# --- memory ---
for code, name, sig in [
    (0x28, "i32.load", "a>i"), (0x29, "i64.load", "a>I"), (0x2A, "f32.load", "a>f"), (0x2B, "f64.load", "a>F"),
    (0x2C, "i32.load8_s", "a>i"), (0x2D, "i32.load8_u", "a>i"), (0x2E, "i32.load16_s", "a>i"), (0x2F, "i32.load16_u", "a>i"),
    (0x30, "i64.load8_s", "a>I"), (0x31, "i64.load8_u", "a>I"), (0x32, "i64.load16_s", "a>I"), (0x33, "i64.load16_u", "a>I"),
    (0x34, "i64.load32_s", "a>I"), (0x35, "i64.load32_u", "a>I"),
    (0x36, "i32.store", "ai>"), (0x37, "i64.store", "aI>"), (0x38, "f32.store", "af>"), (0x39, "f64.store", "aF>"),
    (0x3A, "i32.store8", "ai>"), (0x3B, "i32.store16", "ai>"), (0x3C, "i64.store8", "aI>"), (0x3D, "i64.store16", "aI>"),
    (0x3E, "i64.store32", "aI>")]:
    op(0, code, name, "MemArg", sig=sig)
op(0, 0x3F, "memory.size", "Memory", sig=">a")
op(0, 0x40, "memory.grow", "Memory", sig="a>a")
# --- numeric ---
op(0, 0x41, "i32.const", "I32", sig=">i")
op(0, 0x42, "i64.const", "I64", sig=">I")
op(0, 0x43, "f32.const", "F32", sig=">f")
op(0, 0x44, "f64.const", "F64", sig=">F")
def family(start, ty, names, sig):
    for i, n in enumerate(names):
        op(0, start + i, f"{ty}.{n}", sig=sig)
op(0, 0x45, "i32.eqz", sig="i>i")
family(0x46, "i32", ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"], "ii>i")
op(0, 0x50, "i64.eqz", sig="I>i")
family(0x51, "i64", ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"], "II>i")
family(0x5B, "f32", ["eq", "ne", "lt", "gt", "le", "ge"], "ff>i")
family(0x61, "f64", ["eq", "ne", "lt", "gt", "le", "ge"], "FF>i")
family(0x67, "i32", ["clz", "ctz", "popcnt"], "i>i")
family(0x6A, "i32", ["add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr"], "ii>i")
family(0x79, "i64", ["clz", "ctz", "popcnt"], "I>I")
family(0x7C, "i64", ["add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr"], "II>I")
family(0x8B, "f32", ["abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"], "f>f")
family(0x92, "f32", ["add", "sub", "mul", "div", "min", "max", "copysign"], "ff>f")
family(0x99, "f64", ["abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"], "F>F")
family(0xA0, "f64", ["add", "sub", "mul", "div", "min", "max", "copysign"], "FF>F")
for code, name, sig in [
    (0xA7, "i32.wrap_i64", "I>i"), (0xA8, "i32.trunc_f32_s", "f>i"), (0xA9, "i32.trunc_f32_u", "f>i"),
    (0xAA, "i32.trunc_f64_s", "F>i"), (0xAB, "i32.trunc_f64_u", "F>i"), (0xAC, "i64.extend_i32_s", "i>I"),
    (0xAD, "i64.extend_i32_u", "i>I"), (0xAE, "i64.trunc_f32_s", "f>I"), (0xAF, "i64.trunc_f32_u", "f>I"),
    (0xB0, "i64.trunc_f64_s", "F>I"), (0xB1, "i64.trunc_f64_u", "F>I"), (0xB2, "f32.convert_i32_s", "i>f"),
    (0xB3, "f32.convert_i32_u", "i>f"), (0xB4, "f32.convert_i64_s", "I>f"), (0xB5, "f32.convert_i64_u", "I>f"),
    (0xB6, "f32.demote_f64", "F>f"), (0xB7, "f64.convert_i32_s", "i>F"), (0xB8, "f64.convert_i32_u", "i>F"),
    (0xB9, "f64.convert_i64_s", "I>F"), (0xBA, "f64.convert_i64_u", "I>F"), (0xBB, "f64.promote_f32", "f>F"),
    (0xBC, "i32.reinterpret_f32", "f>i"), (0xBD, "i64.reinterpret_f64", "F>I"), (0xBE, "f32.reinterpret_i32", "i>f"),
    (0xBF, "f64.reinterpret_i64", "I>F")]:
    op(0, code, name, sig=sig)
for code, name, sig in [(0xC0, "i32.extend8_s", "i>i"), (0xC1, "i32.extend16_s", "i>i"), (0xC2, "i64.extend8_s", "I>I"),
                        (0xC3, "i64.extend16_s", "I>I"), (0xC4, "i64.extend32_s", "I>I")]:
    op(0, code, name, "None", "SignExtension", sig)
# --- reference ---
op(0, 0xD0, "ref.null", "HeapType", "ReferenceTypes")
op(0, 0xD1, "ref.is_null", "None", "ReferenceTypes")
op(0, 0xD2, "ref.func", "Func", "ReferenceTypes")
op(0, 0xD3, "ref.eq", "None", "Gc")
op(0, 0xD4, "ref.as_non_null", "None", "FunctionReferences")
op(0, 0xD5, "br_on_null", "Label", "FunctionReferences")
op(0, 0xD6, "br_on_non_null", "Label", "FunctionReferences")
# --- GC (0xFB) ---
for code, name, imm in [
    (0, "struct.new", "Type"), (1, "struct.new_default", "Type"), (2, "struct.get", "StructField"),
    (3, "struct.get_s", "StructField"), (4, "struct.get_u", "StructField"), (5, "struct.set", "StructField"),
    (6, "array.new", "Type"), (7, "array.new_default", "Type"), (8, "array.new_fixed", "ArrayFixed"),
    (9, "array.new_data", "TypeData"), (10, "array.new_elem", "TypeElem"), (11, "array.get", "Type"),
    (12, "array.get_s", "Type"), (13, "array.get_u", "Type"), (14, "array.set", "Type"), (15, "array.len", "None"),
    (16, "array.fill", "Type"), (17, "array.copy", "TypeType"), (18, "array.init_data", "TypeData"),
    (19, "array.init_elem", "TypeElem"), (20, "ref.test", "HeapType"), (22, "ref.cast", "HeapType"),
    (24, "br_on_cast", "BrOnCast"), (25, "br_on_cast_fail", "BrOnCast"), (26, "any.convert_extern", "None"),
    (27, "extern.convert_any", "None"), (28, "ref.i31", "None"), (29, "i31.get_s", "None"), (30, "i31.get_u", "None")]:
    op(0xFB, code, name, imm, "Gc")
op(0xFB, 21, "ref.test", "HeapType", "Gc", enum="RefTestNull")
op(0xFB, 23, "ref.cast", "HeapType", "Gc", enum="RefCastNull")
# --- 0xFC: saturating truncation, bulk memory, tables, wide arithmetic ---
for code, name, sig in [(0, "i32.trunc_sat_f32_s", "f>i"), (1, "i32.trunc_sat_f32_u", "f>i"), (2, "i32.trunc_sat_f64_s", "F>i"),
                        (3, "i32.trunc_sat_f64_u", "F>i"), (4, "i64.trunc_sat_f32_s", "f>I"), (5, "i64.trunc_sat_f32_u", "f>I"),
                        (6, "i64.trunc_sat_f64_s", "F>I"), (7, "i64.trunc_sat_f64_u", "F>I")]:
    op(0xFC, code, name, "None", "SaturatingFloatToInt", sig)
op(0xFC, 8, "memory.init", "MemoryInit", "BulkMemory")
op(0xFC, 9, "data.drop", "Data", "BulkMemory", ">")
op(0xFC, 10, "memory.copy", "MemoryCopy", "BulkMemory")
op(0xFC, 11, "memory.fill", "Memory", "BulkMemory")
op(0xFC, 12, "table.init", "TableInit", "BulkMemory")
op(0xFC, 13, "elem.drop", "Elem", "BulkMemory", ">")
op(0xFC, 14, "table.copy", "TableCopy", "BulkMemory")
op(0xFC, 15, "table.grow", "Table", "ReferenceTypes")
op(0xFC, 16, "table.size", "Table", "ReferenceTypes")
op(0xFC, 17, "table.fill", "Table", "ReferenceTypes")
op(0xFC, 19, "i64.add128", "None", "WideArithmetic", "IIII>II")
op(0xFC, 20, "i64.sub128", "None", "WideArithmetic", "IIII>II")
op(0xFC, 21, "i64.mul_wide_s", "None", "WideArithmetic", "II>II")
op(0xFC, 22, "i64.mul_wide_u", "None", "WideArithmetic", "II>II")
# --- 0xFD: SIMD ---
def simd(code, name, sig, imm="None", feature="Simd"):
    op(0xFD, code, name, imm, feature, sig)
for code, name in [(0, "v128.load"), (1, "v128.load8x8_s"), (2, "v128.load8x8_u"), (3, "v128.load16x4_s"),
                   (4, "v128.load16x4_u"), (5, "v128.load32x2_s"), (6, "v128.load32x2_u"), (7, "v128.load8_splat"),
                   (8, "v128.load16_splat"), (9, "v128.load32_splat"), (10, "v128.load64_splat")]:
    simd(code, name, "a>v", "MemArg")
simd(11, "v128.store", "av>", "MemArg")
simd(12, "v128.const", ">v", "V128")
simd(13, "i8x16.shuffle", "vv>v", "Shuffle")
simd(14, "i8x16.swizzle", "vv>v")
for code, name, sig in [(15, "i8x16.splat", "i>v"), (16, "i16x8.splat", "i>v"), (17, "i32x4.splat", "i>v"),
                        (18, "i64x2.splat", "I>v"), (19, "f32x4.splat", "f>v"), (20, "f64x2.splat", "F>v")]:
    simd(code, name, sig)
for code, name, sig in [(21, "i8x16.extract_lane_s", "v>i"), (22, "i8x16.extract_lane_u", "v>i"), (23, "i8x16.replace_lane", "vi>v"),
                        (24, "i16x8.extract_lane_s", "v>i"), (25, "i16x8.extract_lane_u", "v>i"), (26, "i16x8.replace_lane", "vi>v"),
                        (27, "i32x4.extract_lane", "v>i"), (28, "i32x4.replace_lane", "vi>v"), (29, "i64x2.extract_lane", "v>I"),
                        (30, "i64x2.replace_lane", "vI>v"), (31, "f32x4.extract_lane", "v>f"), (32, "f32x4.replace_lane", "vf>v"),
                        (33, "f64x2.extract_lane", "v>F"), (34, "f64x2.replace_lane", "vF>v")]:
    simd(code, name, sig, "Lane")
def vfamily(start, ty, names, sig="vv>v"):
    for i, n in enumerate(names):
        if n:
            simd(start + i, f"{ty}.{n}", sig)
cmp_int = ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"]
vfamily(0x23, "i8x16", cmp_int)
vfamily(0x2D, "i16x8", cmp_int)
vfamily(0x37, "i32x4", cmp_int)
vfamily(0x41, "f32x4", ["eq", "ne", "lt", "gt", "le", "ge"])
vfamily(0x47, "f64x2", ["eq", "ne", "lt", "gt", "le", "ge"])
simd(0x4D, "v128.not", "v>v")
vfamily(0x4E, "v128", ["and", "andnot", "or", "xor"])
simd(0x52, "v128.bitselect", "vvv>v")
simd(0x53, "v128.any_true", "v>i")
for i, n in enumerate(["load8_lane", "load16_lane", "load32_lane", "load64_lane"]):
    simd(0x54 + i, "v128." + n, "av>v", "MemArgLane")
for i, n in enumerate(["store8_lane", "store16_lane", "store32_lane", "store64_lane"]):
    simd(0x58 + i, "v128." + n, "av>", "MemArgLane")
simd(0x5C, "v128.load32_zero", "a>v", "MemArg")
simd(0x5D, "v128.load64_zero", "a>v", "MemArg")
simd(0x5E, "f32x4.demote_f64x2_zero", "v>v")
simd(0x5F, "f64x2.promote_low_f32x4", "v>v")
UN, BIN, SH, TEST, MASK = "v>v", "vv>v", "vi>v", "v>i", "v>i"
for code, name, sig in [
    (0x60, "i8x16.abs", UN), (0x61, "i8x16.neg", UN), (0x62, "i8x16.popcnt", UN), (0x63, "i8x16.all_true", TEST),
    (0x64, "i8x16.bitmask", MASK), (0x65, "i8x16.narrow_i16x8_s", BIN), (0x66, "i8x16.narrow_i16x8_u", BIN),
    (0x67, "f32x4.ceil", UN), (0x68, "f32x4.floor", UN), (0x69, "f32x4.trunc", UN), (0x6A, "f32x4.nearest", UN),
    (0x6B, "i8x16.shl", SH), (0x6C, "i8x16.shr_s", SH), (0x6D, "i8x16.shr_u", SH), (0x6E, "i8x16.add", BIN),
    (0x6F, "i8x16.add_sat_s", BIN), (0x70, "i8x16.add_sat_u", BIN), (0x71, "i8x16.sub", BIN),
    (0x72, "i8x16.sub_sat_s", BIN), (0x73, "i8x16.sub_sat_u", BIN), (0x74, "f64x2.ceil", UN), (0x75, "f64x2.floor", UN),
    (0x76, "i8x16.min_s", BIN), (0x77, "i8x16.min_u", BIN), (0x78, "i8x16.max_s", BIN), (0x79, "i8x16.max_u", BIN),
    (0x7A, "f64x2.trunc", UN), (0x7B, "i8x16.avgr_u", BIN), (0x7C, "i16x8.extadd_pairwise_i8x16_s", UN),
    (0x7D, "i16x8.extadd_pairwise_i8x16_u", UN), (0x7E, "i32x4.extadd_pairwise_i16x8_s", UN),
    (0x7F, "i32x4.extadd_pairwise_i16x8_u", UN),
    (0x80, "i16x8.abs", UN), (0x81, "i16x8.neg", UN), (0x82, "i16x8.q15mulr_sat_s", BIN), (0x83, "i16x8.all_true", TEST),
    (0x84, "i16x8.bitmask", MASK), (0x85, "i16x8.narrow_i32x4_s", BIN), (0x86, "i16x8.narrow_i32x4_u", BIN),
    (0x87, "i16x8.extend_low_i8x16_s", UN), (0x88, "i16x8.extend_high_i8x16_s", UN),
    (0x89, "i16x8.extend_low_i8x16_u", UN), (0x8A, "i16x8.extend_high_i8x16_u", UN),
    (0x8B, "i16x8.shl", SH), (0x8C, "i16x8.shr_s", SH), (0x8D, "i16x8.shr_u", SH), (0x8E, "i16x8.add", BIN),
    (0x8F, "i16x8.add_sat_s", BIN), (0x90, "i16x8.add_sat_u", BIN), (0x91, "i16x8.sub", BIN),
    (0x92, "i16x8.sub_sat_s", BIN), (0x93, "i16x8.sub_sat_u", BIN), (0x94, "f64x2.nearest", UN), (0x95, "i16x8.mul", BIN),
    (0x96, "i16x8.min_s", BIN), (0x97, "i16x8.min_u", BIN), (0x98, "i16x8.max_s", BIN), (0x99, "i16x8.max_u", BIN),
    (0x9B, "i16x8.avgr_u", BIN), (0x9C, "i16x8.extmul_low_i8x16_s", BIN), (0x9D, "i16x8.extmul_high_i8x16_s", BIN),
    (0x9E, "i16x8.extmul_low_i8x16_u", BIN), (0x9F, "i16x8.extmul_high_i8x16_u", BIN),
    (0xA0, "i32x4.abs", UN), (0xA1, "i32x4.neg", UN), (0xA3, "i32x4.all_true", TEST), (0xA4, "i32x4.bitmask", MASK),
    (0xA7, "i32x4.extend_low_i16x8_s", UN), (0xA8, "i32x4.extend_high_i16x8_s", UN),
    (0xA9, "i32x4.extend_low_i16x8_u", UN), (0xAA, "i32x4.extend_high_i16x8_u", UN),
    (0xAB, "i32x4.shl", SH), (0xAC, "i32x4.shr_s", SH), (0xAD, "i32x4.shr_u", SH), (0xAE, "i32x4.add", BIN),
    (0xB1, "i32x4.sub", BIN), (0xB5, "i32x4.mul", BIN), (0xB6, "i32x4.min_s", BIN), (0xB7, "i32x4.min_u", BIN),
    (0xB8, "i32x4.max_s", BIN), (0xB9, "i32x4.max_u", BIN), (0xBA, "i32x4.dot_i16x8_s", BIN),
    (0xBC, "i32x4.extmul_low_i16x8_s", BIN), (0xBD, "i32x4.extmul_high_i16x8_s", BIN),
    (0xBE, "i32x4.extmul_low_i16x8_u", BIN), (0xBF, "i32x4.extmul_high_i16x8_u", BIN),
    (0xC0, "i64x2.abs", UN), (0xC1, "i64x2.neg", UN), (0xC3, "i64x2.all_true", TEST), (0xC4, "i64x2.bitmask", MASK),
    (0xC7, "i64x2.extend_low_i32x4_s", UN), (0xC8, "i64x2.extend_high_i32x4_s", UN),
    (0xC9, "i64x2.extend_low_i32x4_u", UN), (0xCA, "i64x2.extend_high_i32x4_u", UN),
    (0xCB, "i64x2.shl", SH), (0xCC, "i64x2.shr_s", SH), (0xCD, "i64x2.shr_u", SH), (0xCE, "i64x2.add", BIN),
    (0xD1, "i64x2.sub", BIN), (0xD5, "i64x2.mul", BIN), (0xD6, "i64x2.eq", BIN), (0xD7, "i64x2.ne", BIN),
    (0xD8, "i64x2.lt_s", BIN), (0xD9, "i64x2.gt_s", BIN), (0xDA, "i64x2.le_s", BIN), (0xDB, "i64x2.ge_s", BIN),
    (0xDC, "i64x2.extmul_low_i32x4_s", BIN), (0xDD, "i64x2.extmul_high_i32x4_s", BIN),
    (0xDE, "i64x2.extmul_low_i32x4_u", BIN), (0xDF, "i64x2.extmul_high_i32x4_u", BIN),
    (0xE0, "f32x4.abs", UN), (0xE1, "f32x4.neg", UN), (0xE3, "f32x4.sqrt", UN), (0xE4, "f32x4.add", BIN),
    (0xE5, "f32x4.sub", BIN), (0xE6, "f32x4.mul", BIN), (0xE7, "f32x4.div", BIN), (0xE8, "f32x4.min", BIN),
    (0xE9, "f32x4.max", BIN), (0xEA, "f32x4.pmin", BIN), (0xEB, "f32x4.pmax", BIN),
    (0xEC, "f64x2.abs", UN), (0xED, "f64x2.neg", UN), (0xEF, "f64x2.sqrt", UN), (0xF0, "f64x2.add", BIN),
    (0xF1, "f64x2.sub", BIN), (0xF2, "f64x2.mul", BIN), (0xF3, "f64x2.div", BIN), (0xF4, "f64x2.min", BIN),
    (0xF5, "f64x2.max", BIN), (0xF6, "f64x2.pmin", BIN), (0xF7, "f64x2.pmax", BIN),
    (0xF8, "i32x4.trunc_sat_f32x4_s", UN), (0xF9, "i32x4.trunc_sat_f32x4_u", UN),
    (0xFA, "f32x4.convert_i32x4_s", UN), (0xFB, "f32x4.convert_i32x4_u", UN),
    (0xFC, "i32x4.trunc_sat_f64x2_s_zero", UN), (0xFD, "i32x4.trunc_sat_f64x2_u_zero", UN),
    (0xFE, "f64x2.convert_low_i32x4_s", UN), (0xFF, "f64x2.convert_low_i32x4_u", UN)]:
    simd(code, name, sig)
# --- relaxed SIMD ---
for code, name, sig in [
    (0x100, "i8x16.relaxed_swizzle", BIN), (0x101, "i32x4.relaxed_trunc_f32x4_s", UN),
    (0x102, "i32x4.relaxed_trunc_f32x4_u", UN), (0x103, "i32x4.relaxed_trunc_f64x2_s_zero", UN),
    (0x104, "i32x4.relaxed_trunc_f64x2_u_zero", UN), (0x105, "f32x4.relaxed_madd", "vvv>v"),
    (0x106, "f32x4.relaxed_nmadd", "vvv>v"), (0x107, "f64x2.relaxed_madd", "vvv>v"), (0x108, "f64x2.relaxed_nmadd", "vvv>v"),
    (0x109, "i8x16.relaxed_laneselect", "vvv>v"), (0x10A, "i16x8.relaxed_laneselect", "vvv>v"),
    (0x10B, "i32x4.relaxed_laneselect", "vvv>v"), (0x10C, "i64x2.relaxed_laneselect", "vvv>v"),
    (0x10D, "f32x4.relaxed_min", BIN), (0x10E, "f32x4.relaxed_max", BIN), (0x10F, "f64x2.relaxed_min", BIN),
    (0x110, "f64x2.relaxed_max", BIN), (0x111, "i16x8.relaxed_q15mulr_s", BIN),
    (0x112, "i16x8.relaxed_dot_i8x16_i7x16_s", BIN), (0x113, "i32x4.relaxed_dot_i8x16_i7x16_add_s", "vvv>v")]:
    simd(code, name, sig, feature="RelaxedSimd")
# --- 0xFE: threads ---
op(0xFE, 0x00, "memory.atomic.notify", "MemArg", "Threads", "ai>i")
op(0xFE, 0x01, "memory.atomic.wait32", "MemArg", "Threads", "aiI>i")
op(0xFE, 0x02, "memory.atomic.wait64", "MemArg", "Threads", "aII>i")
op(0xFE, 0x03, "atomic.fence", "ZeroByte", "Threads", ">")
for code, name, sig in [(0x10, "i32.atomic.load", "a>i"), (0x11, "i64.atomic.load", "a>I"), (0x12, "i32.atomic.load8_u", "a>i"),
                        (0x13, "i32.atomic.load16_u", "a>i"), (0x14, "i64.atomic.load8_u", "a>I"), (0x15, "i64.atomic.load16_u", "a>I"),
                        (0x16, "i64.atomic.load32_u", "a>I"), (0x17, "i32.atomic.store", "ai>"), (0x18, "i64.atomic.store", "aI>"),
                        (0x19, "i32.atomic.store8", "ai>"), (0x1A, "i32.atomic.store16", "ai>"), (0x1B, "i64.atomic.store8", "aI>"),
                        (0x1C, "i64.atomic.store16", "aI>"), (0x1D, "i64.atomic.store32", "aI>")]:
    op(0xFE, code, name, "MemArg", "Threads", sig)
rmw_shapes = [("i32.atomic.rmw", "i"), ("i64.atomic.rmw", "I"), ("i32.atomic.rmw8", "i"), ("i32.atomic.rmw16", "i"),
              ("i64.atomic.rmw8", "I"), ("i64.atomic.rmw16", "I"), ("i64.atomic.rmw32", "I")]
for k, rmw in enumerate(["add", "sub", "and", "or", "xor", "xchg", "cmpxchg"]):
    for j, (prefix, t) in enumerate(rmw_shapes):
        suffix = rmw if prefix.endswith("rmw") else rmw + "_u"
        sig = f"a{t}{t}>{t}" if rmw == "cmpxchg" else f"a{t}>{t}"
        op(0xFE, 0x1E + k * 7 + j, f"{prefix}.{suffix}", "MemArg", "Threads", sig)

def enum_name(name):
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[._]", name))

def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    names, codes = set(), set()
    lines = []
    for prefix, code, name, imm, feature, params, results, enum in OPS:
        e = enum or enum_name(name)
        value = (prefix << 24) | code
        assert e not in names, e
        assert value not in codes, hex(value)
        names.add(e); codes.add(value)
        lines.append((e, value, name, imm, feature, params, results))
    out = ["// <auto-generated> by tools/gen-opcodes.py from its opcode list; edit that list, not this file.",
           "#nullable enable", "namespace Sharptime.Binary;", "",
           "/// <summary>Every WebAssembly instruction. The value is (prefix &lt;&lt; 24) | code.</summary>",
           "internal enum Opcode : uint", "{"]
    for e, value, name, *_ in lines:
        out.append(f"    /// <summary><c>{name}</c></summary>")
        out.append(f"    {e} = 0x{value:08X},")
    out += ["}", "", "internal static partial class OpcodeTable", "{",
            "    private static OpcodeInfo[] CreateAll() =>", "    ["]
    def s(x):
        return "null" if x is None else f"\"{x}\""
    for e, value, name, imm, feature, params, results in lines:
        out.append(f"        new(Opcode.{e}, \"{name}\", ImmediateKind.{imm}, WasmFeatures.{feature}, {s(params)}, {s(results)}),")
    out += ["    ];", "}", ""]
    path = os.path.join(root, "src", "Sharptime", "Binary", "Opcode.g.cs")
    with open(path, "w") as f:
        f.write("\n".join(out))
    print(f"{len(lines)} opcodes -> {os.path.relpath(path, root)}")

main()
