;; Long run 0x10C0000, 12 of the 28 modules that diverged only in compiled code (e.g. c2 case 00597, own
;; generator), found once the campaign rendered them with canonical NaNs: an arithmetic NaN result then reads
;; as the canonical NaN and a signaling one as infinity, and compiled code gave infinity.
;; The cause: RyuJIT folds x * 1, x + -0, x - 0 and x / 1 to x whenever it can prove the constant (a literal
;; on either side, a local, a conversion, a block result, a select of constants), and .NET allows that, but
;; for a signaling NaN x Wasm requires an arithmetic (quiet) NaN: multiplying quiets it, returning x does not.
;; Sharptime bug, fixed: Numerics.F32Add and its kin compute through the scalar SSE intrinsics, which RyuJIT
;; does not fold (the same single instruction), and without them quiet the result after the fact.
;; Test: tests/Sharptime.Cli.Tests/JitWorkaroundCases.wat, export "nan_failures".
;; (invoke "f32" (i32.const 0x7fa00000)), (invoke "f64" (i64.const 0x7ff4000000000000)):
;;   V8 (Node 20.20), Sharptime interpreted, Sharptime compiled now: 0x7fe00000, 0x7ffc000000000000
;;   Sharptime compiled before the fix (HW intrinsics on and off): 0x7fa00000, 0x7ff4000000000000
(module
  (func (export "f32") (param i32) (result i32)
    (i32.reinterpret_f32 (f32.mul (f32.const 1) (f32.reinterpret_i32 (local.get 0)))))
  (func (export "f64") (param i64) (result i64) (local $k f64)
    (local.set $k (f64.const -0))
    (i64.reinterpret_f64 (f64.add (f64.reinterpret_i64 (local.get 0)) (local.get $k)))))
