;; Found by the differential fuzzer (own generator, seed 0x29ffa5c2c8b1c30a): the RyuJIT 10.0.12 rotate-flags
;; bug is not limited to eqz/if/br_if/select: an unsigned or equality comparison of a rotate by a constant
;; against a constant 0 (eq, ne, le_u, gt_u, ge_u, lt_u) goes wrong too, with and without HW intrinsics.
;; Expected (V8): b, c return 1; d returns 1 (the fuzzer passes 0 as the third argument). Sharptime: 0 for all three.
(module
  (global $g (mut i64) (i64.const 0))
  (func (export "b") (result i32) (i64.ge_u (i64.const 0) (i64.rotr (global.get $g) (i64.const 63))))
  (func (export "c") (result i32) (i64.eq (i64.const 0) (i64.rotr (global.get $g) (i64.const 63))))
  (func (export "d") (param i32 i32 i32) (result i32) (i32.le_u (i32.rotl (local.get 2) (i32.const 5)) (i32.const 0))))
