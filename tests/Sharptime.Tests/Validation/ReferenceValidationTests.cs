using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Validation;

public sealed class ReferenceValidationTests
{
    private static readonly ValueType I32 = ValueType.I32;
    private static readonly ValueType I64 = ValueType.I64;

    [Fact]
    public void Table64_indices_are_i64()
    {
        var m = TestModule.WithBody([], [ValueType.FuncRef], [0x42, 0x00, 0x25, 0x00, 0x0B]);
        m.Table(ValueType.FuncRef, 1, is64: true);
        m.Validate();
        var bad = TestModule.WithBody([], [ValueType.FuncRef], [0x41, 0x00, 0x25, 0x00, 0x0B]);
        bad.Table(ValueType.FuncRef, 1, is64: true);
        bad.Invalid("type mismatch");
        // table.size of a 64-bit table is i64
        var size = TestModule.WithBody([], [I64], [0xFC, 0x10, 0x00, 0x0B]);
        size.Table(ValueType.FuncRef, 1, is64: true);
        size.Validate();
        TestModule.WithBody([], [I32], [0xFC, 0x10, 0x00, 0x0B]).Invalid("unknown table");
    }

    [Fact]
    public void Table_copy_and_init_check_element_types()
    {
        var m = TestModule.WithBody([0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0E, 0x00, 0x01, 0x0B]);
        m.Table(ValueType.FuncRef, 1);
        m.Table(ValueType.ExternRef, 1);
        m.Invalid("type mismatch");
    }

    [Fact]
    public void Call_ref_takes_a_typed_function_reference()
    {
        var m = new TestModule();
        uint t = m.Func([I32], [I32]);
        // (call_ref t (i32.const 1) (ref.null t))
        m.Function(m.Func([], [I32]), [0x41, 0x01, 0xD0, (byte)t, 0x14, (byte)t, 0x0B]);
        m.Validate();
        m.Invalid("proposal not enabled", WasmFeatures.Wasm2);
        // A funcref is not a (ref null t).
        var bad = new TestModule();
        uint t2 = bad.Func([I32], [I32]);
        bad.Function(bad.Func([], [I32]), [0x41, 0x01, 0xD0, 0x70, 0x14, (byte)t2, 0x0B]);
        bad.Invalid("type mismatch");
    }

    [Fact]
    public void Br_on_null_and_br_on_non_null()
    {
        var m = new TestModule();
        uint t = m.Func([], []);
        // (block (br_on_null 0 (ref.null t)) (drop))  -> leaves (ref t)
        m.Function(m.Func([], []), [0x02, 0x40, 0xD0, (byte)t, 0xD5, 0x00, 0x1A, 0x0B, 0x0B]);
        // (block (result (ref t)) (br_on_non_null 0 (ref.null t)) (unreachable))
        m.Function(m.Func([], []), [0x02, 0x64, (byte)t, 0xD0, (byte)t, 0xD6, 0x00, 0x00, 0x0B, 0x1A, 0x0B]);
        m.Validate();
        // br_on_non_null to a label without a reference type
        TestModule.WithBody([0x02, 0x40, 0xD0, 0x70, 0xD6, 0x00, 0x0B, 0x0B]).Invalid("type mismatch");
    }

    [Fact]
    public void Ref_as_non_null_and_is_null_need_references()
    {
        TestModule.WithBody([0x41, 0x00, 0xD1, 0x1A, 0x0B]).Invalid("type mismatch");
        TestModule.WithBody([0x41, 0x00, 0xD4, 0x1A, 0x0B]).Invalid("type mismatch");
        TestModule.WithBody([0xD0, 0x6F, 0xD4, 0xD1, 0x1A, 0x0B]).Validate();
    }

    [Fact]
    public void Extern_and_any_conversions_keep_nullability()
    {
        // (ref.null extern) any.convert_extern gives anyref, not (ref any)
        var m = new TestModule();
        m.Function([], [ValueType.Ref(HeapKind.Any, nullable: false)], [0xD0, 0x6F, 0xFB, 0x1A, 0x0B]);
        m.Invalid("type mismatch");
        var ok = new TestModule();
        ok.Function([], [ValueType.Ref(HeapKind.Any, nullable: true)], [0xD0, 0x6F, 0xFB, 0x1A, 0x0B]);
        ok.Validate();
    }

    [Fact]
    public void Struct_new_default_needs_defaultable_fields()
    {
        var m = new TestModule();
        uint f = m.Func([], []);
        uint s = m.Type(new StructCompositeType([new FieldType(TestModule.Ref(f), false)]));
        m.Function([], [], [0xFB, 0x01, (byte)s, 0x1A, 0x0B]);
        m.Invalid("type mismatch");
    }

    [Fact]
    public void Array_new_data_needs_numeric_elements_and_a_data_count()
    {
        var m = new TestModule();
        uint a = m.Type(new ArrayCompositeType(new FieldType(ValueType.FuncRef, true)));
        m.Function([], [], [0x41, 0, 0x41, 0, 0xFB, 0x09, (byte)a, 0x00, 0x1A, 0x0B]);
        m.PassiveData();
        m.DataCount = 1;
        m.Invalid("array type is not numeric or vector");

        var n = new TestModule();
        uint b = n.Type(new ArrayCompositeType(new FieldType(ValueType.I8, true)));
        n.Function([], [], [0x41, 0, 0x41, 0, 0xFB, 0x09, (byte)b, 0x00, 0x1A, 0x0B]);
        n.PassiveData();
        Assert.Throws<MalformedModuleException>(() => n.Validate());
        n.DataCount = 1;
        n.Validate();
    }

    [Fact]
    public void Array_new_fixed_in_unreachable_code_with_a_huge_count_is_fast()
    {
        var m = new TestModule();
        uint a = m.Type(new ArrayCompositeType(new FieldType(I32, false)));
        // unreachable; array.new_fixed a 0xFFFFFFFF; drop
        m.Function([], [], [0x00, 0xFB, 0x08, (byte)a, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x1A, 0x0B]);
        m.Validate();
    }

    [Fact]
    public void Subtyping_depth_is_limited()
    {
        var m = new TestModule();
        uint previous = m.Type(new StructCompositeType([]), final: false);
        for (int i = 0; i < 63; i++) previous = m.Type(new StructCompositeType([]), false, previous);
        m.Validate();
        m.Type(new StructCompositeType([]), false, previous);
        m.Invalid("sub type");
    }

    [Fact]
    public void Throw_ref_and_catch_all()
    {
        var m = new TestModule();
        // (block (result exnref) (try_table (catch_all_ref 0) (unreachable)) (unreachable)) throw_ref
        m.Function([], [], [0x02, 0x69, 0x1F, 0x40, 0x01, 0x03, 0x00, 0x00, 0x0B, 0x00, 0x0B, 0x0A, 0x0B]);
        m.Validate();
        m.Invalid("proposal not enabled", WasmFeatures.Wasm2);
        // legacy: (try (do) (catch_all) (catch_all)) -> second catch_all follows a catch_all
        TestModule.WithBody([0x06, 0x40, 0x19, 0x19, 0x0B, 0x0B]).Invalid("catch_all without matching try");
    }
}
