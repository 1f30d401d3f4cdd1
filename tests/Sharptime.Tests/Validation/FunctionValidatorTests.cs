using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Validation;

public sealed class FunctionValidatorTests
{
    private static readonly ValueType I32 = ValueType.I32;
    private static readonly ValueType I64 = ValueType.I64;
    private static readonly ValueType F32 = ValueType.F32;

    [Fact]
    public void Valid_arithmetic_validates()
    {
        // (i32.add (local.get 0) (i32.const 1))
        TestModule.WithBody([I32], [I32], [0x20, 0x00, 0x41, 0x01, 0x6A, 0x0B]).Validate();
    }

    [Fact]
    public void Operand_mismatch_names_types_instruction_function_and_offset()
    {
        // (i32.add (f32.const 0) (i32.const 1))
        var m = TestModule.WithBody([], [I32], [0x43, 0, 0, 0, 0, 0x41, 0x01, 0x6A, 0x0B]);
        InvalidModuleException e = m.Invalid("type mismatch: instruction requires [i32 i32] but stack has [f32 i32]");
        Assert.Contains("in i32.add (function 0)", e.Message, StringComparison.Ordinal);
        Assert.Equal(8 + 7, e.Offset);
    }

    [Fact]
    public void Missing_operand_reports_empty_stack()
    {
        TestModule.WithBody([], [], [0x6A, 0x1A, 0x0B]).Invalid("type mismatch: instruction requires [i32 i32] but stack has []");
    }

    [Fact]
    public void Extra_value_at_block_end_is_reported_as_block_mismatch()
    {
        // (block (i32.const 1))
        TestModule.WithBody([0x02, 0x40, 0x41, 0x01, 0x0B, 0x0B]).Invalid("type mismatch: block requires [] but stack has [i32]");
    }

    [Fact]
    public void Function_result_must_match()
    {
        TestModule.WithBody([], [I32], [0x42, 0x01, 0x0B]).Invalid("type mismatch: instruction requires [i32] but stack has [i64]");
    }

    [Fact]
    public void Unreachable_code_is_polymorphic()
    {
        // unreachable; i32.add; drop; f32.const 0 ... result i64 from the polymorphic stack
        TestModule.WithBody([], [I64], [0x00, 0x6A, 0x1A, 0x0B]).Validate();
        // br 0 then arbitrary typed code
        TestModule.WithBody([], [I32], [0x0C, 0x00, 0x7C, 0x1A, 0x41, 0x00, 0x0B]).Invalid("type mismatch");
        // Polymorphic values still have to match what they are popped as when they are concrete.
        TestModule.WithBody([], [], [0x00, 0x42, 0x00, 0x6A, 0x1A, 0x0B]).Invalid("type mismatch: instruction requires [i32 i32] but stack has [i64]");
    }

    [Fact]
    public void Unknown_label_local_global_function()
    {
        TestModule.WithBody([0x0C, 0x01, 0x0B]).Invalid("unknown label");
        TestModule.WithBody([0x20, 0x00, 0x1A, 0x0B]).Invalid("unknown local");
        TestModule.WithBody([0x23, 0x00, 0x1A, 0x0B]).Invalid("unknown global");
        TestModule.WithBody([0x10, 0x05, 0x0B]).Invalid("unknown function");
        TestModule.WithBody([0x02, 0x05, 0x0B, 0x0B]).Invalid("unknown type");
    }

    [Fact]
    public void Br_table_targets_must_agree()
    {
        // (block (result i32) (block (i32.const 0) (i32.const 0) (br_table 0 1 1)))
        byte[] code = [0x02, 0x7F, 0x02, 0x40, 0x41, 0x00, 0x41, 0x00, 0x0E, 0x01, 0x00, 0x01, 0x0B, 0x41, 0x00, 0x0B, 0x0B];
        TestModule.WithBody([], [I32], code).Invalid("type mismatch");
        // Consistent: (block (result i32) (block (result i32) (i32.const 0) (i32.const 0) (br_table 0 1 1)) ) 
        byte[] ok = [0x02, 0x7F, 0x02, 0x7F, 0x41, 0x00, 0x41, 0x00, 0x0E, 0x01, 0x00, 0x01, 0x0B, 0x0B, 0x0B];
        TestModule.WithBody([], [I32], ok).Validate();
    }

    [Fact]
    public void If_without_else_must_keep_its_type()
    {
        // (if (result i32) (i32.const 1) (then (i32.const 1)))
        TestModule.WithBody([], [I32], [0x41, 0x01, 0x04, 0x7F, 0x41, 0x01, 0x0B, 0x0B]).Invalid("type mismatch");
        // With params = results it is fine: (type [i32] -> [i32]) if with no else
        var m = new TestModule();
        uint t = m.Func([I32], [I32]);
        m.Function(m.Func([], [I32]), [0x41, 0x02, 0x41, 0x01, 0x04, (byte)t, 0x0B, 0x0B]);
        m.Validate();
    }

    [Fact]
    public void Multi_value_blocks_need_the_proposal()
    {
        var m = new TestModule();
        uint t = m.Func([I32], [I32]);
        m.Function(m.Func([], [I32]), [0x41, 0x02, 0x02, (byte)t, 0x0B, 0x0B]);
        m.Validate();
        m.Invalid("proposal not enabled", WasmFeatures.None);
    }

