;; Long run 0x10C0000, case 00321 (own generator seed 0xa44d8a59e34bf5ab), reduced with wasm-reduce.
;; f64.add of two NaNs: the spec leaves open which NaN comes out (spec 4.3.3: any arithmetic NaN, and the
;; canonical NaN is one). x86 addsd returns its first operand; V8 and the interpreter keep the operands in
;; order and return the loaded NaN, RyuJIT commutes the add in compiled code and returns the constant's.
;; Not a bug. The fuzzer's --denan check cannot see it: the first NaN is loaded from a data segment.
;; (invoke "f" (i64.const 0)):
;;   V8 (Node 20.20), Sharptime interpreted: 0xffffe00000402000
;;   Sharptime compiled (HW intrinsics on and off) when found: 0x7ff8000000000000
;;   Since scalar float arithmetic compiles to SSE intrinsics (see mul-one-signaling-nan.wat), compiled code
;;   with HW intrinsics on returns V8's NaN; with them off it still returns 0x7ff8000000000000.
;; In the case, the stored bits fed an i32.load that chose an if arm, so the traces differed in control flow.
(module
  (memory (export "memory") 1)
  (data (i32.const 5) "\00\20\40\00\00\e0\ff\ff")
  (func (export "f") (param i64) (result i64)
    (f64.store (i32.const 0)
      (f64.add (f64.mul (f64.load (i32.const 5)) (f64.const -0x1p-63))
               (f64.mul (f64.convert_i64_u (local.get 0)) (f64.const nan))))
    (i64.load (i32.const 0))))
