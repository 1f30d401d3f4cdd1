(module
  (type $sig_a (func (param i32 i64) (result i32)))
  (type $sig_b (func (param f64) (result f64)))
  (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (import "fuzzing-support" "log-f32" (func $log-f32 (param f32)))
  (import "fuzzing-support" "log-f64" (func $log-f64 (param f64)))
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (memory (export "memory") i64 1 4)
  (data (i64.const 0) "\ff\ff\ff\ff\ff\ff\ef\7f\3f\00\00\00\00\00\00\00\01\00\00\00\00\00\80\bf\40\00\00\00\00\00\00\00\01\00\00\00\ff\ff\bf\ff\00\00\00\00\00\00\f0\3f\00\00\c0\ff\ff\ff\7f\00\00\00\00\00\01\00\00\00\00\00\00\00\00\00\e0\41\ff\ff\ff\3e\00\00\c0\3f\00\00\00\00\00\00\00\00\40\00\00\00\00\00\00\00\01\00\00\00\00\00\00\00\00\00\80\4f\ff\ff\ff\5e\ff\ff\ff\7f\00\00\00\00\00\00\20\00\00\00\e0\c1\00\00\00\00\00\00\e0\c1\00\00\00\00\00\00\f8\ff\01\00\00\00\00\00\00\00\ff\ff\ff\ff\ff\ff\ff\ff\00\00\00\00\00\00\00\80\00\00\00\00\01\00\00\00\00\00\00\80\00\00\00\00\00\00\00\00\00\00\f0\bf\00\00\00\df\ff\ff\ff\5e\ff\ff\ff\ff\00\00\00\00\01\00\00\cf\00\00\00\cf\00\00\c0\7f\00\00\80\3f\ff\ff\7f\4b\01\00\80\7f\ff\ff\ff\ff\00\00\00\00\00\00\00\00\00\00\00\00\00\00\80\3f\00\00\00\4f")
  (tag $e0 (param i32))
  (tag $e1 (param i64 f64))
  (global $g0 (export "g0") (mut i32) (i32.const 2147483647))
  (global $g1 (export "g1") (mut i64) (i64.const 64))
  (global $g2 (mut f32) (f32.const 8388609))
  (global $g3 (mut f64) (f64.const 3.4028234663852886E+38))
  (global $g4 (mut v128) (v128.const f32x4 9.223372E+18 8388609 9.223372E+18 -3.038741E-16))
  (table $t 8 funcref)
  (elem (i32.const 0) $h0 $h1 $h2 $h3 $h0 $h1 $hb)
  (func $h0 (type $sig_a) (param i32 i64) (result i32)
    (i32.const -2083145254))
  (func $h1 (type $sig_a) (param i32 i64) (result i32)
    (i32.const 32767))
  (func $h2 (type $sig_a) (param i32 i64) (result i32)
    (if (i32.and (local.get 0) (i32.const 1)) (then (throw $e0 (local.get 0))))
    (if (i32.eqz (i32.and (local.get 0) (i32.const 3))) (then (throw $e1 (local.get 1) (f64.convert_i64_s (local.get 1)))))
    (i32.add (local.get 0) (i32.wrap_i64 (local.get 1))))
  (func $h3 (type $sig_a) (param i32 i64) (result i32)
    (if (result i32) (i32.gt_s (local.get 0) (i32.const 0))
      (then (return_call $h3 (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 3))))
      (else (i32.wrap_i64 (local.get 1)))))
  (func $hb (type $sig_b) (param f64) (result f64) (f64.mul (local.get 0) (f64.const 2)))
  (func $f0 (export "f0") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      (drop (call $h2 (i32.ge_s (i32.or (i32.const 1) (i32.const 1431655765)) (f64.gt (f64.const -2.652115292168643E+184) (f64.const 2.2250738585072014E-308))) (select (local.get $l_i64) (i64.trunc_sat_f32_u (f32.const -2.147484E+09)) (f32.le (local.get 2) (f32.const 3.4028235E+38)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.set $l_f32 (f32.max (local.get $l_f32) (f32.convert_i32_u (i32.mul (i8x16.extract_lane_s 14 (local.get $l_v128)) (i32.const 65536)))))
    (call $log-i32 (i32x4.all_true (i8x16.shuffle 28 23 0 19 20 5 9 17 10 1 22 30 6 23 20 5 (f64x2.le (v128.const f32x4 -nan:0x3fffff 7.4797033E+18 1E-45 1.5) (v128.const f64x2 1.8517361752822957E-80 2.913650311087232E+42)) (i32x4.max_u (i64x2.shl (local.get $l_v128) (i32.const 31)) (f32x4.replace_lane 0 (v128.const f64x2 -inf -3.7401611844690515E+54) (f32.load offset=50 (i64.const 266)))))))
    (i64.rotr (i64.xor (i64.or (i64.trunc_f32_u (f32.const -nan:0x400000)) (i64.const 4981630837862807975)) (i64x2.extract_lane 1 (i8x16.shr_u (global.get $g4) (i32.const 32768)))) (i64.add (i64.extend16_s (select (i64.const 2147483648) (local.get 1) (i32.const -2))) (i64.const 63))))
  (func $f1 (export "f1") (param i32 i64 f32 f64) (result f64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (block $L0
      (local.set $l_f64 (local.get 3))
      (br_if $L0 (i32.trunc_f64_u (local.get $l_f64)))
      (local.set $c0 (i32.const 4))
      (loop $L1
        (call $log-i64 (i64.trunc_f32_s (f32.const -3.475302E-36)))
        (br_if $L1 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    )
    (global.set $g4 (v128.bitselect (i8x16.splat (i32.ctz (i32.const 63))) (f32x4.floor (f64x2.splat (f64.const -1))) (i64x2.shr_s (v128.const i32x4 2 -1850641717 1479107984 128) (i32.const 7))))
    (drop (memory.grow (i64.const 1)))
    try
      (call $log-f64 (f64x2.extract_lane 0 (v128.const f32x4 0.5 2.5 372.4033 nan:0x400000)))
      try
        (throw $e0 (select (i8x16.all_true (v128.const f64x2 9.223372036854776E+18 9.223372036854776E+18)) (i32.const 1431655765) (local.get 0)))
        (drop (call $h2 (i32.le_s (select (global.get $g0) (i32.const 2) (global.get $g0)) (i32.const -1188273631)) (i64.rotl (i64.or (i64.load8_u (i64.and (local.get $l_i64) (i64.const 0x3ff))) (i64.const 5045201500515084443)) (select (i64.const 63) (i64.const 63) (i32.load (i64.and (i64.const 6148914691236517205) (i64.const 0x3ff)))))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      try
        (drop (call $h2 (i32.ge_u (i32.wrap_i64 (i64.load32_s offset=58 (i64.const 28))) (i32.const 127)) (i64.div_s (i64.clz (local.get $l_i64)) (i64.popcnt (i64.const 1)))))
        (local.set $l_i64 (i64.trunc_sat_f64_u (f64x2.extract_lane 0 (local.get $l_v128))))
        (drop (call $h2 (i32.const 0) (i64.or (i64.div_s (i64.const 4294967295) (i64.const 7519943490639583795)) (local.get $l_i64))))
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
    end
    (block $L2
      (call $log-f32 (f32.reinterpret_i32 (f64.lt (f64.add (f64.add (f64.const -2147483649) (f64.const 1.119041379848628E-147)) (f64.const -inf)) (f64.nearest (f64.convert_i64_s (local.get $l_i64))))))
      (br_if $L2 (i32.reinterpret_f32 (f32.demote_f64 (f64.const -1.8420513195326405E+94))))
      (call $log-i32 (i32.const 65535))
      (global.set $g4 (i16x8.sub_sat_s (i8x16.shl (f64x2.gt (local.get $l_v128) (v128.load8_splat offset=4294967296 (i64.and (i64.extend_i32_u (i32.eq (local.get 0) (i32.const 699318342))) (i64.const 0x3ff)))) (i32.const 0)) (i32x4.shl (v128.const i32x4 -1 1469221399 162378746 65536) (i32.const 16))))
      (local.set $l_i64 (i64.extend_i32_u (i32.clz (i8x16.extract_lane_s 15 (v128.const i32x4 -1305946808 2147483647 31 64)))))
    )
    (local.set $l_i32 (call $h3 (i32.and (select (i32.eqz (local.get $l_i32)) (i16x8.extract_lane_s 2 (global.get $g4)) (i32.const 63)) (i32.const 0xfffff)) (i64.const -9223372036854775807)))
    (f64.copysign (f64.trunc (f64.const -8.801844577541253E-274)) (f64.const 1.7976931348623157E+308)))
  (func $f2 (export "f2") (param i32 i64 f32 f64) (result f32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $l_i32 (i32.shr_u (i8x16.bitmask (v128.bitselect (i64x2.shr_u (local.get $l_v128) (i32.const -2027724898)) (f32x4.max (local.get $l_v128) (v128.load32_splat offset=11 (i64.and (select (i64.extend32_s (local.get $l_i64)) (i64.div_u (local.get $l_i64) (i64.const 0)) (i64x2.bitmask (v128.load8_splat (i64.const 132)))) (i64.const 0x3ff)))) (v128.load64_splat offset=13 (i64.and (i64.sub (i64.or (local.get $l_i64) (i64.const 9193696751501209452)) (i64.const -1608495725367309100)) (i64.const 0x3ff))))) (f64.ge (f64.const -inf) (f64.convert_i64_u (select (local.get 1) (i64.const -1) (i32.const -734959157))))))
    (local.set $l_f64 (f64.convert_i32_s (i32.extend8_s (i8x16.extract_lane_s 14 (v128.load32_lane offset=4294967296 3 (i64.and (i64.mul (i64.load32_u (i64.const 0x10000)) (i64.extend_i32_u (i32.const 64))) (i64.const 0x3ff)) (local.get $l_v128))))))
    try
      (throw $e0 (i32.trunc_sat_f32_s (f32.const 1.5)))
      (drop (call $h2 (i32.load8_u offset=16 (i64.and (i64.extend16_s (i64.reinterpret_f64 (f64.const 1.401298464324817E-45))) (i64.const 0x3ff))) (i64.load16_s (i64.const 46))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    try
      (throw $e0 (i32.wrap_i64 (i64.clz (local.get $l_i64))))
      (drop (call $h2 (i32.popcnt (i32.const -1611335558)) (i64x2.extract_lane 0 (v128.load16_lane 5 (i64.and (i64.reinterpret_f64 (f64.sub (f64.const -1.894911314869777E-49) (local.get 3))) (i64.const 0x3ff)) (v128.const f32x4 3.3374624E-30 -1.6243884E+23 -2.5532363E-22 2.1474836E+09)))))
      (drop (call $h2 (local.get $l_i32) (i64.extend_i32_u (i32.trunc_f32_s (f32.const 2.1743875E-29)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (if (i64x2.all_true (v128.const f32x4 6.2753172E-27 1.1754944E-38 -2.147484E+09 2.5))
      (then
        (f64.store (i64.and (i64.const 0) (i64.const 0x3ff)) (f64.const -inf))
        (local.set $l_i32 (call $h2 (i32.wrap_i64 (i64.rotr (i64.const 1) (i64.const -5521025655816972704))) (i64.extend32_s (i64.and (i64.const 9223372036854775807) (i64.const -8149692272987361474)))))
      )
      (else
        (memory.fill (i64.and (i64.extend32_s (i64.shl (i64.const 4294967296) (i64.const -9223372036854775808))) (i64.const 0x3ff)) (f64.eq (f64.floor (f64.const -1.29801312225739E-55)) (f64.promote_f32 (local.get 2))) (i64.const 29))
        (global.set $g0 (i32.const 2))
      ))
    (global.set $g1 (i64.extend_i32_s (i64.gt_s (i64.reinterpret_f64 (f64.load (i64.and (i64.extend32_s (i64.clz (i64.const 4294967295))) (i64.const 0x3ff)))) (i64.const 2147483648))))
    (block $L3
      (local.set $l_v128 (i64x2.replace_lane 0 (i8x16.add_sat_u (v128.const f32x4 1.5 -6.338915E+25 4.3386536E-23 -nan:0x3fffff) (f64x2.sub (v128.bitselect (v128.const i32x4 -2 128 -369170430 64) (local.get $l_v128) (v128.const f64x2 1.8446744073709552E+19 7.054051334040108E+74)) (v128.const f32x4 2.5 0.49999997 1.8329713E-12 0))) (i64.extend16_s (i64.xor (i64.trunc_f64_u (f64.const 4294967296)) (i64.extend8_s (i64.load8_s (i64.and (i64.extend_i32_s (i32.reinterpret_f32 (local.get 2))) (i64.const 0x3ff))))))))
      (br_if $L3 (i32.rem_s (i64.ne (global.get $g1) (i64.const 2147483648)) (i32.const 32767)))
      (f64.store (i64.and (i64.rem_s (i64.ctz (i64.const 2147483648)) (i64.extend16_s (i64.const -2101566729503285052))) (i64.const 0x3ff)) (f64.copysign (f64.convert_i32_u (i32.trunc_sat_f32_u (local.get 2))) (f64.const 8.206552642186925E-209)))
      (if (i64.ge_u (i64.load16_u (i64.const 273)) (i64.div_u (select (i64.const -9223372036854775808) (local.get 1) (local.get $l_i32)) (i64.const -1104943263752202433)))
        (then
          (call $log-i64 (select (select (i64x2.extract_lane 0 (global.get $g4)) (i64.extend_i32_u (i32.trunc_sat_f32_s (local.get 2))) (i32.wrap_i64 (i64.sub (local.get 1) (i64.const 4294967295)))) (i64.reinterpret_f64 (f64x2.extract_lane 1 (global.get $g4))) (i32.const 32768)))
          (local.set $l_f32 (f32.div (global.get $g2) (f32.sqrt (f32.demote_f64 (f64.const -2.5)))))
          (local.set $l_i32 (i16x8.extract_lane_u 1 (i8x16.lt_s (i8x16.gt_s (f64x2.pmin (local.get $l_v128) (v128.const f64x2 nan:0x8000000000000 4294967295)) (i64x2.extend_low_i32x4_u (local.get $l_v128))) (i32x4.max_s (v128.load16_lane 6 (i64.and (i64.and (i64.extend32_s (i64.const 2147483648)) (i64.const 2147483648)) (i64.const 0x3ff)) (v128.load32x2_s (i64.const 30))) (i64x2.splat (i64.const 0))))))
        )
        (else
          (i64.store8 offset=64 (i64.and (i64x2.extract_lane 0 (v128.const f32x4 1.6161989E-34 1.5 -201.95422 2.5532038E-18)) (i64.const 0x3ff)) (i64.extend_i32_u (i8x16.extract_lane_s 4 (i16x8.replace_lane 2 (local.get $l_v128) (local.get $l_i32)))))
          (local.set $l_v128 (i16x8.add (i32x4.replace_lane 2 (i16x8.ne (v128.load64_splat (i64.reinterpret_f64 (f64.div (local.get 3) (local.get 3)))) (i8x16.shuffle 29 30 21 23 18 25 24 7 8 28 31 28 17 5 9 5 (v128.const i64x2 -4960227803900146557 63) (v128.const i64x2 65 4294967296))) (i32.mul (i32.trunc_f32_s (local.get 2)) (i32.mul (i32.const 65535) (i32.const -1123532027)))) (i8x16.max_s (i16x8.splat (i32.add (i32.const 1776915932) (i32.const 1431655765))) (v128.load8_lane offset=44 5 (i64.const 15) (global.get $g4)))))
        ))
      (f64.store offset=59 (i64.const 218) (f64.mul (f64.convert_i64_s (i64.load16_u (i64.const 100))) (f64.add (f64.min (f64.const -9.223372036854776E+18) (f64.load (i64.and (i64.xor (i64.shl (local.get $l_i64) (i64.const 0)) (i64.const 9223372036854775807)) (i64.const 0x3ff)))) (f64.mul (f64.const 0) (f64.const 2.225073858507201E-308)))))
    )
    (drop (memory.grow (i64.const 1)))
    (if (i32.xor (global.get $g0) (i32.const -958496115))
      (then
        try
          (v128.store16_lane 5 (i64.trunc_sat_f32_s (f32.load (i64.and (i64.rotl (i64.and (i64.const -8400098949571532279) (i64.const 4294967296)) (global.get $g1)) (i64.const 0x3ff)))) (i64x2.shr_s (i8x16.replace_lane 10 (i16x8.splat (local.get $l_i32)) (i32x4.extract_lane 0 (local.get $l_v128))) (i64.lt_u (i64.shr_u (i64.load8_u (i64.sub (i64.rem_s (i64.const -2397664132645197190) (i64.const -5817481158050490146)) (i64.extend_i32_s (local.get $l_i32)))) (i64.const 65)) (i64.extend8_s (i64.const 9223372036854775807)))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
        (if (i32.const 0)
          (then
            (i64.store32 offset=47 (i64.const 290) (i64.rem_s (i64.rem_s (local.get $l_i64) (select (i64.const 6148914691236517205) (i64.const 4294967296) (i32.const 1))) (i64.const 2147483647)))
            (call $log-v128 (local.get $l_v128))
          )
          (else
            (local.set $l_v128 (i32x4.ge_s (v128.bitselect (i64x2.shr_u (f32x4.trunc (local.get $l_v128)) (i32.const 15)) (i8x16.shr_s (v128.const f64x2 nan:0x8000000000000 1.5) (i32.const 16)) (i64x2.mul (i32x4.extend_high_i16x8_s (v128.load8x8_u offset=6 (i64.and (select (i64.const 4294967296) (i64.rotl (i64.const 9223372036854775807) (i64.const -4172010155393689430)) (i32.rotl (i32.const 0) (i32.const 1))) (i64.const 0x3ff)))) (i64x2.splat (global.get $g1)))) (v128.const f32x4 -1.6344595E-36 5.066133E+10 -1.4125365E-38 -2.5)))
            (call $log-v128 (v128.const i32x4 -800774331 1 827084244 65535))
            (global.set $g3 (f64.convert_i64_s (i64.reinterpret_f64 (f64x2.extract_lane 1 (v128.const f64x2 1.7406251812069613E-286 5.5348378974088675E+50)))))
          ))
        (memory.fill (i64.and (i64.reinterpret_f64 (f64.floor (f64.const -4.764670746294897E-91))) (i64.const 0x3ff)) (i32.const -711782257) (i64.const 56))
      )
      (else
        (local.set $c0 (i32.const 6))
        (loop $L4
          (call $log-f32 (f32.min (f32.sub (f32.max (f32x4.extract_lane 2 (v128.load32_splat offset=14 (i64.const 157))) (f32.convert_i64_u (i64.const 2147483647))) (f32.max (f32.min (local.get 2) (f32.load (i64.const 0x40000))) (f32.add (local.get $l_f32) (f32.const 5.794251E+29)))) (f32.reinterpret_i32 (i32.wrap_i64 (i64.reinterpret_f64 (global.get $g3))))))
          (local.set $l_i32 (call $h2 (i32.const 65535) (i64.trunc_sat_f32_s (f32.nearest (f32.const -0)))))
          (call $log-f64 (f64.add (f64.convert_i32_u (f32.le (local.get 2) (f32.convert_i64_u (local.get 1)))) (f64.max (f64.promote_f32 (f32.demote_f64 (f64.load offset=56 (i64.and (i64.or (i64.div_s (i64.load16_s offset=60 (i64.const 182)) (i64.const 0)) (i64.const -1)) (i64.const 0x3ff))))) (f64x2.extract_lane 0 (i16x8.splat (i32.const -316373115))))))
          (br_if $L4 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
        (local.set $l_f64 (f64.const 3.4028234663852886E+38))
      ))
    (f64.store offset=25 (i64.and (i64.sub (select (global.get $g1) (i64.const -1) (i32.const 1808288132)) (select (i64.const 63) (i64.const 6571507175809536588) (local.get $l_i32))) (i64.const 0x3ff)) (f64.convert_i64_s (i64x2.extract_lane 0 (f64x2.ceil (local.get $l_v128)))))
    try
      (throw $e0 (global.get $g0))
      (if (i32.load16_u (i64.and (i64.extend_i32_u (f64.eq (f64.const 1.7976931348623157E+308) (f64.load offset=4 (i64.const 280)))) (i64.const 0x3ff)))
        (then
          (global.set $g2 (local.get 2))
          (local.set $l_f32 (f32.const -2.5))
        )
        (else
          (call $log-i32 (i32.const 1))
          (call $log-f32 (f32.convert_i32_s (i32.clz (i32.reinterpret_f32 (f32.reinterpret_i32 (global.get $g0))))))
          (call $log-i64 (i64.shl (i64.trunc_sat_f32_u (f32.trunc (f32.reinterpret_i32 (i32.load8_u (i64.and (i64.sub (i64.const 2147483647) (i64.const -7389999444064535725)) (i64.const 0x3ff)))))) (i64.const 4294967295)))
        ))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    try
      (throw $e0 (i32.trunc_f64_u (f64.const 4294967295)))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.get 2))
  (func $f3 (export "f3") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $l_i64 (i64.extend_i32_s (i32.load8_u (i64.and (i64.shr_u (i64.const 1) (i64.const 64)) (i64.const 0x3ff)))))
    try
      (local.set $l_v128 (v128.bitselect (local.get $l_v128) (f64x2.convert_low_i32x4_s (i16x8.le_s (i16x8.add_sat_s (v128.load16_splat (i64.and (i64.reinterpret_f64 (f64.convert_i32_s (local.get $l_i32))) (i64.const 0x3ff))) (v128.const f64x2 1.5 -5.626567582659114E-41)) (v128.load32_lane offset=63 1 (i64.and (i64.shl (i64.const 65) (select (i64.const -9223372036854775807) (i64.const 9223372036854775807) (global.get $g0))) (i64.const 0x3ff)) (v128.const i64x2 -4324273297510422091 -3263794105438337667)))) (i16x8.add_sat_u (v128.const i64x2 4294967296 -3057687207575039859) (local.get $l_v128))))
      (drop (call $h2 (f64.eq (f64.const 2.5) (f64.load (i64.const 170))) (i64.and (i64.extend_i32_u (local.get 0)) (i64x2.extract_lane 0 (v128.load16x4_u offset=31 (i64.and (i64.const 2147483648) (i64.const 0x3ff)))))))
      (drop (call $h2 (i32.lt_u (i32.or (i32.load16_s offset=41 (i64.const 158)) (i32.const -688494457)) (i32.const 65535)) (i64.reinterpret_f64 (f64.div (f64.const 9.223372036854776E+18) (local.get $l_f64)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-f64 (f64.convert_i64_u (i64.extend_i32_u (i32x4.bitmask (i8x16.add_sat_u (v128.const f32x4 -2.7656814E+31 -1.4981481E-29 8388609 -nan:0x3fffff) (v128.const i32x4 255 0 2147483647 32))))))
    (call $log-i64 (i64.reinterpret_f64 (f64x2.extract_lane 1 (i8x16.shr_u (i16x8.shl (local.get $l_v128) (i32.const 65)) (i32.const 63)))))
    (i64.rotr (i64.const -2354621234803307784) (i64.extend8_s (local.get $l_i64))))
  (func $f4 (export "f4") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      (drop (call $h2 (i32.eqz (i32.or (i32.const -1) (i32.const -286676331))) (select (i64.shr_s (i64.const -8809806447351780915) (i64.const 1)) (i64.load (i64.and (i64.reinterpret_f64 (f64.copysign (local.get $l_f64) (f64.const 9.223372036854775E+18))) (i64.const 0x3ff))) (i32.reinterpret_f32 (f32.const 5.979598E+32)))))
      (call $log-i64 (i64.and (i64.extend16_s (i64.extend8_s (i64.load8_u offset=4294967296 (i64.and (select (i64.const -9223372036854775808) (i64x2.extract_lane 0 (v128.const f32x4 -nan:0x400000 -1 8388609 -5.9614674E-19)) (local.get 0)) (i64.const 0x3ff))))) (i64.const -2147483648)))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.set $c0 (i32.const 1))
    (loop $L5
      (global.set $g1 (i64.extend_i32_u (i32.load16_s offset=46 (i64.const 84))))
      (local.set $l_i32 (i32.or (i32.load16_u (i64.and (i64x2.extract_lane 0 (i8x16.shuffle 14 4 5 12 28 18 1 17 3 1 9 15 28 30 31 9 (v128.const i64x2 -7611075363719160368 9223372036854775807) (v128.load16x4_u (i64.const 0x40000)))) (i64.const 0x3ff))) (i32.trunc_f32_u (f32.demote_f64 (f64x2.extract_lane 1 (local.get $l_v128))))))
      (br_if $L5 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    try
      (call $log-i32 (f64.ne (global.get $g3) (f64.promote_f32 (f32.demote_f64 (f64.const 1)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-i32 (i32.wrap_i64 (i64.reinterpret_f64 (f64.convert_i64_s (i64.trunc_sat_f32_s (f32.const -130374.57))))))
    (call $log-f32 (f32.ceil (f32.demote_f64 (f64.convert_i64_s (i64x2.extract_lane 1 (v128.const i32x4 1431655765 128 65535 2147483647))))))
    (local.set $c0 (i32.const 4))
    (loop $L6
      (call $log-f32 (f32.demote_f64 (f64x2.extract_lane 1 (i16x8.extend_low_i8x16_u (v128.const i64x2 4294967295 64)))))
      try
        (i32.store (i64.const 268) (f32.le (f32.add (f32x4.extract_lane 2 (v128.load offset=15 (i64.const 246))) (f32.reinterpret_i32 (local.get $l_i32))) (f32.reinterpret_i32 (f64.eq (global.get $g3) (f64.load (i64.and (i64.reinterpret_f64 (f64.const 2.225073858507201E-308)) (i64.const 0x3ff)))))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (br_if $L6 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (local.set $l_i32 (i32.rem_s (i32.reinterpret_f32 (f32.mul (f32.div (f32.const 0.5) (f32.const -3.4028235E+38)) (f32.div (f32.const 2.1474835E+09) (f32.const -6.8235486E+24)))) (f64.ge (f64.copysign (f64.const nan:0x8000000000000) (local.get $l_f64)) (f64.convert_i64_s (i64.const 9223372036854775807)))))
    (block $L7
      (v128.store offset=54 (i64.and (local.get 1) (i64.const 0x3ff)) (i64x2.ge_s (v128.load32_splat (i64.const 0x10000)) (i32x4.splat (f64.lt (f64.load (i64.and (i64.rotr (local.get 1) (i64.shr_u (i64.const -5766671035748701584) (i64.load16_s (i64.and (i64.extend32_s (i64.const 7948981531269077535)) (i64.const 0x3ff))))) (i64.const 0x3ff))) (local.get 3)))))
      (br_if $L7 (i32.le_s (select (local.get $l_i32) (i32.const 32768) (local.get $l_i32)) (i32.shr_u (local.get 0) (i32.const -1939392122))))
      (i64.store8 (i64.and (i64.extend32_s (local.get $l_i64)) (i64.const 0x3ff)) (i64.trunc_sat_f64_s (f64x2.extract_lane 0 (f64x2.ceil (v128.const i32x4 1073952702 255 0 -2147483648)))))
    )
    (local.set $l_i64 (i64x2.extract_lane 1 (i64x2.extmul_high_i32x4_s (f32x4.ceil (v128.load32_lane offset=45 0 (i64.and (local.get $l_i64) (i64.const 0x3ff)) (v128.const i64x2 2147483647 -1))) (i8x16.shuffle 4 24 10 10 23 9 17 10 6 28 17 20 27 27 3 16 (f64x2.replace_lane 1 (local.get $l_v128) (local.get $l_f64)) (i16x8.avgr_u (v128.const i64x2 -7415318231367534806 63) (local.get $l_v128))))))
    (return_call $h3 (i32.and (i32.reinterpret_f32 (f32.copysign (f32.const 2.1474836E+09) (f32.const 1E-45))) (i32.const 0xfffff)) (i64.shr_u (i64.const -7290683069661011344) (i64.const 65))))
  (func $f5 (export "f5") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      (throw $e0 (i32.wrap_i64 (i64.const -1)))
      (call $log-f32 (f32.mul (f32.const -2.1474836E+09) (f32.ceil (f32.demote_f64 (f64.convert_i64_s (i64.const 64))))))
      (call $log-f32 (f32.max (f32.convert_i64_s (i64.rem_u (i64.mul (local.get $l_i64) (i64.const -4836264187580814786)) (i64x2.extract_lane 1 (v128.const f64x2 2147483648 9.223372036854775E+18)))) (f32.demote_f64 (f64.div (f64.trunc (f64.const 1.8446744073709552E+19)) (f64.promote_f32 (f32.load offset=14 (i64.const 0xffffffffffffffff)))))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (call $log-f64 (f64x2.extract_lane 1 (v128.xor (i64x2.shr_s (f64x2.ge (v128.const f32x4 1E-45 -nan:0x3fffff -3.3732056E+36 2.1474835E+09) (v128.const i32x4 32 128 33 -1)) (i64.ne (i64.const 4294967296) (i64.const -2147483648))) (i32x4.lt_u (local.get $l_v128) (v128.const i64x2 6148914691236517205 4294967296)))))
    (local.set $c0 (i32.const 5))
    (loop $L8
      (v128.store64_lane 0 (i64.const 3) (v128.const f32x4 2.1474835E+09 -2.5 0.49999997 -5.8212925E-07))
      (f64.store (i64.and (i64.const -9223372036854775807) (i64.const 0x3ff)) (f64.convert_i32_s (f64.gt (f64.copysign (f64.const -6.610319042018074E+84) (local.get 3)) (f64.convert_i32_u (i32.const 127)))))
      (call $log-v128 (v128.const f64x2 1.7976931348623157E+308 -1.5035400799278596E+125))
      (br_if $L8 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (i64.shl (local.get 1) (select (i64.trunc_sat_f64_s (f64x2.extract_lane 1 (v128.const f32x4 2.1474835E+09 -1.1736372E+35 -2.2232627E-34 -2.1180606E-34))) (i64.shl (global.get $g1) (i64.or (local.get 1) (i64.const 2147483648))) (i64.lt_u (i64.shr_s (local.get $l_i64) (i64.const 65)) (i64.div_s (i64.load32_u (i64.and (i64.const 8230375210484693162) (i64.const 0x3ff))) (local.get $l_i64))))))
  (func $f6 (export "f6") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-f32 (f32.sub (f32x4.extract_lane 1 (v128.load16x4_u offset=40 (i64.shr_s (i64.div_u (i64.const 0) (i64.const -9223372036854775808)) (i64.shr_u (i64.const 2147483647) (i64.const -8181622603535835181))))) (f32.reinterpret_i32 (i64.ge_u (i64.extend16_s (local.get $l_i64)) (i64.rotr (global.get $g1) (i64.const -1))))))
    (call $log-f32 (f32x4.extract_lane 0 (f64x2.eq (local.get $l_v128) (i64x2.mul (i64x2.extmul_high_i32x4_s (v128.const f64x2 2.2250738585072014E-308 2.2250738585072014E-308) (local.get $l_v128)) (i16x8.replace_lane 7 (local.get $l_v128) (i32.load16_u (i64.and (i64.const 1945731596071348053) (i64.const 0x3ff))))))))
    (call $log-f64 (f64.ceil (f64.nearest (f64.convert_i32_s (i32.extend16_s (i32.const 1891649645))))))
    (if (i32.const 127)
      (then
        (v128.store32_lane offset=64 2 (i64.const 0xfffffffffff0) (f64x2.gt (i8x16.shuffle 23 9 22 27 4 27 8 13 1 0 7 28 8 1 18 1 (i64x2.shr_s (local.get $l_v128) (i32.const 31)) (i8x16.avgr_u (v128.const i32x4 1096561071 32767 127 32) (local.get $l_v128))) (i8x16.splat (local.get $l_i32))))
      )
      (else
        (local.set $l_i32 (call $h1 (i32.and (i32.div_u (i32.const 2147483647) (i32.const 33)) (i32.const 0xfffff)) (i64.const -9223372036854775808)))
      ))
    (if (i32.const -2147483648)
      (then
        (if (i32.ctz (global.get $g0))
          (then
            (i64.store8 offset=21 (i64.and (global.get $g1) (i64.const 0x3ff)) (i64.rotr (i64.rem_u (select (i64.const 63) (local.get 1) (local.get 0)) (i64.sub (i64.const 64) (i64.const 6137734119341186268))) (i64.sub (i64.shr_u (i64.const 5625355245932249281) (i64.const 5088022044779418220)) (i64.extend_i32_u (i32.load16_u offset=28 (i64.const 151))))))
            (call $log-v128 (local.get $l_v128))
          )
          (else
            (call $log-v128 (v128.const i64x2 0 64))
            (global.set $g0 (f64.gt (f64.div (f64.const 1) (f64.const -2147483648)) (f64x2.extract_lane 1 (i16x8.mul (v128.load16x4_s (i64.const 120)) (v128.const f64x2 -nan:0x8000000000000 1.8446744073709552E+19)))))
          ))
        (memory.copy (i64.const 6148914691236517205) (i64.and (i64.trunc_sat_f32_u (f32.sub (f32.const 3.915194E-32) (f32.const 3.4028235E+38))) (i64.const 0x3ff)) (i64.const 52))
        (local.set $l_i64 (select (i64.rem_u (i64.trunc_f32_u (f32.mul (f32.const 0.5) (local.get $l_f32))) (i64.shr_u (i64.extend_i32_s (i32.const 128)) (i64.or (local.get 1) (i64.const 9223372036854775807)))) (i64.load8_s (i64.and (i64.extend32_s (i64x2.extract_lane 0 (v128.const i32x4 32 -415928066 -2 30149177))) (i64.const 0x3ff))) (i32.extend8_s (i32.lt_u (i32.reinterpret_f32 (f32.const 9.2233715E+18)) (f64.eq (global.get $g3) (f64.const -7.732788315675168E-38))))))
      )
      (else
        (call $log-f32 (f32.sqrt (f32.div (f32.copysign (f32.const 2.5) (f32.demote_f64 (f64.const 2147483648))) (f32.mul (f32.min (f32.const 1.1754942E-38) (f32.const -2.5)) (f32.convert_i64_u (local.get $l_i64))))))
      ))
    (call $log-i64 (i64.trunc_sat_f64_s (f64.min (f64.add (f64.max (f64.const -inf) (f64.const 0.5)) (f64x2.extract_lane 0 (global.get $g4))) (f64.sub (f64.min (f64.const 9.223372036854776E+18) (f64.const -1.240748053488913E+286)) (f64.min (f64.const nan:0x8000000000000) (f64.const inf))))))
    (i64.reinterpret_f64 (f64.convert_i64_u (i64.trunc_f32_u (f32.min (local.get 2) (f32.const -2.6992967E+32))))))
  (func $f7 (export "f7") (param i32 i64 f32 f64) (result f64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-f32 (f32.load (i64.const 170)))
    (block $L9
      (block $L10
        (memory.fill (i64.and (i64.extend8_s (i64.const -5265520779201761970)) (i64.const 0x3ff)) (i32.lt_u (i32.div_s (i32.const 1431655765) (i32.const 33)) (i32.const 127)) (i64.const 62))
        (local.set $l_v128 (v128.load64_lane 1 (i64.and (i64x2.extract_lane 1 (i8x16.shuffle 5 22 17 10 27 0 10 9 11 5 0 10 24 22 14 28 (local.get $l_v128) (v128.const f32x4 5.5379484E-08 -2.1474836E+09 8929380 -2.5))) (i64.const 0x3ff)) (f64x2.splat (f64.const 2.2250738585072014E-308))))
        (br_if $L10 (i32.ge_u (f32.lt (global.get $g2) (f32.const -1.4527138E-12)) (i64x2.bitmask (v128.load32_splat (i64.and (i64.extend_i32_u (f32.eq (f32.const -12.827041) (f32.load (i64.and (i64.xor (i64.trunc_f64_u (f64.const 4.586185872944639E+230)) (i64.const -8847620220581420416)) (i64.const 0x3ff))))) (i64.const 0x3ff))))))
        (call $log-i32 (f64.le (f64.convert_i64_u (i64.add (i64.extend_i32_s (local.get $l_i32)) (i64.const -1))) (f64.copysign (f64.copysign (f64.copysign (f64.const -1.5942501808634074E-11) (f64.const 4503599627370497)) (f64.sqrt (f64.const -7.003755153181943E+53))) (f64.convert_i32_u (i32x4.bitmask (v128.const f64x2 9.223372036854776E+18 2.2250738585072014E-308))))))
        (global.set $g1 (i64.rem_s (i64.trunc_f32_s (f32.add (f32.const -inf) (global.get $g2))) (i64.add (select (i64.const -1997974933156881433) (i64.const 1) (i32.const 63)) (i64.const 0))))
      )
      (memory.copy (i64.and (select (i64x2.extract_lane 0 (global.get $g4)) (i64.rotr (i64.const 6148914691236517205) (i64.const 6567148592610313320)) (i32.rem_u (i32.const 64) (i32.const -2147483648))) (i64.const 0x3ff)) (i64.and (i64.clz (i64.trunc_sat_f64_s (f64.const -0))) (i64.const 0x3ff)) (i64.const 43))
      (br_if $L9 (i32.wrap_i64 (i64.trunc_sat_f32_u (local.get $l_f32))))
      (local.set $l_i32 (call $h2 (i32.ge_u (f32.ne (f32.const -inf) (f32.const -1E-45)) (i32.mul (i32.const 32) (global.get $g0))) (i64.rem_u (i64.trunc_sat_f64_s (f64.const 1.5)) (i64.const -1))))
      (memory.copy (i64.const 105) (i64.const 144) (i64.const 44))
    )
    (call $log-v128 (i32x4.gt_s (f32x4.le (f32x4.floor (i8x16.shr_s (v128.const i32x4 -411702066 31 -1139179086 508448865) (i32.load (i64.const 46)))) (i32x4.splat (f64.gt (global.get $g3) (f64.const 2.225073858507201E-308)))) (f32x4.splat (f32.copysign (f32.reinterpret_i32 (i32.const -1632588564)) (f32x4.extract_lane 3 (v128.const i32x4 2010106851 -2147483647 1 -1))))))
    (f64.sub (f64.ceil (f64x2.extract_lane 0 (v128.const f64x2 2.5 -2.5559734523999832E-185))) (f64x2.extract_lane 0 (i16x8.shr_s (f32x4.min (global.get $g4) (local.get $l_v128)) (i32.reinterpret_f32 (f32.const -3.4028235E+38))))))
)
