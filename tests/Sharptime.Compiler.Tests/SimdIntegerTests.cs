namespace Sharptime.Compiler.Tests;

public sealed class SimdIntegerTests
{
    private const string Module = """
        (module
          (memory (export "mem") 1 1)
          (global $g (export "g") (mut v128) (v128.const i32x4 1 2 3 4))
          (func (export "add") (param v128 v128) (result v128) local.get 0 local.get 1 i32x4.add)
          (func (export "sum_lanes") (param v128) (result i32)
            (i32.add (i32.add (i32x4.extract_lane 0 (local.get 0)) (i32x4.extract_lane 1 (local.get 0)))
                     (i32.add (i32x4.extract_lane 2 (local.get 0)) (i32x4.extract_lane 3 (local.get 0)))))
          (func (export "swap_halves") (param v128) (result v128 v128)
            (i64x2.splat (i64x2.extract_lane 1 (local.get 0)))
            (i64x2.splat (i64x2.extract_lane 0 (local.get 0))))
          (func (export "bump_global") (result v128)
            (global.set $g (i32x4.add (global.get $g) (v128.const i32x4 10 10 10 10)))
            global.get $g)
          (func (export "store") (param i32 v128) (v128.store (local.get 0) (local.get 1)))
          (func (export "load") (param i32) (result v128) (v128.load (local.get 0)))
          (func (export "store_lane") (param i32 v128) (v128.store32_lane 3 (local.get 0) (local.get 1)))
          (func (export "load8x8_s") (param i32) (result v128) (v128.load8x8_s (local.get 0)))
          (func (export "reverse") (param v128) (result v128)
            (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get 0) (local.get 0)))
          (func (export "interleave") (param v128 v128) (result v128)
            (i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 (local.get 0) (local.get 1)))
          (func (export "swizzle") (param v128 v128) (result v128) (i8x16.swizzle (local.get 0) (local.get 1)))
          (func (export "shl") (param v128 i32) (result v128) (i16x8.shl (local.get 0) (local.get 1)))
          (func (export "f32_lane_bits") (param i32) (result i32)
            (i32.reinterpret_f32 (f32x4.extract_lane 2
              (f32x4.replace_lane 2 (v128.const i64x2 0 0) (f32.reinterpret_i32 (local.get 0))))))
          (func (export "bitmask") (param v128) (result i32) (i8x16.bitmask (local.get 0)))
          (func (export "all_true") (param v128) (result i32) (i32x4.all_true (local.get 0)))
          (func (export "abs") (param v128) (result v128) (i8x16.abs (local.get 0)))
          (func (export "q15") (param v128 v128) (result v128) (i16x8.q15mulr_sat_s (local.get 0) (local.get 1)))
          (func (export "narrow_u") (param v128 v128) (result v128) (i8x16.narrow_i16x8_u (local.get 0) (local.get 1)))
          (func (export "dot") (param v128 v128) (result v128) (i32x4.dot_i16x8_s (local.get 0) (local.get 1)))
          (func (export "popcnt") (param v128) (result v128) (i8x16.popcnt (local.get 0))))
        """;

    private static Value V(ulong low, ulong high) => Value.V128(low, high);

    private static Value I32x4(int a, int b, int c, int d) =>
        V((uint)a | ((ulong)(uint)b << 32), (uint)c | ((ulong)(uint)d << 32));

    private static Value I16x8(params short[] lanes)
    {
        ulong low = 0, high = 0;
        for (int i = 0; i < 4; i++)
        {
            low |= (ulong)(ushort)lanes[i] << (16 * i);
            high |= (ulong)(ushort)lanes[i + 4] << (16 * i);
        }
        return V(low, high);
    }

    private static Value Bytes(params byte[] lanes) =>
        V(BitConverter.ToUInt64(lanes, 0), BitConverter.ToUInt64(lanes, 8));

    private static Func Export(Instance instance, string name) => instance.GetFunction(name)!;

    [Fact]
    public void V128_parameters_and_results_cross_the_host_boundary_with_exact_lanes()
    {
        Instance instance = Wasm.Instantiate(Module);
        Value sum = Export(instance, "add").Call(I32x4(1, -2, int.MaxValue, 40), I32x4(10, 20, 1, 2))[0];
        Assert.Equal(I32x4(11, 18, int.MinValue, 42).AsV128(), sum.AsV128());
        Assert.Equal(ValKind.V128, sum.Type.Kind);
        Assert.Equal(10, Export(instance, "sum_lanes").Call(I32x4(1, 2, 3, 4))[0].AsI32());
    }

