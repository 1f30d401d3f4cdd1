using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Validation;

public sealed class ModuleValidatorTests
{
    [Fact]
    public void Empty_module_validates_with_any_features()
    {
        new TestModule().Validate(WasmFeatures.None);
        new TestModule().Validate(WasmFeatures.All);
    }

    [Fact]
    public void Duplicate_export_names_are_invalid()
    {
        var m = new TestModule();
        m.Function([], [], [0x0B]);
        m.Export("a", ExternKind.Func, 0);
        m.Export("a", ExternKind.Func, 0);
        m.Invalid("duplicate export name");
    }

    [Fact]
    public void Exports_name_existing_definitions()
    {
        var m = new TestModule();
        m.Export("m", ExternKind.Memory, 0);
        m.Invalid("unknown memory 0");
    }

    [Fact]
    public void Start_function_has_no_params_or_results()
    {
        var m = new TestModule();
        m.Function([], [ValueType.I32], [0x41, 0x00, 0x0B]);
        m.Start = 0;
        m.Invalid("start function");
        var u = new TestModule { Start = 3 };
        u.Invalid("unknown function");
    }

    [Fact]
    public void Limits()
    {
        var m = new TestModule();
        m.Memory(2, 1);
        m.Invalid("size minimum must not be greater than maximum");

        var big = new TestModule();
        big.Memory(65537);
        big.Invalid("memory size");

        var big64 = new TestModule();
        big64.Memory(1UL << 48, is64: true);
        big64.Validate();
        var bigger64 = new TestModule();
        bigger64.Memory((1UL << 48) + 1, is64: true);
        bigger64.Invalid("memory size must be at most");

        var shared = new TestModule();
        shared.Memory(1, null, shared: true);
        shared.Invalid("shared memory must have maximum");

        var table = new TestModule();
        table.Table(ValueType.FuncRef, 10, 5);
        table.Invalid("size minimum must not be greater than maximum");
    }

    [Fact]
    public void Custom_page_sizes()
    {
        var one = new TestModule();
        one.Memory(0xFFFF_FFFF, pageSizeLog2: 0);
        one.Validate();
        one.Invalid("proposal not enabled", WasmFeatures.Wasm3);
        var tooBig = new TestModule();
        tooBig.Memory(0x1_0000_0000, pageSizeLog2: 0);
        tooBig.Invalid("memory size must be at most");
        var odd = new TestModule();
        odd.Memory(0, pageSizeLog2: 1);
        odd.Invalid("invalid custom page size");
    }

    [Fact]
    public void Multiple_memories_need_the_proposal()
    {
        var m = new TestModule();
        m.Memory(1);
        m.Memory(1);
        m.Validate();
        m.Invalid("multiple memories", WasmFeatures.Wasm2);
    }

    [Fact]
    public void Constant_expressions()
    {
        var m = new TestModule();
        m.Global(ValueType.I32, false, [0x41, 0x01, 0x41, 0x02, 0x6A, 0x0B]);
        m.Validate();
        m.Invalid("constant expression required", WasmFeatures.Wasm2);

        var nonConst = new TestModule();
        nonConst.Global(ValueType.I32, false, [0x41, 0x01, 0x45, 0x0B]);
        nonConst.Invalid("constant expression required");

        var wrongType = new TestModule();
        wrongType.Global(ValueType.I32, false, [0x42, 0x01, 0x0B]);
        wrongType.Invalid("type mismatch");

        var forward = new TestModule();
        forward.Global(ValueType.I32, false, [0x23, 0x01, 0x0B]);
        forward.Global(ValueType.I32, false, [0x41, 0x00, 0x0B]);
        forward.Invalid("unknown global");

        var backward = new TestModule();
        backward.Global(ValueType.I32, false, [0x41, 0x00, 0x0B]);
        backward.Global(ValueType.I32, false, [0x23, 0x00, 0x0B]);
        backward.Validate();
        // Before Wasm 3.0 only imported globals could be read.
        backward.Invalid("unknown global", WasmFeatures.Wasm2 | WasmFeatures.ExtendedConst);

        var mutable = new TestModule();
        mutable.ImportGlobal(ValueType.I32, mutable: true);
        mutable.Global(ValueType.I32, false, [0x23, 0x00, 0x0B]);
        mutable.Invalid("constant expression required");
    }

    [Fact]
    public void Element_segments_declare_functions_and_match_tables()
    {
        var m = new TestModule();
        m.Table(ValueType.ExternRef, 1);
        m.Function([], [], [0x0B]);
        m.ActiveElements(0, [0x41, 0x00, 0x0B], 0);
        m.Invalid("type mismatch");

        var unknown = new TestModule();
        unknown.Table(ValueType.FuncRef, 1);
        unknown.ActiveElements(0, [0x41, 0x00, 0x0B], 7);
        unknown.Invalid("unknown function 7");

        var exprs = new TestModule();
        exprs.Function([], [], [0xD2, 0x00, 0x1A, 0x0B]);
        exprs.PassiveElementExprs(ValueType.FuncRef, [0xD2, 0x00, 0x0B]);
        exprs.Validate();
    }

    [Fact]
    public void Tags_have_function_types_without_results()
    {
        var m = new TestModule();
        m.Tag(m.Func([ValueType.I32], [ValueType.I32]));
        m.Invalid("non-empty tag result type");
        var u = new TestModule();
        u.Tag(5);
        u.Invalid("unknown type");
    }

    [Fact]
    public void Mutable_global_exports_need_the_proposal()
    {
        var m = new TestModule();
        m.Global(ValueType.I32, true, [0x41, 0x00, 0x0B]);
        m.Export("g", ExternKind.Global, 0);
        m.Validate(WasmFeatures.Wasm2);
        m.Invalid("proposal not enabled", WasmFeatures.None);
    }

    [Fact]
    public void Hand_built_models_with_bad_indices_are_rejected_not_crashed()
    {
        var m = new TestModule();
        m.Function(9, [0x0B]);
        m.Invalid("unknown type 9");
    }
}
