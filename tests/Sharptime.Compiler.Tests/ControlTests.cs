namespace Sharptime.Compiler.Tests;

public sealed class ControlTests
{
    private const string Module = """
        (module
          (func $fac (export "fac") (param i64) (result i64)
            local.get 0 i64.eqz
            if (result i64) i64.const 1
            else local.get 0 local.get 0 i64.const 1 i64.sub call $fac i64.mul end)
          (func (export "loop_sum") (param i32) (result i32) (local i32)
            block $done
              loop $next
                local.get 0 i32.eqz br_if $done
                local.get 1 local.get 0 i32.add local.set 1
                local.get 0 i32.const 1 i32.sub local.set 0
                br $next
              end
            end
            local.get 1)
          (func (export "switch") (param i32) (result i32)
            block $c block $b block $a
              local.get 0 br_table $a $b $c
            end i32.const 10 return
            end i32.const 20 return
            end i32.const 30)
          (func (export "br_with_value") (param i32) (result i32)
            i32.const 100
            block (result i32)
              i32.const 1 i32.const 2
              local.get 0 br_if 0
              drop
            end
            i32.add)
          (func (export "br_table_values") (param i32) (result i32)
            i32.const 1000
            block (result i32)
              i32.const 5
              block (result i32)
                i32.const 7 i32.const 8
                local.get 0
                br_table 0 1
              end
              i32.add
            end
            i32.add)
          (func (export "select") (param i32 i32 i32) (result i32) local.get 0 local.get 1 local.get 2 select)
          (func (export "early_return") (param i32) (result i32)
            i32.const 3
            local.get 0 if i32.const 7 i32.const 9 return end
            drop i32.const 4)
          (func (export "multi") (param i32) (result i32 i32) local.get 0 i32.const 1 i32.add local.get 0 i32.const 2 i32.mul)
          (func (export "use_multi") (param i32) (result i32) local.get 0 call 7 i32.sub)
          (func (export "block_params") (param i32) (result i32)
            local.get 0 i32.const 10
            block (param i32 i32) (result i32) i32.add end)
          (func (export "unreachable_after_br") (result i32)
            block (result i32) i32.const 5 br 0 i32.add end)
          (func (export "nested_unreachable") (result i32)
            i32.const 1
            if (result i32) i32.const 2 return else unreachable end)
        )
        """;

    private static readonly Instance Instance = Wasm.Instantiate(Module);

    [Fact]
    public void Recursion_through_if_else() => Assert.Equal(3628800L, Instance.GetFunction<long, long>("fac")(10));

    [Fact]
    public void Loop_with_br_if() => Assert.Equal(5050, Instance.GetFunction<int, int>("loop_sum")(100));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 20)]
    [InlineData(2, 30)]
    [InlineData(7, 30)]
    [InlineData(-1, 30)]
    public void Br_table_picks_targets(int index, int expected) => Assert.Equal(expected, Instance.GetFunction<int, int>("switch")(index));

    [Theory]
    [InlineData(1, 102)]
    [InlineData(0, 101)]
    public void Br_if_drops_values_below_its_operands(int take, int expected) =>
        Assert.Equal(expected, Instance.GetFunction<int, int>("br_with_value")(take));

    [Theory]
    [InlineData(0, 1000 + 5 + 8)]
    [InlineData(1, 1000 + 8)]
    [InlineData(9, 1000 + 8)]
    public void Br_table_with_values(int index, int expected) =>
        Assert.Equal(expected, Instance.GetFunction<int, int>("br_table_values")(index));

    [Fact]
    public void Select_picks_by_condition()
    {
        Func<int, int, int, int> select = Instance.GetFunction<int, int, int, int>("select");
        Assert.Equal(1, select(1, 2, 5));
        Assert.Equal(2, select(1, 2, 0));
    }

    [Fact]
    public void Return_drops_the_rest_of_the_stack()
    {
        Assert.Equal(9, Instance.GetFunction<int, int>("early_return")(1));
        Assert.Equal(4, Instance.GetFunction<int, int>("early_return")(0));
    }

    [Fact]
    public void Multiple_results()
    {
        Value[] results = Instance.GetFunction("multi")!.Call(Value.I32(5));
        Assert.Equal([6, 10], results.Select(v => v.AsI32()));
        Assert.Equal(-4, Instance.GetFunction<int, int>("use_multi")(5));
    }

    [Fact]
    public void Block_parameters() => Assert.Equal(15, Instance.GetFunction<int, int>("block_params")(5));

    [Fact]
    public void Code_after_branch_is_skipped()
    {
        Assert.Equal(5, Instance.GetFunction<int>("unreachable_after_br")());
        Assert.Equal(2, Instance.GetFunction<int>("nested_unreachable")());
    }

    [Fact]
    public void Unreachable_traps_with_backtrace()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func $inner unreachable)
              (func $outer (export "run") call $inner))
            """);
        TrapException trap = Wasm.Traps(() => instance.GetAction("run")());
        Assert.Equal(TrapCode.Unreachable, trap.Code);
        Assert.StartsWith("unreachable", trap.Message);
        Assert.Equal([0, 1], trap.Backtrace.Select(f => f.FunctionIndex));
        Assert.Equal(["inner", "outer"], trap.Backtrace.Select(f => f.FunctionName));
        Assert.All(trap.Backtrace, f => Assert.NotNull(f.CodeOffset));
        Assert.True(trap.Backtrace[0].CodeOffset < trap.Backtrace[1].CodeOffset);
        Assert.Contains("inner", trap.ToString());
    }

    [Fact]
    public void Br_table_with_only_a_default()
    {
        Instance instance = Wasm.Instantiate("(module (func (export \"f\") (result i32) (block (br_table 0 (i32.const 0)) (unreachable)) (i32.const 19)))");
        Assert.Equal(19, instance.GetFunction<int>("f")());
    }

    [Fact]
    public void Typed_delegate_checks_the_signature()
    {
        Assert.Throws<WasmException>(() => Instance.GetFunction<long, int>("loop_sum"));
        Assert.Throws<WasmException>(() => Instance.GetFunction<int>("no_such_export"));
    }
}

public sealed class OperandStackLimitTests
{
    /// <summary>A function that pushes <paramref name="depth"/> constants, then adds them all up.</summary>
    private static string DeepStack(int depth)
    {
        var text = new System.Text.StringBuilder("(module (func (export \"sum\") (result i32)\n");
        for (int i = 0; i < depth; i++) text.Append("i32.const 1\n");
        for (int i = 1; i < depth; i++) text.Append("i32.add\n");
        return text.Append("))").ToString();
    }

    [Fact]
    public void Operand_stack_of_65535_values_runs()
    {
        Instance instance = Wasm.Instantiate(DeepStack(65_535));
        Assert.Equal(65_535, instance.GetFunction<int>("sum")());
    }

    [Fact]
    public void Operand_stack_deeper_than_the_IL_stack_runs_in_the_interpreter_or_is_refused_by_the_compiler_alone()
    {
        string wat = DeepStack(65_536);
        Assert.Equal(65_536, Wasm.Instantiate(wat).GetFunction<int>("sum")());
        var compilerOnly = new Engine(Config.Default.UseCompiler() with { Strategy = Strategy.Compiler });
        CompilerLimitException e = Assert.Throws<CompilerLimitException>(() => Module.FromBytes(compilerOnly, Sharptime.Text.Wat.Parse(wat)));
        Assert.Contains("operand stack is deeper than 65,535 values", e.Message);
        Assert.Contains("function 0", e.Message);
    }
}
