;; A text module for `sharptime run --invoke fib examples/fib.wat 20` (prints 6765).
(module
  (func $fib (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $b (i64.add (local.get $a) (local.get $b)))
        (local.set $a (i64.sub (local.get $b) (local.get $a)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a)))
