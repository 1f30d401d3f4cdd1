;; A parallel sum on wasi-threads, written by hand against the ABI that wasi-libc's pthreads use
;; (https://github.com/WebAssembly/wasi-threads): the host provides the shared memory (env.memory) and
;; wasi.thread-spawn; every spawned thread is a new instance of this module that runs
;; wasi_thread_start(tid, start_arg) on the same memory.
;;
;;   sharptime run -S threads examples/wasi/threads.wat
;;   sum of 1..1000000 over 4 threads = 500000500000
;;
;; _start spawns 4 threads; thread k adds k*250000+1 .. (k+1)*250000 in a local, then adds its partial sum
;; to the total with i64.atomic.rmw.add, counts itself done with i32.atomic.rmw.add and wakes the main
;; thread with memory.atomic.notify; the main thread sleeps in memory.atomic.wait32 until all 4 are done
;; (a pthread_join does the same), then prints the total. The message is a passive data segment copied by
;; _start alone: an active one would be written again by every thread's instantiation.
;;
;; Memory: 8 total (i64), 16 threads done (i32), 32 iovec, 64 the message, 128..160 the digits.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $thread_spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  ;; WASI reads and writes through the memory the instance exports as "memory".
  (export "memory" (memory 0))

  (global $threads i32 (i32.const 4))
  (global $per_thread i64 (i64.const 250000))
  (data $message "sum of 1..1000000 over 4 threads = ")

  (func (export "wasi_thread_start") (param $tid i32) (param $chunk i32)
    (local $n i64) (local $end i64) (local $sum i64)
    (local.set $n (i64.add (i64.mul (i64.extend_i32_u (local.get $chunk)) (global.get $per_thread)) (i64.const 1)))
    (local.set $end (i64.add (local.get $n) (global.get $per_thread)))
    (loop $add
      (local.set $sum (i64.add (local.get $sum) (local.get $n)))
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (br_if $add (i64.lt_u (local.get $n) (local.get $end))))
    (drop (i64.atomic.rmw.add (i32.const 8) (local.get $sum)))
    (drop (i32.atomic.rmw.add (i32.const 16) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 16) (i32.const 1))))

  (func (export "_start")
    (local $k i32) (local $done i32)
    (memory.init $message (i32.const 64) (i32.const 0) (i32.const 35))
    (data.drop $message)
    (loop $spawn
      (if (i32.lt_s (call $thread_spawn (local.get $k)) (i32.const 0))
        (then (call $proc_exit (i32.const 1))))
      (br_if $spawn (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (global.get $threads))))
    ;; Join: sleep while the count of finished threads is what was last seen (a notify or a change ends the wait).
    (block $joined
      (loop $join
        (br_if $joined (i32.eq (local.tee $done (i32.atomic.load (i32.const 16))) (global.get $threads)))
        (drop (memory.atomic.wait32 (i32.const 16) (local.get $done) (i64.const -1)))
        (br $join)))
    (call $print (i32.const 64) (i32.add (i32.const 35) (call $digits (i64.atomic.load (i32.const 8))))))

  ;; Writes the decimal digits of $value and a newline right after the message (at 99); returns their count.
  (func $digits (param $value i64) (result i32)
    (local $p i32) (local $length i32)
    ;; Digits go backwards from 159, then move up to 99.
    (local.set $p (i32.const 160))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $value) (i64.const 10)))))
      (br_if $digit (i64.ne (local.tee $value (i64.div_u (local.get $value) (i64.const 10))) (i64.const 0))))
    (local.set $length (i32.sub (i32.const 160) (local.get $p)))
    (memory.copy (i32.const 99) (local.get $p) (local.get $length))
    (i32.store8 (i32.add (i32.const 99) (local.get $length)) (i32.const 10))
    (i32.add (local.get $length) (i32.const 1)))

  (func $print (param $address i32) (param $length i32)
    (i32.store (i32.const 32) (local.get $address))
    (i32.store (i32.const 36) (local.get $length))
    (drop (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 24)))))
