;; A small WebAssembly script: `dotnet run --project src/Sharptime.Cli -- wast examples/hello.wast`.
;; Modules must decode, validate and instantiate; actions run on the compiler, assert_return checks the
;; results, assert_trap the trap message; assert_malformed and assert_invalid modules must be rejected with
;; the expected message.

(module $hello
  (memory (export "memory") 1)
  (data (i32.const 0) "Hello, WebAssembly!")
  (global $calls (mut i32) (i32.const 0))

  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    (local.get $a)
    (local.get $b)
    (i32.add))

  (func (export "fac") (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call 1 (i64.sub (local.get $n) (i64.const 1)))))))

  (func (export "greeting-length") (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.const 19))

  (func (export "div") (param f64 f64) (result f64)
    (f64.div (local.get 0) (local.get 1)))
)

(assert_return (invoke "add" (i32.const 40) (i32.const 2)) (i32.const 42))
(assert_return (invoke "fac" (i64.const 20)) (i64.const 2432902008176640000))
(assert_return (invoke "div" (f64.const 0x1p0) (f64.const 0)) (f64.const inf))
(assert_return (invoke "div" (f64.const 0) (f64.const 0)) (f64.const nan:canonical))
(invoke "greeting-length")
(register "hello" $hello)

(module binary
  "\00asm" "\01\00\00\00"          ;; magic and version
  "\01\05\01\60\00\01\7f"          ;; type section: (func (result i32))
  "\03\02\01\00"                   ;; function section: one function of type 0
  "\07\08\01\04\6d\61\69\6e\00\00" ;; export section: "main" = func 0
  "\0a\06\01\04\00\41\07\0b"       ;; code section: i32.const 7
)
(assert_return (invoke "main") (i32.const 7))

(module quote "(func (export \"neg\") (param i32) (result i32) (i32.sub (i32.const 0) (local.get 0)))")

(assert_trap (module (func $start unreachable) (start $start)) "unreachable")

(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
(assert_malformed (module binary "\00asm" "\02\00\00\00") "unknown binary version")

(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
(assert_invalid (module (func (local.get 0))) "unknown local")

(assert_unlinkable (module (import "hello" "missing" (func))) "unknown import")
