;; Arrays: a sieve of Eratosthenes over a fresh (array (mut i8)) of 1,000,000 flags, $n times;
;; returns the primes counted.
(module
  (type $flags (array (mut i8)))
  (func $sieve (result i64)
    (local $a (ref null $flags)) (local $i i32) (local $j i32) (local $count i64)
    (local.set $a (array.new_default $flags (i32.const 1000000)))
    (local.set $i (i32.const 2))
    (loop $outer
      (if (i32.eqz (array.get_u $flags (local.get $a) (local.get $i)))
        (then
          (local.set $count (i64.add (local.get $count) (i64.const 1)))
          (local.set $j (i32.mul (local.get $i) (local.get $i)))
          (block $done (loop $inner
            (br_if $done (i32.ge_u (local.get $j) (i32.const 1000000)))
            (array.set $flags (local.get $a) (local.get $j) (i32.const 1))
            (local.set $j (i32.add (local.get $j) (local.get $i)))
            (br $inner)))))
      (br_if $outer (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1000000))))
    (local.get $count))
  (func (export "sieve") (param $n i32) (result i64)
    (local $total i64)
    (loop $l
      (local.set $total (i64.add (local.get $total) (call $sieve)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $total)))