    [Fact]
    public void Multiple_v128_results()
    {
        Instance instance = Wasm.Instantiate(Module);
        Value[] results = Export(instance, "swap_halves").Call(V(0x1111_2222_3333_4444, 0xAAAA_BBBB_CCCC_DDDD));
        Assert.Equal((0xAAAA_BBBB_CCCC_DDDDUL, 0xAAAA_BBBB_CCCC_DDDDUL), results[0].AsV128());
        Assert.Equal((0x1111_2222_3333_4444UL, 0x1111_2222_3333_4444UL), results[1].AsV128());
    }

    [Fact]
    public void V128_globals_are_shared_with_the_host()
    {
        Instance instance = Wasm.Instantiate(Module);
        Global g = instance.GetGlobal("g")!;
        Assert.Equal(I32x4(1, 2, 3, 4).AsV128(), g.Value.AsV128());
        Assert.Equal(I32x4(11, 12, 13, 14).AsV128(), Export(instance, "bump_global").Call()[0].AsV128());
        g.SetValue(I32x4(-10, 0, 100, 7));
        Assert.Equal(I32x4(0, 10, 110, 17).AsV128(), Export(instance, "bump_global").Call()[0].AsV128());
        Assert.Equal(I32x4(0, 10, 110, 17).AsV128(), g.Value.AsV128());
    }

