using Sharptime.Binary;
using Sharptime.Validation;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Validation;

public sealed class TypeValidationTests
{
    private static readonly ValueType I32 = ValueType.I32;

    private static StructCompositeType Struct(params FieldType[] fields) => new(fields);

    [Fact]
    public void Identical_rec_groups_are_the_same_type()
    {
        var m = new TestModule();
        // Two identical groups (rec (type (struct (field (ref null 0))))) and one that differs.
        uint a = m.RecGroup((Struct(new FieldType(TestModule.Ref(0, true), false)), true, []));
        uint b = m.RecGroup((Struct(new FieldType(TestModule.Ref(1, true), false)), true, []));
        uint c = m.RecGroup((Struct(new FieldType(TestModule.Ref(0, true), false)), true, []));
        int[] ids = ValidatorEntry.Canonicalize(m.Build());
        Assert.Equal(ids[a], ids[b]);
        // c's field points outside its group to type 0, not to itself: a different type.
        Assert.NotEqual(ids[a], ids[c]);
    }

    [Fact]
    public void Groups_of_different_shape_are_different()
    {
        var m = new TestModule();
        uint a = m.Func([], []);
        uint g = m.RecGroup((new FuncCompositeType([], []), true, []), (new FuncCompositeType([], []), true, []));
        int[] ids = ValidatorEntry.Canonicalize(m.Build());
        Assert.NotEqual(ids[a], ids[g]);
        Assert.NotEqual(ids[g], ids[g + 1]);
    }

    [Fact]
    public void Supertypes_must_not_be_final_and_must_match()
    {
        var final = new TestModule();
        uint f = final.Type(Struct(), final: true);
        final.Type(Struct(), final: true, f);
        final.Invalid("sub type");

        var mismatch = new TestModule();
        uint s = mismatch.Type(Struct(new FieldType(I32, false)), final: false);
        mismatch.Type(Struct(new FieldType(ValueType.I64, false)), final: true, s);
        mismatch.Invalid("sub type");

        var ok = new TestModule();
        uint p = ok.Type(Struct(new FieldType(I32, false)), final: false);
        ok.Type(Struct(new FieldType(I32, false), new FieldType(ValueType.F32, true)), final: true, p);
        ok.Validate();

        var forward = new TestModule();
        forward.RecGroup((Struct(), true, [1]), (Struct(), false, []));
        forward.Invalid("unknown type");
    }

    [Fact]
    public void Subtypes_flow_into_supertype_operands()
    {
        var m = new TestModule();
        uint super = m.Type(Struct(new FieldType(I32, false)), final: false);
        uint sub = m.Type(Struct(new FieldType(I32, false)), final: true, super);
        // (func (param (ref sub)) (result i32) (struct.get super 0 (local.get 0)))
        uint t = m.Func([TestModule.Ref(sub)], [I32]);
        m.Function(t, [0x20, 0x00, 0xFB, 0x02, (byte)super, 0x00, 0x0B]);
        m.Validate();

        // The other way round is a type mismatch.
        var n = new TestModule();
        uint super2 = n.Type(Struct(new FieldType(I32, false)), final: false);
        uint sub2 = n.Type(Struct(new FieldType(I32, false)), final: true, super2);
        uint t2 = n.Func([TestModule.Ref(super2)], [I32]);
        n.Function(t2, [0x20, 0x00, 0xFB, 0x02, (byte)sub2, 0x00, 0x0B]);
        n.Invalid("type mismatch");
    }

    [Fact]
    public void Immutable_fields_and_arrays_cannot_be_set()
    {
        var m = new TestModule();
        uint s = m.Type(Struct(new FieldType(I32, false)));
        uint t = m.Func([TestModule.Ref(s)], []);
        m.Function(t, [0x20, 0x00, 0x41, 0x01, 0xFB, 0x05, (byte)s, 0x00, 0x0B]);
        m.Invalid("immutable field");

        var a = new TestModule();
        uint arr = a.Type(new ArrayCompositeType(new FieldType(I32, false)));
        uint ta = a.Func([TestModule.Ref(arr)], []);
        a.Function(ta, [0x20, 0x00, 0x41, 0x00, 0x41, 0x01, 0xFB, 0x0E, (byte)arr, 0x0B]);
        a.Invalid("immutable array");
    }

    [Fact]
    public void Packed_fields_need_signed_or_unsigned_gets()
    {
        var m = new TestModule();
        uint s = m.Type(Struct(new FieldType(ValueType.I8, true)));
        uint t = m.Func([TestModule.Ref(s)], [I32]);
        m.Function(t, [0x20, 0x00, 0xFB, 0x02, (byte)s, 0x00, 0x0B]);
        m.Invalid("type mismatch");
        var ok = new TestModule();
        uint s2 = ok.Type(Struct(new FieldType(ValueType.I8, true)));
        uint t2 = ok.Func([TestModule.Ref(s2)], [I32]);
        ok.Function(t2, [0x20, 0x00, 0xFB, 0x03, (byte)s2, 0x00, 0x0B]);
        ok.Validate();
    }

