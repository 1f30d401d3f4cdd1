(module
  (type $sig_a (func (param i32 i64) (result i32)))
  (type $sig_b (func (param f64) (result f64)))
  (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (import "fuzzing-support" "log-f32" (func $log-f32 (param f32)))
  (import "fuzzing-support" "log-f64" (func $log-f64 (param f64)))
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (memory (export "memory") i64 1 4)
  (data (i64.const 0) "\00\00\00\00\00\00\f0\bf\00\00\00\00\00\00\f0\41\ff\ff\ff\ff\ff\ff\df\43\00\00\80\3f\00\00\c0\7f\00\00\00\00\00\00\f0\3f\ff\ff\ff\ff\00\00\00\00\00\00\00\00\00\00\04\c0\00\00\00\00\00\00\f0\43\00\00\00\80\00\00\00\00\00\00\00\00\00\00\f0\7f\00\00\80\7f\ff\ff\7f\4b\00\00\80\7f\00\00\c0\7f\00\00\00\00\00\00\04\c0\00\00\00\80\00\00\00\00\01\00\00\00\00\00\f0\7f\41\00\00\00\00\00\00\00\01\00\00\00\00\00\00\80\ff\ff\ff\7f\00\00\00\00\00\00\a0\7f\ff\ff\ff\3e\00\00\00\5f\00\00\80\bf\00\00\00\00\01\00\80\7f\00\00\c0\ff\01\00\00\4b\3f\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\f0\ff\00\00\00\00\00\00\f0\43\00\00\00\00\00\00\a0\36\ff\ff\7f\00\00\00\00\80\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\0f\00\00\00\00\00\00\00\10\00\00\00\00\00\00\00\f0\ff")
  (tag $e0 (param i32))
  (tag $e1 (param i64 f64))
  (global $g0 (export "g0") (mut i32) (i32.const 50847345))
  (global $g1 (export "g1") (mut i64) (i64.const 1))
  (global $g2 (mut f32) (f32.const 0.49999997))
  (global $g3 (mut f64) (f64.const 9.223372036854775E+18))
  (global $g4 (mut v128) (v128.const i64x2 4294967296 63))
  (table $t 8 funcref)
  (elem (i32.const 0) $h0 $h1 $h2 $h3 $h0 $h1 $hb)
  (func $h0 (type $sig_a) (param i32 i64) (result i32)
    (i32.div_s (i32.ge_u (i64.eq (i64.const -8707983302806329826) (i64.const 9223372036854775807)) (i64x2.all_true (v128.const f64x2 9.223372036854775E+18 1))) (local.get 0)))
  (func $h1 (type $sig_a) (param i32 i64) (result i32)
    (i8x16.extract_lane_s 3 (v128.const f32x4 -2.5 4.9101126E-21 nan:0x200000 0)))
  (func $h2 (type $sig_a) (param i32 i64) (result i32)
    (if (i32.and (local.get 0) (i32.const 1)) (then (throw $e0 (local.get 0))))
    (if (i32.eqz (i32.and (local.get 0) (i32.const 3))) (then (throw $e1 (local.get 1) (f64.convert_i64_s (local.get 1)))))
    (i32.add (local.get 0) (i32.wrap_i64 (local.get 1))))
  (func $h3 (type $sig_a) (param i32 i64) (result i32)
    (if (result i32) (i32.gt_s (local.get 0) (i32.const 0))
      (then (return_call $h3 (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 3))))
      (else (i32.wrap_i64 (local.get 1)))))
  (func $hb (type $sig_b) (param f64) (result f64) (f64.mul (local.get 0) (f64.const 2)))
  (func $f0 (export "f0") (param i32 i64 f32 f64) (result f64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      (drop (call $h2 (i64.ne (global.get $g1) (i64.extend_i32_s (i32.const 32))) (local.get $l_i64)))
      (call $log-i32 (i32.rem_u (i32.xor (f64.le (f64.convert_i64_s (global.get $g1)) (f64.promote_f32 (f32.const inf))) (i32.rotl (i64.ge_u (local.get 1) (local.get 1)) (i32.const -1431655766))) (f32.gt (f32x4.extract_lane 1 (i64x2.lt_s (v128.const i32x4 -866493099 0 32767 63) (v128.load (i64.const 99)))) (f32.ceil (f32.max (f32.const 2.2455244E+36) (local.get 2))))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-i64 (i64.reinterpret_f64 (f64.convert_i64_s (i64.trunc_sat_f32_s (f32.demote_f64 (f64.const 4294967296))))))
    (local.set $l_i64 (i64.trunc_f32_u (f32.ceil (f32.demote_f64 (f64.max (local.get 3) (f64.const 4294967295))))))
    (call $log-i32 (f64.ge (local.get 3) (f64x2.extract_lane 0 (i32x4.extmul_high_i16x8_s (i16x8.replace_lane 7 (v128.const f64x2 -2.1238742766833386E+76 4503599627370497) (i32.const 2)) (f64x2.replace_lane 0 (v128.const i32x4 -2147483648 -2147483648 -2147483647 32) (global.get $g3))))))
    (local.set $l_i32 (local.get $l_i32))
    (block $L0
      (local.set $c0 (i32.const 3))
      (loop $L1
        (call $log-f32 (f32.ceil (global.get $g2)))
        (br_if $L1 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      try
        (call $log-f64 (f64.load (i64.and (i64.reinterpret_f64 (f64.convert_i64_u (i64.const -3349052331967656014))) (i64.const 0x3ff))))
        (drop (call $h2 (i32.rotr (select (i32.const 127) (local.get $l_i32) (local.get $l_i32)) (i32.trunc_sat_f32_u (f32.const 0.49999997))) (i64.mul (i64.shr_u (i64.load32_s (i64.and (i64.trunc_sat_f64_u (f64.convert_i32_s (i32.const 1))) (i64.const 0x3ff))) (i64.const -4483989422507253670)) (i64.const 64))))
        (call $log-v128 (v128.const f64x2 4503599627370497 2147483647))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (br_if $L0 (f32.ne (f32.const -2.1474836E+09) (f32.reinterpret_i32 (i32.const -1))))
      (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.ge_s (i32.add (local.get 0) (i32.const -967800425)) (f32.gt (f32.load (i64.and (i64.rem_s (i64.extend32_s (i64.const 6148914691236517205)) (i64.const 2147483648)) (i64.const 0x3ff))) (local.get 2))) (i32.const 0xfff)) (i64.xor (select (i64.const -1) (global.get $g1) (i32.const 0)) (i64.const 4294967295)) (i32.const 9)))
      (if (i32.reinterpret_f32 (f32.demote_f64 (f64.convert_i64_s (i64.const 63))))
        (then
          (local.set $l_f32 (f32.reinterpret_i32 (i32.shr_s (local.get $l_i32) (i32.rotl (f64.ne (f64.const 1.7976931348623157E+308) (global.get $g3)) (i32.const 127)))))
        )
        (else
          (memory.fill (i64.and (i64.extend32_s (i64x2.extract_lane 0 (v128.const f64x2 9.223372036854776E+18 2.2250738585072014E-308))) (i64.const 0x3ff)) (f64.gt (f64.convert_i64_s (i64.load8_s offset=46 (i64.and (i64.div_s (i64.const 65) (i64.xor (i64.const -9223372036854775807) (local.get $l_i64))) (i64.const 0x3ff)))) (f64.const 4503599627370497)) (i64.const 29))
          (call $log-i32 (i32.wrap_i64 (select (i64.reinterpret_f64 (f64.const 2147483648)) (i64.rotl (global.get $g1) (i64.rotl (global.get $g1) (i64.const 1303922318305204844))) (i32.extend8_s (i32.shr_u (i32.const 63) (local.get $l_i32))))))
        ))
      (local.set $l_i32 (select (i32.const 31) (i32.ne (i32.load16_s offset=43 (i64.and (i64.extend16_s (select (i64.const 9223372036854775807) (i64.const 7681774724165896072) (i32.const 128))) (i64.const 0x3ff))) (i32.const 63)) (f32.eq (f32.add (f32.copysign (global.get $g2) (global.get $g2)) (f32.reinterpret_i32 (i32.const 32767))) (f32.const 16777215))))
    )
    try
      (drop (call $h2 (i32.load8_s (i64.extend16_s (local.get 1))) (i64.extend16_s (i64.div_u (i64.const 6148914691236517205) (local.get 1)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (block $L2
      (call $log-v128 (i32x4.ge_s (v128.load offset=28 (i64.and (i64.const 7403273570161832354) (i64.const 0x3ff))) (i64x2.gt_s (v128.load offset=14 (i64.and (select (i64.extend_i32_u (i32.const 1)) (i64.extend_i32_u (i32.const 63)) (f64.eq (global.get $g3) (f64.const 2147483647))) (i64.const 0x3ff))) (i32x4.sub (i32x4.ne (v128.load32x2_s (i64.and (i64.const 2147483648) (i64.const 0x3ff))) (v128.const f32x4 inf 0.055141795 1E-45 0.49999997)) (f64x2.div (v128.const i64x2 0 2147483648) (v128.const i32x4 32 2147483647 2 63))))))
      try
        (call $log-v128 (i8x16.splat (select (i32x4.bitmask (i64x2.abs (v128.const i64x2 2147483648 1))) (i32.mul (i32.const 2) (i32.const 2147483647)) (i32.const 1510919428))))
        (f32.store (i64.const 160) (f32x4.extract_lane 0 (i8x16.gt_s (f32x4.replace_lane 1 (v128.const f32x4 nan:0x1 8388609 -2.147484E+09 16777215) (f32.load (i64.and (i64.const 9223372036854775807) (i64.const 0x3ff)))) (f64x2.splat (f64.const -nan:0x8000000000000)))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (br_if $L2 (i32.const 128))
      (call $log-v128 (i32x4.shl (i8x16.shr_s (i8x16.replace_lane 12 (i16x8.add_sat_u (v128.const f64x2 -9.223372036854776E+18 1) (local.get $l_v128)) (f64.ge (f64.const 0) (f64.const inf))) (i32.const 64)) (local.get $l_i32)))
      (call $log-f64 (f64.const 0))
    )
    try
      (global.set $g3 (f64x2.extract_lane 0 (i32x4.splat (i32.extend16_s (i32.const 1065471485)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (if (i32.mul (i32.trunc_sat_f32_s (f32x4.extract_lane 0 (local.get $l_v128))) (i32.div_s (i32.const 64) (i32.const 1)))
      (then
        (call $log-f32 (f32.max (f32.add (f32.sub (f32.const -2.147484E+09) (local.get 2)) (f32.reinterpret_i32 (i32.reinterpret_f32 (f32.const 3.7229177E-29)))) (f32.load (i64.const 226))))
        (local.set $c0 (i32.const 3))
        (loop $L3
          (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (v128.load8_splat offset=31 (i64.const 50)))) (i32.const 0xfff)) (local.get $l_i64) (i32.const 6)))
          (call $log-f64 (f64x2.extract_lane 1 (i16x8.extmul_low_i8x16_u (v128.bitselect (v128.const i64x2 2147483647 4294967295) (v128.const f32x4 -0.023530226 -3.4028235E+38 -inf -0) (local.get $l_v128)) (i64x2.replace_lane 0 (i32x4.replace_lane 2 (v128.const i32x4 1 31 64 128) (global.get $g0)) (i64x2.extract_lane 1 (v128.const f32x4 1E-45 0.5 -2.1474836E+09 -9.223372E+18))))))
          (call $log-f32 (f32.mul (f32.nearest (f32.demote_f64 (f64.promote_f32 (f32.const 9.081331E+15)))) (f32.max (f32x4.extract_lane 0 (v128.bitselect (v128.const f64x2 nan:0x8000000000000 8.5825876066324E-106) (v128.const i64x2 -9223372036854775808 2147483647) (v128.load8x8_u (i64.and (i64.xor (i64.trunc_sat_f32_u (f32.const 16777215)) (i64.reinterpret_f64 (f64.const 4503599627370497))) (i64.const 0x3ff))))) (f32.demote_f64 (f64.copysign (f64.const 0.5) (local.get 3))))))
          (br_if $L3 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
        (block $L4
          (local.set $l_f64 (f64x2.extract_lane 1 (v128.const f32x4 1.0263312E-05 2.095948E+09 9.223372E+18 3.4028235E+38)))
          (global.set $g3 (f64.const inf))
          (i64.store8 (i64.const 0xfffffffffff0) (i64.reinterpret_f64 (f64.const 3.4028234663852886E+38)))
          (br_if $L4 (i32.wrap_i64 (i64.clz (i64.const 0))))
          (local.set $l_f32 (f32.reinterpret_i32 (i32.lt_u (i32.add (i32x4.extract_lane 3 (v128.const i32x4 -1003375367 127 0 -1431655766)) (i32.const 1431655765)) (i32.ge_s (select (local.get 0) (global.get $g0) (i32.const 65535)) (i32.trunc_sat_f64_s (local.get $l_f64))))))
          (global.set $g1 (i64.extend32_s (i64.and (i64.trunc_sat_f32_s (local.get $l_f32)) (local.get $l_i64))))
          (global.set $g0 (i64.lt_s (local.get 1) (i64.shr_u (i64.load32_s (i64.and (select (i64.reinterpret_f64 (f64.const 1.9031115476693256E+147)) (i64.rem_u (i64.load16_s offset=51 (i64.and (i64.rotr (i64x2.extract_lane 0 (global.get $g4)) (i64.extend_i32_u (i32.const -2035554999))) (i64.const 0x3ff))) (i64.const 1798547654466659119)) (i32.const 1601562902)) (i64.const 0x3ff))) (i64.trunc_f32_s (f32.load (i64.and (i64.const 65) (i64.const 0x3ff)))))))
        )
      )
      (else
        (memory.fill (i64.const 175) (i32.const 32767) (i64.const 42))
        try
          (f32.store (i64.const 251) (f32.mul (f32.convert_i32_s (i32.load8_s offset=57 (i64.rotr (i64.shr_s (local.get $l_i64) (i64.const 6661162115686245256)) (i64.const -2147483648)))) (f32.div (f32.min (f32.const 1.5) (f32.const 3.4028235E+38)) (f32.sqrt (local.get $l_f32)))))
          (drop (call $h2 (i32.extend8_s (select (i32.load8_u (i64.const 56)) (i32.const 32767) (global.get $g0))) (i64.reinterpret_f64 (f64.min (local.get 3) (f64.const 9.223372036854775E+18)))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
        try
          (throw $e0 (i32x4.extract_lane 0 (i32x4.splat (i32.const 2))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
      ))
    (f64x2.extract_lane 0 (i16x8.replace_lane 2 (i32x4.gt_s (i8x16.add_sat_u (v128.const i64x2 2147483648 1) (v128.const f32x4 -1 3.4028235E+38 0 3.4028235E+38)) (f64x2.neg (v128.load32x2_u (i64.const 217)))) (i64x2.all_true (f64x2.replace_lane 1 (v128.const f32x4 1E-45 -2.147484E+09 -nan:0x400000 6.596013E+09) (f64.const 1.88162128222359E+271))))))
  (func $f1 (export "f1") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (if (i64x2.bitmask (v128.load8_lane offset=37 7 (i64.and (i64.trunc_sat_f32_s (f32.demote_f64 (global.get $g3))) (i64.const 0x3ff)) (v128.load32_lane offset=18 2 (i64.and (i64.xor (i64x2.extract_lane 1 (v128.const i32x4 82978890 32 -1431655766 0)) (i64.const 2147483647)) (i64.const 0x3ff)) (local.get $l_v128))))
      (then
        try
          (global.set $g4 (f32x4.convert_i32x4_u (v128.const i64x2 6148914691236517205 2147483647)))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        end
      )
      (else
        (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.const 0) (i32.const 0xfff)) (i64.div_u (i64.trunc_f64_s (f64.const -9.223372036854776E+18)) (i64.reinterpret_f64 (local.get 3))) (i32.const 5)))
        (call $log-i32 (i32.reinterpret_f32 (f32.const -3.4028235E+38)))
      ))
    (if (i32.extend16_s (f64.gt (f64.const 9.223372036854775E+18) (f64.promote_f32 (f32.const -2.5))))
      (then
        (if (i64.eq (i64.clz (i64x2.extract_lane 1 (local.get $l_v128))) (i64.load32_u (i64.and (global.get $g1) (i64.const 0x3ff))))
          (then
            (local.set $l_i32 (call $h0 (i32.and (i32.extend8_s (i32.extend16_s (i32.const 255))) (i32.const 0xfffff)) (i64.extend_i32_s (i32.const -2))))
            (global.set $g0 (i32.le_s (local.get 0) (local.get $l_i32)))
          )
          (else
            (global.set $g1 (i64.extend_i32_u (i32.reinterpret_f32 (f32.convert_i64_s (i64.const -9223372036854775807)))))
          ))
        (if (f64.eq (f64.add (f64.abs (local.get 3)) (f64.abs (f64.const 4294967296))) (f64.max (f64.convert_i64_s (local.get $l_i64)) (f64.div (local.get 3) (f64.load offset=24 (i64.and (i64.rem_u (local.get $l_i64) (i64.reinterpret_f64 (f64.const 53450282477371144))) (i64.const 0x3ff))))))
          (then
            (local.set $l_f32 (f32.reinterpret_i32 (i32.and (i32.load8_s (i64.const 238)) (i8x16.bitmask (f32x4.replace_lane 1 (v128.const f32x4 2.924479E-34 -2.5 7.6684985E-13 -1) (f32.const 2.1474836E+09))))))
            (i64.store (i64.const 215) (i64.trunc_f32_u (f32.reinterpret_i32 (i8x16.all_true (local.get $l_v128)))))
          )
          (else
            (v128.store8_lane offset=8 14 (i64.const 12) (f32x4.min (i64x2.splat (local.get $l_i64)) (i16x8.ge_u (i8x16.splat (i32.const -1203142423)) (i16x8.sub_sat_u (v128.const i64x2 -8454941334274268518 -7293350911772855329) (v128.const i64x2 4260438110457479386 6148914691236517205)))))
            (f64.store (i64.const 147) (f64.min (f64.sub (f64.min (local.get $l_f64) (global.get $g3)) (f64.promote_f32 (global.get $g2))) (f64.promote_f32 (f32.demote_f64 (f64.const 2.5)))))
          ))
      )
      (else
        (local.set $l_i32 (call $h2 (select (local.get 0) (f64.le (f64.const 4503599627370497) (f64.const -2147483648)) (i16x8.extract_lane_u 2 (local.get $l_v128))) (select (i64.extend_i32_s (i32.const -1)) (i64x2.extract_lane 1 (v128.const i32x4 65536 33 32768 552858247)) (f64.gt (local.get $l_f64) (f64.const 3.44062309084015E-22)))))
      ))
    (call $log-i64 (local.get $l_i64))
    try
      (call $log-v128 (v128.load32_splat offset=14 (i64.and (i64.trunc_f32_s (f32x4.extract_lane 1 (v128.load64_splat offset=66 (i64.popcnt (i64.const 9223372036854775807))))) (i64.const 0x3ff))))
      (local.set $c0 (i32.const 4))
      (loop $L5
        (local.set $l_i64 (i64.const -6702508387760878315))
        (call $log-i32 (f64.lt (f64.div (f64.min (f64.max (f64.const 2.5) (f64.const 3.560293057452946E+55)) (f64.promote_f32 (f32.load offset=4294967296 (i64.const 19)))) (f64.convert_i64_u (i64.rotl (i64.const -4808889059847756647) (i64.const 64)))) (f64.convert_i64_s (i64.ctz (i64.reinterpret_f64 (f64.const -0))))))
        (call $log-i32 (i32.const 1431655765))
        (br_if $L5 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.set $c0 (i32.const 6))
    (loop $L6
      (i64.store (i64.and (i64.const -1) (i64.const 0x3ff)) (select (i64.extend_i32_s (select (local.get 0) (i32.const 65535) (i32.const 0))) (i64.add (i64.extend16_s (i64.const -1)) (i64.const -9223372036854775807)) (i64x2.bitmask (v128.const i32x4 -2 -14601617 -233450118 -2121477149))))
      (block $L7
        (local.set $l_i64 (select (i64.rotl (i64.load8_s (i64.and (i64.ctz (i64.div_s (i64.const 4294967296) (local.get 1))) (i64.const 0x3ff))) (i64.extend8_s (i64.div_u (local.get 1) (global.get $g1)))) (i64.trunc_f32_u (f32.reinterpret_i32 (i32.div_s (local.get $l_i32) (local.get 0)))) (local.get 0)))
        (call $log-v128 (f64x2.sub (v128.const f64x2 2147483648 1.8446744073709552E+19) (f64x2.nearest (f32x4.convert_i32x4_s (i8x16.sub_sat_s (v128.load16_splat offset=64 (i64.and (i64.clz (i64.extend32_s (i64.const 0))) (i64.const 0x3ff))) (local.get $l_v128))))))
        (br_if $L7 (i32.ne (i32.le_u (local.get $l_i32) (i32.load16_u (i64.const 85))) (i32.const 2147483647)))
        (call $log-i64 (i64.rem_s (i64.rem_u (select (i64.div_s (i64.const 6680309951999855777) (i64.const 1)) (i64.xor (i64.const 4294967295) (local.get $l_i64)) (f64.ne (local.get 3) (local.get 3))) (i64.div_s (i64.div_u (local.get $l_i64) (i64.load32_u (i64.const 171))) (i64.shr_u (i64.load8_s offset=39 (i64.const 0x10000)) (i64.const 63)))) (i64.const -5195824142175964685)))
        (call $log-f64 (f64.add (f64.abs (f64.max (local.get 3) (f64.add (local.get 3) (f64.const 1.4096505918170804E+112)))) (f64.convert_i64_s (i64.or (i64.extend_i32_u (i32.const 33)) (i64.const 2147483648)))))
      )
      (global.set $g1 (i64.extend8_s (i64.extend_i32_s (i16x8.extract_lane_u 5 (v128.const f32x4 inf -3.4028235E+38 3.4028235E+38 -3.4712111E-37)))))
      (br_if $L6 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (i32.store8 (i64.and (i64.xor (i64.const 4294967295) (i64.div_u (i64.const 2072829742416812594) (i64.const 9223372036854775807))) (i64.const 0x3ff)) (i32.le_u (select (i32.le_u (i32.const 32) (i32.const -58609293)) (select (local.get 0) (i32.const -1) (global.get $g0)) (i32.ne (i32.load16_s (i64.and (select (i64.add (i64.const -2147483648) (i64.const 4294967296)) (i64.trunc_f32_u (local.get $l_f32)) (i64.gt_s (local.get $l_i64) (i64.const -2229471527352864170))) (i64.const 0x3ff))) (i32.const 64))) (i32.and (local.get 0) (i32.const 2147483647))))
    (if (i32.popcnt (i32.popcnt (i16x8.extract_lane_u 3 (v128.const f32x4 -1.7487376E-18 nan:0x1 4.278802E+34 1E-45))))
      (then
        (f64.store offset=16 (i64.const 156) (f64.trunc (f64.const inf)))
        (f32.store offset=47 (i64.const 217) (f32.demote_f64 (f64.ceil (f64.const 0.5))))
      )
      (else
        (if (i32.eqz (i32.ge_u (i32.wrap_i64 (i64.load8_s offset=46 (i64.and (local.get $l_i64) (i64.const 0x3ff)))) (i32.const 1431655765)))
          (then
            (v128.store64_lane offset=51 1 (i64.and (i64.trunc_sat_f64_s (local.get 3)) (i64.const 0x3ff)) (i16x8.shr_s (i8x16.shuffle 9 30 20 20 29 0 10 10 23 30 9 30 0 26 12 3 (v128.const i64x2 7114211447460008724 -3478250525229357480) (v128.bitselect (v128.const f32x4 1.5 8.1574313E-16 -1.5871905E-29 1.1754944E-38) (v128.const i32x4 -1431655766 -2147483647 31 88894454) (local.get $l_v128))) (i32.const 63)))
          )
          (else
            (call $log-f32 (f32.convert_i64_s (i64.const -5863500421180208956)))
            (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (v128.any_true (f64x2.max (v128.const i64x2 65 -5580773362389317831) (global.get $g4))) (i32.const 0xfff)) (select (i64.const -8367447880089256140) (i64.trunc_sat_f32_u (f32.const 1)) (v128.any_true (v128.const i64x2 2147483648 65))) (i32.const 5)))
            (call $log-f64 (f64.promote_f32 (f32.reinterpret_i32 (local.get $l_i32))))
          ))
      ))
    (if (i32.extend16_s (i32.const 255))
      (then
        (local.set $l_i32 (i32.extend16_s (i32.reinterpret_f32 (f32.convert_i64_s (i64.trunc_f64_u (f64.const 5E-324))))))
      )
      (else
        try
          (drop (call $h2 (select (i32x4.bitmask (v128.const i64x2 1305236752655515186 -1)) (i32.le_s (i32.const 65535) (i32.const 33)) (i64.lt_s (i64.const -1) (i64.const 2147483648))) (i64x2.extract_lane 1 (i8x16.sub (v128.const i64x2 64 -5702742934289835266) (local.get $l_v128)))))
          (throw $e0 (i32.const 33))
          (drop (call $h2 (i32.extend16_s (i32.div_u (i32.const -2) (i32.const -2147483648))) (select (i64.shl (i64.const 64) (i64.const -2147483648)) (i64.rotr (i64.load8_u offset=43 (i64.and (i64.shl (i64.shl (i64.const -8643102940947914315) (i64.const 2147483648)) (i64.trunc_f64_s (f64.const -2.1013742866221287E+36))) (i64.const 0x3ff))) (local.get 1)) (i32.const 1))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
      ))
    (local.set $l_f64 (f64.nearest (f64.const 2.4585338604244334E+147)))
    (local.set $l_i64 (global.get $g1))
    try
      (local.set $c0 (i32.const 1))
      (loop $L8
        (local.set $l_f32 (f32.sub (f32.sub (f32.neg (f32.floor (f32.const 1.1754944E-38))) (f32.demote_f64 (f64.const 1.865218798170142E+130))) (f32x4.extract_lane 1 (v128.bitselect (v128.load16_lane offset=50 7 (i64.and (i64.add (i64.trunc_sat_f32_s (f32.load offset=40 (i64.and (i64.rotl (i64.add (local.get 1) (i64.const -2147483648)) (i64.const 4294967296)) (i64.const 0x3ff)))) (i64.const -2147483648)) (i64.const 0x3ff)) (local.get $l_v128)) (i8x16.shuffle 12 6 19 10 16 2 16 13 20 8 21 31 11 23 13 31 (local.get $l_v128) (v128.const f32x4 -2770.224 -nan:0x400000 -nan:0x3fffff -0)) (v128.bitselect (v128.const f32x4 16777215 -1.3919144E+12 864054000 -nan:0x400000) (local.get $l_v128) (v128.const f32x4 -0 -1E-45 -2.5 16777215))))))
        (v128.store offset=59 (i64.and (i64.clz (i64.const -2147483648)) (i64.const 0x3ff)) (i16x8.extmul_high_i8x16_u (i32x4.gt_u (i8x16.sub_sat_u (v128.const f32x4 9.2233715E+18 1E-45 1.1754942E-38 -2.5) (local.get $l_v128)) (v128.load16_lane 2 (i64.and (i64.mul (i64.popcnt (i64.const 7876560453779156802)) (i64.rotr (i64.const 9223372036854775807) (i64.const 65))) (i64.const 0x3ff)) (v128.const i64x2 0 64))) (v128.load8_lane 11 (i64.const 265) (i16x8.splat (i32.load8_s offset=51 (i64.and (i64.load16_u (i64.const 260)) (i64.const 0x3ff)))))))
        (call $log-i64 (i64.reinterpret_f64 (f64.div (f64x2.extract_lane 1 (local.get $l_v128)) (f64x2.extract_lane 0 (i8x16.add_sat_s (v128.const f64x2 2.225073858507201E-308 1.401298464324817E-45) (local.get $l_v128))))))
        (br_if $L8 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (drop (call $h2 (i32.reinterpret_f32 (f32.convert_i32_s (i32.const -2040687864))) (i64.extend_i32_u (i32.eqz (i32.const 0)))))
      (block $L9
        (call $log-v128 (v128.load16_lane offset=6 1 (i64.const 221) (v128.load8_lane 7 (i64.const 247) (f32x4.demote_f64x2_zero (f64x2.ge (global.get $g4) (v128.const i32x4 32 -2147483648 -2147483648 32))))))
        (i64.store8 (i64.const 181) (i64.reinterpret_f64 (f64.div (f64.promote_f32 (f32.const nan:0x1)) (local.get $l_f64))))
        (call $log-f32 (f32.reinterpret_i32 (i32.extend16_s (local.get $l_i32))))
        (br_if $L9 (i32.reinterpret_f32 (f32.add (local.get $l_f32) (f32.const 9.2233715E+18))))
        (call $log-v128 (v128.const f32x4 1.1754942E-38 8.918369E+12 9981.949 -9.223372E+18))
        (i32.store offset=1 (i64.and (local.get $l_i64) (i64.const 0x3ff)) (i32.trunc_f64_u (f64.div (f64.max (local.get $l_f64) (local.get $l_f64)) (f64.max (local.get 3) (local.get 3)))))
        (call $log-i32 (f64.lt (f64.add (f64.max (f64.nearest (f64.load offset=50 (i64.const 149))) (f64.load offset=24 (i64.and (i64.reinterpret_f64 (f64.mul (f64.const 4294967295) (f64.load offset=39 (i64.const 111)))) (i64.const 0x3ff)))) (f64.convert_i64_u (select (i64.const 0) (i64.const -1) (global.get $g0)))) (f64x2.extract_lane 1 (i8x16.shl (f64x2.replace_lane 0 (v128.const i32x4 1 -2147483647 33 255) (f64.load offset=7 (i64.const 280))) (i32.const 1431655765)))))
      )
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-v128 (v128.const i32x4 1331180490 -351863656 255 1431655765))
    (return_call $h0 (i32.and (i64.gt_s (i64.sub (i64.const -1) (local.get 1)) (i64.or (i64.const 6148914691236517205) (i64.const 3724496565303956874))) (i32.const 0xfffff)) (i64.trunc_f64_s (f64.abs (f64.const 9.223372036854775E+18)))))
  (func $f2 (export "f2") (param i32 i64 f32 f64) (result f32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (if (i32.trunc_f64_u (local.get $l_f64))
      (then
        (call $log-v128 (local.get $l_v128))
        (local.set $c0 (i32.const 3))
        (loop $L10
          (local.set $l_i32 (call $h0 (i32.and (i32.const -94703266) (i32.const 0xfffff)) (i64x2.extract_lane 1 (local.get $l_v128))))
          (global.set $g0 (i32.wrap_i64 (global.get $g1)))
          (br_if $L10 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      )
      (else
        (if (i32.load16_s (i64.and (local.get $l_i64) (i64.const 0x3ff)))
          (then
            (local.set $l_v128 (i8x16.shuffle 21 11 9 16 25 21 8 17 26 22 10 11 5 12 25 20 (v128.load64_zero offset=61 (i64.and (i64.trunc_sat_f32_u (f32.mul (f32.const 2.5) (f32.const 2.1474836E+09))) (i64.const 0x3ff))) (v128.const i64x2 -9223372036854775808 2147483648)))
          )
          (else
            (f32.store offset=5 (i64.const 14) (f32.convert_i64_s (i64.shr_s (local.get 1) (i64.const 3801829395343516144))))
            (local.set $l_i64 (local.get 1))
            (call $log-v128 (i16x8.extend_low_i8x16_s (i64x2.shr_u (i8x16.replace_lane 13 (i32x4.neg (local.get $l_v128)) (i32.shr_s (i32.const 2043891343) (local.get $l_i32))) (i8x16.all_true (i8x16.max_u (v128.load16_splat offset=7 (i64.and (i64.ctz (i64.extend_i32_u (i32.const 323568174))) (i64.const 0x3ff))) (global.get $g4))))))
          ))
      ))
    (call $log-f64 (f64.convert_i64_u (i64.xor (i64.load8_s offset=46 (i64.and (i64x2.extract_lane 0 (i8x16.le_s (v128.const i64x2 4294967296 -9223372036854775807) (v128.const f32x4 1E-45 2.5 -2.147484E+09 -1))) (i64.const 0x3ff))) (i64.const 9223372036854775807))))
    (v128.store32_lane offset=64 1 (i64.const 235) (i8x16.shuffle 1 21 13 5 9 17 13 13 21 13 24 12 14 1 9 12 (i32x4.extmul_high_i16x8_u (f64x2.sqrt (local.get $l_v128)) (v128.load32_lane 0 (i64.const 163) (global.get $g4))) (v128.const f32x4 9.2233715E+18 -2.0262363E+10 2.1474836E+09 -2.5)))
    (f32.mul (f32.div (f32.abs (f32.convert_i64_u (local.get 1))) (f32.mul (f32.sqrt (global.get $g2)) (f32.sub (global.get $g2) (f32.load (i64.const 237))))) (f32.const 1.1925647E-26)))
  (func $f3 (export "f3") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $l_v128 (i8x16.neg (f64x2.ne (i32x4.shr_s (v128.bitselect (local.get $l_v128) (v128.const i64x2 6148914691236517205 0) (local.get $l_v128)) (i32.wrap_i64 (i64.const 65))) (i8x16.splat (f64.lt (f64.const -1.6793650270273162E+306) (f64.const 6.6848908359787835E+143))))))
    (local.set $c0 (i32.const 1))
    (loop $L11
      (call $log-f64 (f64.promote_f32 (f32.floor (f32.div (f32.demote_f64 (global.get $g3)) (f32.reinterpret_i32 (i32.const 65535))))))
      (br_if $L11 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (v128.store (i64.and (i64.trunc_sat_f32_s (f32.mul (f32.const -0) (f32.const -2.147484E+09))) (i64.const 0x3ff)) (i8x16.lt_u (f32x4.abs (global.get $g4)) (v128.bitselect (v128.bitselect (v128.load32x2_s offset=13 (i64.const 210)) (v128.const i32x4 0 65535 1431655765 33) (v128.const i64x2 6148914691236517205 -8022910610324155287)) (f64x2.replace_lane 1 (v128.const f32x4 9.2233715E+18 8.8757535E+16 -nan:0x3fffff -1.3462084E+27) (f64.const 5.076532772909162E-52)) (i8x16.replace_lane 14 (local.get $l_v128) (i32.const -1303070844)))))
    (block $L12
      (if (f64.eq (local.get 3) (f64x2.extract_lane 1 (i32x4.ne (v128.const i32x4 -1 -2147483648 255 65536) (local.get $l_v128))))
        (then
          (v128.store offset=9 (i64.and (i64x2.extract_lane 0 (i8x16.replace_lane 13 (local.get $l_v128) (global.get $g0))) (i64.const 0x3ff)) (i16x8.extend_high_i8x16_s (i64x2.extmul_low_i32x4_u (v128.const i64x2 -2147483648 -9223372036854775808) (v128.const f32x4 2.5 -2.5 -0 1.5))))
        )
        (else
          (call $log-i32 (f64.eq (f64.convert_i64_u (i64.extend_i32_u (i16x8.bitmask (v128.const i32x4 -64056570 -2 52840875 -1)))) (f64.mul (f64.convert_i64_s (i64.shr_u (local.get $l_i64) (i64.load32_s (i64.and (i64.shr_u (select (i64.const -1) (i64.const 1) (i32.load16_s offset=15 (i64.and (i64.div_u (i64.shr_u (local.get 1) (local.get 1)) (i64.clz (i64.const -9223372036854775807))) (i64.const 0x3ff)))) (local.get 1)) (i64.const 0x3ff))))) (f64x2.extract_lane 1 (i32x4.splat (i32.const 65536))))))
          (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.wrap_i64 (i64.const 0)) (i32.const 0xfff)) (i64.reinterpret_f64 (f64.convert_i32_u (local.get 0))) (i32.const 0)))
        ))
      (br_if $L12 (i32.const -729675717))
      (local.set $l_f64 (f64x2.extract_lane 1 (i8x16.ne (i64x2.extend_low_i32x4_u (i8x16.shuffle 25 3 0 29 29 12 31 24 5 2 1 5 23 31 12 2 (v128.const f32x4 -1.2462037E-20 9.223372E+18 1.1754942E-38 1.5510852E+16) (v128.const f32x4 2.1474836E+09 8388609 -1E-45 5.3064054E+11))) (local.get $l_v128))))
    )
    (local.set $l_f64 (f64.convert_i64_u (select (i64.add (i64.sub (i64.const 4294967295) (i64.const -9223372036854775807)) (select (i64.const 2147483648) (i64.load16_u offset=4294967296 (i64.and (i64.const 0) (i64.const 0x3ff))) (i32.load offset=27 (i64.and (select (i64.add (i64.const 2147483648) (local.get 1)) (i64x2.extract_lane 1 (v128.const f32x4 inf -inf 4.2949673E+09 4.2949673E+09)) (local.get 0)) (i64.const 0x3ff))))) (i64.clz (i64.trunc_sat_f64_u (local.get $l_f64))) (f64.gt (f64.sqrt (f64.const -1.5396211225079343E+185)) (f64.add (f64.const -4.9972811088331385E+234) (f64.const 0))))))
    (local.set $c0 (i32.const 6))
    (loop $L13
      (call $log-i64 (i64.load (i64.and (i64.popcnt (i64.trunc_sat_f32_s (global.get $g2))) (i64.const 0x3ff))))
      (br_if $L13 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (local.set $c0 (i32.const 4))
    (loop $L14
      (i32.store8 (i64.and (i64.sub (i64.extend8_s (i64.load16_u (i64.and (i64.shr_s (global.get $g1) (i64.and (i64.load16_u offset=43 (i64.const 168)) (i64.const 1))) (i64.const 0x3ff)))) (local.get 1)) (i64.const 0x3ff)) (i32.trunc_f32_s (f32.reinterpret_i32 (i32.trunc_f64_u (global.get $g3)))))
      (i64.store (i64.and (i64x2.extract_lane 0 (i8x16.shr_u (v128.const f64x2 1.7976931348623157E+308 2147483648) (local.get 0))) (i64.const 0x3ff)) (global.get $g1))
      (v128.store8_lane 15 (i64.and (i64.div_s (i64.div_u (i64.const -1) (i64.const 1)) (i64.const 1424752384484420804)) (i64.const 0x3ff)) (f64x2.convert_low_i32x4_s (v128.const i32x4 32 -2 -2147483648 -2)))
      (br_if $L14 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (if (f64.gt (f64.floor (f64.div (local.get $l_f64) (f64.const nan:0x8000000000000))) (f64.convert_i64_s (i64.shl (i64.const -1) (i64.const -2147483648))))
      (then
        (local.set $l_f64 (f64x2.extract_lane 0 (i32x4.extmul_low_i16x8_u (i8x16.replace_lane 7 (v128.load32_lane 1 (i64.and (i64.shr_u (i64.ctz (local.get $l_i64)) (i64.rotr (local.get 1) (i64.load (i64.and (i64.extend_i32_s (select (i32.const -1431655766) (local.get 0) (i32.load (i64.and (i64.extend_i32_u (i32.add (i32.const 255) (i32.const 65536))) (i64.const 0x3ff))))) (i64.const 0x3ff))))) (i64.const 0x3ff)) (v128.const f64x2 9.223372036854776E+18 -2147483648)) (i8x16.extract_lane_u 14 (global.get $g4))) (i64x2.neg (f64x2.max (v128.const f64x2 2.225073858507201E-308 1.5) (v128.const i32x4 -2 2 2147483647 128))))))
      )
      (else
        try
          (call $log-i32 (select (i32.wrap_i64 (i64.const -384131713237613984)) (f64.gt (f64.convert_i64_u (i64.const -7307186963482095915)) (f64.nearest (f64.convert_i64_s (i64.const -9223372036854775808)))) (i32.const -621261519)))
          (call $log-f64 (f64.convert_i64_s (select (i64x2.extract_lane 0 (i8x16.shuffle 10 24 1 20 28 3 23 25 16 17 11 28 11 29 8 11 (v128.const i32x4 32768 1415186747 1431655765 -477299450) (v128.const i64x2 9223372036854775807 -9139259649946247865))) (i64.extend_i32_s (i32.div_s (i32.const 2) (local.get 0))) (i64.ne (i64.shl (i64.load (i64.trunc_sat_f32_u (global.get $g2))) (global.get $g1)) (i64.extend_i32_u (local.get $l_i32))))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
        (local.set $l_i32 (i32.and (i32x4.bitmask (f32x4.ne (v128.load32_lane offset=41 0 (i64.and (i64x2.extract_lane 1 (v128.const i32x4 1350065262 64 0 33)) (i64.const 0x3ff)) (local.get $l_v128)) (i64x2.shr_s (v128.load64_zero (i64.and (i64.extend16_s (i64.and (i64.load8_u offset=58 (i64.and (i64.rem_u (select (i64.const 0) (i64.const 9223372036854775807) (local.get 0)) (i64.extend_i32_u (i32.load8_u offset=69 (i64.const 278)))) (i64.const 0x3ff))) (i64.const 6148914691236517205))) (i64.const 0x3ff))) (i32.const 64)))) (i32.wrap_i64 (i64.extend_i32_u (i32.const -2147483647)))))
        (global.set $g1 (i64.trunc_sat_f64_s (f64.max (f64.convert_i32_u (i32.const -94715076)) (f64.div (f64.const 4.80062780713049E-149) (f64.const 4294967295)))))
      ))
    try
      (drop (call $h2 (i32.const -2065063181) (i64.extend16_s (i64.div_u (local.get $l_i64) (i64.const -1)))))
      (throw $e0 (i32.wrap_i64 (i64.mul (local.get 1) (i64.const -1))))
      (throw $e0 (i32.lt_u (i32.add (local.get $l_i32) (i32.const -2147483647)) (local.get $l_i32)))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (block $L15
      (i32.store16 offset=50 (i64.and (i64.const 6613770113779115698) (i64.const 0x3ff)) (i32.ctz (i32x4.bitmask (i64x2.splat (i64.load16_s (i64.const 284))))))
      try
        (call $log-v128 (i32x4.trunc_sat_f32x4_s (v128.const i64x2 0 -9223372036854775807)))
        (throw $e0 (i8x16.bitmask (i32x4.extmul_low_i16x8_s (local.get $l_v128) (v128.const f32x4 inf -9.223372E+18 -7.5667576E-06 nan:0x1))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      try
        (throw $e0 (i32.ctz (select (i32.const -2) (i32.const 32767) (local.get 0))))
        (drop (call $h2 (i32.const -2) (select (i64x2.extract_lane 1 (v128.load32_splat (i64.and (local.get $l_i64) (i64.const 0x3ff)))) (i64.div_s (local.get $l_i64) (local.get 1)) (i8x16.bitmask (v128.const f64x2 2.6395023185999374E-51 inf)))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (br_if $L15 (i64.ne (i64.reinterpret_f64 (f64.const nan:0x8000000000000)) (i64.trunc_f32_s (local.get 2))))
      (local.set $l_v128 (i16x8.extend_high_i8x16_u (f32x4.lt (i8x16.shuffle 12 18 5 30 21 23 15 27 21 22 22 23 16 15 15 1 (i8x16.shuffle 18 9 13 14 13 25 12 8 14 3 13 30 27 3 4 22 (v128.load64_zero (i64.trunc_sat_f32_u (f32.demote_f64 (global.get $g3)))) (local.get $l_v128)) (i8x16.add_sat_u (local.get $l_v128) (v128.const f64x2 4.7672515430588414E+201 5E-324))) (i64x2.splat (select (local.get 1) (local.get $l_i64) (i32.const 2147483647))))))
      (local.set $c0 (i32.const 4))
      (loop $L16
        (call $log-i32 (i32.wrap_i64 (i64.const 9223372036854775807)))
        (local.set $l_i32 (call $h3 (i32.and (i32.shr_s (i64.eq (local.get 1) (i64.const -9223372036854775807)) (i32.wrap_i64 (local.get $l_i64))) (i32.const 0xfffff)) (i64.const 8248628738290087703)))
        (br_if $L16 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    )
    (call $log-v128 (i32x4.mul (i32x4.extmul_low_i16x8_u (local.get $l_v128) (f64x2.lt (i32x4.shr_s (local.get $l_v128) (i32.const 128)) (f32x4.neg (v128.const f64x2 -2147483649 7.088419343100847E+277)))) (v128.load32x2_u (i64.and (i64x2.extract_lane 1 (i8x16.splat (i32.const 128))) (i64.const 0x3ff)))))
    (i8x16.extract_lane_s 11 (v128.bitselect (i16x8.sub_sat_s (f32x4.splat (f32.const -9.223372E+18)) (i8x16.shl (v128.const f64x2 3446135729345.4155 3.4028234663852886E+38) (i32.const 15))) (f32x4.ge (i8x16.shuffle 5 18 13 10 12 26 2 21 23 7 17 22 11 24 24 1 (local.get $l_v128) (local.get $l_v128)) (v128.const i64x2 -2147483648 -9223372036854775807)) (f32x4.sqrt (i16x8.abs (v128.const f32x4 1 -1.54142E-12 -2.5 -5.808832E-05))))))
  (func $f4 (export "f4") (param i32 i64 f32 f64) (result f64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (if (i32.mul (select (i16x8.bitmask (v128.const i64x2 4294967295 -3614395680599144039)) (i32.shr_u (i32.load16_s (i64.and (i64.xor (i64.load16_u (i64.and (i64.const -46581060668484224) (i64.const 0x3ff))) (i64.shl (i64.const 64) (i64.const 4294967296))) (i64.const 0x3ff))) (i32.const 255)) (local.get $l_i32)) (i32.load (i64.and (i64.ctz (i64.reinterpret_f64 (f64.load offset=66 (i64.and (i64.clz (i64.div_u (i64.const -6947215355324956185) (i64.const 9223372036854775807))) (i64.const 0x3ff))))) (i64.const 0x3ff))))
      (then
        (memory.fill (i64.and (i64.trunc_sat_f64_s (f64x2.extract_lane 1 (local.get $l_v128))) (i64.const 0x3ff)) (i32.and (f64.ne (f64.const -5.358303554928189E-189) (f64.load offset=4 (i64.and (i64.or (i64.extend8_s (i64.const 2147483647)) (i64.trunc_sat_f32_u (local.get 2))) (i64.const 0x3ff)))) (i32.const -1431655766)) (i64.const 48))
      )
      (else
        (v128.store (i64.const 280) (i8x16.shuffle 21 14 16 26 7 15 19 12 10 3 0 31 15 25 21 3 (i64x2.shr_u (f32x4.abs (v128.const i32x4 -2147483647 33 65535 -2)) (i32.const 0)) (i16x8.extend_high_i8x16_u (i16x8.replace_lane 4 (local.get $l_v128) (local.get $l_i32)))))
        try
          (local.set $l_v128 (v128.load16_lane 3 (i64.and (i64.or (select (i64.const -9223372036854775807) (i64.const 0) (i32.const 65535)) (i64.load8_s (i64.const 69))) (i64.const 0x3ff)) (i32x4.splat (i32.trunc_sat_f64_u (f64.convert_i64_u (i64.const 9223372036854775807))))))
          (throw $e0 (i32.trunc_sat_f64_s (f64.copysign (f64.const -2147483649) (local.get 3))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
        (if (i64.lt_u (i64.shr_s (i64.extend8_s (global.get $g1)) (i64.extend_i32_s (local.get 0))) (i64.const 65))
          (then
            (i32.store offset=68 (i64.const 144) (i32.const 128))
            (i32.store8 (i64.and (i64.const -2147483648) (i64.const 0x3ff)) (i64x2.all_true (i16x8.shr_s (i32x4.shr_s (v128.load16x4_u (i64.and (i64.rotl (i64.extend_i32_s (local.get 0)) (i64.const 9223372036854775807)) (i64.const 0x3ff))) (i32.const 31)) (local.get $l_i32))))
          )
          (else
            (call $log-f64 (f64.promote_f32 (f32.floor (f32.convert_i64_u (i64.load8_s offset=24 (i64.const 130))))))
            (i32.store (i64.and (i64.div_u (i64.rem_s (i64.const 4294967295) (i64.const 64)) (i64.const 64)) (i64.const 0x3ff)) (i8x16.bitmask (v128.load8_lane 1 (i64.and (i64.shr_s (i64.rotr (global.get $g1) (local.get $l_i64)) (i64.and (global.get $g1) (i64.load32_u (i64.and (i64x2.extract_lane 0 (i8x16.shl (v128.const f64x2 6.124096043353522E-145 -1) (i32.const 1))) (i64.const 0x3ff))))) (i64.const 0x3ff)) (i8x16.replace_lane 9 (v128.const i32x4 63 204509541 -20543444 126283435) (i32.const 2)))))
            (global.set $g1 (i64.trunc_sat_f64_s (f64.const 0.5)))
          ))
      ))
    (block $L17
      (local.set $l_f32 (f32.add (f32.const 4.2949673E+09) (f32.convert_i32_u (i64.gt_s (local.get 1) (i64.clz (i64.const 5672696204718493983))))))
      (local.set $l_i64 (select (i64.load (i64.and (select (select (i64.load16_u (i64.and (local.get 1) (i64.const 0x3ff))) (i64.const -9223372036854775808) (i32.const 2)) (i64.reinterpret_f64 (local.get 3)) (f64.gt (f64.load (i64.and (i64.extend_i32_u (i32.reinterpret_f32 (f32.const -9.223372E+18))) (i64.const 0x3ff))) (f64.const 1.8446744073709552E+19))) (i64.const 0x3ff))) (i64.ctz (i64.const -9223372036854775808)) (i32.wrap_i64 (i64.reinterpret_f64 (f64.const nan:0x8000000000000)))))
      (local.set $l_v128 (v128.const f64x2 inf 3.864489127598735E+186))
      (br_if $L17 (i32.const 33))
      (f32.store (i64.and (i64x2.extract_lane 1 (i64x2.replace_lane 0 (v128.const f32x4 -0 -4.1880095E-34 3.4028235E+38 -nan:0x3fffff) (i64.const 1))) (i64.const 0x3ff)) (f32.reinterpret_i32 (i32.const 127)))
      try
        (throw $e0 (i32.le_s (i32.const -2) (i32.const 0)))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (local.set $c0 (i32.const 1))
      (loop $L18
        (call $log-i32 (i16x8.all_true (i32x4.shl (i16x8.lt_u (f32x4.pmax (local.get $l_v128) (v128.const f32x4 4.2949673E+09 2.3202312E+30 -0 2.1474836E+09)) (f32x4.pmin (local.get $l_v128) (v128.const f64x2 nan:0x4000000000000 9.223372036854776E+18))) (i32.reinterpret_f32 (f32.add (f32.const nan:0x200000) (f32.const -0))))))
        (br_if $L18 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    )
    (call $log-i32 (i64.eq (i64.extend32_s (i64.shr_u (local.get $l_i64) (i64.const 2147483648))) (i64.popcnt (i64.rem_s (i64.mul (i64.load8_s (i64.const 260)) (i64.const -4457492320615972864)) (i64.div_u (i64.const -1) (i64.const 63))))))
    (f64x2.extract_lane 0 (f32x4.max (i8x16.splat (i16x8.bitmask (global.get $g4))) (f32x4.splat (f32.convert_i32_s (i32.const 1431655765))))))
  (func $f5 (export "f5") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (f32.store (i64.and (i64.extend_i32_u (i32.const 65535)) (i64.const 0x3ff)) (f32.demote_f64 (f64x2.extract_lane 1 (v128.bitselect (v128.const f64x2 0.5 4294967296) (v128.const i32x4 127 -1141422268 -2 -2147483648) (v128.const f64x2 3.5273334030434287E+294 -9.223372036854776E+18)))))
    try
      (i64.store32 (i64.and (i64.const 1) (i64.const 0x3ff)) (local.get 1))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (i32.store8 offset=27 (i64.const 22) (select (i32.const 1) (local.get 0) (i16x8.extract_lane_u 1 (i32x4.shr_s (local.get $l_v128) (i32.const -1)))))
    (call $log-i32 (i32.const -168860640))
    (global.set $g0 (i32.le_s (i32x4.extract_lane 3 (i32x4.extadd_pairwise_i16x8_s (v128.const i64x2 -817396206301801117 1))) (i32.popcnt (i32.const 31))))
    (if (i32.load8_u (i64.const 168))
      (then
        (call $log-i32 (i32.wrap_i64 (select (i64.const -5920019103499940099) (i64.rotr (i64.extend_i32_u (i32.load (i64.and (i64.xor (i64.trunc_sat_f32_s (local.get 2)) (local.get 1)) (i64.const 0x3ff)))) (select (global.get $g1) (i64.load8_s offset=38 (i64.and (i64.shr_s (i64.const 4294967295) (i64.const -1)) (i64.const 0x3ff))) (i32.load8_u offset=40 (i64.const 272)))) (i32.ctz (i16x8.extract_lane_u 6 (v128.const i32x4 32767 255 -1 -1527335145))))))
        (call $log-f32 (f32.copysign (f32.reinterpret_i32 (i32.extend8_s (i32.shr_u (local.get 0) (i32.const -797314966)))) (f32.div (f32.mul (local.get 2) (f32.reinterpret_i32 (i32.const 1439732635))) (f32x4.extract_lane 0 (v128.const f32x4 9.2233715E+18 3.9029253E+09 -1 2.5)))))
        (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.extend8_s (i32.const 2031049433)) (i32.const 0xfff)) (i64.extend_i32_u (i64.ge_u (i64.const 4294967295) (i64.const -5343960115430007795))) (i32.const 0)))
      )
      (else
        try
          (throw $e0 (i32.wrap_i64 (select (local.get 1) (i64.const -2147483648) (i32.const 0))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
      ))
    (call $log-f32 (f32.neg (f32.copysign (f32.add (f32x4.extract_lane 2 (local.get $l_v128)) (f32.reinterpret_i32 (local.get 0))) (f32.sub (f32.abs (local.get $l_f32)) (f32.sub (f32.load offset=50 (i64.and (global.get $g1) (i64.const 0x3ff))) (f32.const 9.223372E+18))))))
    (local.set $l_v128 (v128.load16_splat offset=41 (i64.const 159)))
    try
      (throw $e0 (i32.sub (i64.lt_s (local.get $l_i64) (i64.const -6920301418327536657)) (i64.lt_u (i64.const 2147483647) (i64.const 4294967295))))
      (throw $e0 (i32.wrap_i64 (i64.add (i64.const 6148914691236517205) (i64.const 9223372036854775807))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (i64.store (i64.const 0x10000) (select (i64.sub (i64.rem_u (local.get $l_i64) (i64.const 0)) (i64.const 2902186399490086489)) (select (i64.mul (i64.const -2147483648) (i64.const -1)) (i64.const 64) (i32.const 0)) (i32x4.extract_lane 0 (i64x2.shl (v128.const i32x4 1431655765 586695334 65535 -21699300) (i32.const 16)))))
    (i32.rem_u (i32.wrap_i64 (select (i64.rem_u (i64.load32_u offset=68 (i64.and (i64.shr_s (i64.shr_u (i64.const -9223372036854775807) (i64.const 4294967295)) (select (i64.load32_s (i64.and (i64.const 4294967295) (i64.const 0x3ff))) (local.get 1) (global.get $g0))) (i64.const 0x3ff))) (i64.const -7017012106219765258)) (i64.trunc_sat_f64_s (global.get $g3)) (local.get 0))) (i32.const 33)))
  (func $f6 (export "f6") (param i32 i64 f32 f64) (result f32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-i64 (i64.xor (i64.const -4510235257307064951) (i64.shr_u (i64.const -6642604472129103324) (i64.const 6148914691236517205))))
    (call $log-i64 (i64.or (i64x2.extract_lane 0 (i64x2.shr_s (i64x2.shr_u (v128.const f64x2 -5.619975120425518E-278 -0) (i32.load16_u (i64.const 248))) (i32.const 1))) (i64.const 8879590561245847706)))
    (call $log-v128 (f64x2.replace_lane 1 (i32x4.shl (i64x2.extend_low_i32x4_s (local.get $l_v128)) (local.get 0)) (f64.max (f64.convert_i64_u (i64x2.extract_lane 0 (v128.const i32x4 255 127 65535 32767))) (local.get $l_f64))))
    (f32.demote_f64 (f64.const -2.3366233708867535E+221)))
  (func $f7 (export "f7") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (i64.store32 (i64.and (i64.const -1) (i64.const 0x3ff)) (i64.const 64))
    (f32.store (i64.and (i64.clz (i64.const 64)) (i64.const 0x3ff)) (f32x4.extract_lane 1 (i8x16.lt_u (v128.bitselect (local.get $l_v128) (v128.load64_splat offset=37 (i64.and (local.get $l_i64) (i64.const 0x3ff))) (v128.const i32x4 1 -2147483647 0 -485595396)) (i8x16.min_u (global.get $g4) (global.get $g4)))))
    (i64.store16 offset=24 (i64.const 163) (i64.and (i64.xor (i64x2.extract_lane 1 (v128.const i64x2 -2147483648 4294967295)) (i64.shr_u (i64.const 2147483647) (local.get $l_i64))) (i64.reinterpret_f64 (f64.convert_i32_s (i32.const -1)))))
    (if (f32.le (f32.reinterpret_i32 (i32.eq (local.get 0) (i32.const 32768))) (f32x4.extract_lane 1 (i8x16.splat (local.get 0))))
      (then
        (local.set $c0 (i32.const 5))
        (loop $L19
          (call $log-f64 (f64.add (f64.copysign (f64.promote_f32 (f32.const 2.1474835E+09)) (f64.abs (f64.load (i64.and (i64.div_s (i64.popcnt (local.get $l_i64)) (local.get $l_i64)) (i64.const 0x3ff))))) (f64.div (f64.copysign (f64.copysign (local.get 3) (f64.load (i64.and (i64.extend8_s (select (i64.const -4807055479087780831) (i64.const 63) (i32.load16_u offset=4294967296 (i64.and (i64.const 9223372036854775807) (i64.const 0x3ff))))) (i64.const 0x3ff)))) (f64.neg (f64.const 9.223372036854776E+18))) (f64.max (f64.copysign (f64.const -1) (f64.const -1.4719042053687916E-294)) (f64.min (f64.const 0.5) (f64.const 1.401298464324817E-45))))))
          (call $log-i64 (i64.extend8_s (select (i64.shr_u (i64.reinterpret_f64 (f64.const 1.1226884241138896E+55)) (i64.const -9223372036854775807)) (i64.reinterpret_f64 (f64.add (local.get 3) (f64.const 3.4028234663852886E+38))) (i32.trunc_f32_u (f32x4.extract_lane 3 (v128.const i64x2 2147483648 1427581676903658340))))))
          (br_if $L19 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
        (i32.store8 offset=13 (i64.const 140) (select (local.get $l_i32) (i32.reinterpret_f32 (f32.reinterpret_i32 (i32.const 128))) (f64.gt (f64.sub (f64.const 5.905795478077222E+138) (f64.load offset=10 (i64.const 0x100000000))) (local.get 3))))
        (i64.store32 (i64.and (i64.extend_i32_u (i32.trunc_f32_s (f32.const -3.4028235E+38))) (i64.const 0x3ff)) (i64.reinterpret_f64 (f64.promote_f32 (f32.demote_f64 (f64.const 1.7976931348623157E+308)))))
      )
      (else
        (call $log-i32 (i32.popcnt (f64.ge (f64.copysign (f64.promote_f32 (global.get $g2)) (f64x2.extract_lane 0 (v128.const f64x2 2.5 9.223372036854776E+18))) (f64.div (f64.sub (local.get 3) (f64.const 9.223372036854775E+18)) (f64x2.extract_lane 1 (v128.const f32x4 -1 nan:0x1 0.49999997 -2.5))))))
        (i64.store16 (i64.and (i64.trunc_sat_f64_s (f64.floor (f64.const 1.0872948784813876E+129))) (i64.const 0x3ff)) (i64.rem_u (i64.popcnt (global.get $g1)) (i64.const -8432212184347899031)))
      ))
    (if (i32.le_u (select (i32.const 33) (i32.xor (i32.load16_u (i64.const 8)) (local.get $l_i32)) (f64.ne (local.get $l_f64) (f64.load (i64.and (i64.xor (i64.load8_s (i64.const 198)) (i64.const 63)) (i64.const 0x3ff))))) (i32.const -1))
      (then
        (if (f64.eq (f64.const 2.225073858507201E-308) (f64x2.extract_lane 1 (i16x8.add_sat_s (v128.load32_splat (i64.and (i64x2.extract_lane 0 (i8x16.shuffle 2 25 10 30 5 12 17 18 17 19 24 25 18 23 0 7 (v128.const f32x4 9.2233715E+18 nan:0x1 inf -2.2316302E+24) (v128.const f64x2 7.819127076974646E+295 2.2330856450167724E-280))) (i64.const 0x3ff))) (v128.load16x4_u (i64.and (i64.const 65) (i64.const 0x3ff))))))
          (then
            (v128.store32_lane 0 (i64.const 244) (v128.load16_splat offset=67 (i64.const 111)))
            (local.set $l_i32 (f64.ge (f64.neg (f64.div (f64.convert_i64_s (local.get 1)) (f64.div (f64.const -3.2193128744462046E-59) (local.get $l_f64)))) (f64.convert_i64_s (i64.add (i64.rem_s (i64.const 2186721787369489802) (i64.load16_u (i64.and (i64.div_s (i64.trunc_sat_f64_s (f64.const 9.223372036854776E+18)) (i64.const -9223372036854775807)) (i64.const 0x3ff)))) (i64.const 9223372036854775807)))))
            (local.set $l_v128 (v128.load8_lane offset=45 7 (i64.const 63) (i32x4.extend_low_i16x8_u (i16x8.gt_s (v128.const f64x2 nan:0x8000000000000 4294967295) (i16x8.extadd_pairwise_i8x16_s (global.get $g4))))))
          )
          (else
            (call $log-f32 (f32.min (f32.convert_i64_s (i64.shl (i64.add (local.get $l_i64) (i64.const 63)) (i64.trunc_sat_f64_s (global.get $g3)))) (f32.const 0.00020147469)))
            (call $log-i64 (i64.shr_s (i64.extend8_s (i64.shl (i64.reinterpret_f64 (global.get $g3)) (i64.const 64))) (i64.const -9223372036854775808)))
          ))
      )
      (else
        (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i16x8.extract_lane_u 3 (i16x8.extend_high_i8x16_s (global.get $g4))) (i32.const 0xfff)) (i64x2.extract_lane 1 (i8x16.shuffle 22 9 6 24 7 28 2 26 6 24 28 26 28 11 0 15 (local.get $l_v128) (v128.const f32x4 -1 -1E-45 -1E-45 3.4028235E+38))) (i32.const 4)))
        (i64.store16 offset=13 (i64.and (i64.shr_u (i64.clz (local.get 1)) (i64.reinterpret_f64 (f64.load (i64.mul (i64.extend_i32_s (i32.load16_s (i64.and (i64.extend32_s (i64.extend8_s (i64.const 2147483648))) (i64.const 0x3ff)))) (i64.const 2147483647))))) (i64.const 0x3ff)) (select (i64.xor (i64.sub (local.get 1) (local.get 1)) (i64x2.extract_lane 1 (v128.const f32x4 -inf -1.3708782E-37 -9.223372E+18 2.5))) (i64.extend8_s (select (global.get $g1) (global.get $g1) (local.get $l_i32))) (i16x8.extract_lane_s 4 (f64x2.max (v128.const f32x4 8388609 5.8816888E+20 nan:0x1 -inf) (v128.const f32x4 0.49999997 0.00083338027 0.053497504 1.1754942E-38)))))
      ))
    (call $log-i64 (i64.extend_i32_u (i32.rotr (i16x8.bitmask (i8x16.shuffle 16 15 13 24 16 17 22 26 4 22 1 31 15 28 0 21 (local.get $l_v128) (local.get $l_v128))) (i32.rem_s (f64.le (local.get $l_f64) (f64.const 1.7976931348623157E+308)) (select (local.get $l_i32) (global.get $g0) (i32.const -2147483647))))))
    (i64.store32 offset=32 (i64.reinterpret_f64 (f64.convert_i32_u (i32.const 1970862742))) (i64.const 2147483647))
    (if (i32.wrap_i64 (i64.const 1))
      (then
        (call $log-i32 (i32.rem_u (i32.eqz (f32.ge (f32.min (f32.const 1.1754942E-38) (f32.load offset=56 (i64.and (i64.trunc_sat_f64_s (f64.const 1.8594945417811624E+301)) (i64.const 0x3ff)))) (f32x4.extract_lane 0 (local.get $l_v128)))) (i32.shr_s (f64.gt (f64.min (local.get 3) (f64.const inf)) (local.get $l_f64)) (i32.const -1467761538))))
      )
      (else
        (call $log-i32 (global.get $g0))
      ))
    (global.set $g4 (i64x2.replace_lane 0 (i8x16.shuffle 3 9 19 0 19 6 22 17 2 10 9 29 5 20 14 17 (i16x8.max_u (v128.const f32x4 0.49999997 1.1754944E-38 9.610352E+20 -37303.473) (v128.const f32x4 2.1474836E+09 1.1754942E-38 2.5 -nan:0x3fffff)) (f64x2.ge (v128.load32_zero (i64.and (i64.popcnt (i64.const 2147483647)) (i64.const 0x3ff))) (local.get $l_v128))) (i64.rem_s (i64x2.extract_lane 1 (local.get $l_v128)) (i64.const 1))))
    (block $L20
      try
        (throw $e0 (i64x2.all_true (i64x2.ne (local.get $l_v128) (v128.const f64x2 1.8446744073709552E+19 0.5))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (global.set $g2 (f32.sqrt (f32.add (f32x4.extract_lane 3 (v128.const i64x2 2147483648 -9223372036854775807)) (f32.const 0.5))))
      (local.set $l_f64 (f64x2.extract_lane 0 (v128.load32_zero (i64.and (i64.shr_s (i64x2.extract_lane 1 (v128.const i32x4 32 1431655765 65536 -2147483648)) (i64x2.extract_lane 0 (v128.const f32x4 4.3474636E-05 -inf 2.1474835E+09 1.9363457E-19))) (i64.const 0x3ff)))))
      (br_if $L20 (i32.shr_s (i64.ne (i64.const 1) (local.get 1)) (i32.reinterpret_f32 (f32.const -1.24116E-19))))
      (call $log-f32 (f32.const 8388609))
      (if (i64.eq (i64.const 63) (i64.trunc_f32_s (f32x4.extract_lane 0 (v128.const i64x2 4294967296 4294967296))))
        (then
          (global.set $g3 (f64.promote_f32 (f32.convert_i64_u (i64.trunc_sat_f64_u (local.get $l_f64)))))
          (call $log-v128 (v128.const f32x4 9.2233715E+18 -9.13728E-12 inf 2.1474836E+09))
          (call $log-i32 (i32.trunc_sat_f32_u (f32.convert_i64_u (i64.extend_i32_s (i32.const 570593265)))))
        )
        (else
          (call $log-i32 (i32.load16_s (i64.and (i64.trunc_sat_f64_u (f64.load (i64.const 65))) (i64.const 0x3ff))))
          (call $log-f64 (f64.mul (f64.add (f64.add (f64.nearest (f64.const 1.7976931348623157E+308)) (f64.max (f64.const -9.131131870474069E-268) (f64.const -1.7769104880194413E-56))) (f64.max (local.get 3) (f64x2.extract_lane 1 (local.get $l_v128)))) (f64.const 2147483648)))
        ))
      (call $log-i64 (select (i64.const 9223372036854775807) (i64.xor (i64.trunc_sat_f64_s (f64.sub (f64.const 0.5) (f64.load offset=13 (i64.and (local.get $l_i64) (i64.const 0x3ff))))) (select (i64.rem_s (i64.const -1) (local.get 1)) (i64.mul (i64.const -2147483648) (local.get $l_i64)) (i32.const -1431655766))) (i32.const -2)))
    )
    (i64.const 6250652055412743412))
)
