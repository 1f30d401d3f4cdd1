using Sharptime.Text;

namespace Sharptime.Tests.Interpreter;

/// <summary>
/// The GC instructions on the interpreter (<see cref="Strategy.Interpreter"/>): structs linked into a
/// list and a tree, packed and vector fields, arrays from a data segment, bulk array operations,
/// i31 equality, br_on_cast dispatch, and the traps with the offset of the instruction that trapped.
/// </summary>
public sealed class GcInterpreterTests
{
    private const string Source = """
        (module
          (type $node (struct (field $value i32) (field $next (ref null $node))))
          (type $tree (struct (field $left (ref null $tree)) (field $right (ref null $tree)) (field $weight f64)))
          (type $bytes (array (mut i8)))
          (type $longs (array (mut i64)))
          (type $packed (struct (field $b (mut i8)) (field $h (mut i16)) (field $v (mut v128))))
          (data $data "\ff\01\80\7f")

          (func (export "list_sum") (param $n i32) (result i32)
            (local $list (ref null $node)) (local $sum i32)
            (block $built
              (loop $build
                (br_if $built (i32.eqz (local.get $n)))
                (local.set $list (struct.new $node (local.get $n) (local.get $list)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $build)))
            (block $end
              (loop $walk
                (local.set $sum (i32.add (local.get $sum) (struct.get $node $value (br_on_null $end (local.get $list)))))
                (local.set $list (struct.get $node $next (local.get $list)))
                (br $walk)))
            (local.get $sum))

          (func $make (param $depth i32) (result (ref $tree))
            (if (result (ref $tree)) (i32.eqz (local.get $depth))
              (then (struct.new $tree (ref.null $tree) (ref.null $tree) (f64.const 1.5)))
              (else (struct.new $tree
                (call $make (i32.sub (local.get $depth) (i32.const 1)))
                (call $make (i32.sub (local.get $depth) (i32.const 1)))
                (f64.const 1.5)))))
          (func $weigh (param $t (ref null $tree)) (result f64)
            (if (result f64) (ref.is_null (local.get $t))
              (then (f64.const 0))
              (else (f64.add (struct.get $tree $weight (local.get $t))
                (f64.add (call $weigh (struct.get $tree $left (local.get $t))) (call $weigh (struct.get $tree $right (local.get $t))))))))
          (func (export "tree_weight") (param i32) (result f64) (call $weigh (call $make (local.get 0))))

          (func (export "packed_s") (param i32) (result i32)
            (struct.get_s $packed $b (struct.new $packed (local.get 0) (local.get 0) (v128.const i64x2 0 0))))
          (func (export "packed_u") (param i32) (result i32)
            (local $p (ref null $packed))
            (local.set $p (struct.new_default $packed))
            (struct.set $packed $h (local.get $p) (local.get 0))
            (struct.get_u $packed $h (local.get $p)))
          (func (export "vector") (param i64) (result i64)
            (i64x2.extract_lane 1 (struct.get $packed $v
              (struct.new $packed (i32.const 0) (i32.const 0) (i64x2.replace_lane 1 (v128.const i64x2 7 7) (local.get 0))))))

          (func $bytes (result (ref $bytes)) (array.new_data $bytes $data (i32.const 0) (i32.const 4)))
          (func (export "byte_s") (param i32) (result i32) (array.get_s $bytes (call $bytes) (local.get 0)))
          (func (export "byte_u") (param i32) (result i32) (array.get_u $bytes (call $bytes) (local.get 0)))
          (func (export "bytes_len") (result i32) (array.len (call $bytes)))
          (func (export "bytes_from") (param i32) (result i32)
            (array.len (array.new_data $bytes $data (local.get 0) (i32.const 4))))

          (func (export "longs") (result i64)
            (local $a (ref null $longs)) (local $i i32) (local $sum i64)
            (local.set $a (array.new_fixed $longs 5 (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4) (i64.const 5)))
            (array.copy $longs $longs (local.get $a) (i32.const 1) (local.get $a) (i32.const 0) (i32.const 3))
            (array.fill $longs (local.get $a) (i32.const 4) (i64.const 10) (i32.const 1))
            (block $done
              (loop $add
                (br_if $done (i32.ge_u (local.get $i) (array.len (local.get $a))))
                (local.set $sum (i64.add (i64.mul (local.get $sum) (i64.const 100)) (array.get $longs (local.get $a) (local.get $i))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $add)))
            (local.get $sum))

          (func (export "i31_eq") (param i32 i32) (result i32) (ref.eq (ref.i31 (local.get 0)) (ref.i31 (local.get 1))))
          (func (export "i31_get_s") (param i32) (result i32) (i31.get_s (ref.i31 (local.get 0))))

          (func $value (param i32) (result anyref)
            (if (result anyref) (i32.eq (local.get 0) (i32.const 1))
              (then (ref.i31 (i32.const 5)))
              (else (if (result anyref) (i32.eq (local.get 0) (i32.const 2))
                (then (struct.new_default $node))
                (else (if (result anyref) (i32.eq (local.get 0) (i32.const 3))
                  (then (array.new_default $bytes (i32.const 3)))
                  (else (ref.null any))))))))
          (func (export "classify") (param i32) (result i32)
            (drop (block $i31 (result (ref i31))
              (drop (block $node (result (ref $node))
                (drop (block $array (result (ref array))
                  (br_on_cast $i31 anyref (ref i31) (call $value (local.get 0)))
                  (br_on_cast $node anyref (ref $node))
                  (br_on_cast $array anyref (ref array))
                  (drop)
                  (return (i32.const 0))))
                (return (i32.const 3))))
              (return (i32.const 2))))
            (i32.const 1))
          (func (export "struct_or_null") (param i32) (result i32)
            (drop (block $fail (result anyref)
              (br_on_cast_fail $fail anyref (ref null struct) (call $value (local.get 0)))
              (drop)
              (return (i32.const 1))))
            (i32.const 0))
          (func (export "test_node") (param i32) (result i32) (ref.test (ref $node) (call $value (local.get 0))))

          (func (export "cast") (result i32)
            (struct.get $node $value (ref.cast (ref $node) (ref.i31 (i32.const 77)))))
          (func (export "null_get") (result i32)
            (struct.get $node $value (ref.null $node))))
        """;