    [Fact]
    public void Select_rules()
    {
        // select on f32 operands
        TestModule.WithBody([], [F32], [0x43, 0, 0, 0, 0, 0x43, 0, 0, 0, 0, 0x41, 0x00, 0x1B, 0x0B]).Validate();
        // mismatching operands
        TestModule.WithBody([], [F32], [0x43, 0, 0, 0, 0, 0x41, 0, 0x41, 0x00, 0x1B, 0x0B]).Invalid("type mismatch");
        // untyped select on references is invalid
        TestModule.WithBody([0xD0, 0x70, 0xD0, 0x70, 0x41, 0x00, 0x1B, 0x1A, 0x0B]).Invalid("type mismatch");
        // typed select with two types
        TestModule.WithBody([0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 0x02, 0x7F, 0x7F, 0x1A, 0x0B]).Invalid("invalid result arity");
        // typed select with a reference type
        TestModule.WithBody([0xD0, 0x70, 0xD0, 0x70, 0x41, 0x00, 0x1C, 0x01, 0x70, 0x1A, 0x0B]).Validate();
    }

    [Fact]
    public void Global_set_needs_a_mutable_global()
    {
        var m = new TestModule();
        m.Global(I32, mutable: false, [0x41, 0x00, 0x0B]);
        m.Function([], [], [0x41, 0x01, 0x24, 0x00, 0x0B]);
        m.Invalid("immutable global");
    }

    [Fact]
    public void Non_defaultable_locals_must_be_set_before_use()
    {
        var m = new TestModule();
        uint t = m.Func([], []);
        var local = new LocalRun(1, TestModule.Ref(t));
        // local.get 0 before any set
        m.Function(t, [0x20, 0x00, 0x1A, 0x0B], local);
        m.Invalid("uninitialized local");

        // set it, then get it: valid
        var ok = new TestModule();
        uint t2 = ok.Func([], []);
        ok.DeclarativeElements(0);
        ok.Function(t2, [0xD2, 0x00, 0x21, 0x00, 0x20, 0x00, 0x1A, 0x0B], local);
        ok.Validate();

        // set inside a block: uninitialized again after the block ends
        var scoped = new TestModule();
        uint t3 = scoped.Func([], []);
        scoped.DeclarativeElements(0);
        scoped.Function(t3, [0x02, 0x40, 0xD2, 0x00, 0x21, 0x00, 0x0B, 0x20, 0x00, 0x1A, 0x0B], local);
        scoped.Invalid("uninitialized local");
    }

    [Fact]
    public void Ref_func_needs_a_declaration()
    {
        var m = new TestModule();
        m.Function([], [], [0xD2, 0x00, 0x1A, 0x0B]);
        m.Invalid("undeclared function reference");
        m.Export("f", ExternKind.Func, 0);
        m.Validate();
    }

    [Fact]
    public void Call_indirect_and_return_call()
    {
        var m = new TestModule();
        uint t = m.Func([I32], [I32]);
        m.Table(ValueType.FuncRef, 1);
        // (call_indirect (type t) (i32.const 1) (i32.const 0))
        m.Function(t, [0x41, 0x01, 0x41, 0x00, 0x11, (byte)t, 0x00, 0x0B]);
        // return_call 0 with a matching result
        m.Function(t, [0x20, 0x00, 0x12, 0x00, 0x0B]);
        m.Validate();
        m.Invalid("proposal not enabled", WasmFeatures.Wasm2);

        var bad = new TestModule();
        uint t1 = bad.Func([], [I64]);
        bad.Function(t1, [0x42, 0x00, 0x0B]);
        bad.Function(bad.Func([], [I32]), [0x12, 0x00, 0x0B]);
        bad.Invalid("type mismatch");
    }

    [Fact]
    public void Deep_nesting_does_not_use_the_dotnet_stack()
    {
        const int depth = 200_000;
        var code = new byte[depth * 2 + depth + 1];
        int n = 0;
        for (int i = 0; i < depth; i++)
        {
            code[n++] = 0x02;
            code[n++] = 0x40;
        }
        for (int i = 0; i < depth; i++) code[n++] = 0x0B;
        code[n] = 0x0B;
        TestModule.WithBody(code).Validate();
    }

    [Fact]
    public void Truncated_body_is_malformed_not_a_crash()
    {
        Assert.ThrowsAny<WasmException>(() => TestModule.WithBody([0x02, 0x40, 0x0B]).Validate());
        Assert.ThrowsAny<WasmException>(() => TestModule.WithBody([0x41]).Validate());
    }

    [Fact]
    public void Random_bodies_only_throw_wasm_exceptions()
    {
        var rng = new Random(42);
        int rejected = 0;
        for (int i = 0; i < 3000; i++)
        {
            var code = new byte[1 + rng.Next(24)];
            rng.NextBytes(code);
            code[^1] = 0x0B;
            var module = TestModule.WithBody([I32], [I32], code, new LocalRun(2, I64));
            module.Memory(1);
            module.Table(ValueType.FuncRef, 1);
            try
            {
                module.Validate();
            }
            catch (WasmException)
            {
                rejected++;
            }
        }
        // Random bytes are almost never a valid body; the point is that nothing else was thrown.
        Assert.True(rejected > 2900);
    }
}
