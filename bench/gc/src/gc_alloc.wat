;; Allocation: $n small structs (an i32, an i64 and a reference), each linked to the one before and
;; the list cut every 1,024 objects, so all but the newest become garbage; returns a checksum.
(module
  (type $obj (struct (field $i i32) (field $l i64) (field $next (ref null $obj))))
  (func (export "alloc") (param $n i32) (result i64)
    (local $head (ref null $obj)) (local $sum i64) (local $k i32)
    (loop $l
      (if (i32.eqz (i32.and (local.get $n) (i32.const 1023))) (then (local.set $head (ref.null $obj))))
      (local.set $head (struct.new $obj (local.get $n) (i64.extend_i32_u (local.get $n)) (local.get $head)))
      (local.set $sum (i64.add (local.get $sum) (struct.get $obj $l (local.get $head))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum)))