    private static readonly byte[] Bytes = Wat.Parse(Source);

    private static readonly Engine Engine = new(Config.Default with { Strategy = Strategy.Interpreter });

    private static readonly Instance Instance = new Linker(Engine).Instantiate(new Store(Engine), Module.FromBytes(Engine, Bytes));

    /// <summary>The module offset of the instruction that ends <paramref name="pattern"/> (its last <paramref name="length"/> bytes).</summary>
    private static int OffsetOf(byte[] pattern, int length)
    {
        int at = Bytes.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0 && Bytes.AsSpan(at + 1).IndexOf(pattern) < 0, "the pattern must occur once");
        return at + pattern.Length - length;
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(100, 5050)]
    public void A_linked_list_of_structs_sums_its_values(int n, int sum) =>
        Assert.Equal(sum, Instance.GetFunction<int, int>("list_sum")(n));

    [Fact]
    public void A_tree_of_structs_weighs_every_node()
    {
        Assert.Equal(1.5, Instance.GetFunction<int, double>("tree_weight")(0));
        Assert.Equal(31 * 1.5, Instance.GetFunction<int, double>("tree_weight")(4));
    }

    [Fact]
    public void Packed_fields_keep_their_low_bits_and_extend_on_get()
    {
        Assert.Equal(-128, Instance.GetFunction<int, int>("packed_s")(0x1ff80));
        Assert.Equal(127, Instance.GetFunction<int, int>("packed_s")(0x17f));
        Assert.Equal(0xff80, Instance.GetFunction<int, int>("packed_u")(0x1ff80));
    }

    [Fact]
    public void A_vector_field_keeps_both_halves() =>
        Assert.Equal(-1234567890123L, Instance.GetFunction<long, long>("vector")(-1234567890123L));

    [Theory]
    [InlineData(0, -1, 255)]
    [InlineData(1, 1, 1)]
    [InlineData(2, -128, 128)]
    [InlineData(3, 127, 127)]
    public void An_i8_array_from_a_data_segment_reads_signed_and_unsigned(int index, int extended, int zeroExtended)
    {
        Assert.Equal(extended, Instance.GetFunction<int, int>("byte_s")(index));
        Assert.Equal(zeroExtended, Instance.GetFunction<int, int>("byte_u")(index));
        Assert.Equal(4, Instance.GetFunction<int>("bytes_len")());
    }

    [Fact]
    public void Array_accesses_and_data_reads_out_of_bounds_trap()
    {
        TrapException element = Assert.Throws<TrapException>(() => Instance.GetFunction<int, int>("byte_s")(4));
        Assert.Equal(TrapCode.ArrayOutOfBounds, element.Code);
        Assert.Contains("out of bounds array access", element.Message, StringComparison.Ordinal);
        Assert.Equal(4, Instance.GetFunction<int, int>("bytes_from")(0));
        TrapException data = Assert.Throws<TrapException>(() => Instance.GetFunction<int, int>("bytes_from")(1));
        Assert.Equal(TrapCode.MemoryOutOfBounds, data.Code);
    }

    [Fact]
    public void Array_copy_overlaps_and_fill_writes_a_range() =>
        Assert.Equal(1_01_02_03_10L, Instance.GetFunction<long>("longs")());

    [Theory]
    [InlineData(5, 5, 1)]
    [InlineData(5, 6, 0)]
    [InlineData(100_000, 100_000, 1)]
    [InlineData(0x7fff_ffff, -1, 1)]
    public void Ref_eq_compares_i31_by_value(int a, int b, int equal) =>
        Assert.Equal(equal, Instance.GetFunction<int, int, int>("i31_eq")(a, b));

    [Fact]
    public void I31_get_s_sign_extends_the_31_bits()
    {
        Assert.Equal(-1, Instance.GetFunction<int, int>("i31_get_s")(0x7fff_ffff));
        Assert.Equal(0x3fff_ffff, Instance.GetFunction<int, int>("i31_get_s")(0x3fff_ffff));
    }

    [Theory]
    [InlineData(0, 0, 1, 0)]
    [InlineData(1, 1, 0, 0)]
    [InlineData(2, 2, 1, 1)]
    [InlineData(3, 3, 0, 0)]
    public void Casts_tell_values_apart(int kind, int classified, int structOrNull, int isNode)
    {
        Assert.Equal(classified, Instance.GetFunction<int, int>("classify")(kind));
        Assert.Equal(structOrNull, Instance.GetFunction<int, int>("struct_or_null")(kind));
        Assert.Equal(isNode, Instance.GetFunction<int, int>("test_node")(kind));
    }

    [Fact]
    public void A_failing_ref_cast_traps_at_the_cast()
    {
        TrapException trap = Assert.Throws<TrapException>(() => Instance.GetFunction<int>("cast")());
        Assert.Equal(TrapCode.CastFailure, trap.Code);
        Assert.Contains("cast failure", trap.Message, StringComparison.Ordinal);
        // i32.const 77, ref.i31, ref.cast (ref $node): the cast is the last three bytes.
        Assert.Equal(OffsetOf([0x41, 0xcd, 0x00, 0xfb, 0x1c, 0xfb, 0x16, 0x00], 3), trap.Backtrace[0].CodeOffset);
    }

    [Fact]
    public void A_field_of_null_traps()
    {
        TrapException trap = Assert.Throws<TrapException>(() => Instance.GetFunction<int>("null_get")());
        Assert.Equal(TrapCode.NullReference, trap.Code);
        Assert.Contains("null structure reference", trap.Message, StringComparison.Ordinal);
    }
}
