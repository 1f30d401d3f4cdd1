(module
  (type $sig_a (func (param i32 i64) (result i32)))
  (type $sig_b (func (param f64) (result f64)))
  (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (import "fuzzing-support" "log-f32" (func $log-f32 (param f32)))
  (import "fuzzing-support" "log-f64" (func $log-f64 (param f64)))
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (memory (export "memory") i64 1 4)
  (data (i64.const 0) "\00\00\00\00\00\00\f0\41\00\00\00\00\00\00\00\80\ff\ff\ff\ff\00\00\00\00\01\00\00\00\00\00\00\80\40\00\00\00\00\00\00\00\ff\ff\ff\7f\00\00\00\00\ff\ff\ff\ff\ff\ff\ff\ff\00\00\20\40\ff\ff\7f\00\ff\ff\ff\3e\ff\ff\7f\ff\ff\ff\ff\ff\ff\ff\ef\7f\00\00\c0\ff\00\00\00\3f\00\00\00\3f\00\00\c0\3f\00\00\20\40\00\00\80\4f\01\00\00\cf\00\00\80\7f\ff\ff\ff\7f\00\00\00\00\00\00\00\00\00\00\f8\7f\00\00\20\00\00\00\e0\c1\3f\00\00\00\00\00\00\00\00\00\00\00\00\00\f8\ff\01\00\00\00\00\00\00\80\01\00\00\00\00\00\00\00\00\00\00\00\00\00\f0\43\00\00\c0\ff\01\00\80\7f\01\00\00\80\00\00\00\df\00\00\80\00\00\00\c0\7f\01\00\00\00\00\00\30\43\ff\ff\7f\ff\ff\ff\ff\3e\00\00\00\00\00\00\e0\3f\00\00\80\3f\00\00\20\40\ff\ff\ff\ff\00\00\00\00\01\00\00\00\00\00\00\00\00\00\00\00\00\00\10\00")
  (tag $e0 (param i32))
  (tag $e1 (param i64 f64))
  (global $g0 (export "g0") (mut i32) (i32.const 32))
  (global $g1 (export "g1") (mut i64) (i64.const -4692539608715257973))
  (global $g2 (mut f32) (f32.const -3.4028235E+38))
  (global $g3 (mut f64) (f64.const 4503599627370497))
  (global $g4 (mut v128) (v128.const i32x4 2 -2 1431655765 64))
  (table $t 8 funcref)
  (elem (i32.const 0) $h0 $h1 $h2 $h3 $h0 $h1 $hb)
  (func $h0 (type $sig_a) (param i32 i64) (result i32)
    (i32x4.bitmask (i64x2.shr_s (i16x8.splat (i32.const 1431655765)) (i32.const 8))))
  (func $h1 (type $sig_a) (param i32 i64) (result i32)
    (i32.trunc_f64_s (f64.const -inf)))
  (func $h2 (type $sig_a) (param i32 i64) (result i32)
    (if (i32.and (local.get 0) (i32.const 1)) (then (throw $e0 (local.get 0))))
    (if (i32.eqz (i32.and (local.get 0) (i32.const 3))) (then (throw $e1 (local.get 1) (f64.convert_i64_s (local.get 1)))))
    (i32.add (local.get 0) (i32.wrap_i64 (local.get 1))))
  (func $h3 (type $sig_a) (param i32 i64) (result i32)
    (if (result i32) (i32.gt_s (local.get 0) (i32.const 0))
      (then (return_call $h3 (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 3))))
      (else (i32.wrap_i64 (local.get 1)))))
  (func $hb (type $sig_b) (param f64) (result f64) (f64.mul (local.get 0) (f64.const 2)))
  (func $f0 (export "f0") (param i32 i64 f32 f64) (result f32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (memory.fill (i64.const 44) (i32.const -1603398314) (i64.const 7))
    (global.set $g4 (i64x2.splat (i64.extend16_s (i64.div_s (local.get $l_i64) (i64.load32_s (i64.and (i64.rotl (i64x2.extract_lane 0 (local.get $l_v128)) (i64.const -7421666308016857310)) (i64.const 0x3ff)))))))
    (local.set $l_f32 (f32.add (f32.demote_f64 (f64.add (f64.neg (f64.const 2147483647)) (f64.const inf))) (f32.copysign (f32.min (f32.mul (f32.const 0) (f32.const -nan:0x3fffff)) (f32.mul (f32.const -4.5907023E-38) (global.get $g2))) (f32.demote_f64 (f64.promote_f32 (f32.const 1))))))
    try
      (if (i32.lt_u (f64.le (f64x2.extract_lane 0 (v128.const f64x2 1.7161102590216534E-217 2.2637057480921426E+286)) (f64.sub (f64.const -2.7142927132740427E-253) (f64.const 9.223372036854775E+18))) (i32.ge_s (i32.eqz (i32.const -1)) (i32.const 1)))
        (then
          (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i8x16.extract_lane_s 9 (i8x16.le_u (v128.const i32x4 1431655765 50995592 1431655765 -1089790876) (local.get $l_v128))) (i32.const 0xfff)) (i64.const 4294967295) (i32.const 7)))
        )
        (else
          (call $log-i64 (i64x2.extract_lane 1 (v128.bitselect (i64x2.extend_low_i32x4_u (i32x4.sub (local.get $l_v128) (v128.load8_splat (i64.const 221)))) (i8x16.shl (i32x4.le_u (local.get $l_v128) (local.get $l_v128)) (i32.const 32)) (v128.load8_lane 14 (i64.and (i64.load8_s offset=0 (i64.const 217)) (i64.const 0x3ff)) (v128.bitselect (local.get $l_v128) (local.get $l_v128) (v128.const i32x4 1431655765 -2147483647 128 -2147483647))))))
        ))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (block $L0
      (local.set $l_f64 (f64.promote_f32 (f32.reinterpret_i32 (i32.eqz (i32.or (i32.load8_u (i64.const 295)) (i32.const 127))))))
      (local.set $c0 (i32.const 2))
      (loop $L1
        (call $log-f64 (f64.div (f64.floor (f64.convert_i64_u (select (i64.const 8305876664588014389) (i64.const 0) (global.get $g0)))) (f64.sqrt (f64.convert_i64_u (i64.xor (global.get $g1) (i64.const -2147483648))))))
        (call $log-i64 (i64.trunc_f64_u (f64.floor (f64.promote_f32 (f32.copysign (f32.const 0) (f32.load (i64.and (i64.mul (i64x2.extract_lane 1 (v128.load32_zero (i64.and (i64x2.extract_lane 0 (f32x4.abs (v128.const f32x4 -2.147484E+09 1.5 1.5 -9.223372E+18))) (i64.const 0x3ff)))) (i64.const -9223372036854775808)) (i64.const 0x3ff))))))))
        (br_if $L1 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (br_if $L0 (f64.le (f64.convert_i64_u (local.get $l_i64)) (f64.nearest (f64.const 0))))
      (call $log-f32 (f32.floor (f32.max (f32.demote_f64 (f64.convert_i64_u (i64.const -3506306659910466664))) (f32.sqrt (f32.add (f32.const 1.5) (f32.const 9.223372E+18))))))
      (call $log-f32 (f32.mul (f32.sub (local.get $l_f32) (local.get $l_f32)) (f32.demote_f64 (f64.max (f64.convert_i32_u (i32.const 2130399214)) (f64.promote_f32 (local.get $l_f32))))))
      (call $log-i32 (i32.mul (f32.le (f32.min (f32.convert_i32_u (i32.const 1431655765)) (f32.const 1E-45)) (f32.mul (f32.demote_f64 (f64.const -1)) (f32x4.extract_lane 2 (v128.const i32x4 -1 255 -2147483647 1187485508)))) (i32.const -1431655766)))
    )
    (call $log-f64 (f64.add (f64x2.extract_lane 0 (i8x16.shuffle 10 5 12 7 5 10 9 0 31 31 29 28 13 17 25 17 (i64x2.splat (local.get $l_i64)) (v128.load64_lane 0 (i64.const 104) (v128.const f32x4 -4.7590627E-05 0.5 1.8041897E+18 nan:0x1)))) (f64.sub (f64.promote_f32 (f32.div (f32.const 9.223372E+18) (f32.load offset=0 (i64x2.extract_lane 0 (v128.load16_lane 2 (i64.const 275) (v128.const f32x4 1.4317565E+38 1E-45 -6.187761E-25 7.73085E-32)))))) (f64.const -2.2371542832364553E+24))))
    try
      (local.set $l_i32 (call $h2 (local.get 0) (i64.div_u (i64.sub (local.get $l_i64) (i64.const 64)) (i64.const 3937969308769828254))))
      (drop (call $h2 (i32.reinterpret_f32 (f32.floor (f32.const 2.1474836E+09))) (i64.load16_u (i64.const 17))))
      (call $log-f64 (f64.convert_i64_s (i64.and (i64.const -2147483648) (i64x2.extract_lane 1 (i64x2.neg (v128.const i64x2 4294967296 63))))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-i32 (i32.mul (i32.reinterpret_f32 (f32.max (f32.floor (local.get 2)) (f32.ceil (local.get 2)))) (i32.const 127)))
    try
      (drop (call $h2 (i8x16.all_true (i8x16.min_u (local.get $l_v128) (global.get $g4))) (i64x2.extract_lane 1 (i8x16.shl (v128.load64_zero offset=20 (i64.const -2147483648)) (i32.const -1889722326)))))
      (drop (call $h2 (i32.div_s (i32.trunc_sat_f64_s (local.get $l_f64)) (i32.const 32767)) (i64x2.extract_lane 1 (v128.load16x4_u offset=47 (i64.const 288)))))
      (drop (call $h2 (i32.load16_s (i64.const 230)) (i64.rotr (i64.trunc_f32_s (f32.const -2.147484E+09)) (i64.and (i64.const 8434218360447426296) (i64.const -9223372036854775807)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (call $log-v128 (f32x4.splat (f32.nearest (f32.min (local.get 2) (f32.reinterpret_i32 (local.get 0))))))
    (drop (memory.grow (i64.const 1)))
    (f32.store offset=4 (i64.const 117) (f32.reinterpret_i32 (select (i32.const -1) (i32.mul (local.get $l_i32) (local.get $l_i32)) (f32.gt (global.get $g2) (f32.const -3.4028235E+38)))))
    (f32.sub (f32.mul (f32.convert_i32_u (i8x16.bitmask (v128.const f64x2 0 -nan:0x8000000000000))) (f32.convert_i32_u (i32.eq (i32.const 32767) (i32.const 1431655765)))) (f32.reinterpret_i32 (i8x16.extract_lane_s 12 (i64x2.ne (v128.const i32x4 -2147483648 1 -1431655766 -2147483648) (local.get $l_v128))))))
  (func $f1 (export "f1") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-i32 (f64.lt (f64.nearest (f64.convert_i64_s (i64.reinterpret_f64 (f64.const 2.225073858507201E-308)))) (f64.sqrt (f64.promote_f32 (f32.max (f32.const 2.2809518E-20) (f32.const -8.707999E-28))))))
    (local.set $l_i64 (i64x2.extract_lane 0 (v128.const i64x2 64 64)))
    (call $log-f64 (f64.convert_i64_u (i64.or (select (i64.rem_s (local.get 1) (local.get $l_i64)) (i64x2.extract_lane 0 (v128.const f64x2 9.223372036854775E+18 0.5)) (i32.eq (local.get $l_i32) (i32.const 65535))) (i64.reinterpret_f64 (f64.convert_i64_s (local.get 1))))))
    (block $L2
      try
        (call $log-i32 (i16x8.extract_lane_s 6 (f32x4.neg (i32x4.extadd_pairwise_i16x8_s (i32x4.shr_s (v128.load16x4_s offset=60 (i64.and (i64.mul (i64.extend_i32_u (local.get 0)) (i64.extend16_s (i64.const -9223372036854775808))) (i64.const 0x3ff))) (i32.const 127))))))
        (call $log-i64 (i64.rotl (select (i64.rem_u (i64.trunc_sat_f32_s (f32.load (i64.const 65))) (i64.shr_s (i64.const 0) (local.get $l_i64))) (i64.trunc_f32_s (f32.copysign (f32.load (i64.and (i64.const -6546476285305174348) (i64.const 0x3ff))) (f32.const 16777215))) (i32.const 255)) (i64.shr_s (i64.trunc_f32_u (f32.copysign (f32.const -nan:0x400000) (f32.const nan:0x200000))) (i64.reinterpret_f64 (f64x2.extract_lane 0 (v128.load16x4_u offset=30 (i64.and (i64.trunc_sat_f64_u (f64.convert_i64_s (i64.const 9223372036854775807))) (i64.const 0x3ff))))))))
        (drop (call $h2 (i32.rotr (i32.eq (i32.const -1) (i32.const 127)) (i32.lt_u (i32.load16_u offset=69 (i64.and (i64.div_u (select (i64.const 9223372036854775807) (i64.const 0) (i32.const 1275282999)) (i64.sub (i64.const 9223372036854775807) (i64.const 6148914691236517205))) (i64.const 0x3ff))) (i32.const 65536))) (select (select (i64.const -9223372036854775807) (i64.load32_s (i64.and (local.get $l_i64) (i64.const 0x3ff))) (i32.const 1)) (i64.reinterpret_f64 (f64.const 0)) (i32.extend16_s (i32.const 64)))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (i32.store (i64.and (i64.extend_i32_s (i32.extend16_s (i32.const 1))) (i64.const 0x3ff)) (select (i32.clz (f64.ne (f64.const -9.223372036854776E+18) (local.get $l_f64))) (i32.const -704502581) (f32.eq (f32.demote_f64 (f64.const -1)) (f32.min (f32.const -1E-45) (local.get 2)))))
      (br_if $L2 (select (i32.or (local.get $l_i32) (i32.const -1737772990)) (f32.ge (f32.const -nan:0x400000) (f32.const 9.223372E+18)) (i64.eq (i64.load8_s (i64.div_s (local.get 1) (i64.shr_s (local.get $l_i64) (local.get 1)))) (i64.const -9223372036854775808))))
      (call $log-f64 (f64.min (f64.floor (f64x2.extract_lane 0 (i32x4.shr_s (v128.load32x2_s (i64.const 281)) (i32.const -551488057)))) (f64.promote_f32 (f32x4.extract_lane 2 (f64x2.div (v128.const i64x2 64 -2147483648) (v128.const f32x4 0.49999997 1.1754942E-38 2.5 0.5))))))
    )
    try
      (local.set $c0 (i32.const 4))
      (loop $L3
        (call $log-f32 (f32.reinterpret_i32 (i32.or (i32.const 32768) (i32.const 33))))
        (br_if $L3 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (call $log-v128 (i16x8.shr_u (v128.load8x8_s (i64.const 45)) (i32.const 15)))
      (block $L4
        (call $log-v128 (f64x2.abs (i32x4.shr_s (i32x4.ne (f32x4.le (v128.const f32x4 -4.6024345E-21 -nan:0x3fffff 1.1754944E-38 -2.147484E+09) (v128.load8x8_u offset=6 (select (i64.reinterpret_f64 (local.get $l_f64)) (i64.trunc_sat_f64_u (f64.const 2147483647)) (i32.const 2147483647)))) (local.get $l_v128)) (i32.const 32))))
        (call $log-i64 (i64.reinterpret_f64 (f64.copysign (f64.mul (f64.load (i64.const 269)) (f64.mul (f64.load offset=4294967296 (i64.const 0x40000)) (f64.load (i64.and (i64.const 2147483648) (i64.const 0x3ff))))) (f64x2.extract_lane 0 (v128.load32_lane 0 (i64.const 204) (local.get $l_v128))))))
        (br_if $L4 (select (i64.lt_u (i64.const 9223372036854775807) (i64.load8_u (i64.rotl (i64.const 1) (i64.extend_i32_u (i32.const 33))))) (select (i32.const 255) (i32.const 33) (i32.const 1)) (v128.any_true (v128.const i32x4 -2147483648 -1431655766 31 255))))
        (call $log-f64 (f64.const 1.0071981620534526E+61))
        (local.set $l_i32 (call $h3 (i32.and (i32.trunc_f32_s (f32.mul (f32.const 0) (f32.const 9.2233715E+18))) (i32.const 0xfffff)) (i64.extend_i32_s (i8x16.bitmask (local.get $l_v128)))))
      )
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (i32.trunc_sat_f32_u (f32.demote_f64 (f64x2.extract_lane 0 (v128.const f64x2 4503599627370497 nan:0x1)))))
  (func $f2 (export "f2") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $l_i32 (select (i32.extend16_s (i32.mul (f64.eq (f64.const 0) (local.get $l_f64)) (i32.const 127))) (i32.extend16_s (i32.trunc_sat_f64_s (local.get 3))) (i32.const 33)))
    (call $log-v128 (i8x16.shuffle 20 21 15 20 23 22 28 9 23 13 19 13 30 16 26 11 (i8x16.shuffle 22 19 3 17 25 26 15 22 30 1 23 4 14 9 26 19 (i8x16.replace_lane 13 (v128.const i64x2 2147483647 4294967295) (f64.le (f64.load offset=38 (i64.const 229)) (f64.const 1.401298464324817E-45))) (v128.const f64x2 nan:0x8000000000000 2.2250738585072014E-308)) (v128.load32_lane offset=69 1 (i64.and (i64.reinterpret_f64 (f64.abs (f64.const -9.223372036854776E+18))) (i64.const 0x3ff)) (i16x8.narrow_i32x4_s (i32x4.min_s (local.get $l_v128) (v128.const f64x2 1.6745717160803576E-34 nan:0x1)) (i32x4.splat (i32.const -2147483647))))))
    (local.set $c0 (i32.const 3))
    (loop $L5
      (i64.store (i64.and (i64.rem_s (select (global.get $g1) (i64.load8_s offset=66 (i64.const 62)) (global.get $g0)) (i64.const 6148914691236517205)) (i64.const 0x3ff)) (i64.const 0))
      (global.set $g2 (f32.const -nan:0x400000))
      (local.set $l_v128 (v128.bitselect (v128.const i64x2 0 -1447315963546477514) (i16x8.extmul_high_i8x16_s (i8x16.shuffle 13 25 11 14 20 22 5 7 1 24 28 3 1 23 20 20 (i8x16.shl (v128.const f32x4 2.5 4.6237225E-22 -1 -9.223372E+18) (i32.const 32)) (v128.bitselect (v128.load32_zero (i64.and (i64.and (i64.const 1) (i64x2.extract_lane 0 (global.get $g4))) (i64.const 0x3ff))) (local.get $l_v128) (local.get $l_v128))) (v128.const i64x2 -9223372036854775807 4294967296)) (i8x16.splat (i32.const 31))))
      (br_if $L5 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (block $L6
      (call $log-v128 (i32x4.trunc_sat_f64x2_u_zero (i16x8.avgr_u (i32x4.extmul_low_i16x8_u (v128.load64_lane 0 (i64.const 205) (global.get $g4)) (f32x4.convert_i32x4_u (v128.const f32x4 -nan:0x400000 inf -2.677846E-14 2.1474836E+09))) (local.get $l_v128))))
      (local.set $c0 (i32.const 1))
      (loop $L7
        (local.set $l_i32 (call $h3 (i32.and (i8x16.extract_lane_u 1 (i64x2.shr_s (v128.load (i64.load (i64.and (i64.extend_i32_u (i32.reinterpret_f32 (global.get $g2))) (i64.const 0x3ff)))) (i32.const 0))) (i32.const 0xfffff)) (i64.xor (i64x2.extract_lane 1 (v128.load16x4_u offset=56 (i64.and (i64.const 9223372036854775807) (i64.const 0x3ff)))) (i64.const 4242040430996134590))))
        (local.set $l_f32 (f32x4.extract_lane 2 (i32x4.splat (local.get 0))))
        (call $log-i32 (local.get $l_i32))
        (br_if $L7 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      try
        (i64.store16 offset=6 (i64.and (i64.const -2147483648) (i64.const 0x3ff)) (i64.extend_i32_s (select (i32.const 1564691755) (i32.trunc_sat_f32_s (f32.const 4.3321515E+30)) (local.get 0))))
        (memory.fill (i64.and (i64.extend_i32_s (i32.div_s (i32.const 2147483647) (i32.const -227843071))) (i64.const 0x3ff)) (select (local.get $l_i32) (local.get $l_i32) (i32.load8_s (i64.and (i64.reinterpret_f64 (f64.const 2.5)) (i64.const 0x3ff)))) (i64.const 14))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (br_if $L6 (i32.reinterpret_f32 (f32.add (f32.const 2.1474835E+09) (f32.const 16777215))))
      (global.set $g4 (i16x8.splat (i32.trunc_sat_f64_s (f64.promote_f32 (f32.const -3.4028235E+38)))))
    )
    (call $log-f64 (f64.nearest (f64x2.extract_lane 0 (local.get $l_v128))))
    (local.set $l_f32 (f32.const 5.9745737E+12))
    (global.set $g2 (f32.const -2.4883704E+09))
    (f32.store offset=23 (i64.const 221) (f32.sub (f32.neg (f32.add (f32.const nan:0x400000) (local.get $l_f32))) (f32.mul (f32.convert_i64_u (i64.const 5514029354547937664)) (local.get $l_f32))))
    (local.set $c0 (i32.const 2))
    (loop $L8
      (call $log-i32 (f64.ne (local.get $l_f64) (f64.promote_f32 (f32x4.extract_lane 0 (f64x2.min (v128.const f64x2 5.840320250625632E+57 -2147483648) (global.get $g4))))))
      (br_if $L8 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    try
      try
        (throw $e0 (i32.div_s (i32.lt_u (local.get $l_i32) (i32.const 64)) (i32.const -1721092683)))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (drop (call $h2 (i32.popcnt (i32.rem_s (i32.const -1431655766) (i32.const -2))) (i64.load32_s (i64.and (i64.rotr (global.get $g1) (i64.const 63)) (i64.const 0x3ff)))))
      (drop (call $h2 (i32.shr_s (i32.trunc_sat_f64_s (local.get 3)) (i32.wrap_i64 (local.get 1))) (i64.and (local.get $l_i64) (i64.const -1))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (i32x4.bitmask (i16x8.abs (v128.const f64x2 3.4028234663852886E+38 -2.8767727094191057E+49))))
  (func $f3 (export "f3") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-i32 (i32.const -928720003))
    (call $log-v128 (i8x16.replace_lane 9 (i8x16.shuffle 2 24 6 13 26 1 26 12 4 6 22 28 12 1 26 29 (v128.const f32x4 -nan:0x400000 -3.4028235E+38 -1.7513207E-24 16777215) (v128.const f32x4 9.223372E+18 3.5456115E-24 1.1754944E-38 -1E-45)) (global.get $g0)))
    (call $log-f32 (f32.demote_f64 (f64.sub (f64.div (f64.convert_i64_s (global.get $g1)) (f64.convert_i32_u (i32.const 31))) (f64.mul (f64.ceil (f64.load (i64.const 120))) (f64.max (f64.const 2147483648) (f64.const 1.1590467316495956E-210))))))
    (if (i32.div_u (i32.const 0) (i32.reinterpret_f32 (f32.add (local.get $l_f32) (f32.const 1.1754942E-38))))
      (then
        (if (select (i32.and (i32.gt_s (i32.const 2147483647) (i32.load8_s (i64.and (i64.reinterpret_f64 (f64x2.extract_lane 0 (v128.const i32x4 33 32768 32768 65535))) (i64.const 0x3ff)))) (i32.const -2147483647)) (i32.load16_u offset=50 (i64.const 127)) (i32.shr_u (f64.le (f64.const 2.2250738585072014E-308) (f64.const 3.4028234663852886E+38)) (select (i32.const 65536) (i32.const 64) (local.get $l_i32))))
          (then
            (f64.store (i64.and (i64.rotl (i64.reinterpret_f64 (f64.const -2.5)) (local.get $l_i64)) (i64.const 0x3ff)) (f64.max (f64.const 2.225073858507201E-308) (local.get $l_f64)))
            (memory.fill (i64.and (i64.shl (i64x2.extract_lane 1 (v128.load64_zero (i64.const 12))) (select (local.get $l_i64) (global.get $g1) (i32.const -1289337788))) (i64.const 0x3ff)) (local.get 0) (i64.const 45))
          )
          (else
            (memory.copy (i64.and (i64.div_u (i64.trunc_sat_f64_u (local.get 3)) (i64.const 6148914691236517205)) (i64.const 0x3ff)) (i64.and (local.get $l_i64) (i64.const 0x3ff)) (i64.const 16))
            (call $log-i64 (i64.sub (i64.const 9223372036854775807) (i64.extend_i32_s (i64.gt_s (i64.extend8_s (i64.const 0)) (i64x2.extract_lane 0 (global.get $g4))))))
          ))
        (if (i32.shl (select (i32.wrap_i64 (local.get $l_i64)) (i64x2.bitmask (v128.const f32x4 -9.643245E+24 16777215 -1.5267337E-09 1.5421036E+33)) (i32.wrap_i64 (i64.load32_u (i64.const 105)))) (i32.const 31))
          (then
            (local.set $l_i32 (f32.ne (f32.reinterpret_i32 (i32.extend8_s (f32.ge (f32.const 0.5) (f32.const -4.6903024E+29)))) (f32.load offset=4294967296 (i64.and (i64.div_u (i64.add (global.get $g1) (local.get $l_i64)) (i64.shr_s (i64.const 6148914691236517205) (local.get $l_i64))) (i64.const 0x3ff)))))
          )
          (else
            (local.set $l_v128 (f32x4.replace_lane 0 (v128.load16_lane offset=64 7 (i64.const 66) (f32x4.pmin (v128.and (v128.const i32x4 1431655765 2 1 1950213066) (v128.load16x4_u offset=4294967296 (i64.and (global.get $g1) (i64.const 0x3ff)))) (f32x4.abs (global.get $g4)))) (f32x4.extract_lane 3 (local.get $l_v128))))
            (call $log-v128 (v128.bitselect (v128.andnot (v128.load8_lane offset=65 2 (i64.and (i64.trunc_sat_f64_s (f64.copysign (f64.const 1) (f64.load offset=59 (i64.and (i64.rem_s (i64.const 64) (i64.div_u (global.get $g1) (i64.const 9223372036854775807))) (i64.const 0x3ff))))) (i64.const 0x3ff)) (f32x4.demote_f64x2_zero (v128.const f64x2 -inf 2.225073858507201E-308))) (i32x4.replace_lane 2 (v128.const f32x4 -4.294569E-33 1.577003E+23 1.1754942E-38 2.1474835E+09) (f64.gt (local.get 3) (f64.const 2147483647)))) (i16x8.gt_u (i8x16.shuffle 9 10 13 15 4 20 19 21 28 15 12 1 8 18 3 23 (v128.bitselect (local.get $l_v128) (local.get $l_v128) (local.get $l_v128)) (i32x4.trunc_sat_f32x4_s (local.get $l_v128))) (i32x4.shr_u (f32x4.sqrt (v128.const f64x2 -3.9120297041834216E+91 -inf)) (i32.const 64))) (f32x4.floor (i32x4.shr_s (local.get $l_v128) (i32.const 7)))))
          ))
      )
      (else
        (local.set $c0 (i32.const 5))
        (loop $L9
          (call $log-v128 (f32x4.max (i32x4.shr_u (i32x4.extmul_low_i16x8_s (i8x16.shr_u (v128.load16_splat (i64.const 0xfffffffffff0)) (i32.const 64)) (f32x4.add (v128.const i32x4 2 128 1831894469 1) (v128.const f64x2 4503599627370497 3.719941762427972E-90))) (i32.reinterpret_f32 (f32.sub (local.get 2) (f32.const -2.147484E+09)))) (i8x16.shuffle 14 28 28 29 31 7 3 30 19 10 7 7 20 8 15 28 (i16x8.replace_lane 6 (i8x16.sub_sat_s (local.get $l_v128) (v128.const f32x4 1.5 -2.147484E+09 4.2949673E+09 8388609)) (i32.shr_u (i32.const 2147483647) (global.get $g0))) (v128.load16_lane offset=52 0 (i64.and (i64.extend_i32_u (i32.ne (i32.const 2) (i32.const -1507786694))) (i64.const 0x3ff)) (i16x8.eq (local.get $l_v128) (v128.const f32x4 -2.3921452E+16 0.0018815977 -1.9391883E-29 8388609))))))
          (br_if $L9 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
        (call $log-f32 (f32.convert_i64_s (i64.ctz (i64.const 4294967295))))
        (if (i32.le_s (i32.add (f32.lt (local.get $l_f32) (local.get 2)) (i32.le_u (i32.const -1) (i32.load8_s (i64.and (i64.trunc_sat_f32_u (f32.reinterpret_i32 (global.get $g0))) (i64.const 0x3ff))))) (i32.lt_u (i32.reinterpret_f32 (f32.const nan:0x400000)) (i32.const -1379919666)))
          (then
            (global.set $g3 (f64.promote_f32 (f32.convert_i64_u (i64.rotl (i64.const 64) (i64.const 4294967295)))))
            (call $log-f32 (f32.nearest (f32.const nan:0x200000)))
          )
          (else
            (call $log-i64 (i64.shr_u (i64x2.extract_lane 0 (v128.const i32x4 0 -1 1359550948 33)) (i64.rem_u (i64.extend_i32_u (i32.reinterpret_f32 (local.get 2))) (i64.reinterpret_f64 (f64.const 0)))))
          ))
      ))
    (call $log-i64 (i64.div_s (i64.const 2147483647) (i64.mul (i64.xor (select (global.get $g1) (local.get $l_i64) (local.get $l_i32)) (i64.const 64)) (i64.trunc_sat_f64_u (f64.abs (f64.const 9.223372036854775E+18))))))
    (local.set $l_i64 (i64.rem_u (i64.mul (i64.trunc_sat_f64_s (f64.convert_i64_u (local.get 1))) (i64.trunc_f32_s (f32.const -96518.305))) (local.get 1)))
    (if (i32.rem_u (f32.lt (f32.reinterpret_i32 (i32.const -2)) (f32.reinterpret_i32 (i32.const -1685857367))) (i16x8.extract_lane_s 2 (f32x4.min (local.get $l_v128) (v128.const i32x4 255 32767 -210922929 1))))
      (then
        try
          (throw $e0 (i32.eqz (i32.shr_s (local.get $l_i32) (i32.const -2147483648))))
          (global.set $g1 (i64.shl (i64.div_s (i64.extend_i32_s (global.get $g0)) (i64.const -1)) (i64.xor (i64.load16_u offset=0 (i64.and (i64.shl (i64.rem_s (i64.const 64) (i64.const 7851775378400488306)) (i64.extend_i32_u (i32.load8_s offset=10 (i64.trunc_sat_f32_s (f32.reinterpret_i32 (local.get 0)))))) (i64.const 0x3ff))) (i64.rotl (i64.const 2147483648) (local.get 1)))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
      )
      (else
        (call $log-f32 (f32.min (f32.add (f32.reinterpret_i32 (f64.eq (local.get 3) (local.get 3))) (f32.reinterpret_i32 (f64.lt (local.get $l_f64) (f64.const -9.223372036854776E+18)))) (local.get $l_f32)))
      ))
    try
      (drop (call $h2 (local.get $l_i32) (i64.and (i64.extend_i32_s (local.get 0)) (i64.extend32_s (local.get $l_i64)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.set $l_f64 (f64.convert_i32_s (f32.le (f32.min (f32.ceil (f32.const 1)) (f32.nearest (f32.load (i64.and (i64.const 64) (i64.const 0x3ff))))) (f32.max (f32.convert_i64_u (global.get $g1)) (f32x4.extract_lane 0 (v128.const f32x4 -1.17046395E+11 1 -1 3.7000877E-08))))))
    try
      try
        (throw $e0 (i64x2.all_true (i8x16.shuffle 13 6 19 14 31 23 19 19 17 9 30 10 15 1 23 24 (local.get $l_v128) (v128.const f32x4 -4.272162E+28 -2.1474836E+09 16777215 -1.09106646E-35))))
        (call $log-i64 (select (i64.rotl (i64.shl (i64x2.extract_lane 1 (local.get $l_v128)) (select (i64.const 63) (local.get $l_i64) (i32.const 1571879391))) (i64.const 6989103212461794055)) (i64.trunc_sat_f64_s (f64.convert_i64_s (i64.rem_u (i64.const 63) (i64.const 65)))) (i32.eq (i32.load8_u (i64.const 64)) (i32.trunc_f32_u (f32.convert_i64_s (local.get $l_i64))))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (drop (call $h2 (i32.gt_s (select (i32.const 2) (i32.const -114767242) (local.get 0)) (i32.const 1431655765)) (i64.reinterpret_f64 (f64.div (local.get 3) (f64.load (i64.const 134))))))
      try
        (throw $e0 (i32.const 1))
        (throw $e0 (i64x2.all_true (i32x4.extend_low_i16x8_u (local.get $l_v128))))
        (drop (call $h2 (i32.trunc_sat_f32_u (f32.reinterpret_i32 (i32.const 33))) (i64.rotr (i64.trunc_sat_f64_u (f64.const 9.223372036854775E+18)) (i64.const 8182760552711640238))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (i64.div_s (i64.load32_u (i64.and (i64.sub (i64.and (i64.const 6318383836502924557) (i64.const -2147483648)) (i64.reinterpret_f64 (f64.load offset=60 (i64.and (i64.extend_i32_u (local.get 0)) (i64.const 0x3ff))))) (i64.const 0x3ff))) (i64.const 6148914691236517205)))
  (func $f4 (export "f4") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      (drop (memory.grow (i64.const 1)))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (i32.store16 (i64.and (i64x2.extract_lane 0 (i8x16.min_u (v128.const f64x2 6.71723667475644E+245 6.179773007713341E-111) (local.get $l_v128))) (i64.const 0x3ff)) (f32.gt (f32.floor (f32.nearest (f32.const -1.132661E+32))) (f32x4.extract_lane 1 (v128.const i64x2 4294967296 2147483647))))
    (call $log-i32 (i32.const 0))
    (i64.store8 offset=69 (i64.and (local.get $l_i64) (i64.const 0x3ff)) (i64x2.extract_lane 1 (f32x4.max (i16x8.sub_sat_s (local.get $l_v128) (global.get $g4)) (i16x8.gt_u (v128.load32x2_u (i64.and (i64.reinterpret_f64 (local.get 3)) (i64.const 0x3ff))) (v128.const f64x2 2.7805951962748766E+92 1)))))
    (f64.gt (f64.mul (f64.promote_f32 (f32.min (f32.const 9.2233715E+18) (f32.const 4.2949673E+09))) (f64.div (f64.convert_i64_u (i64.load offset=52 (i64.and (i64.rotr (i64.load16_u offset=4294967296 (i64.and (i64.const 4294967296) (i64.const 0x3ff))) (i64.trunc_sat_f32_s (f32.const 8388609))) (i64.const 0x3ff)))) (f64.convert_i64_u (i64.const 63)))) (f64.min (f64.convert_i64_s (i64.sub (i64.const -1) (i64.const 9223372036854775807))) (f64.const -0))))
)
