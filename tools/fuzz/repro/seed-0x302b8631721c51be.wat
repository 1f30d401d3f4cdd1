(module
  (type $sig_a (func (param i32 i64) (result i32)))
  (type $sig_b (func (param f64) (result f64)))
  (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (import "fuzzing-support" "log-f32" (func $log-f32 (param f32)))
  (import "fuzzing-support" "log-f64" (func $log-f64 (param f64)))
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (memory (export "memory") 1 4)
  (data (i32.const 0) "\00\00\a0\7f\ff\ff\bf\ff\00\00\00\00\00\00\f8\7f\00\00\00\cf\00\00\c0\7f\55\55\55\55\55\55\55\55\00\00\80\7f\00\00\80\4f\00\00\00\80\00\00\00\00\00\00\00\00\00\00\f4\7f\00\00\00\00\00\00\00\00\00\00\00\00\00\00\e0\41\00\00\00\00\00\00\e0\43\00\00\00\00\00\00\00\00\00\00\c0\3f\ff\ff\bf\ff\00\00\00\00\00\00\80\7f\00\00\00\00\00\00\f8\ff\ff\ff\ff\7f\00\00\00\00\00\00\c0\ff\ff\ff\df\41\00\00\00\00\01\00\00\00\00\00\00\00\00\00\f0\bf\00\00\00\00\00\00\f8\3f\00\00\00\00\00\00\e0\43\00\00\00\00\00\00\f8\7f\00\00\c0\ff\00\00\80\4f\00\00\00\00\01\00\00\00\00\00\00\00\00\00\f0\41\01\00\00\00\00\00\00\80\00\00\00\00\00\00\e0\c1\00\00\00\80\00\00\00\00\ff\ff\7f\ff\ff\ff\7f\4b\00\00\00\80\00\00\00\00\ff\ff\7f\7f\00\00\a0\7f\01\00\80\7f\ff\ff\ff\5e\ff\ff\7f\ff\ff\ff\7f\4b")
  (tag $e0 (param i32))
  (tag $e1 (param i64 f64))
  (global $g0 (export "g0") (mut i32) (i32.const 63))
  (global $g1 (export "g1") (mut i64) (i64.const 2474414491329022894))
  (global $g2 (mut f32) (f32.const -1.1059725E+25))
  (global $g3 (mut f64) (f64.const 3.4028234663852886E+38))
  (global $g4 (mut v128) (v128.const i64x2 269726370461668093 4294967296))
  (table $t 8 funcref)
  (elem (i32.const 0) $h0 $h1 $h2 $h3 $h0 $h1 $hb)
  (func $h0 (type $sig_a) (param i32 i64) (result i32)
    (i32.const -2147483648))
  (func $h1 (type $sig_a) (param i32 i64) (result i32)
    (i32.shl (i64.ge_u (i64.and (i64.const -9223372036854775807) (i64.const -4520116764193067274)) (i64.extend_i32_u (i32.const -2147483647))) (i32.rotl (i32.shl (i32.const 127) (i32.const 1269830425)) (i32.const -631829459))))
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
    (local.set $c0 (i32.const 4))
    (loop $L0
      try
        (throw $e0 (i16x8.extract_lane_u 7 (i16x8.replace_lane 7 (v128.const f64x2 0 4294967296) (i32.const 2147483647))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (local.set $l_i64 (i64.load offset=8 (i32.and (f64.ne (f64.promote_f32 (f32.const 2.1474836E+09)) (f64.convert_i64_u (i64.load8_s offset=46 (i32.and (i8x16.extract_lane_u 5 (i64x2.shr_u (local.get $l_v128) (i32.const 328002679))) (i32.const 0x3ff))))) (i32.const 0x3ff))))
      (local.set $l_i64 (select (i64.rem_s (i64.const 4294967295) (i64.add (i64.add (i64.const 2147483647) (i64.const 4294967295)) (i64.const -9223372036854775808))) (global.get $g1) (f32.lt (global.get $g2) (f32.sqrt (local.get $l_f32)))))
      (br_if $L0 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (memory.copy (i32.and (i32.const -1919973782) (i32.const 0x3ff)) (i32.and (i32.popcnt (i32.rotl (i32.const -1252905740) (i32.const 0))) (i32.const 0x3ff)) (i32.const 35))
    (if (i32.shr_s (i32.extend8_s (i32.shr_u (i32.const -2147483647) (i32.const 1431655765))) (i32.reinterpret_f32 (f32.copysign (local.get $l_f32) (f32.const 9.223372E+18))))
      (then
        (drop (memory.grow (i32.const 0)))
        (call $log-i32 (i32.and (f32.lt (f32.sub (local.get 2) (f32.min (f32.const -4.0595653E-05) (f32.const -7.7629296E-18))) (f32.min (f32.reinterpret_i32 (i32.load16_u (i32.extend16_s (i32.shl (i32.const -2147483648) (local.get 0))))) (f32.neg (f32.const 0.5)))) (i32.const -2038713787)))
        (i64.store16 (i32.and (i64.lt_u (i64.shr_s (i64.const 2147483648) (i64.const 9223372036854775807)) (i64.div_s (global.get $g1) (i64.const -9223372036854775808))) (i32.const 0x3ff)) (i64.clz (i64.const 1)))
      )
      (else
        (i32.store (i32.const 220) (i32.le_s (i8x16.bitmask (f32x4.convert_i32x4_u (v128.const f64x2 0 1.5))) (i64.eq (i64.const -2768155988582320129) (i64.const -1))))
      ))
    (local.set $l_f32 (f32.min (f32.const -4.1289433E-36) (f32.neg (f32.sub (f32.convert_i64_s (global.get $g1)) (f32.const 2.2772658E+32)))))
    try
      (global.set $g4 (i32x4.extend_low_i16x8_u (v128.const f64x2 3.4028234663852886E+38 2147483647)))
      (throw $e0 (i32.lt_s (i32.load16_s offset=21 (i32.and (i32.rem_u (f64.le (f64.const -1.8695082280854583E-122) (f64.const 9.223372036854776E+18)) (i32.shr_u (i32.load8_s (i32.and (local.get 0) (i32.const 0x3ff))) (i32.const 226481049))) (i32.const 0x3ff))) (i32.const -1632274925)))
      try
        (global.set $g1 (i64.sub (i64.extend_i32_u (i32.ctz (i32.const 255))) (i64.const 64)))
        (throw $e0 (i64.ne (i64.extend_i32_u (global.get $g0)) (i64.div_s (local.get $l_i64) (i64.const -9223372036854775807))))
        (throw $e0 (f64.le (f64.promote_f32 (f32.const 1E-45)) (f64.const -2.0559591135688826E+244)))
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
    (call $log-f64 (f64.sub (f64.const 5E-324) (f64.add (f64.nearest (f64.mul (f64.const 2.2250738585072014E-308) (local.get 3))) (f64.convert_i64_s (i64.and (i64.const -5674781034289349355) (i64.const 0))))))
    (call $log-i32 (i32.trunc_f64_u (f64.copysign (f64.nearest (local.get $l_f64)) (f64.sqrt (f64.div (f64.const inf) (local.get 3))))))
    (v128.store8_lane offset=0 12 (i32.and (i32.ctz (i32.wrap_i64 (i64.const 2147483648))) (i32.const 0x3ff)) (i32x4.replace_lane 2 (local.get $l_v128) (i32.shr_s (i32.mul (local.get $l_i32) (i32.const -1629288595)) (i16x8.extract_lane_u 1 (v128.const i32x4 65535 -1764714195 2 -1976116549)))))
    (global.set $g1 (i64.mul (i64.extend_i32_s (i32.extend8_s (i32.const 32))) (i64.const 4294967296)))
    (call $log-f32 (f32.sub (f32.reinterpret_i32 (i32.gt_u (i16x8.all_true (v128.const f32x4 -inf -2.1474836E+09 1.5 -2.1474836E+09)) (f32.gt (f32.const -2.147484E+09) (local.get 2)))) (f32.copysign (f32x4.extract_lane 3 (i16x8.mul (local.get $l_v128) (v128.const i64x2 65 1))) (f32.max (f32.reinterpret_i32 (i32.const 1431655765)) (f32.convert_i32_u (local.get 0))))))
    (call $log-i64 (i64.reinterpret_f64 (f64.copysign (f64.ceil (f64x2.extract_lane 0 (v128.load16x4_u (i32.const 212)))) (f64.convert_i32_u (i32x4.extract_lane 2 (v128.const i32x4 -191910697 -82408533 65536 255))))))
    (local.set $l_i32 (call $h2 (i32.const 32) (i64.mul (i64.const 0) (i64.const -7884106854248018292))))
    (f64.promote_f32 (f32.copysign (f32.demote_f64 (f64.const 3.4028234663852886E+38)) (f32.convert_i64_s (i64x2.extract_lane 0 (v128.load offset=8 (i32.const 82)))))))
  (func $f1 (export "f1") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      (throw $e0 (i32.clz (i32.load offset=44 (i32.and (f32.gt (f32.demote_f64 (f64.const -1)) (f32.demote_f64 (global.get $g3))) (i32.const 0x3ff)))))
      try
        (drop (call $h2 (i32.add (f32.le (local.get $l_f32) (local.get $l_f32)) (f64.ge (f64.const 3.4028234663852886E+38) (local.get 3))) (i64x2.extract_lane 0 (i8x16.shuffle 22 20 3 24 19 3 19 21 24 20 31 13 1 11 13 15 (v128.const i32x4 32 -2147483648 33 2) (v128.const f32x4 inf 16777215 -nan:0x3fffff 1)))))
        (drop (call $h2 (i32.div_u (f64.le (f64.load offset=6 (i32.and (i32.wrap_i64 (select (local.get 1) (global.get $g1) (local.get 0))) (i32.const 0x3ff))) (f64.const 9.223372036854776E+18)) (i8x16.extract_lane_u 5 (local.get $l_v128))) (i64.trunc_f64_u (f64.promote_f32 (f32.load (i32.const 81))))))
        (f64.store offset=25 (i32.and (i16x8.all_true (i32x4.le_u (local.get $l_v128) (v128.const i32x4 65535 65535 2 32768))) (i32.const 0x3ff)) (f64.min (f64.promote_f32 (f32x4.extract_lane 0 (v128.const f32x4 nan:0x400000 inf 4.2949673E+09 -0))) (f64.neg (f64.div (f64.const 2.8737163394990316E+83) (f64.load offset=11 (i32.and (i32.const -2) (i32.const 0x3ff)))))))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (local.set $l_f32 (local.get 2))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (memory.fill (i32.and (i16x8.extract_lane_s 7 (i32x4.lt_s (local.get $l_v128) (v128.const f32x4 16777215 -nan:0x400000 9.223372E+18 2.1242729E-36))) (i32.const 0x3ff)) (f64.le (f64.const 1.0066013937688564E-207) (f64.convert_i32_u (i32.const 127))) (i32.const 26))
    (local.set $l_i32 (call $h2 (i32.shl (i16x8.all_true (v128.const i64x2 -9223372036854775808 -9223372036854775807)) (i32.const 31)) (select (i64.and (local.get 1) (i64.const 2147483647)) (i64.rotr (i64.const -4505210188771270709) (i64.const 4294967295)) (select (i32.const -1431655766) (i32.const 33) (i32.const -1)))))
    try
      (block $L1
        (global.set $g2 (f32.demote_f64 (local.get $l_f64)))
        (memory.fill (i32.const 95) (i32.reinterpret_f32 (f32.demote_f64 (f64.const 4503599627370497))) (i32.const 0x10001))
        (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (local.get 0) (i32.const 0xfff)) (i64.ctz (select (i64.const -4426217355708314204) (i64.const -9223372036854775808) (i32.load8_s offset=61 (i32.and (i32.eq (i32.reinterpret_f32 (f32.load offset=41 (i32.and (i16x8.all_true (v128.load8_lane offset=53 4 (i32.and (f32.gt (f32x4.extract_lane 1 (v128.const i32x4 255 929117645 1 2147483647)) (f32.max (f32.const 23.081112) (f32.load (i32.and (i8x16.bitmask (i32x4.shr_u (local.get $l_v128) (i32.const 64))) (i32.const 0x3ff))))) (i32.const 0x3ff)) (v128.const f32x4 -3.4028235E+38 1.1754942E-38 -3.4028235E+38 -inf))) (i32.const 0x3ff)))) (i32.const -1171636908)) (i32.const 0x3ff))))) (i32.const 8)))
        (br_if $L1 (i32.const 128))
        (memory.fill (i32.and (i32.trunc_f64_u (f64.add (f64.const 2.225073858507201E-308) (local.get $l_f64))) (i32.const 0x3ff)) (i32.xor (i32.wrap_i64 (i64.const 64)) (i64.lt_s (i64.const -9223372036854775808) (i64.const 6023663955746822044))) (i32.const 37))
        (local.set $l_i32 (call $h2 (i32.const 31) (i64.const 65)))
      )
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (local.set $c0 (i32.const 1))
    (loop $L2
      try
        (call $log-f64 (f64.promote_f32 (f32.const -2.5)))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (if (i32.add (i32.eqz (f32.gt (f32.const 1.1754942E-38) (f32.const -405.9658))) (i32.ge_s (local.get $l_i32) (i32.wrap_i64 (local.get $l_i64))))
        (then
          (call $log-i32 (i32.rotr (select (i32.eqz (i64.eq (local.get $l_i64) (i64.const -5015483120282830507))) (i32.add (i32.shr_s (global.get $g0) (i32.const 64)) (local.get $l_i32)) (select (i32.const 65536) (i32.eq (local.get 0) (i32.load16_u (i32.const 61))) (i32.load8_u (i32.and (i32.trunc_sat_f64_u (f64.div (global.get $g3) (local.get $l_f64))) (i32.const 0x3ff))))) (i32.const 128)))
          (call $log-i32 (i32.const -192260118))
        )
        (else
          (call $log-i32 (i64.eq (i64.extend_i32_u (i32.shl (i32.div_s (i32.const 785805182) (i32.const 127)) (i32.div_u (global.get $g0) (local.get 0)))) (i64.rem_u (i64.rem_u (select (i64.const 65) (global.get $g1) (i32.const -1400223661)) (i64.const -7257485776334609978)) (i64.reinterpret_f64 (f64.load offset=59 (i32.and (local.get $l_i32) (i32.const 0x3ff)))))))
        ))
      (call $log-i32 (i32x4.extract_lane 0 (i8x16.shr_u (f32x4.floor (v128.load64_lane 0 (i32.const 107) (v128.const f64x2 1.2892000746570833E-283 5E-324))) (i64.ne (i64.div_u (i64.const 3453998256170455530) (i64.const -2147483648)) (i64.trunc_sat_f64_u (f64.const 2.5))))))
      (br_if $L2 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (drop (memory.grow (i32.const 0)))
    try
      (throw $e0 (i32.lt_s (i32.const 0) (i32.const 31)))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    end
    (call $log-f64 (f64.convert_i64_u (i64.const -1)))
    (if (i32.const 65535)
      (then
        (i32.store16 offset=35 (i32.const 124) (select (i32.trunc_sat_f64_u (f64.neg (f64.load (i32.and (i32.div_s (f64.eq (local.get 3) (f64.const 9.329816197159895E-304)) (i32.xor (i32.const -1869634130) (local.get 0))) (i32.const 0x3ff))))) (i32.reinterpret_f32 (f32.copysign (f32.const -inf) (local.get 2))) (i64.eq (i64.rem_s (i64.const 4294967295) (i64.const 63)) (i64x2.extract_lane 1 (local.get $l_v128)))))
      )
      (else
        (local.set $c0 (i32.const 2))
        (loop $L3
          (v128.store32_lane 2 (i32.and (i32.const 65536) (i32.const 0x3ff)) (v128.load64_lane 0 (i32.and (i32.wrap_i64 (global.get $g1)) (i32.const 0x3ff)) (v128.load32_lane 3 (i32.and (i32.ge_s (i32.eq (i32.const 31) (i32.const -2147483647)) (i32.const 32767)) (i32.const 0x3ff)) (v128.bitselect (v128.const f32x4 1.0554484E+22 -3.198316E-27 1 -nan:0x3fffff) (v128.const f32x4 9.2233715E+18 0.048597805 3.4028235E+38 -nan:0x400000) (global.get $g4)))))
          (memory.copy (i32.and (i32.trunc_sat_f32_s (f32x4.extract_lane 1 (local.get $l_v128))) (i32.const 0x3ff)) (i32.and (f64.gt (f64.promote_f32 (f32.load offset=57 (i32.and (select (i32.and (i32.const 1431655765) (i32.const 2147483647)) (i32.const 2) (select (i32.load16_s (i32.const 86)) (i32.const 63) (i32.const 1327489082))) (i32.const 0x3ff)))) (f64.const 2.5860352171449292E+247)) (i32.const 0x3ff)) (i32.const 57))
          (br_if $L3 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
        (local.set $c0 (i32.const 4))
        (loop $L4
          (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.wrap_i64 (i64.load32_u offset=51 (i32.and (i32.sub (global.get $g0) (i32.const 1431655765)) (i32.const 0x3ff)))) (i32.const 0xfff)) (select (i64.rem_s (i64.const 4253498841006488248) (i64.load8_s offset=53 (i32.const 207))) (local.get 1) (i64.gt_s (i64.const 1) (i64.const 9078270432938210202))) (i32.const 9)))
          (local.set $l_i64 (i64.mul (i64.or (local.get 1) (i64.const 2147483648)) (i64.const 63)))
          (global.set $g1 (i64.const -1662787084938184873))
          (br_if $L4 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      ))
    (call $log-f64 (f64.convert_i32_u (i32.popcnt (f64.ge (f64.ceil (f64.const nan:0x4000000000000)) (f64x2.extract_lane 1 (v128.const i64x2 63 6635458602550248451))))))
    (i64.const -9223372036854775808))
  (func $f2 (export "f2") (param i32 i64 f32 f64) (result i64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (if (i32x4.extract_lane 2 (i16x8.neg (i16x8.extend_low_i8x16_u (local.get $l_v128))))
      (then
        (local.set $c0 (i32.const 4))
        (loop $L5
          (drop (memory.grow (i32.const 0)))
          (i32.store16 (i32.const 50) (i8x16.extract_lane_s 0 (i8x16.ne (v128.load16_lane offset=47 7 (i32.and (f64.ge (f64.max (local.get $l_f64) (f64.load (i32.const 50))) (global.get $g3)) (i32.const 0x3ff)) (v128.const f64x2 0 1.7976931348623157E+308)) (f32x4.demote_f64x2_zero (v128.const i64x2 8743450742917516277 0)))))
          (i64.store16 offset=48 (i32.and (i32.reinterpret_f32 (f32.max (local.get 2) (f32.const -4.548541E+26))) (i32.const 0x3ff)) (select (i64.reinterpret_f64 (f64.copysign (f64.const 1.401298464324817E-45) (f64.const inf))) (i64.trunc_sat_f32_s (f32.add (local.get $l_f32) (f32.const nan:0x200000))) (i16x8.extract_lane_s 5 (f64x2.nearest (v128.load32_zero (i32.and (i32x4.extract_lane 3 (i8x16.replace_lane 6 (v128.const i32x4 65535 32767 31 65535) (i32.const 65536))) (i32.const 0x3ff)))))))
          (br_if $L5 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
        (call $log-v128 (i64x2.abs (i8x16.shuffle 29 17 1 22 31 16 10 8 15 6 9 0 14 2 4 23 (i64x2.splat (i64.reinterpret_f64 (f64.const 9.223372036854776E+18))) (i8x16.lt_u (v128.const f32x4 -3.4028235E+38 1 -1E-45 9.223372E+18) (f64x2.replace_lane 0 (local.get $l_v128) (local.get 3))))))
      )
      (else
        (call $log-i64 (i64.extend8_s (i64.reinterpret_f64 (f64.sub (f64.const -2147483648) (f64x2.extract_lane 1 (v128.const i64x2 -1 63))))))
        (call $log-i32 (local.get $l_i32))
      ))
    (call $log-f32 (f32.load (i32.and (i32.add (f64.eq (local.get 3) (local.get 3)) (i8x16.extract_lane_s 0 (v128.const f32x4 -5.79291E+17 -0 1E-45 8388609))) (i32.const 0x3ff))))
    try
      (throw $e0 (i32.lt_u (i32.wrap_i64 (local.get 1)) (i32.rem_s (i32.const 1431655765) (i32.const 65535))))
      try
        (call $log-i32 (i32.reinterpret_f32 (f32.sub (f32.convert_i32_u (i32.const 1431655765)) (f32.add (f32.div (f32.load offset=3 (i32.and (f64.lt (f64.convert_i64_s (i64.const 4294967295)) (f64.neg (local.get $l_f64))) (i32.const 0x3ff))) (local.get $l_f32)) (f32x4.extract_lane 2 (v128.const i64x2 2147483648 -5258877915533864680))))))
        (throw $e0 (i32.ge_s (i32.rem_u (i32.const 1431655765) (local.get $l_i32)) (i32.const 1583534738)))
      catch $e0
        call $log-i32
      catch $e1
        call $log-f64
        call $log-i64
      catch_all
        (call $log-i32 (i32.const -1))
      end
      (block $L6
        (global.set $g1 (i64.and (i64x2.extract_lane 1 (v128.const f32x4 1.1754944E-38 -2.1474836E+09 1.1754942E-38 4.632691E-31)) (i64.load8_s (i32.const 284))))
        (br_if $L6 (f64.eq (f64.const -9.223372036854776E+18) (f64.promote_f32 (f32.const 16777215))))
        (local.set $l_i32 (call $h2 (global.get $g0) (i64x2.extract_lane 1 (i8x16.shr_u (v128.const f64x2 -2147483649 -2.3791098762358983E-231) (i32.const 64)))))
        (memory.fill (i32.and (i32.ctz (i32.xor (i32.const 127) (local.get $l_i32))) (i32.const 0x3ff)) (i32.le_u (i32.const 63) (i32.lt_u (local.get $l_i32) (i32.const 2))) (i32.const 0x10001))
      )
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (call $log-i64 (i64.rotr (i64.extend_i32_s (i32.rotr (i32.eqz (i32.load8_s offset=15 (i32.and (global.get $g0) (i32.const 0x3ff)))) (i32.const 32767))) (i64.const -9223372036854775807)))
    (local.set $c0 (i32.const 5))
    (loop $L7
      (f64.store offset=64 (i32.and (select (i32.reinterpret_f32 (f32.const -2.1474836E+09)) (i32.add (local.get $l_i32) (i32.const 32767)) (i32.const 63)) (i32.const 0x3ff)) (f64.const 0.5))
      (br_if $L7 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
    (call $log-i32 (f64.lt (f64.promote_f32 (f32.nearest (f32.load offset=41 (i32.and (i32.wrap_i64 (i64.extend_i32_u (i32.const 1431655765))) (i32.const 0x3ff))))) (f64.sqrt (f64.floor (f64.min (f64.const -7.145434796880736E+128) (f64.load (i32.and (f32.le (f32.nearest (f32.const 9.2233715E+18)) (f32.sqrt (f32.const -1.4539533E+38))) (i32.const 0x3ff))))))))
    (i64.rem_s (i64.reinterpret_f64 (f64x2.extract_lane 1 (v128.bitselect (v128.const f32x4 -nan:0x3fffff 1.1754944E-38 -2.5 -inf) (v128.const i32x4 -706874418 -1735643834 65536 33) (v128.load8_splat offset=25 (i32.and (i32.trunc_sat_f64_u (local.get 3)) (i32.const 0x3ff)))))) (i64.const 2147483647)))
  (func $f3 (export "f3") (param i32 i64 f32 f64) (result f64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local.set $l_v128 (local.get $l_v128))
    (call $log-v128 (i16x8.sub_sat_s (v128.bitselect (local.get $l_v128) (f64x2.nearest (i8x16.eq (v128.const i32x4 0 65535 -2147483648 32) (v128.const i32x4 63 -2 0 330041241))) (i8x16.sub (i32x4.extadd_pairwise_i16x8_u (v128.const f64x2 0.5 1)) (i32x4.gt_u (v128.const i64x2 -9223372036854775807 4294967295) (v128.const f32x4 -2.5 4.2949673E+09 -1 -1E-45)))) (i16x8.gt_s (i64x2.ge_s (i32x4.trunc_sat_f64x2_s_zero (v128.const i32x4 64 1 0 33)) (f64x2.mul (v128.const i32x4 32 2147483647 32767 0) (v128.const i32x4 -2147483647 32 127 2))) (f32x4.gt (f32x4.eq (v128.const i64x2 6148914691236517205 7412747178887356624) (local.get $l_v128)) (v128.const f64x2 2.225073858507201E-308 1.3375219282291277E+197)))))
    (local.set $l_f32 (f32.copysign (f32.reinterpret_i32 (i32.wrap_i64 (local.get $l_i64))) (f32.div (f32x4.extract_lane 1 (i32x4.add (v128.load16_splat (i32.const 154)) (v128.const f32x4 -3.4028235E+38 inf -1.7167194E+37 4.2949673E+09))) (f32.demote_f64 (f64.convert_i64_s (i64.const -9223372036854775807))))))
    try
      (throw $e0 (i32.eqz (i16x8.bitmask (v128.const i64x2 4821677935937820713 -9223372036854775807))))
      (local.set $l_v128 (i32x4.replace_lane 0 (v128.const f32x4 -2.1474836E+09 -1E-45 1.1754944E-38 1.5) (i32.eq (f64.eq (local.get $l_f64) (f64.promote_f32 (local.get $l_f32))) (global.get $g0))))
      try
        (v128.store16_lane 5 (i32.and (i64.lt_s (i64.div_s (local.get 1) (i64.const -9223372036854775807)) (i64.extend_i32_s (global.get $g0))) (i32.const 0x3ff)) (v128.load16_lane 0 (i32.const 231) (v128.const f32x4 -1.6081118E-10 -2.2670763E-36 -2.1474836E+09 -5.2192167E-28)))
        (f64.store offset=60 (i32.const 107) (f64.promote_f32 (f32.min (f32.const -nan:0x400000) (f32.trunc (local.get 2)))))
        (i32.store offset=32 (i32.const 0) (i32.ctz (i32.eqz (i32.const -2147483647))))
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
    (local.set $l_i32 (call_indirect (type $sig_a) (i32.and (i32.and (f32.gt (f32.const -1.5628343E-25) (f32.const 0.49999997)) (i32.const -2147483648)) (i32.const 0xfff)) (i64.const 9223372036854775807) (i32.const 0)))
    (i32.store8 (i32.and (i32x4.all_true (v128.const f64x2 2.2250738585072014E-308 5E-324)) (i32.const 0x3ff)) (i32.le_u (i32.reinterpret_f32 (f32.min (f32.load (i32.const 298)) (f32.const -9.223372E+18))) (i32.const 255)))
    (call $log-i64 (i64.rotl (i64.const -1897047542558131227) (i64.rotr (local.get $l_i64) (i64.const -6751560715319738461))))
    (local.set $l_f32 (f32.abs (f32.demote_f64 (f64.sub (f64.neg (f64.const 1)) (f64.trunc (f64.load offset=32 (i32.const 200)))))))
    (call $log-f32 (f32.mul (f32.demote_f64 (f64.promote_f32 (global.get $g2))) (f32.floor (local.get 2))))
    (f64.convert_i32_s (f64.le (f64x2.extract_lane 1 (local.get $l_v128)) (f64.sub (f64.add (f64.const -0) (f64.const 2147483648)) (f64.mul (f64.load (i32.and (local.get $l_i32) (i32.const 0x3ff))) (global.get $g3))))))
  (func $f4 (export "f4") (param i32 i64 f32 f64) (result f64)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (block $L8
      (call $log-f64 (f64.max (f64.trunc (f64.const -2.1816378527317415E-208)) (f64.convert_i64_s (i64.const 0))))
      (local.set $l_v128 (i32x4.gt_s (v128.bitselect (v128.load8_lane offset=17 7 (i32.and (i32.wrap_i64 (i64.clz (i64.const -9223372036854775807))) (i32.const 0x3ff)) (i32x4.add (v128.load (i32.and (i64x2.all_true (i64x2.neg (v128.const i64x2 -3839036747944050510 -2147483648))) (i32.const 0x3ff))) (v128.const i64x2 9223372036854775807 -9223372036854775808))) (i16x8.extmul_high_i8x16_s (i8x16.shuffle 3 2 20 30 7 29 8 23 18 13 12 15 22 4 21 11 (v128.const i64x2 -9223372036854775808 -2147483648) (v128.const i64x2 63 -1)) (v128.load8_lane 5 (i32.const 61) (v128.const i32x4 -1188998584 -499155684 63 32768))) (i32x4.le_u (i16x8.min_u (global.get $g4) (local.get $l_v128)) (v128.load32_lane 0 (i32.const 293) (v128.const i32x4 -2147483647 1458943587 0 -518256615)))) (i8x16.shuffle 4 28 27 3 9 14 28 12 5 6 9 27 17 11 1 21 (v128.load8x8_s (i32.and (i32.load8_u (i32.and (i32.const 0) (i32.const 0x3ff))) (i32.const 0x3ff))) (i8x16.replace_lane 0 (f64x2.max (v128.load offset=8 (i32.const 42)) (v128.const i64x2 -9223372036854775808 -2147483648)) (i64x2.all_true (v128.const i64x2 9223372036854775807 2147483647))))))
      (br_if $L8 (global.get $g0))
      (block $L9
        (memory.fill (i32.const 190) (f32.lt (f32.copysign (f32.load (i32.const 299)) (f32.const 1)) (f32x4.extract_lane 3 (v128.load64_zero (i32.and (i32.trunc_sat_f64_u (f64x2.extract_lane 0 (v128.const i32x4 1223396522 -1431655766 1068874260 1431655765))) (i32.const 0x3ff))))) (i32.const 0x10001))
        (br_if $L9 (i32.le_s (i32.trunc_sat_f64_s (f64.const 1.8446744073709552E+19)) (f32.gt (f32.load (i32.const 237)) (f32.const -4.0071935E-08))))
        (i64.store16 offset=63 (i32.and (i32.extend8_s (i64.ne (global.get $g1) (local.get 1))) (i32.const 0x3ff)) (i64.reinterpret_f64 (f64.abs (f64.promote_f32 (f32.load (i32.and (i32.lt_u (select (local.get 0) (i32.load16_u (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (global.get $g4))) (i32.const 0x3ff))) (i32.const 1032150234)) (i32.shr_u (i32.const -2147483648) (i32.const -2147483648))) (i32.const 0x3ff)))))))
      )
      (local.set $l_i32 (call $h0 (i32.and (f64.lt (f64.div (f64.load (i32.and (i32.and (i32.eq (i32.const 2147483647) (local.get 0)) (i32.div_u (local.get 0) (i32.const -1462288233))) (i32.const 0x3ff))) (f64.const 2.225073858507201E-308)) (f64.div (local.get 3) (local.get $l_f64))) (i32.const 0xfffff)) (i64.extend_i32_u (i16x8.extract_lane_u 0 (v128.const f32x4 -0 1.1754944E-38 1.5 nan:0x400000)))))
      (call $log-i32 (i32.const 127))
    )
    (global.set $g4 (v128.const f64x2 4.371271563234444E+57 4.947882300168866E-124))
    (call $log-f32 (f32.const -1))
    (call $log-f64 (f64.mul (f64.add (f64.ceil (f64.sub (f64.const 1) (f64.const -1.4798569296112938E-175))) (f64.ceil (f64x2.extract_lane 1 (local.get $l_v128)))) (f64.convert_i32_s (f64.ge (f64.trunc (f64.const 2147483647)) (f64.mul (local.get $l_f64) (f64.const -2.5))))))
    (f64.sub (f64.sub (f64.sqrt (f64.promote_f32 (f32.const -1))) (f64.const 2147483647)) (f64.max (f64x2.extract_lane 1 (v128.and (v128.const f32x4 1 -2.5 0.5 nan:0x200000) (local.get $l_v128))) (f64.convert_i64_s (i64x2.extract_lane 0 (local.get $l_v128))))))
  (func $f5 (export "f5") (param i32 i64 f32 f64) (result f32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (call $log-v128 (i16x8.add_sat_s (i16x8.avgr_u (i8x16.shuffle 20 27 31 24 2 10 18 6 9 18 7 24 13 31 10 30 (i16x8.splat (local.get $l_i32)) (i8x16.shuffle 19 31 3 25 0 7 13 20 2 20 19 0 4 31 3 29 (v128.const f64x2 -0 5.477893142896737E+87) (v128.const i64x2 65 4294967296))) (v128.const f64x2 -2147483649 4503599627370497)) (i16x8.extmul_high_i8x16_s (v128.load64_lane 0 (i32.and (i32.and (i32.const 2) (i32.const 127)) (i32.const 0x3ff)) (i8x16.add (v128.const f64x2 4294967296 nan:0x1) (v128.const f32x4 -1E-45 1.1754942E-38 1 1.1754944E-38))) (local.get $l_v128))))
    (local.set $l_f32 (f32.add (f32.add (f32x4.extract_lane 1 (f32x4.trunc (v128.const f32x4 nan:0x200000 -2.147484E+09 3.7688757E-34 9.223372E+18))) (local.get 2)) (global.get $g2)))
    (call $log-i32 (f32.le (f32.nearest (f32.reinterpret_i32 (i32.shl (i32.const 32767) (local.get $l_i32)))) (f32.min (f32.add (f32.sub (local.get $l_f32) (f32.const 9.223372E+18)) (global.get $g2)) (f32.demote_f64 (f64.convert_i64_s (i64.load32_s offset=39 (i32.and (i16x8.extract_lane_s 7 (v128.load32_lane offset=47 0 (i32.and (i32x4.all_true (v128.const i64x2 2147483647 -7838113241333361216)) (i32.const 0x3ff)) (v128.const f32x4 4.2949673E+09 1.2270552E+24 -4.9451086E-26 1.1754944E-38))) (i32.const 0x3ff))))))))
    try
      (local.set $c0 (i32.const 2))
      (loop $L10
        (call $log-i64 (local.get 1))
        (br_if $L10 (i32.ne (local.tee $c0 (i32.sub (local.get $c0) (i32.const 1))) (i32.const 0))))
      (drop (call $h2 (i64.eq (i64x2.extract_lane 1 (v128.const i32x4 -2147483648 1175701154 31 65535)) (i64.const 2147483648)) (select (i64x2.extract_lane 1 (global.get $g4)) (i64.shr_u (i64.const 63) (i64.const 2147483648)) (i32.and (i32.const 32) (i32.const 33)))))
    catch $e0
      call $log-i32
    catch $e1
      call $log-f64
      call $log-i64
    catch_all
      (call $log-i32 (i32.const -1))
    end
    (local.get $l_f32))
  (func $f6 (export "f6") (param i32 i64 f32 f64) (result i32)
    (local $l_i32 i32)
    (local $l_i64 i64)
    (local $l_f32 f32)
    (local $l_f64 f64)
    (local $l_v128 v128)
    (local $c0 i32) (local $c1 i32) (local $c2 i32)
    try
      try
        (drop (call $h2 (local.get $l_i32) (i64.add (i64.extend_i32_s (i32.const 32768)) (i64.const 7062796090809761756))))
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
    (local.set $l_i32 (call $h2 (f32.ge (f32.reinterpret_i32 (i32.const 32768)) (f32.div (local.get $l_f32) (f32.const 1.5))) (i64.const 2147483647)))
    (if (global.get $g0)
      (then
        (block $L11
          (call $log-f64 (f64x2.extract_lane 1 (f32x4.gt (i8x16.splat (i32.const 31)) (i16x8.shr_u (i32x4.extmul_high_i16x8_s (v128.const i32x4 1 32 -1690646594 -1431655766) (v128.load8x8_u (i32.const 118))) (i32.wrap_i64 (local.get $l_i64))))))
          (local.set $l_i32 (call $h2 (i32.trunc_sat_f32_s (f32.demote_f64 (f64.load offset=66 (i32.and (select (i32.gt_u (i32.const -1695769173) (i32.load8_s offset=18 (i32.and (i32.shr_u (i32.trunc_sat_f64_u (f64.const 3.4028234663852886E+38)) (i32.lt_s (i32.const 255) (i32.const 1117695343))) (i32.const 0x3ff)))) (i32.or (i32.load (i32.const 219)) (local.get 0)) (i32.const 255)) (i32.const 0x3ff))))) (i64.mul (i64.ctz (i64.load (i32.and (i16x8.bitmask (f32x4.neg (v128.const i32x4 64 31 31 -1))) (i32.const 0x3ff)))) (i64.const 6148914691236517205))))
          (call $log-f32 (f32.div (f32x4.extract_lane 1 (i32x4.dot_i16x8_s (i8x16.shuffle 26 31 13 22 14 26 12 27 23 0 2 22 4 9 11 7 (v128.const f32x4 nan:0x1 8388609 -0 3.4028235E+38) (v128.const f32x4 -nan:0x3fffff 3.4028235E+38 -9.223372E+18 -9.223372E+18)) (v128.const i32x4 0 -2 0 -1431655766))) (f32.const 0.5)))
          (br_if $L11 (i32.wrap_i64 (local.get $l_i64)))
          (global.set $g1 (i64.add (i64.xor (i64.add (i64.const -5177420500427072725) (local.get $l_i64)) (local.get 1)) (local.get 1)))
        )
        (local.set $l_v128 (i16x8.splat (i32.reinterpret_f32 (f32.add (f32.demote_f64 (f64.const -2.5)) (f32.reinterpret_i32 (i32.const -1747534127))))))
        (call $log-i32 (i32.ne (i32.lt_s (i64.ne (i64.rem_s (i64.const 9223372036854775807) (i64.const 2147483648)) (select (local.get $l_i64) (i64.const 6148914691236517205) (i32.const 2))) (i32.const 1983685733)) (i32.const 31)))
      )
      (else
        (local.set $l_f32 (f32.abs (f32.convert_i32_u (i16x8.extract_lane_s 2 (v128.const f64x2 nan:0x8000000000000 2.225073858507201E-308)))))
        (local.set $l_f64 (f64.sub (f64.const 2147483647) (f64.convert_i64_u (local.get $l_i64))))
      ))
    (return_call $h3 (i32.and (i32.rotl (i32.sub (i32.const 63) (local.get $l_i32)) (i32.const 0)) (i32.const 0xfffff)) (i64.trunc_sat_f64_s (f64.convert_i32_u (i32.const 255)))))
)
