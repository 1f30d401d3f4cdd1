(module
  (type $sig_a (func (param i32 i64) (result i32)))
  (type $sig_b (func (param f64) (result f64)))
  (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (import "fuzzing-support" "log-f32" (func $log-f32 (param f32)))
  (import "fuzzing-support" "log-f64" (func $log-f64 (param f64)))
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (memory (export "memory") 1 4)
  (data (i32.const 0) "\00\00\00\00\00\00\a0\36\01\00\00\00\00\00\00\00\00\00\00\00\ff\ff\bf\ff\01\00\00\4b\01\00\00\cf\00\00\c0\ff\01\00\80\7f\00\00\00\cf\00\00\80\3f\00\00\00\00\00\00\10\00\41\00\00\00\00\00\00\00\00\00\00\00\00\00\04\40\00\00\00\cf\00\00\80\00\ff\ff\ff\ff\ff\ff\ef\7f\00\00\00\00\00\00\e0\43\00\00\e0\ff\ff\ff\ef\41\40\00\00\00\00\00\00\00\00\00\00\00\00\00\f0\43\00\00\00\00\00\00\00\00\01\00\00\00\00\00\00\80\00\00\00\00\00\00\f8\3f\55\55\55\55\55\55\55\55\01\00\00\00\00\00\f0\7f\00\00\c0\ff\ff\ff\df\41\00\00\c0\ff\00\00\00\5f\00\00\00\00\00\00\00\80\00\00\00\5f\00\00\00\4f\00\00\20\00\00\00\e0\c1\00\00\00\00\00\00\04\40\00\00\00\00\00\00\e0\c3\00\00\00\00\00\00\80\00\ff\ff\ff\ff\00\00\00\00\00\00\00\00\00\00\f0\3f\ff\ff\ff\ff\ff\ff\ff\7f\01\00\00\cf\00\00\00\5f")
  (tag $e0 (param i32))
  (tag $e1 (param i64 f64))
  (global $g0 (export "g0") (mut i32) (i32.const 1765167194))
  (global $g1 (export "g1") (mut i64) (i64.const 281156146910740715))
  (global $g2 (mut f32) (f32.const -1E-45))
  (global $g3 (mut f64) (f64.const nan:0x1))
  (global $g4 (mut v128) (v128.const f32x4 1.5 4.2949673E+09 -2.7851878E+09 -3.828301E+11))
  (table $t 8 funcref)
  (elem (i32.const 0) $h0 $h1 $h2 $h3 $h0 $h1 $hb)
  (func $h0 (type $sig_a) (param i32 i64) (result i32)
    (i32.const 65535))
  (func $h1 (type $sig_a) (param i32 i64) (result i32)
    (i32.trunc_sat_f32_u (f32x4.extract_lane 1 (f32x4.trunc (v128.load32_zero (i32.and (f64.ne (f64.const 1.8446744073709552E+19) (f64x2.extract_lane 1 (v128.const f64x2 -2.5 -4.903550827695994E+178))) (i32.const 0x3ff)))))))
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
    (v128.store64_lane 1 (i32.const 87) (i8x16.shuffle 27 15 0 15 8 1 31 7 20 27 20 5 25 10 21 5 (i32x4.replace_lane 1 (f64x2.eq (v128.const f32x4 1.732392E+15 3.4439572E-18 -9.223372E+18 1.053119E-19) (v128.const i32x4 1 2 -1456527015 31)) (f64.lt (f64.const -nan:0x8000000000000) (f64.const 9.223372036854776E+18))) (i64x2.splat (select (i64.load16_u (i32.const 94)) (local.get 1) (local.get 0)))))
    (call $log-i64 (i64.shr_u (i64.extend_i32_s (f32.ne (f32.demote_f64 (f64.const 9.223372036854776E+18)) (f32.min (f32.const 356112) (global.get $g2)))) (i64.const 9223372036854775807)))
    (call $log-f64 (f64.min (f64.promote_f32 (f32.floor (f32x4.extract_lane 3 (v128.load offset=41 (i32.and (i32.trunc_f32_s (f32.reinterpret_i32 (i32.const -2147483648))) (i32.const 0x3ff)))))) (f64.copysign (f64.trunc (f64.add (local.get 3) (f64.const -nan:0x8000000000000))) (f64.load offset=0 (i32.and (i32.const 32) (i32.const 0x3ff))))))
    (if (f64.ne (f64.const 2.2250738585072014E-308) (local.get 3))
      (then
        (local.set $l_i64 (i64x2.extract_lane 0 (v128.load16_lane 5 (i32.const 148) (i8x16.shuffle 28 15 26 26 7 26 1 28 3 25 13 26 21 27 11 14 (f32x4.floor (v128.const i32x4 65535 255 65536 0)) (v128.load8_lane offset=23 15 (i32.and (i32.const 1842364576) (i32.const 0x3ff)) (v128.const i32x4 32767 1963606516 255 110644909))))))
        (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (select (i32.clz (i32.const 33)) (i32.trunc_sat_f32_u (f32.const 9.223372E+18)) (i32.shr_u (i32.const 33) (local.get $l_i32))) (i32.const 0xfff)) (i64.extend32_s (i64.reinterpret_f64 (f64.load (i32.const 247)))) (i32.const 8)))
        (local.set $l_i64 (i64.trunc_sat_f32_u (f32.mul (f32.div (f32x4.extract_lane 2 (v128.load32x2_s (i32.and (i32.lt_s (i32.wrap_i64 (i64.const 7374742339071646424)) (i64x2.all_true (local.get $l_v128))) (i32.const 0x3ff)))) (f32x4.extract_lane 1 (v128.const f64x2 -1.4571922375780232E+48 4503599627370497))) (f32x4.extract_lane 1 (v128.bitselect (v128.const i32x4 65535 64 -2147483647 -296650002) (v128.const f64x2 5E-324 -2147483649) (v128.load64_splat (i32.and (i32.sub (i32.add (i32.const -2147483648) (local.get $l_i32)) (i32.clz (local.get 0))) (i32.const 0x3ff))))))))
      )
      (else
        (call $log-i64 (global.get $g1))
      ))
    (i64.store32 offset=67 (i32.and (i32.const 32) (i32.const 0x3ff)) (i64.extend_i32_u (i32.trunc_sat_f64_u (f64.convert_i32_s (i32.load (i16x8.extract_lane_u 1 (i64x2.neg (local.get $l_v128))))))))
    (local.set $l_i32 (call $h2 (i16x8.bitmask (f64x2.ceil (v128.load32x2_s offset=63 (i32.and (i32.xor (f64.lt (f64.const -1.3742612601060992E+51) (f64.const inf)) (i32.const -877017943)) (i32.const 0x3ff))))) (i64.reinterpret_f64 (f64.nearest (f64.const inf)))))
    (if (i32.trunc_f32_s (f32.reinterpret_i32 (i32.const -2147483648)))
      (then
        (call $log-i64 (select (select (i64.trunc_sat_f64_s (f64.convert_i32_s (i32.const 899168371))) (i64.rotl (i64.extend16_s (i64.const 2147483647)) (local.get 1)) (i32.reinterpret_f32 (f32.div (global.get $g2) (f32.load (i32.const 185))))) (i64.or (i64.const 1) (i64.reinterpret_f64 (f64.mul (f64.const 2147483648) (f64.const -0)))) (i32.trunc_sat_f32_s (f32.sub (f32.div (f32.const 1.5) (local.get $l_f32)) (f32.sub (f32.const 1.1671828E-27) (local.get $l_f32))))))
        (i32.store16 offset=14 (i32.and (i32.wrap_i64 (i64.rotl (i64.const 2116010630970498830) (i64.const 0))) (i32.const 0x3ff)) (i32.popcnt (i32.load (i32.and (i32.const 2) (i32.const 0x3ff)))))
      )
      (else
        try
          (call $log-i32 (i32.shl (i8x16.extract_lane_u 4 (i16x8.shl (i8x16.shuffle 2 8 18 5 21 29 23 21 4 27 24 30 23 16 7 24 (v128.const i32x4 255 2147483647 32768 2042188061) (local.get $l_v128)) (i32.wrap_i64 (i64.const -2147483648)))) (i32.wrap_i64 (i64.const -2147483648))))
          (throw $e0 (i32.const 32768))
          (global.set $g3 (f64.mul (f64.max (f64.sub (f64.const -2.5) (f64.const 0)) (global.get $g3)) (f64.convert_i64_s (i64.rotr (i64.const 64) (i64.const 63)))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
      ))
    (memory.fill (i32.and (i32.lt_s (local.get $l_i32) (local.get 0)) (i32.const 0x3ff)) (i8x16.all_true (i8x16.max_u (v128.const i32x4 1002072577 -983012182 -2147483647 32) (v128.load32x2_u (i32.and (i32.reinterpret_f32 (f32.reinterpret_i32 (local.get 0))) (i32.const 0x3ff))))) (i32.const 34))
    (call $log-v128 (i64x2.extmul_low_i32x4_u (i32x4.splat (i32.ctz (select (i32.const 1) (i32.load16_s (i32.const 102)) (i32.const 1431655765)))) (i8x16.narrow_i16x8_u (i16x8.shr_u (v128.const i64x2 -9223372036854775808 64) (i32.wrap_i64 (local.get $l_i64))) (local.get $l_v128))))
    (if (i32.wrap_i64 (local.get $l_i64))
      (then
        (global.set $g3 (f64.convert_i64_s (i64.reinterpret_f64 (f64.convert_i32_u (i32.const 1246913382)))))
        (global.set $g1 (i64.const 4917553977669905082))
        (call $log-i32 (i32.trunc_f32_s (f32.min (f32.const 1.1754944E-38) (f32.const 1))))
      )
      (else
        (block $L0
          (local.set $l_f64 (f64x2.extract_lane 1 (i8x16.shr_s (f64x2.gt (i16x8.neg (v128.const f64x2 1.8446744073709552E+19 1.401298464324817E-45)) (i8x16.replace_lane 14 (v128.load32x2_s offset=55 (i32.const 237)) (i32.const -2147483647))) (f64.ge (f64.mul (f64.const -6.807901975475733E-258) (local.get $l_f64)) (f64.min (f64.load (i32.and (i32.wrap_i64 (i64.extend_i32_s (i32.const 1431655765))) (i32.const 0x3ff))) (f64.const 9.223372036854775E+18))))))
          (br_if $L0 (i16x8.bitmask (v128.bitselect (v128.const i32x4 -524504317 1431655765 18984960 31) (local.get $l_v128) (local.get $l_v128))))
          (call $log-f32 (f32.sub (f32.demote_f64 (f64x2.extract_lane 1 (local.get $l_v128))) (f32.demote_f64 (local.get $l_f64))))
          (memory.copy (i32.const 155) (f64.lt (f64.const 2.2250738585072014E-308) (f64.add (f64.load offset=37 (i32.and (i32.trunc_sat_f64_u (f64.sub (f64.const 0) (f64.const -6.390764934141673E+63))) (i32.const 0x3ff))) (f64.const 9.223372036854775E+18))) (i32.const 39))
        )
      ))
    (call $log-v128 (v128.load8_lane offset=52 13 (i32.and (i32.rotl (i64.gt_s (i64.const 6148914691236517205) (i64.const 4339429058858469487)) (i16x8.extract_lane_u 7 (v128.load16x4_s offset=69 (i32.const 59)))) (i32.const 0x3ff)) (i8x16.replace_lane 5 (v128.const i64x2 6148914691236517205 0) (i32.trunc_sat_f32_u (f32.const 1.1754942E-38)))))
    (call $log-f64 (f64.const 2.4798571745977375E-60))
    (i64.rem_u (i64.reinterpret_f64 (f64.sub (local.get 3) (f64.ceil (f64.load (i32.and (i32.extend16_s (select (i32.const 65535) (global.get $g0) (local.get 0))) (i32.const 0x3ff)))))) (i64.const 64)))
  (func $f1 (export "f1") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (if (i32.trunc_f64_u (f64.promote_f32 (f32.neg (local.get $l_f32))))
      (then
        (if (i32.popcnt (v128.any_true (v128.bitselect (v128.load16x4_s (i32.const 240)) (v128.load8x8_u (i32.and (i32.gt_u (i32.rem_s (i32.const 1580574629) (global.get $g0)) (global.get $g0)) (i32.const 0x3ff))) (local.get $l_v128))))
          (then
            (local.set $l_f32 (f32.ceil (f32.const 3.255424E+36)))
          )
          (else
            (local.set $l_v128 (i16x8.replace_lane 1 (i8x16.shuffle 0 29 13 1 19 30 16 7 18 0 16 30 8 27 1 0 (i8x16.ge_u (i16x8.eq (local.get $l_v128) (v128.const f32x4 0.49999997 -0.22242388 -9.223372E+18 1E-45)) (f64x2.ceil (v128.const i32x4 32767 0 -2147483647 128))) (local.get $l_v128)) (i32.const 32768)))
          ))
      )
      (else
        (local.set $c0 (i32.const 2))
        (loop $L1
          (f64.store (i32.and (i32.extend8_s (i32.trunc_f32_u (f32.const 1.5))) (i32.const 0x3ff)) (f64x2.extract_lane 1 (local.get $l_v128)))
          (local.set $l_v128 (f32x4.pmax (v128.const f32x4 -1.8767323E+13 -1E-45 -9.223372E+18 -1) (i8x16.shuffle 27 7 17 21 17 6 16 19 28 4 13 25 12 4 16 26 (i32x4.extadd_pairwise_i16x8_u (i64x2.eq (local.get $l_v128) (v128.const i32x4 32 32767 -1721642463 -1))) (f32x4.max (f32x4.sqrt (v128.const f64x2 nan:0x8000000000000 1.8599484591913645E+143)) (f64x2.pmin (v128.const f32x4 1.1754944E-38 2.7046295E+15 4.5766912E-36 4.2949673E+09) (v128.load16x4_s offset=6 (i32.const 172)))))))
          (br_if $L1 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      ))
    (local.set $l_i32 (call $h2 (i32.shr_u (i16x8.all_true (local.get $l_v128)) (local.get 0)) (select (i64.extend_i32_s (local.get $l_i32)) (i64.extend32_s (local.get 1)) (i32.const 2139378989))))
    (i32.store16 offset=32 (i32.and (i32.wrap_i64 (i64.reinterpret_f64 (f64.load offset=13 (i32.const 8)))) (i32.const 0x3ff)) (f64.gt (f64.nearest (f64x2.extract_lane 1 (local.get $l_v128))) (f64.load offset=38 (i32.const 230))))
    (v128.store16_lane offset=57 0 (i32.and (global.get $g0) (i32.const 0x3ff)) (f32x4.demote_f64x2_zero (local.get $l_v128)))
    try
      try
        (i32.store8 (i32.and (i32.ge_u (i32.xor (local.get 0) (i32.const 1431655765)) (select (i32.const -2) (global.get $g0) (i32.const 127))) (i32.const 0x3ff)) (select (i32.const 128) (f64.gt (f64.convert_i64_u (i64.const -2147483648)) (f64.convert_i64_u (i64.const 2147483648))) (i32.const 31)))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (i64.store8 offset=53 (i32.and (i32.trunc_sat_f32_s (f32.sub (f32.const -nan:0x400000) (f32.const -1))) (i32.const 0x3ff)) (i64.extend_i32_s (f32.gt (f32.const -3.4028235E+38) (f32x4.extract_lane 2 (v128.const i32x4 -2040643185 -2147483648 63 65536)))))
      try
        (drop (call $h2 (i32.trunc_sat_f32_u (f32.const -4.2328467E+30)) (i64.trunc_sat_f64_u (f64.convert_i64_u (i64.const -2147483648)))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.set $c0 (i32.const 1))
    (loop $L2
      (block $L3
        (i64.store16 (i32.and (local.get $l_i32) (i32.const 0x3ff)) (i64.const 2147483648))
        (local.set $l_f64 (f64.mul (f64x2.extract_lane 1 (f32x4.le (i32x4.lt_u (v128.const i64x2 4158045815833652167 63) (local.get $l_v128)) (i8x16.sub_sat_u (local.get $l_v128) (v128.const f32x4 nan:0x1 3750.8665 3.4028235E+38 -nan:0x3fffff)))) (f64.copysign (f64x2.extract_lane 1 (f32x4.eq (v128.const f32x4 -nan:0x400000 1E-45 1 3.4028235E+38) (local.get $l_v128))) (f64.convert_i64_u (local.get 1)))))
        (local.set $l_i32 (i32.const -904914917))
        (br_if $L3 (i32.trunc_sat_f64_u (f64.trunc (f64.const 2.5))))
        (local.set $l_i32 (call $h2 (i32.and (i32.xor (i32.gt_u (i32.const 127) (i32.const 687355233)) (i32.load8_s (i32.and (i64.eq (i64.add (i64.const 5032442547473298052) (i64.const 3901668375310625759)) (i64.reinterpret_f64 (f64.const 2147483647))) (i32.const 0x3ff)))) (i32.const 0xfffff)) (i64.const 9223372036854775807)))
        (call $log-f64 (f64.trunc (f64.div (f64.promote_f32 (f32.sqrt (f32.const 9.223372E+18))) (f64.floor (f64.const 5E-324)))))
      )
      (call $log-i64 (i64.extend_i32_s (i64.gt_s (i64.const -9223372036854775807) (i64.extend_i32_s (i64.gt_s (i64.const 4294967295) (i64.const -9223372036854775808))))))
      (drop (memory.grow (i32.const 0)))
      (br_if $L2 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (i64.mul (i64.rotl (i64.xor (select (i64.const -9223372036854775808) (i64.const 9223372036854775807) (i32.const 65535)) (i64.const 2147483647)) (i64.const 4294967295)) (i64.rem_s (i64.extend_i32_s (i32.const 65535)) (i64.const 0))))
  (func $f2 (export "f2") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $l_f32 (f32.const 1E-45))
    (v128.store offset=10 (i32.const 237) (f64x2.replace_lane 1 (i32x4.add (i32x4.splat (local.get $l_i32)) (i8x16.shr_u (v128.load8_splat offset=37 (i32.const 8)) (i32.const 32))) (f64x2.extract_lane 0 (i8x16.shr_s (v128.const i32x4 2147483647 65536 32 -1) (i32.const 32768)))))
    (memory.copy (i32.and (i32.shr_s (i8x16.extract_lane_s 10 (v128.load64_splat offset=51 (i32.const 62))) (i32.const 2)) (i32.const 0x3ff)) (i32.and (i32.rem_s (i32.const 63) (i32.const 128)) (i32.const 0x3ff)) (i32.const 16))
    (call $log-f32 (f32.div (f32.div (f32.load (i32.const 55)) (f32.const 0.014589988)) (f32x4.extract_lane 0 (v128.bitselect (v128.const f64x2 4294967295 2.2250738585072014E-308) (i16x8.shr_s (local.get $l_v128) (i32.const 1775441235)) (i16x8.ge_u (v128.load16_splat offset=36 (i32.and (i32.const 0) (i32.const 0x3ff))) (v128.const f32x4 1 nan:0x400000 9.2233715E+18 -2.6391925E-05))))))
    (call $log-v128 (i8x16.avgr_u (f32x4.mul (i32x4.shl (v128.const i64x2 63 9223372036854775807) (i32.const 63)) (i32x4.max_s (v128.const f64x2 2.5 4294967295) (i8x16.shuffle 17 6 11 0 30 20 11 6 9 28 0 4 22 5 27 13 (v128.load64_splat offset=14 (i32.const 229)) (v128.const f64x2 nan:0x4000000000000 1.7976931348623157E+308)))) (i16x8.add_sat_s (i16x8.replace_lane 3 (v128.bitselect (global.get $g4) (local.get $l_v128) (local.get $l_v128)) (f64.le (f64.const 3.4028234663852886E+38) (f64.const 4294967295))) (i32x4.extmul_low_i16x8_s (v128.bitselect (v128.const f32x4 1 -29499.309 -1.1737285E-07 2.5) (v128.const i32x4 1431655765 433242817 32767 1431655765) (v128.load16x4_s offset=32 (i32.and (select (i32.const -2147483648) (i32.ge_s (i32.const 683751872) (i32.const -593109471)) (global.get $g0)) (i32.const 0x3ff)))) (f64x2.add (v128.load32x2_u (i32.const 223)) (v128.const i64x2 64 -4290304105678432108))))))
    (local.set $l_i32 (local.get $l_i32))
    (if (i32.trunc_sat_f32_u (f32.nearest (f32.reinterpret_i32 (i32.const 64))))
      (then
        (f64.store (i32.and (f64.eq (f64.load offset=2 (i32.and (i64x2.bitmask (i8x16.shuffle 5 23 3 31 5 3 3 20 7 16 1 1 18 18 17 25 (local.get $l_v128) (v128.const i32x4 -701591582 -65547455 65536 605160850))) (i32.const 0x3ff))) (f64.div (local.get $l_f64) (local.get $l_f64))) (i32.const 0x3ff)) (f64.copysign (f64.copysign (f64x2.extract_lane 0 (v128.const i64x2 4294967296 -2147483648)) (f64.neg (local.get 3))) (f64.const 2.5)))
      )
      (else
        (i32.store offset=2 (i32.const 5) (i32.reinterpret_f32 (f32.abs (f32.min (f32.const -1E-45) (f32.const -2.5)))))
      ))
    (f32.store offset=0 (i32.and (f64.gt (f64.mul (local.get 3) (f64.const -2147483648)) (f64.add (f64.load (i32.and (f64.lt (f64.mul (local.get $l_f64) (f64.load (i32.and (f64.le (f64.promote_f32 (local.get $l_f32)) (f64.copysign (f64.const -2.926846722427096E+37) (local.get $l_f64))) (i32.const 0x3ff)))) (f64.convert_i32_u (local.get $l_i32))) (i32.const 0x3ff))) (f64.const 8.122622220773671E-10))) (i32.const 0x3ff)) (local.get $l_f32))
    (if (i32.reinterpret_f32 (f32x4.extract_lane 3 (local.get $l_v128)))
      (then
        (block $L4
          (f32.store (i32.and (i32.rotl (i32.extend8_s (i32.const -1538341737)) (i32.ge_u (i32.const 1733253492) (i32.const -2147483647))) (i32.const 0x3ff)) (f32.convert_i64_u (i64.trunc_sat_f32_s (f32.const nan:0x200000))))
          (global.set $g1 (i64.extend32_s (i64.or (i64x2.extract_lane 0 (v128.const f64x2 -nan:0x8000000000000 1.8446744073709552E+19)) (select (local.get $l_i64) (i64.load8_u (i32.and (i32.lt_s (i32.trunc_sat_f32_s (f32.const nan:0x200000)) (i32.gt_u (i32.const 128) (i32.const -2147483648))) (i32.const 0x3ff))) (local.get 0)))))
          (global.set $g3 (f64.div (f64.trunc (f64.sub (f64.const 2.225073858507201E-308) (f64.const 9.057578707403954E-106))) (f64.div (f64x2.extract_lane 0 (v128.const f32x4 9.223372E+18 1.1754944E-38 -3.590533E+25 -3.4028235E+38)) (f64x2.extract_lane 0 (local.get $l_v128)))))
          (br_if $L4 (i32.const -1))
          (f32.store offset=55 (local.get 0) (f32.const 0.5))
        )
        (global.set $g0 (i32x4.extract_lane 2 (i64x2.splat (i64.extend_i32_u (i32.const -1431655766)))))
        (local.set $c0 (i32.const 6))
        (loop $L5
          (call $log-f32 (f32.const 0.5))
          (local.set $l_i32 (call $h2 (i32.le_u (i32.reinterpret_f32 (f32.const 2.1474835E+09)) (f64.gt (local.get 3) (f64.const inf))) (i64.extend_i32_s (i32.wrap_i64 (local.get 1)))))
          (v128.store64_lane 0 (i32.const 109) (v128.load8_lane 6 (i32.reinterpret_f32 (f32.const -nan:0x400000)) (i64x2.replace_lane 0 (i16x8.splat (local.get 0)) (select (i64.const 1091914118846517989) (i64.const 4294967296) (i32.const 2)))))
          (br_if $L5 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      )
      (else
        (local.set $l_v128 (v128.bitselect (v128.load64_lane offset=46 1 (i32.trunc_sat_f32_s (f32.convert_i32_u (i32.const 127))) (i8x16.shuffle 8 18 28 30 15 30 25 14 19 2 31 26 11 31 14 10 (i8x16.shuffle 0 22 19 25 24 21 13 26 23 12 16 13 8 14 12 15 (global.get $g4) (v128.const i64x2 65 -2147483648)) (v128.load32x2_s (i32.and (f64.gt (f64.convert_i64_u (i64.const 2307281384741139250)) (f64.floor (global.get $g3))) (i32.const 0x3ff))))) (f64x2.neg (i8x16.max_s (f32x4.replace_lane 2 (v128.const f64x2 1.401298464324817E-45 9.223372036854775E+18) (f32.const 4.2949673E+09)) (i32x4.shr_u (v128.const f64x2 2.5 -2147483648) (i32.const 0)))) (i32x4.dot_i16x8_s (i8x16.replace_lane 8 (i8x16.add_sat_s (v128.const f64x2 1.7976931348623157E+308 nan:0x4000000000000) (local.get $l_v128)) (i32.rem_s (local.get 0) (i32.const 1267482500))) (i8x16.ge_u (v128.load64_lane 0 (i32.and (i32.wrap_i64 (i64.const 9223372036854775807)) (i32.const 0x3ff)) (v128.load64_splat offset=68 (i32.const 279))) (i8x16.shuffle 8 17 10 28 1 8 4 14 27 30 9 26 10 4 14 2 (local.get $l_v128) (local.get $l_v128))))))
        (global.set $g4 (local.get $l_v128))
        try
          (throw $e0 (i32.reinterpret_f32 (f32.demote_f64 (local.get $l_f64))))
          (drop (call $h2 (f64.lt (f64x2.extract_lane 1 (v128.const f32x4 -4.3031108E+12 -9.223372E+18 -0 1.1754944E-38)) (f64.div (local.get 3) (f64.const 1.5))) (i64.and (i64.shl (i64.load16_s (i32.and (local.get 0) (i32.const 0x3ff))) (i64.const 6669978017291570879)) (i64.reinterpret_f64 (f64.load (i32.const 211))))))
          (i64.store8 offset=62 (i32.and (f64.ge (local.get 3) (f64.load (i32.const 208))) (i32.const 0x3ff)) (i64.reinterpret_f64 (f64x2.extract_lane 1 (i16x8.shl (v128.const i64x2 65 65) (i32.const 64)))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        end
      ))
    (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.gt_s (i32.trunc_sat_f32_u (local.get $l_f32)) (f64.ne (local.get 3) (local.get 3))) (i32.const 0xfff)) (i64.extend32_s (i64.extend8_s (i64.const 64))) (i32.const 6)))
    (i32.gt_u (i32.reinterpret_f32 (f32x4.extract_lane 3 (i8x16.shuffle 23 12 7 30 13 28 5 20 30 6 3 27 10 25 1 11 (v128.const i64x2 -9223372036854775807 64) (local.get $l_v128)))) (i32.trunc_f32_u (f32.demote_f64 (f64.convert_i32_u (i32.const 1))))))
  (func $f3 (export "f3") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-f64 (f64.convert_i64_u (i64.shr_s (global.get $g1) (i64.const 0))))
    (if (i32.reinterpret_f32 (f32.demote_f64 (f64.load offset=45 (i32.and (i32.gt_u (i32.rotl (i32.const 127) (i32.const 816656811)) (i64.ne (i64.load16_u offset=44 (i32.const 194)) (i64.const -9223372036854775807))) (i32.const 0x3ff)))))
      (then
        try
          (local.set $l_i32 (i32.gt_s (select (i32.clz (i32.wrap_i64 (i64.const 6148914691236517205))) (i32x4.all_true (v128.bitselect (local.get $l_v128) (v128.const f64x2 3.536854122613325E-23 1.2551802126693482E-129) (v128.const f32x4 -nan:0x3fffff 16777215 3.4028235E+38 -1E-45))) (select (i16x8.extract_lane_s 6 (v128.const f64x2 4294967296 4503599627370497)) (i32.ge_u (i32.const 31) (i32.const 64)) (i32.rem_s (i32.const 1018320548) (i32.load offset=66 (i32.const 186))))) (i32.lt_s (i32.trunc_sat_f32_u (f32.demote_f64 (f64.const inf))) (select (i32.extend8_s (local.get $l_i32)) (i32.lt_u (i32.const 2147483647) (i32.const 1431655765)) (i32.rem_u (i32.const -2) (i32.const 1167708210))))))
          (call $log-f32 (f32.neg (f32.const 5.1511132E-11)))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        end
        (local.set $c0 (i32.const 3))
        (loop $L6
          (i64.store8 (i32.and (local.get $l_i32) (i32.const 0x3ff)) (i64.load16_u (i32.and (i32.popcnt (i8x16.extract_lane_s 14 (local.get $l_v128))) (i32.const 0x3ff))))
          (i64.store8 offset=37 (i32.and (i32.trunc_f64_s (f64.sub (f64.const 2147483648) (local.get $l_f64))) (i32.const 0x3ff)) (i64.load32_s offset=47 (i32.const 271)))
          (br_if $L6 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      )
      (else
        (block $L7
          (local.set $l_f64 (f64.convert_i64_u (i64x2.extract_lane 0 (i16x8.extmul_low_i8x16_s (i16x8.shl (local.get $l_v128) (i32.const -1)) (i16x8.shr_u (v128.load8x8_u (i32.and (i32.trunc_f64_u (f64.max (local.get $l_f64) (local.get 3))) (i32.const 0x3ff))) (i32.const 32))))))
          (global.set $g4 (i32x4.gt_u (i16x8.sub_sat_u (v128.const f32x4 -2.6355775E+13 -2.8443499E-18 1E-45 16777215) (i32x4.shr_u (v128.const i32x4 2 2147483647 -1526806711 128) (i32.const -179896251))) (v128.load32_lane offset=8 3 (i32.const 235) (v128.const i64x2 1193675184236004517 -9223372036854775808))))
          (global.set $g3 (f64.max (f64.promote_f32 (f32.convert_i32_u (i32.const 63))) (f64.promote_f32 (f32x4.extract_lane 3 (local.get $l_v128)))))
          (br_if $L7 (i32.eq (i32.reinterpret_f32 (local.get $l_f32)) (i32.trunc_sat_f64_u (f64.const 9.223372036854776E+18))))
          (local.set $l_i64 (i64.reinterpret_f64 (f64.const 9.223372036854775E+18)))
          (call $log-i32 (i32.wrap_i64 (i64.const 63)))
          (call $log-f64 (f64.trunc (f64.load (i32.and (i32.wrap_i64 (i64.const 2658458898519244179)) (i32.const 0x3ff)))))
        )
        (call $log-v128 (i64x2.splat (i64.extend_i32_s (i64.lt_u (i64.rotr (i64.const -2147483648) (i64.const 64)) (i64.trunc_sat_f32_s (f32.const -nan:0x3fffff))))))
        try
          (call $log-f32 (f32x4.extract_lane 1 (i32x4.shl (i8x16.sub_sat_u (v128.bitselect (v128.const i32x4 -1516749174 32767 64 -2) (v128.const f32x4 2.5 0.5 -2.147484E+09 -1) (v128.const i32x4 0 1089757510 -503951808 128)) (i32x4.replace_lane 1 (v128.const f64x2 nan:0x4000000000000 -3.9220499347340666E+118) (i32.const 127))) (i32.wrap_i64 (i64.extend8_s (i64.load32_u (i32.and (i64.eq (select (i64.const 64) (local.get $l_i64) (i32.const 1)) (i64.and (local.get $l_i64) (i64.const 65))) (i32.const 0x3ff))))))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        catch_all
          (call $log-i32 (i32.const -1))
        end
      ))
    (if (i32.const 65536)
      (then
        try
          (call $log-i64 (i64.trunc_sat_f64_u (f64.promote_f32 (f32.sub (f32.sub (global.get $g2) (f32.const 1.1754944E-38)) (f32x4.extract_lane 0 (v128.const f32x4 5.9902816E-34 -2.2686533E+13 1.5 -8.059146E+17))))))
          (local.set $l_i32 (i32.ctz (i32.extend16_s (i32.load16_s (i32.and (i16x8.extract_lane_s 0 (i64x2.add (local.get $l_v128) (local.get $l_v128))) (i32.const 0x3ff))))))
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
        (local.set $l_i32 (call $h2 (f64.le (f64.convert_i64_s (local.get $l_i64)) (f64x2.extract_lane 0 (local.get $l_v128))) (i64.extend_i32_u (local.get 0))))
        (if (i32.const 1346253494)
          (then
            (global.set $g0 (i32.load8_s (i32.and (i32.wrap_i64 (i64.const -2147483648)) (i32.const 0x3ff))))
            (i64.store8 offset=24 (i32.and (i32.rem_u (i32.extend16_s (local.get $l_i32)) (i32.reinterpret_f32 (local.get 2))) (i32.const 0x3ff)) (i64.sub (i64.rem_u (i64.rem_s (global.get $g1) (local.get 1)) (i64.const -6852618245489431469)) (i64.div_s (i64.rotr (i64.const 4294967296) (i64.const -2147483648)) (i64.rem_u (i64.const 1) (i64.load8_s offset=16 (i32.and (i32.trunc_f64_s (f64.abs (f64.const -1.3154668776065941E-120))) (i32.const 0x3ff)))))))
          )
          (else
            (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (select (i32.const -865900686) (f64.le (local.get $l_f64) (local.get $l_f64)) (i32.clz (i32.const 999294126))) (i32.const 0xfff)) (i64.reinterpret_f64 (f64.floor (f64.const nan:0x8000000000000))) (i32.const 4)))
          ))
        try
          (throw $e0 (i32.gt_s (i16x8.extract_lane_s 5 (local.get $l_v128)) (i32.wrap_i64 (i64.const 4294967296))))
        catch $e0
          call $log-i32
        catch $e1
          call $log-f64
          call $log-i64
        end
      ))
    (call $log-f32 (f32.min (f32.reinterpret_i32 (select (i32.trunc_sat_f32_u (local.get 2)) (i32.load8_u offset=61 (i32.and (i32.wrap_i64 (i64.shr_s (i64.const 2688121920831996273) (i64.const -9223372036854775808))) (i32.const 0x3ff))) (local.get $l_i32))) (f32.neg (f32x4.extract_lane 2 (v128.bitselect (global.get $g4) (local.get $l_v128) (v128.const f32x4 -2.5 -0.011761543 8388609 0.5))))))
    (i64.store16 offset=65 (i32.const 80) (i64.load32_s offset=69 (i32.const 64)))
    (call $log-v128 (f32x4.gt (f64x2.nearest (i8x16.ge_s (i8x16.le_u (v128.load8x8_u offset=48 (i32.const 288)) (v128.const f32x4 nan:0x200000 -3.4028235E+38 -0 0)) (i8x16.avgr_u (local.get $l_v128) (v128.const f32x4 2.1474836E+09 -2.5 -2.147484E+09 nan:0x400000)))) (i8x16.le_s (v128.const i64x2 -9223372036854775808 65) (f32x4.ge (i8x16.shuffle 28 2 14 21 28 0 16 22 30 28 18 29 15 9 10 4 (local.get $l_v128) (v128.const i32x4 -1 64 1431655765 1087012240)) (v128.const i32x4 64 63 2 0)))))
    (i64.store16 offset=6 (i32.and (f64.ne (f64.copysign (f64.load (i32.and (f32.lt (f32.reinterpret_i32 (local.get $l_i32)) (f32.convert_i64_s (i64.const 63))) (i32.const 0x3ff))) (f64.const -1.0285205631632653E+200)) (f64.neg (f64.const nan:0x1))) (i32.const 0x3ff)) (global.get $g1))
    (global.set $g3 (f64.promote_f32 (f32.reinterpret_i32 (i32.ge_u (global.get $g0) (i32.const 1416686002)))))
    (local.set $l_f32 (f32x4.extract_lane 0 (i32x4.splat (i32.wrap_i64 (i64.and (local.get 1) (i64.const 2147483647))))))
    (return_call $h3 (i32.and (i32.mul (i32.wrap_i64 (i64.const -1)) (i32.rem_s (local.get 0) (i32.const 65536))) (i32.const 0xfffff)) (i64.and (i64.trunc_sat_f64_u (f64.const 3.4028234663852886E+38)) (i64.const 8114011458177222506))))
  (func $f4 (export "f4") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (block $L8
      (call $log-f32 (local.get $l_f32))
      (global.set $g2 (f32.div (f32.convert_i32_u (i16x8.extract_lane_s 3 (v128.const i64x2 -2147483648 -9223372036854775807))) (f32.sub (local.get $l_f32) (f32.reinterpret_i32 (local.get 0)))))
      (br_if $L8 (i32.reinterpret_f32 (f32.mul (f32.const nan:0x1) (f32.const 1E-45))))
      (local.set $l_f64 (f64x2.extract_lane 1 (i32x4.neg (f32x4.replace_lane 2 (i8x16.lt_s (v128.const f32x4 1E-45 -2.7394005E+38 1.5353865E-31 -9.223372E+18) (global.get $g4)) (f32.abs (f32.const 1.1754944E-38))))))
      try
        (call $log-f64 (f64.promote_f32 (f32.copysign (f32.const -1) (local.get $l_f32))))
        (drop (call $h2 (i32.reinterpret_f32 (f32.const 0.49999997)) (i64.div_u (i64.mul (i64.const 2147483647) (i64.const 1025702293909114978)) (i64.const 6148914691236517205))))
        (i64.store16 offset=10 (i32.const 153) (i64.extend8_s (i64.extend8_s (i64.const -9223372036854775808))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      try
        (call $log-v128 (i64x2.extmul_low_i32x4_s (f64x2.splat (f64.copysign (f64x2.extract_lane 1 (v128.const i64x2 -9223372036854775808 4294967296)) (f64.convert_i32_s (i32.const 32767)))) (f32x4.lt (v128.const f64x2 4503599627370497 2.5) (v128.const f64x2 -8.791401156080282E+22 1.7976931348623157E+308))))
        (throw $e0 (select (i64.ne (i64.const 4294967296) (i64.const -8814190179939635390)) (i32.wrap_i64 (i64.const 0)) (i32.lt_s (i32.const 65536) (i32.const 255))))
        (call $log-v128 (f64x2.mul (v128.bitselect (i16x8.splat (i32.add (i32.const -1495441342) (local.get 0))) (i8x16.shr_s (i16x8.shr_u (local.get $l_v128) (i32.load (i32.and (f64.ge (f64.copysign (f64.const -2147483649) (f64.load (i32.const 169))) (f64x2.extract_lane 0 (local.get $l_v128))) (i32.const 0x3ff)))) (i32.const 31)) (v128.bitselect (i64x2.eq (v128.const i64x2 -1 64) (v128.const i32x4 -940368834 -2147483647 1 1849732025)) (local.get $l_v128) (local.get $l_v128))) (i32x4.extend_high_i16x8_s (v128.const f64x2 -1 nan:0x4000000000000))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
    )
    (i64.store8 (i32.and (i32.lt_u (i32.trunc_sat_f32_u (f32.load (i32.and (i32.wrap_i64 (i64.load32_u offset=8 (i32.wrap_i64 (i64.ctz (i64.const 4294967295))))) (i32.const 0x3ff)))) (i32.reinterpret_f32 (local.get $l_f32))) (i32.const 0x3ff)) (i64.reinterpret_f64 (f64.trunc (f64.promote_f32 (f32.const -2.1474836E+09)))))
    try
      (block $L9
        (global.set $g4 (i16x8.shr_u (f64x2.splat (f64.neg (f64.const 2147483648))) (i32.const 16)))
        (br_if $L9 (i32.const -1815347171))
        (local.set $l_f32 (local.get 2))
        (call $log-f64 (f64.min (f64.copysign (f64x2.extract_lane 0 (i8x16.avgr_u (v128.const f32x4 1.4976748E-05 9.223372E+18 1.1754942E-38 0.49999997) (v128.const f32x4 3.4028235E+38 4.033902E-07 5.299835E-27 1.1754944E-38))) (global.get $g3)) (f64x2.extract_lane 1 (v128.bitselect (v128.andnot (v128.load64_splat (i32.and (i32.const 2027083818) (i32.const 0x3ff))) (v128.const f32x4 -nan:0x3fffff -1 3.4028235E+38 -1.1105126E-18)) (v128.bitselect (v128.const f64x2 2.8971312988264024E-61 -1.0780276733683567E-11) (v128.const f64x2 nan:0x4000000000000 1.4430055279247236E+194) (v128.const i32x4 65536 -2 1 1108109965)) (v128.const f64x2 -1.1691490447115429E-96 4294967295)))))
      )
      (local.set $l_v128 (v128.bitselect (i8x16.shuffle 3 27 29 30 27 17 12 5 10 9 13 26 10 4 18 31 (v128.load16_lane offset=55 5 (i32.and (i32.const -1446325565) (i32.const 0x3ff)) (v128.bitselect (local.get $l_v128) (v128.const f64x2 -5.936253973936397E-58 0.5) (local.get $l_v128))) (v128.bitselect (v128.load16_lane offset=69 6 (i32.and (i32.reinterpret_f32 (f32.sub (f32.const -1) (f32.const 8388609))) (i32.const 0x3ff)) (v128.const i64x2 364123165003523294 4294967296)) (i16x8.q15mulr_sat_s (v128.const i32x4 65535 32 64 65536) (local.get $l_v128)) (i64x2.extmul_high_i32x4_u (v128.const f64x2 -7.447509199764973E-304 1.7976931348623157E+308) (v128.const f32x4 -nan:0x3fffff -6.27696E+17 -2.1474836E+09 -2.0447344E-30)))) (v128.bitselect (v128.const i32x4 1911179831 1431655765 65536 32767) (i16x8.q15mulr_sat_s (i8x16.gt_u (v128.const f32x4 4.24785E+11 -1.845344E+36 -nan:0x3fffff -2.1474836E+09) (local.get $l_v128)) (v128.const f64x2 2.5 7.7553028946267225E-230)) (v128.const i64x2 -3207802744128894130 4294967295)) (v128.xor (i8x16.lt_s (i32x4.splat (local.get $l_i32)) (v128.bitselect (v128.const f64x2 0.5 2.656573857905914E-254) (v128.load32_splat (select (i32.reinterpret_f32 (local.get 2)) (i32.xor (i32.const 65535) (i32.const 32768)) (i32.const 2147483647))) (local.get $l_v128))) (i8x16.shuffle 16 1 26 7 31 17 24 28 2 4 17 3 24 29 0 2 (i8x16.gt_s (global.get $g4) (global.get $g4)) (v128.const f32x4 9.726355E+29 -1 -inf 9.2233715E+18)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (if (i32.or (i32.div_u (i32.mul (i32.load16_u offset=63 (i32.const 51)) (i32.const 63)) (i32.const 128)) (i8x16.bitmask (i8x16.shuffle 18 10 19 25 1 22 15 24 3 9 21 27 17 11 0 7 (local.get $l_v128) (v128.const f32x4 1.1754944E-38 nan:0x400000 inf -3.4028235E+38))))
      (then
        (i32.store16 (i32.and (i32.const -1071148108) (i32.const 0x3ff)) (i32.div_s (f64.eq (local.get $l_f64) (f64.promote_f32 (local.get 2))) (select (select (i32.const -1727398114) (i32.const -2) (local.get $l_i32)) (i32.reinterpret_f32 (f32.const nan:0x400000)) (f64.ne (f64.const 4.266746334167815E+267) (f64.const 1.4169068621403295E+213)))))
        (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (v128.const f64x2 1.401298464324817E-45 -2147483649))) (i32.const 0xfff)) (i64.div_u (i64.reinterpret_f64 (f64.const nan:0x4000000000000)) (i64.extend_i32_u (i32.const -2147483647))) (i32.const 8)))
      )
      (else
        (global.set $g4 (i16x8.extmul_high_i8x16_u (i16x8.narrow_i32x4_u (f64x2.splat (f64.const -1)) (i32x4.extadd_pairwise_i16x8_u (v128.load32x2_s offset=57 (i32.const 175)))) (i16x8.lt_u (global.get $g4) (i32x4.splat (i32.const 63)))))
      ))
    (block $L10
      (global.set $g0 (i32.xor (i32.ge_s (i32.reinterpret_f32 (f32.const 0.007350022)) (local.get 0)) (f32.lt (f32.const nan:0x400000) (f32.reinterpret_i32 (local.get $l_i32)))))
      (if (i32.trunc_sat_f32_s (f32x4.extract_lane 0 (i16x8.gt_u (local.get $l_v128) (global.get $g4))))
        (then
          (local.set $l_i32 (call $h3 (i32.and (i32.trunc_sat_f32_u (f32.min (f32.load (i32.and (f32.lt (f32.const -8.080555E+26) (f32.demote_f64 (f64.const 1.5927398509213372E+56))) (i32.const 0x3ff))) (f32.const 0.5))) (i32.const 0xfffff)) (i64.or (i64.rotl (local.get 1) (i64.const 64)) (i64.const 65))))
          (call $log-i64 (local.get $l_i64))
        )
        (else
          (local.set $l_v128 (f32x4.splat (f32.demote_f64 (f64.max (f64.promote_f32 (local.get 2)) (f64x2.extract_lane 0 (v128.const i64x2 1 -9223372036854775807))))))
        ))
      try
        (call $log-i64 (i64.ctz (i64.ctz (i64x2.extract_lane 1 (i8x16.ge_s (v128.const f32x4 -1.3927279E+35 1.0069531E-33 7.0044094E-05 2.2005864E-09) (v128.const f32x4 -2.147484E+09 0.5 10177369 -1E-45))))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (br_if $L10 (i32.clz (i32.add (global.get $g0) (i32.const 1565621773))))
      (block $L11
        (i32.store16 offset=63 (i32.and (i32.mul (local.get 0) (i32.const 850392092)) (i32.const 0x3ff)) (f64.eq (f64.div (f64x2.extract_lane 0 (local.get $l_v128)) (f64.const 1.5)) (f64.promote_f32 (f32.reinterpret_i32 (global.get $g0)))))
        (br_if $L11 (i32.const 32767))
        (call $log-i32 (i32.shl (local.get $l_i32) (i32.lt_s (i32.gt_s (i32.wrap_i64 (i64.const -1)) (i32.wrap_i64 (i64.const 1))) (i32.ge_s (i32.trunc_f64_u (f64.const 2.5)) (i32.const 65536)))))
      )
      (call $log-v128 (i32x4.trunc_sat_f32x4_u (v128.bitselect (v128.const i64x2 63 -6840407635967811853) (i16x8.lt_s (i8x16.shuffle 5 22 17 28 1 30 6 23 14 10 19 14 17 0 15 17 (v128.load32_splat offset=68 (i32.and (i32.lt_u (i32.load8_s offset=44 (i32.const 104)) (i32.rem_s (i32.const 5236727) (i32.const 2147483647))) (i32.const 0x3ff))) (v128.const f64x2 nan:0x1 -2.0866385286620623E-51)) (v128.bitselect (v128.load8x8_u (i32.and (i32.trunc_sat_f32_u (f32x4.extract_lane 0 (v128.const i32x4 0 33 64 63))) (i32.const 0x3ff))) (local.get $l_v128) (v128.load32_zero offset=56 (i32.and (i32.reinterpret_f32 (f32.sub (global.get $g2) (local.get 2))) (i32.const 0x3ff))))) (f32x4.lt (v128.load16_lane offset=54 0 (i32.and (i16x8.extract_lane_u 2 (v128.const i64x2 -1 -2147483648)) (i32.const 0x3ff)) (v128.const f32x4 -nan:0x400000 8388609 2.1474836E+09 inf)) (f32x4.lt (v128.load16x4_u (i32.and (select (i32.shr_u (i32.const 65536) (i32.const 1306319292)) (select (i32.load16_s offset=37 (i32.const 0)) (local.get $l_i32) (local.get $l_i32)) (i32.clz (i32.const 255))) (i32.const 0x3ff))) (v128.const f32x4 1 8388609 0 4.5563528E-08))))))
      (f64.store (i32.and (i32.const 63) (i32.const 0x3ff)) (f64x2.extract_lane 0 (i8x16.avgr_u (i32x4.ne (local.get $l_v128) (local.get $l_v128)) (i64x2.abs (local.get $l_v128)))))
    )
    (global.set $g4 (i16x8.shr_s (i8x16.shr_u (f64x2.neg (local.get $l_v128)) (select (i32.load16_s (i32.and (local.get 0) (i32.const 0x3ff))) (i32.load16_u offset=60 (i32.and (i64.eq (i64.reinterpret_f64 (f64.load (i32.const 190))) (i64.extend_i32_s (i32.const -1873316967))) (i32.const 0x3ff))) (i32.const 2))) (i32.ne (select (local.get $l_i32) (i32.load8_u offset=28 (i32.and (i32.gt_u (i32.const -1431655766) (i32.const 128)) (i32.const 0x3ff))) (i32.const 32)) (i32.wrap_i64 (local.get $l_i64)))))
    (i64.store8 offset=39 (i32.and (i32.wrap_i64 (select (i64.const 9223372036854775807) (i64.const 2147483647) (i32.const 32767))) (i32.const 0x3ff)) (i64x2.extract_lane 1 (i16x8.add_sat_s (i64x2.extmul_high_i32x4_u (v128.const f32x4 -0 0.49999997 1.1754944E-38 1.5) (v128.load64_splat offset=7 (i32.and (i32.trunc_sat_f32_s (f32.convert_i64_u (local.get $l_i64))) (i32.const 0x3ff)))) (i16x8.gt_u (v128.const i32x4 127 2 128 1431165971) (v128.const f32x4 inf 2.1474836E+09 nan:0x200000 inf)))))
    (local.set $c0 (i32.const 5))
    (loop $L12
      (local.set $l_i32 (call $h2 (i8x16.extract_lane_s 11 (f64x2.trunc (local.get $l_v128))) (i64.shr_u (i64.shl (i64.const 63) (i64.const 64)) (i64.shr_u (i64.const 9223372036854775807) (i64.const 4294967295)))))
      try
        (drop (call $h2 (f64.le (local.get $l_f64) (f64.add (global.get $g3) (f64.load offset=65 (i32.and (i32.lt_s (i32.reinterpret_f32 (f32.const 1.5)) (i32.const -424983362)) (i32.const 0x3ff))))) (i64.xor (i64.extend_i32_u (i32.const 127)) (i64.rem_u (i64.const 2147483648) (i64.const 984620911514708084)))))
        (i64.store16 (i32.and (i32.reinterpret_f32 (f32.convert_i64_u (i64.const 3648299554941170500))) (i32.const 0x3ff)) (select (i64.reinterpret_f64 (f64.convert_i64_s (i64.const -1))) (i64.shr_u (i64.trunc_sat_f64_u (f64.load (i32.const 158))) (i64.reinterpret_f64 (global.get $g3))) (i32x4.extract_lane 3 (i32x4.splat (i32.const 1)))))
        (local.set $l_i32 (call $h1 (i32.and (local.get $l_i32) (i32.const 0xfffff)) (i64.extend16_s (i64.div_u (local.get 1) (i64.const 962900121439663113)))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (f64.store offset=44 (i32.and (i32.const 127) (i32.const 0x3ff)) (f64.convert_i32_s (i32x4.extract_lane 1 (f32x4.convert_i32x4_u (v128.const i32x4 32768 32 65536 128)))))
      (br_if $L12 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (call $log-i32 (f64.ne (f64.convert_i64_s (select (local.get 1) (i64.add (i64.const 4294967295) (i64.load8_s offset=10 (i32.const 52))) (i64x2.all_true (v128.const f32x4 3.4028235E+38 16777215 -0 0)))) (f64.copysign (f64.const 2.2250738585072014E-308) (f64.trunc (f64.convert_i64_s (local.get 1))))))
    try
      (call $log-v128 (i32x4.splat (i32.reinterpret_f32 (local.get $l_f32))))
      (call $log-v128 (f64x2.floor (v128.load8_splat (i32.const 127))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    try
      (local.set $c0 (i32.const 6))
      (loop $L13
        (global.set $g1 (i64.extend_i32_u (i32.const 0)))
        (local.set $l_i64 (i64.div_u (i64.extend16_s (i64.trunc_f32_s (f32.min (f32.const -4.917219E+36) (local.get 2)))) (i64.sub (i64.xor (i64.popcnt (i64.const -1)) (i64.extend_i32_u (global.get $g0))) (select (i64.mul (i64.const 4294967296) (local.get 1)) (i64x2.extract_lane 1 (local.get $l_v128)) (select (global.get $g0) (i32.const 127) (i32.const 127))))))
        (br_if $L13 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (local.set $c0 (i32.const 6))
      (loop $L14
        (global.set $g2 (f32.copysign (f32.const 0) (f32.div (f32.const 9.223372E+18) (f32.min (f32.const -1E-45) (f32.const 3.4028235E+38)))))
        (br_if $L14 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (v128.store64_lane 1 (select (i64.gt_s (local.get 1) (local.get 1)) (i32.le_s (i32.const 1251079059) (i32.const -1153463101)) (f64.lt (local.get 3) (f64.const -5.1042502594036125E+228))) (i64x2.splat (local.get 1)))
    (i64.reinterpret_f64 (f64.convert_i64_s (i64.ctz (i64.and (i64.const -6554336838566771584) (i64.const 1655232980362154535))))))
  (func $f5 (export "f5") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (global.set $g1 (i64.popcnt (i64.load16_u (i32.and (i32.shl (i32.const 64) (global.get $g0)) (i32.const 0x3ff)))))
    (local.set $l_f64 (f64.promote_f32 (f32.mul (f32.floor (f32.sub (global.get $g2) (f32.const nan:0x1))) (f32.trunc (local.get $l_f32)))))
    (call $log-f32 (f32.div (f32x4.extract_lane 2 (i64x2.extend_high_i32x4_s (i64x2.extmul_low_i32x4_s (v128.const i32x4 32768 1 33 2147483647) (v128.const f64x2 9.223372036854776E+18 -2.6639051837152392E-130)))) (f32x4.extract_lane 2 (f64x2.div (i64x2.ge_s (global.get $g4) (v128.const f32x4 1.1754942E-38 1.5 0 2.1474835E+09)) (i16x8.extmul_high_i8x16_s (v128.const f32x4 -nan:0x400000 -5.542872E-16 -1E-45 2.5) (v128.const i64x2 2520762240958643572 2147483647))))))
    (local.set $l_f32 (f32.add (f32.add (f32x4.extract_lane 1 (i16x8.extend_high_i8x16_u (v128.const f64x2 4294967295 9.223372036854776E+18))) (global.get $g2)) (f32.load (i32.and (i32x4.all_true (v128.load16_lane offset=29 1 (i32.and (i32.extend8_s (i32.shl (i32.load16_u (i32.and (i32.mul (i64.ne (local.get 1) (local.get $l_i64)) (f64.le (f64.const -1.3306379737971189E-292) (f64.const 3.4028234663852886E+38))) (i32.const 0x3ff))) (i32.const 1512696915))) (i32.const 0x3ff)) (v128.const f32x4 -3.200804E-11 -3.4028235E+38 1 nan:0x400000))) (i32.const 0x3ff)))))
    (call $log-f32 (f32.reinterpret_i32 (i32x4.extract_lane 1 (i32x4.sub (i32x4.trunc_sat_f64x2_u_zero (local.get $l_v128)) (v128.bitselect (v128.const f64x2 4503599627370497 4294967295) (v128.const f32x4 nan:0x400000 0.5 -7.3394916E+37 nan:0x200000) (v128.const f32x4 16777215 -nan:0x3fffff -2.7394566E+38 -1E-45))))))
    (global.set $g4 (i32x4.splat (select (select (i32.const -2071849436) (local.get $l_i32) (i32.const 63)) (i32.shr_s (i32.const 24649591) (i32.const 1477459697)) (i64.ge_u (local.get 1) (global.get $g1)))))
    (i64.const 64))
  (func $f6 (export "f6") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $c0 (i32.const 4))
    (loop $L15
      (local.set $l_f32 (f32.mul (f32.demote_f64 (f64.add (f64.sqrt (global.get $g3)) (f64.div (local.get $l_f64) (f64.const 9.223372036854776E+18)))) (f32.mul (f32.reinterpret_i32 (i32.const 127)) (f32.load (i32.const 142)))))
      try
        (call $log-v128 (i8x16.ne (v128.const f64x2 2.225073858507201E-308 inf) (i16x8.avgr_u (i32x4.replace_lane 0 (i8x16.avgr_u (v128.load8_splat offset=6 (i32.and (i32x4.extract_lane 1 (i8x16.splat (i32.load8_u (i32.and (local.get 0) (i32.const 0x3ff))))) (i32.const 0x3ff))) (v128.const f32x4 -0 1.1754942E-38 -4.779901E+21 0.49999997)) (i64.lt_s (local.get 1) (i64.const -2147483648))) (v128.bitselect (v128.const i32x4 255 1614483800 2147483647 844333273) (v128.bitselect (local.get $l_v128) (v128.const f32x4 -4081655.5 -9.223372E+18 nan:0x1 2.1474836E+09) (v128.const f64x2 nan:0x4000000000000 1.7119220661185264E+262)) (i8x16.gt_s (v128.load16x4_s (i32.const 100)) (v128.const i32x4 33 -2147483648 32 2))))))
        (i32.store (i32.and (i32.trunc_sat_f64_s (f64.nearest (local.get $l_f64))) (i32.const 0x3ff)) (f64.le (f64.convert_i64_u (i64.rem_s (i64.const 5507577190368096493) (local.get $l_i64))) (f64.nearest (local.get 3))))
        (call $log-i32 (i32.mul (i64.lt_s (i64.ctz (i64.const 6667556091842318868)) (i64.xor (i64.shr_u (i64.const 6148914691236517205) (i64.const 1)) (i64.const 1))) (i32.gt_u (i32.sub (f64.eq (f64.load (i32.xor (i32.reinterpret_f32 (f32.const -9.223372E+18)) (i32.const -1104648281))) (f64.const 4294967295)) (f32.le (f32.const 1.1754944E-38) (f32.const 6.397216E+29))) (local.get $l_i32))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (br_if $L15 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (block $L16
      (local.set $c0 (i32.const 2))
      (loop $L17
        (memory.fill (i32.const 270) (i32.gt_u (select (i32.const 186594292) (local.get $l_i32) (local.get 0)) (i32.or (i32.const 2) (i32.const 255))) (i32.const 19))
        (global.set $g2 (f32.const nan:0x200000))
        (i32.store8 (i32.const 219) (i32.trunc_f64_s (f64.copysign (f64.sqrt (local.get 3)) (f64.promote_f32 (f32.const -1.1679512E+33)))))
        (br_if $L17 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (local.set $c0 (i32.const 1))
      (loop $L18
        (call $log-f64 (f64.ceil (f64.sub (global.get $g3) (f64.div (f64.promote_f32 (f32.const -2.5)) (f64.copysign (f64.const 0) (f64.const -inf))))))
        (br_if $L18 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (br_if $L16 (i64x2.all_true (i8x16.replace_lane 9 (v128.const i64x2 4294967296 63) (i32.load16_u offset=27 (i32.const 58)))))
      try
        (drop (call $h2 (i32.const 255) (i64.xor (i64.extend32_s (local.get $l_i64)) (i64.sub (local.get 1) (i64.const 2147483648)))))
        (local.set $l_f32 (f32x4.extract_lane 3 (i64x2.splat (i64.const 2147483648))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (global.set $g2 (local.get $l_f32))
      (if (local.get $l_i32)
        (then
          (local.set $l_v128 (i64x2.extmul_low_i32x4_u (f32x4.max (v128.const i64x2 7196586943373173536 1) (i8x16.shr_s (i8x16.shuffle 20 14 14 30 22 6 6 8 26 20 30 23 23 20 28 14 (v128.const f32x4 2.1474836E+09 -nan:0x3fffff 16777215 -1E-45) (v128.const f32x4 -9.9802136E-08 -3.4028235E+38 1.3910268E-15 1.1754942E-38)) (i32.gt_u (i32.const -2) (i32.const -2)))) (local.get $l_v128)))
          (global.set $g0 (f64.ne (f64.convert_i64_u (i64.rotl (i64.const 1) (local.get $l_i64))) (local.get 3)))
        )
        (else
          (call $log-f64 (f64.div (f64.add (f64.promote_f32 (f32x4.extract_lane 3 (v128.const i32x4 2 31 1359173129 33))) (f64.const 1.1688111770486839E+38)) (f64.trunc (f64.promote_f32 (f32.sub (f32.const 1.2024529E-20) (f32.const 9.2233715E+18))))))
          (local.set $l_f64 (f64.promote_f32 (f32.reinterpret_i32 (select (i32.eqz (i32.const -583665822)) (i32.clz (i32.const 65535)) (i32.load8_u (i32.and (i32.rem_u (i64.eq (i64.const 63) (local.get 1)) (i32.le_s (i32.load8_u offset=53 (i32.const 131)) (i32.const 272438161))) (i32.const 0x3ff)))))))
        ))
    )
    (local.set $l_f32 (f32.add (f32.load (i32.const 6)) (local.get 2)))
    try
      (drop (call $h2 (i32.popcnt (i32.xor (i32.const 1506841177) (i32.const 127))) (i64.reinterpret_f64 (f64x2.extract_lane 1 (v128.const f64x2 2.5 2147483648)))))
      (throw $e0 (i32.and (i32.ne (local.get 0) (local.get $l_i32)) (f64.ge (local.get 3) (f64.const -2.5))))
      (call $log-f64 (f64.div (f64.ceil (f64.min (f64.add (local.get 3) (f64.const 1.8446744073709552E+19)) (f64.mul (f64.load (i32.and (select (f64.ge (f64.const nan:0x1) (f64.const -1.5271085184019746E-96)) (i32.ge_u (i32.const -1272495099) (i32.const 0)) (i32.wrap_i64 (local.get 1))) (i32.const 0x3ff))) (f64.const 4.5753505836903625E-297)))) (f64x2.extract_lane 1 (i64x2.extend_high_i32x4_s (v128.load8_lane offset=64 7 (i32.const 170) (v128.const f64x2 1 1.401298464324817E-45))))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-f32 (f32.const 8388609))
    (call $log-f32 (f32.sub (f32.sub (f32.sub (global.get $g2) (f32.max (f32.const 1) (f32.const -2.5))) (f32x4.extract_lane 0 (local.get $l_v128))) (f32.load (i32.and (i64.ne (i64.add (global.get $g1) (i64.const 6148914691236517205)) (i64.const 4294967295)) (i32.const 0x3ff)))))
    (local.set $c0 (i32.const 4))
    (loop $L19
      (i32.store16 (i32.and (i32.extend8_s (i32.wrap_i64 (i64.const 1))) (i32.const 0x3ff)) (f64.gt (f64.max (f64.const 2.2250738585072014E-308) (f64.copysign (local.get 3) (f64.const inf))) (f64.floor (f64.const nan:0x4000000000000))))
      try
        (call $log-i32 (i32.const -1431655766))
        (drop (call $h2 (i32.const 1036581375) (i64.add (i64.xor (global.get $g1) (local.get $l_i64)) (i64.const 2147483648))))
        (throw $e0 (i16x8.bitmask (local.get $l_v128)))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      end
      (i32.store8 (i32.and (i32.ctz (i32.lt_s (i32.const 1478979068) (i32.const 1))) (i32.const 0x3ff)) (i32.wrap_i64 (select (i64.shl (i64.const 7334587478699541555) (i64.const -8448536525141936406)) (i64.trunc_f64_s (f64.const 2.5)) (i32.lt_s (local.get 0) (i32.const 32767)))))
      (br_if $L19 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (select (local.get $l_i64) (i64x2.extract_lane 1 (v128.const i64x2 -1015167362501711743 5681616565548222974)) (i32.add (i32.load8_u (i32.and (i8x16.extract_lane_s 10 (v128.const f32x4 -inf -1.1518904E-09 9.2233715E+18 1.1754944E-38)) (i32.const 0x3ff))) (i32.trunc_sat_f32_s (f32.convert_i64_u (local.get $l_i64))))))
)