    [Fact]
    public void Array_copy_needs_matching_element_types()
    {
        var m = new TestModule();
        uint dst = m.Type(new ArrayCompositeType(new FieldType(I32, true)));
        uint src = m.Type(new ArrayCompositeType(new FieldType(ValueType.I16, true)));
        uint t = m.Func([TestModule.Ref(dst), TestModule.Ref(src)], []);
        m.Function(t, [0x20, 0x00, 0x41, 0x00, 0x20, 0x01, 0x41, 0x00, 0x41, 0x00, 0xFB, 0x11, (byte)dst, (byte)src, 0x0B]);
        m.Invalid("array types do not match");
    }

    [Fact]
    public void Casts_stay_in_one_hierarchy_and_br_on_cast_checks_its_label()
    {
        // (ref.cast (ref struct) (ref.null func)) is a type mismatch: different hierarchies.
        TestModule.WithBody([0xD0, 0x70, 0xFB, 0x16, 0x6B, 0x1A, 0x0B]).Invalid("type mismatch");
        // (block (result anyref) (br_on_cast 0 anyref (ref i31) (ref.null any)) drop (ref.null any))
        byte[] ok = [0x02, 0x6E, 0xD0, 0x6E, 0xFB, 0x18, 0x01, 0x00, 0x6E, 0x6C, 0x1A, 0xD0, 0x6E, 0x0B, 0x1A, 0x0B];
        TestModule.WithBody(ok).Validate();
        // Target not a subtype of the source: (ref func) from anyref.
        byte[] bad = [0x02, 0x6E, 0xD0, 0x6E, 0xFB, 0x18, 0x01, 0x00, 0x6E, 0x70, 0x1A, 0xD0, 0x6E, 0x0B, 0x1A, 0x0B];
        TestModule.WithBody(bad).Invalid("type mismatch");
    }

    [Fact]
    public void Gc_types_need_the_proposal()
    {
        var m = new TestModule();
        m.Type(Struct());
        m.Invalid("proposal not enabled", WasmFeatures.Wasm2);
        TestModule.WithBody([0xD0, 0x6E, 0x1A, 0x0B]).Invalid("proposal not enabled", WasmFeatures.Wasm2);
    }

    [Fact]
    public void Exceptions_try_table_and_legacy()
    {
        var m = new TestModule();
        uint tag = m.Tag(m.Func([I32], []));
        // (block (result i32) (try_table (catch 0 0) (i32.const 1) (throw 0)) (i32.const 0))
        m.Function(m.Func([], [I32]), [0x02, 0x7F, 0x1F, 0x40, 0x01, 0x00, (byte)tag, 0x00, 0x41, 0x01, 0x08, 0x00, 0x0B, 0x41, 0x00, 0x0B, 0x0B]);
        m.Validate();

        var bad = new TestModule();
        bad.Tag(bad.Func([ValueType.I64], []));
        bad.Function(bad.Func([], [I32]), [0x02, 0x7F, 0x1F, 0x40, 0x01, 0x00, 0x00, 0x00, 0x0B, 0x41, 0x00, 0x0B, 0x0B]);
        bad.Invalid("type mismatch");

        var legacy = new TestModule();
        legacy.Tag(legacy.Func([I32], []));
        // (try (do) (catch 0 (drop) (rethrow 0)))
        legacy.Function([], [], [0x06, 0x40, 0x07, 0x00, 0x1A, 0x09, 0x00, 0x0B, 0x0B]);
        legacy.Validate();
        // rethrow outside a catch
        var rethrow = TestModule.WithBody([0x02, 0x40, 0x09, 0x00, 0x0B, 0x0B]);
        rethrow.Invalid("invalid rethrow label");
        // (try (do) (delegate 1)) inside a block: the label is relative to the try's parent.
        TestModule.WithBody([0x02, 0x40, 0x06, 0x40, 0x18, 0x01, 0x0B, 0x0B]).Validate();
        TestModule.WithBody([0x02, 0x40, 0x06, 0x40, 0x18, 0x02, 0x0B, 0x0B]).Invalid("unknown label");
    }

    [Fact]
    public void Recursive_type_checks_terminate_on_cyclic_references()
    {
        var m = new TestModule();
        // (rec (type $a (sub (struct (field (ref null $b))))) (type $b (sub $a (struct (field (ref null $b))))))
        m.RecGroup(
            (Struct(new FieldType(TestModule.Ref(1, true), false)), false, []),
            (Struct(new FieldType(TestModule.Ref(1, true), false)), false, [0]));
        m.Validate();
    }
}

/// <summary>Reaches the validator's canonical ids for tests.</summary>
internal static class ValidatorEntry
{
    public static int[] Canonicalize(WasmModule module) => ModuleValidator.ValidateAndCanonicalize(module, WasmFeatures.All);
}
