;; Found by the differential fuzzer (own generator): with DOTNET_EnableHWIntrinsic=0, f32.reinterpret_i32
;; of i8x16.extract_lane_s reads four bytes of the vector instead of one sign-extended byte.
;; V8 and Sharptime with hardware intrinsics: f32:ffffffff. Sharptime, DOTNET_EnableHWIntrinsic=0: f32:00ffffff.
;; Cause: without SIMD intrinsics a lane read is a narrow load from the vector's stack slot, so this is the
;; known RyuJIT 10.0.12 "reinterpret of a narrow load" bug (jit-reinterpret-narrow-load) in another guise:
;; the workaround has to cover lane extraction too.
(module
  (func (export "f") (result f32)
    (f32.reinterpret_i32
      (i8x16.extract_lane_s 5 (i8x16.eq (v128.const i32x4 0 0 0 0) (v128.const i32x4 1 1 1 1))))))