    [Fact]
    public void Imported_v128_global_and_host_function()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        linker.Define("env", "bias", new Global(store, I32x4(100, 200, 300, 400), mutable: false));
        linker.DefineFunction("env", "negate", new FuncType([ValType.V128], [ValType.V128]), (caller, args, results) =>
        {
            (ulong low, ulong high) = args[0].AsV128();
            results[0] = V(~low, ~high);
        });
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "bias" (global $bias v128))
              (import "env" "negate" (func $not (param v128) (result v128)))
              (func (export "run") (param v128) (result v128)
                (i32x4.add (global.get $bias) (call $not (local.get 0)))))
            """, linker, store);
        // ~x + b == b - x - 1
        Value result = Export(instance, "run").Call(I32x4(1, 2, 3, 4))[0];
        Assert.Equal(I32x4(98, 197, 296, 395).AsV128(), result.AsV128());
    }

    [Fact]
    public void Memory_is_little_endian_and_unaligned_access_works()
    {
        Instance instance = Wasm.Instantiate(Module);
        Memory memory = instance.GetMemory("mem")!;
        Export(instance, "store").Call(Value.I32(3), V(0x0706050403020100, 0x0F0E0D0C0B0A0908));
        for (int i = 0; i < 16; i++) Assert.Equal(i, memory.ReadByte((ulong)(3 + i)));
        Assert.Equal((0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL), Export(instance, "load").Call(Value.I32(3))[0].AsV128());
        Export(instance, "store_lane").Call(Value.I32(100), I32x4(0, 0, 0, unchecked((int)0xDEADBEEF)));
        Assert.Equal(unchecked((int)0xDEADBEEF), memory.ReadInt32(100));
        memory.WriteInt64(200, unchecked((long)0x80_7F_FF_01_00_02_FE_03));
        Assert.Equal(I16x8(3, -2, 2, 0, 1, -1, 127, -128).AsV128(), Export(instance, "load8x8_s").Call(Value.I32(200))[0].AsV128());
    }

    [Theory]
    [InlineData(65520, false)]
    [InlineData(65521, true)]
    [InlineData(65535, true)]
    [InlineData(-1, true)]
    public void Out_of_bounds_stores_trap_before_writing(int address, bool traps)
    {
        Instance instance = Wasm.Instantiate(Module);
        Memory memory = instance.GetMemory("mem")!;
        Func store = Export(instance, "store");
        Value ones = V(ulong.MaxValue, ulong.MaxValue);
        if (traps)
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => store.Call(Value.I32(address), ones)).Code);
            Assert.All(memory.GetSpan(65520, 16).ToArray(), b => Assert.Equal(0, b));
            Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => Export(instance, "load").Call(Value.I32(address))).Code);
        }
        else
        {
            store.Call(Value.I32(address), ones);
            Assert.All(memory.GetSpan(65520, 16).ToArray(), b => Assert.Equal(0xFF, b));
        }
    }

    [Theory]
    [InlineData(65528L, false)]
    [InlineData(65529L, true)]
    [InlineData(0x1_0000_0000L, true)]
    [InlineData(-16L, true)]
    public void Memory64_and_a_second_memory_are_bounds_checked(long address, bool traps)
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (memory $a 1)
              (memory $b (export "b") i64 1)
              (func (export "copy_lane") (param i64)
                (v128.store64_lane $b 1 (local.get 0)
                  (v128.load64_lane $b 0 (local.get 0) (v128.const i64x2 7 9)))))
            """);
        Func copy = Export(instance, "copy_lane");
        Memory memory = instance.GetMemory("b")!;
        if (traps)
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => copy.Call(Value.I64(address))).Code);
        }
        else
        {
            memory.WriteInt64((ulong)address, 42);
            copy.Call(Value.I64(address));
            Assert.Equal(9, memory.ReadInt64((ulong)address));
        }
    }

    [Fact]
    public void V128_values_flow_through_blocks_loops_and_calls()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (type $vv (func (param v128) (result v128)))
              (table 2 funcref)
              (elem (i32.const 0) $inc $dbl)
              (func $inc (type $vv) (i32x4.add (local.get 0) (v128.const i32x4 1 1 1 1)))
              (func $dbl (type $vv) (i32x4.add (local.get 0) (local.get 0)))
              (func (export "indirect") (param v128 i32) (result v128) (call_indirect (type $vv) (local.get 0) (local.get 1)))
              (func (export "tail") (param v128) (result v128) (return_call $dbl (local.get 0)))
              (func (export "br_table") (param i32) (result v128)
                (block $a (result v128)
                  (block $b (result v128) (br_table $a $b (v128.const i32x4 7 7 7 7) (local.get 0)))
                  (i32x4.add (v128.const i32x4 1 2 3 4))))
              (func (export "loop") (param i32) (result v128) (local $n i32)
                (v128.const i32x4 0 0 0 0)
                (loop $l (param v128) (result v128)
                  (i32x4.add (v128.const i32x4 1 2 3 4))
                  (br_if $l (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (local.get 0)))))
              (func (export "drop_under") (param v128) (result i32)
                (block $b (result i32) (local.get 0) (i32.const 9) (br $b))))
            """);
        Value v = I32x4(1, 2, 3, 4);
        Assert.Equal(I32x4(2, 3, 4, 5).AsV128(), Export(instance, "indirect").Call(v, Value.I32(0))[0].AsV128());
        Assert.Equal(I32x4(2, 4, 6, 8).AsV128(), Export(instance, "indirect").Call(v, Value.I32(1))[0].AsV128());
        Assert.Equal(TrapCode.UndefinedElement, Wasm.Traps(() => Export(instance, "indirect").Call(v, Value.I32(2))).Code);
        Assert.Equal(I32x4(2, 4, 6, 8).AsV128(), Export(instance, "tail").Call(v)[0].AsV128());
        Assert.Equal(I32x4(7, 7, 7, 7).AsV128(), Export(instance, "br_table").Call(Value.I32(0))[0].AsV128());
        Assert.Equal(I32x4(8, 9, 10, 11).AsV128(), Export(instance, "br_table").Call(Value.I32(1))[0].AsV128());
        Assert.Equal(I32x4(3, 6, 9, 12).AsV128(), Export(instance, "loop").Call(Value.I32(3))[0].AsV128());
        Assert.Equal(9, Export(instance, "drop_under").Call(v)[0].AsI32());
    }

    [Fact]
    public void Shuffle_and_swizzle_select_lanes()
    {
        Instance instance = Wasm.Instantiate(Module);
        Value sequence = Bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        Assert.Equal(Bytes(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0).AsV128(), Export(instance, "reverse").Call(sequence)[0].AsV128());
        Value high = Bytes(100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115);
        Assert.Equal(Bytes(0, 100, 1, 101, 2, 102, 3, 103, 4, 104, 5, 105, 6, 106, 7, 107).AsV128(),
            Export(instance, "interleave").Call(sequence, high)[0].AsV128());
        // Indices of 16 and more select 0, including those with the high bit set.
        Value indices = Bytes(15, 16, 0, 255, 128, 1, 17, 112, 2, 3, 31, 32, 14, 240, 5, 127);
        Assert.Equal(Bytes(115, 0, 100, 0, 0, 101, 0, 0, 102, 103, 0, 0, 114, 0, 105, 0).AsV128(),
            Export(instance, "swizzle").Call(high, indices)[0].AsV128());
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(17, 2)]
    [InlineData(-15, 2)]
    [InlineData(16, 1)]
    [InlineData(15, 0)]
    public void Shift_counts_are_taken_modulo_the_lane_width(int count, short lane)
    {
        Instance instance = Wasm.Instantiate(Module);
        Value result = Export(instance, "shl").Call(I16x8(1, 1, 1, 1, 1, 1, 1, 1), Value.I32(count))[0];
        short expected = count == 15 ? short.MinValue : lane;
        Assert.Equal(I16x8(expected, expected, expected, expected, expected, expected, expected, expected).AsV128(), result.AsV128());
    }

    [Theory]
    [InlineData(0x7FA00001)] // signaling NaN with a payload
    [InlineData(unchecked((int)0xFFC12345))] // negative quiet NaN
    [InlineData(0x00000001)] // smallest subnormal
    public void Float_lanes_move_as_exact_bits(int bits)
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(bits, Export(instance, "f32_lane_bits").Call(Value.I32(bits))[0].AsI32());
    }

    [Fact]
    public void Signaling_nan_lanes_of_constant_vectors_stay_signaling()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "direct") (result f32) (f32x4.extract_lane 1 (v128.const i32x4 0 0x7fa00001 0 0)))
              (func (export "splat") (result f32) (f32x4.extract_lane 3 (i32x4.splat (i32.const 0xffa00002))))
              (func (export "f64") (result f64) (f64x2.extract_lane 1 (v128.const i64x2 0 0x7ff4000000000001))))
            """);
        Assert.Equal(0x7FA00001U, Export(instance, "direct").Call()[0].AsF32Bits());
        Assert.Equal(0xFFA00002U, Export(instance, "splat").Call()[0].AsF32Bits());
        Assert.Equal(0x7FF4000000000001UL, Export(instance, "f64").Call()[0].AsF64Bits());
    }

    [Fact]
    public void Lane_tests_and_bitmasks()
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(0b1000_0000_0000_0101, Export(instance, "bitmask").Call(Bytes(0x80, 0, 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x90))[0].AsI32());
        Assert.Equal(1, Export(instance, "all_true").Call(I32x4(1, -1, 0x100, int.MinValue))[0].AsI32());
        Assert.Equal(0, Export(instance, "all_true").Call(I32x4(1, -1, 0, int.MinValue))[0].AsI32());
    }

    [Fact]
    public void Integer_edge_cases_follow_the_spec()
    {
        Instance instance = Wasm.Instantiate(Module);
        // abs wraps at the minimum.
        Assert.Equal(Bytes(0x80, 1, 127, 0, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).AsV128(),
            Export(instance, "abs").Call(Bytes(0x80, 0xFF, 0x81, 0, 5, 0xFB, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))[0].AsV128());
        // q15mulr saturates the one overflowing product and rounds the others.
        Assert.Equal(I16x8(short.MaxValue, -short.MaxValue, 1, 0, 16384, 0, 0, 0).AsV128(),
            Export(instance, "q15").Call(I16x8(short.MinValue, short.MinValue, 1, 1, 16384, -1, 0, 0), I16x8(short.MinValue, short.MaxValue, 16384, 16383, 32767, 16384, 0, 0))[0].AsV128());
        // Unsigned narrowing reads signed lanes: negatives become 0, large values 255.
        Assert.Equal(Bytes(0, 255, 255, 128, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8).AsV128(),
            Export(instance, "narrow_u").Call(I16x8(-1, 256, short.MaxValue, 128, short.MinValue, 0, 0, 0), I16x8(1, 2, 3, 4, 5, 6, 7, 8))[0].AsV128());
        // Two -32768 * -32768 products sum to 2^31, which wraps.
        Assert.Equal(I32x4(int.MinValue, 7 * 2 + 3 * -5, 0, -65534).AsV128(),
            Export(instance, "dot").Call(I16x8(short.MinValue, short.MinValue, 7, 3, 0, 0, 1, 1), I16x8(short.MinValue, short.MinValue, 2, -5, 0, 0, -32767, -32767))[0].AsV128());
        Assert.Equal(Bytes(0, 1, 1, 2, 8, 7, 4, 1, 0, 0, 0, 0, 0, 0, 0, 8).AsV128(),
            Export(instance, "popcnt").Call(Bytes(0, 1, 0x80, 3, 0xFF, 0x7F, 0x0F, 0x10, 0, 0, 0, 0, 0, 0, 0, 0xFF))[0].AsV128());
    }
}
