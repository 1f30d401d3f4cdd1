namespace Sharptime.Compiler.Tests;

public sealed class MemoryTests
{
    private const string Module = """
        (module
          (memory (export "mem") 1 3)
          (data (i32.const 16) "\01\02\03\04\05\06\07\08")
          (func (export "load") (param i32) (result i32) local.get 0 i32.load)
          (func (export "load_off") (param i32) (result i32) local.get 0 i32.load offset=4)
          (func (export "load8_s") (param i32) (result i32) local.get 0 i32.load8_s)
          (func (export "load16_u") (param i32) (result i32) local.get 0 i32.load16_u)
          (func (export "load64") (param i32) (result i64) local.get 0 i64.load)
          (func (export "load32_u") (param i32) (result i64) local.get 0 i64.load32_u)
          (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
          (func (export "store8") (param i32 i64) local.get 0 local.get 1 i64.store8)
          (func (export "size") (result i32) memory.size)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
          (func (export "fill") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.fill)
          (func (export "copy") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.copy))
        """;

    [Fact]
    public void Data_segments_and_loads()
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(0x04030201, instance.GetFunction<int, int>("load")(16));
        Assert.Equal(0x08070605, instance.GetFunction<int, int>("load_off")(16));
        Assert.Equal(0x0807060504030201L, instance.GetFunction<int, long>("load64")(16));
        Assert.Equal(0x0201, instance.GetFunction<int, int>("load16_u")(16));
        Assert.Equal(0x08070605L, instance.GetFunction<int, long>("load32_u")(20));
    }

    [Fact]
    public void Stores_are_little_endian_and_visible_to_the_host()
    {
        Instance instance = Wasm.Instantiate(Module);
        instance.GetAction<int, int>("store")(100, unchecked((int)0xFFEEDDCC));
        Memory memory = instance.GetMemory("mem")!;
        Assert.Equal(0xCC, memory.ReadByte(100));
        Assert.Equal(unchecked((int)0xFFEEDDCC), memory.ReadInt32(100));
        Assert.Equal(-1, instance.GetFunction<int, int>("load8_s")(103));
        instance.GetAction<int, long>("store8")(200, 0x1234);
        Assert.Equal(0x34, memory.ReadByte(200));
        Assert.Equal(0, memory.ReadByte(201));
        memory.WriteInt32(300, 77);
        Assert.Equal(77, instance.GetFunction<int, int>("load")(300));
    }

    [Theory]
    [InlineData(65533, false)]
    [InlineData(65532, false)]
    [InlineData(65534, true)]
    [InlineData(65536, true)]
    [InlineData(-1, true)]
    [InlineData(-4, true)]
    public void Bounds_are_checked_on_every_access(int address, bool traps)
    {
        Instance instance = Wasm.Instantiate(Module);
        Func<int, int> load = instance.GetFunction<int, int>("load");
        if (traps)
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load(address)).Code);
        }
        else if (address <= 65532)
        {
            Assert.Equal(0, load(address));
        }
        else
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load(address)).Code);
        }
    }

    [Fact]
    public void Offset_is_added_without_wrapping()
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => instance.GetFunction<int, int>("load_off")(-4)).Code);
    }

    [Fact]
    public void Grow_up_to_the_maximum()
    {
        Instance instance = Wasm.Instantiate(Module);
        Func<int, int> grow = instance.GetFunction<int, int>("grow");
        Assert.Equal(1, instance.GetFunction<int>("size")());
        Assert.Equal(1, grow(1));
        Assert.Equal(2, instance.GetFunction<int>("size")());
        Assert.Equal(0, instance.GetFunction<int, int>("load")(65536 + 100));
        Assert.Equal(-1, grow(5));
        Assert.Equal(2, grow(1));
        Assert.Equal(-1, grow(1));
        Assert.Equal(3UL * 65536, instance.GetMemory("mem")!.Length);
        // Data written before growing is still there after the base moved.
        Assert.Equal(0x04030201, instance.GetFunction<int, int>("load")(16));
    }

    [Fact]
    public void Fill_and_copy_check_bounds()
    {
        Instance instance = Wasm.Instantiate(Module);
        instance.GetAction<int, int, int>("fill")(1000, 0xAB, 10);
        Memory memory = instance.GetMemory("mem")!;
        Assert.Equal(0xAB, memory.ReadByte(1009));
        Assert.Equal(0, memory.ReadByte(1010));
        instance.GetAction<int, int, int>("copy")(2000, 16, 8);
        Assert.Equal(0x0807060504030201L, memory.ReadInt64(2000));
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => instance.GetAction<int, int, int>("fill")(65530, 0, 7)).Code);
    }

    [Fact]
    public void Memory64_uses_i64_addresses()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (memory i64 1)
              (func (export "store") (param i64 i32) local.get 0 local.get 1 i32.store)
              (func (export "load") (param i64) (result i32) local.get 0 i32.load offset=4)
              (func (export "grow") (param i64) (result i64) local.get 0 memory.grow))
            """);
        instance.GetAction<long, int>("store")(8, 42);
        Assert.Equal(42, instance.GetFunction<long, int>("load")(4));
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => instance.GetFunction<long, int>("load")(-1)).Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => instance.GetFunction<long, int>("load")(0x1_0000_0000)).Code);
        Assert.Equal(1L, instance.GetFunction<long, long>("grow")(1));
    }

    [Fact]
    public void Out_of_bounds_data_segment_fails_instantiation()
    {
        TrapException trap = Wasm.Traps(() => Wasm.Instantiate("(module (memory 1) (data (i32.const 65535) \"ab\"))"));
        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
    }

    [Fact]
    public void Multiple_memories()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (memory $a 1) (memory $b 1)
              (func (export "f") (result i32)
                (i32.store $b (i32.const 0) (i32.const 7))
                (i32.add (i32.load $a (i32.const 0)) (i32.load $b (i32.const 0)))))
            """);
        Assert.Equal(7, instance.GetFunction<int>("f")());
    }
}
