;; Binary trees: builds and walks $n trees of depth 16 (65,535 structs each); returns the nodes counted.
(module
  (type $node (struct (field $left (ref null $node)) (field $right (ref null $node))))
  (func $build (param $d i32) (result (ref null $node))
    (if (result (ref null $node)) (i32.eqz (local.get $d))
      (then (struct.new $node (ref.null $node) (ref.null $node)))
      (else (struct.new $node
        (call $build (i32.sub (local.get $d) (i32.const 1)))
        (call $build (i32.sub (local.get $d) (i32.const 1)))))))
  (func $count (param $n (ref null $node)) (result i32)
    (if (result i32) (ref.is_null (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1)
        (i32.add (call $count (struct.get $node $left (local.get $n)))
                 (call $count (struct.get $node $right (local.get $n))))))))
  (func (export "trees") (param $n i32) (result i64)
    (local $total i64)
    (loop $l
      (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (call $count (call $build (i32.const 16))))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $total)))
