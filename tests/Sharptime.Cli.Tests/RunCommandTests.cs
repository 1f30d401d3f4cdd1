namespace Sharptime.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly string Hello = GuestRunner.Command("""
          (data (i32.const 100) "hello world\n")
          (func (export "_start") (call $print (i32.const 100) (i32.const 12)))
        """);

    /// <summary>Prints argv (NUL-separated) then the environment (NUL-separated), separated by "|".</summary>
    private static readonly string ArgsAndEnv = GuestRunner.Command("""
          (data (i32.const 50) "|")
          (func (export "_start")
            ;; argv: pointers at 1000, strings at 2000; environ: pointers at 3000, strings at 4000
            (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
            (drop (call $args_get (i32.const 1000) (i32.const 2000)))
            (call $print (i32.const 2000) (i32.load (i32.const 20)))
            (call $print (i32.const 50) (i32.const 1))
            (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))
            (drop (call $environ_get (i32.const 3000) (i32.const 4000)))
            (call $print (i32.const 4000) (i32.load (i32.const 20))))
        """);

    private const string Trapping = """
        (module $traps
          (func $inner (export "inner") unreachable)
          (func $outer (call $inner))
          (func (export "_start") (call $outer))
          (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
        """;

    private const string Numbers = """
        (module
          (func (export "all") (param i32 i64 f32 f64) (result i32 i64 f32 f64)
            local.get 0 local.get 1 local.get 2 local.get 3)
          (func (export "f64") (param f64) (result f64) local.get 0)
          (func (export "f32") (param f32) (result f32) local.get 0)
          (func (export "f32bits") (param f32) (result i32) local.get 0 i32.reinterpret_f32)
          (func (export "f64bits") (param f64) (result i64) local.get 0 i64.reinterpret_f64)
          (func (export "refs") (result funcref externref) ref.null func ref.null extern)
          (func (export "none"))
          (global (export "g") i32 (i32.const 0)))
        """;

    [Fact]
    public void A_command_runs_its_start_function_and_exits_0()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", dir.Write("hello.wat", Hello));
        Assert.Equal((0, "hello world\n", ""), (run.ExitCode, run.GuestStdout, run.Stderr));
    }

    [Fact]
    public void A_binary_module_runs_the_same_as_its_text()
    {
        using var dir = new TempDirectory();
        string wasm = Path.Combine(dir.Path, "hello.wasm");
        File.WriteAllBytes(wasm, Sharptime.Text.Wat.Parse(Hello));
        GuestRun run = GuestRunner.Run("run", wasm);
        Assert.Equal((0, "hello world\n"), (run.ExitCode, run.GuestStdout));
    }

    [Fact]
    public void The_file_alone_is_a_shorthand_for_run()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("hello.wat", Hello);
        Assert.Equal("hello world\n", GuestRunner.Run(file).GuestStdout);
        Assert.Equal("7", GuestRunner.Run("--invoke", "divide", dir.Write("t.wat", Trapping), "14", "2").Stdout.Trim());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(42)]
    public void The_exit_code_is_the_guest_proc_exit_code(int code)
    {
        using var dir = new TempDirectory();
        string file = dir.Write("exit.wat", GuestRunner.Command($$"""
              (func (export "_start") (call $proc_exit (i32.const {{code}})) unreachable)
            """));
        GuestRun run = GuestRunner.Run("run", file);
        Assert.Equal((code, ""), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public void A_trap_prints_the_message_and_the_wasm_backtrace_and_exits_as_wasmtime_does()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", dir.Write("trap.wat", Trapping));
        Assert.Equal(OperatingSystem.IsWindows() ? 3 : 134, run.ExitCode);
        string[] lines = run.ErrorLines;
        Assert.Equal("error: wasm trap: unreachable", lines[0]);
        Assert.Equal("wasm backtrace:", lines[1]);
        Assert.Matches(@"^0: +0x[0-9a-f]+ - traps!inner$", lines[2]);
        Assert.Matches(@"^1: +0x[0-9a-f]+ - traps!outer$", lines[3]);
        Assert.Matches(@"^2: +0x[0-9a-f]+ - traps!<wasm function 2>$", lines[4]);
        Assert.Equal(5, lines.Length);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trap_in_an_invoked_function_is_reported_the_same_way()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", "--invoke", "divide", dir.Write("trap.wat", Trapping), "1", "0");
        Assert.Equal(OperatingSystem.IsWindows() ? 3 : 134, run.ExitCode);
        Assert.Equal("error: wasm trap: integer divide by zero", run.ErrorLines[0]);
        Assert.Matches(@"traps!<wasm function 3>$", run.ErrorLines[2]);
    }

    [Fact]
    public void Invoke_parses_arguments_per_parameter_type_and_prints_each_result_on_a_line()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("numbers.wat", Numbers);
        GuestRun run = GuestRunner.Run("run", "--invoke", "all", file, "0xffffffff", "-0x10", "1e20", "-inf");
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(["-1", "-16", "100000000000000000000", "-inf"], CliRunner.Lines(run.Stdout));
        Assert.Equal(["2147483647", "9223372036854775807", "1.5", "0.1"],
            CliRunner.Lines(GuestRunner.Run("run", "--invoke", "all", file, "2147483647", "9_223_372_036_854_775_807", "1.5", "0.1").Stdout));
    }

    [Theory]
    [InlineData("f64", "1e-7", "0.0000001")]
    [InlineData("f64", "-0", "-0")]
    [InlineData("f64", "2", "2")]
    [InlineData("f64", "1.7976931348623157e308", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("f64", "nan", "NaN")]
    [InlineData("f64", "-nan", "NaN")]
    [InlineData("f64", "inf", "inf")]
    [InlineData("f64", "+infinity", "inf")]
    [InlineData("f32", "0.1", "0.1")]
    [InlineData("f32", "16777217", "16777216")]
    [InlineData("f32", "3.4028235e38", "340282350000000000000000000000000000000")]
    [InlineData("f32", "1e-45", "0.000000000000000000000000000000000000000000001")]
    [InlineData("f32bits", "nan", "2143289344")]
    [InlineData("f32bits", "-nan:0x1", "-8388607")]
    [InlineData("f64bits", "nan:0x4", "9218868437227405316")]
    [InlineData("f64bits", "-0.0", "-9223372036854775808")]
    public void Floats_are_parsed_with_wasm_spellings_and_printed_as_wasmtime_prints_them(string function, string argument, string printed)
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", "--invoke", function, dir.Write("numbers.wat", Numbers), argument);
        Assert.Equal((0, printed), (run.ExitCode, run.Stdout.TrimEnd('\n')));
    }

    [Fact]
    public void Invoke_prints_references_and_vectors_and_nothing_for_no_results()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("numbers.wat", Numbers);
        Assert.Equal(["<null funcref>", "<null externref>"], CliRunner.Lines(GuestRunner.Run("run", "--invoke", "refs", file).Stdout));
        GuestRun none = GuestRunner.Run("run", "--invoke", "none", file);
        Assert.Equal((0, "", ""), (none.ExitCode, none.Stdout, none.Stderr));
    }

    [Fact]
    public void Invoke_prints_a_v128_as_one_unsigned_128_bit_integer()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("v128.wat", "(module (func (export \"v128\") (result v128) v128.const i64x2 -1 1))");
        GuestRun run = GuestRunner.Run("run", "--invoke", "v128", file);
        Assert.Equal((0, "", "36893488147419103231"), (run.ExitCode, run.Stderr, run.Stdout.Trim()));
    }

    [Theory]
    [InlineData(new[] { "--invoke", "all", "1", "2", "3" }, "sharptime: --invoke all: the function takes 4 argument(s)")]
    [InlineData(new[] { "--invoke", "all", "4294967296", "0", "0", "0" }, "sharptime: --invoke all: argument 1: '4294967296' is out of range for i32")]
    [InlineData(new[] { "--invoke", "all", "-2147483649", "0", "0", "0" }, "sharptime: --invoke all: argument 1: '-2147483649' is out of range for i32")]
    [InlineData(new[] { "--invoke", "all", "0", "12x", "0", "0" }, "sharptime: --invoke all: argument 2: '12x' is not an i64")]
    [InlineData(new[] { "--invoke", "all", "0", "0", "one", "0" }, "sharptime: --invoke all: argument 3: 'one' is not an f32")]
    [InlineData(new[] { "--invoke", "all", "0", "0", "0", "NaN(" }, "sharptime: --invoke all: argument 4: 'NaN(' is not an f64")]
    [InlineData(new[] { "--invoke", "f32", "nan:0x0" }, "sharptime: --invoke f32: argument 1: 'nan:0x0': a NaN payload must be from 0x1 to 0x7fffff")]
    public void Bad_invoke_arguments_are_one_line_with_exit_code_2(string[] options, string message)
    {
        using var dir = new TempDirectory();
        string file = dir.Write("numbers.wat", Numbers);
        string[] args = ["run", options[0], options[1], file, .. options[2..]];
        GuestRun run = GuestRunner.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_arguments_are_checked_before_the_module_runs()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("reactor.wat", GuestRunner.Command("""
              (func (export "_initialize") (call $proc_exit (i32.const 9)))
              (func (export "f") (param i32) (result i32) (local.get 0))
            """));
        GuestRun run = GuestRunner.Run("run", "--invoke", "f", file, "x");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("sharptime: --invoke f: argument 1: 'x' is not an i32", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(9, GuestRunner.Run("run", "--invoke", "f", file, "1").ExitCode);
    }

    public static IEnumerable<object[]> UserErrors()
    {
        // (file name, contents or null for none, extra options, exit code, start of the one stderr line)
        yield return ["missing.wasm", null!, Array.Empty<string>(), 2, "sharptime: {0}: no such file"];
        yield return ["notes.txt", "just some notes", Array.Empty<string>(), 1, "error: {0} is not a WebAssembly module: magic header not detected at offset 0x0"];
        yield return ["truncated.wasm", "\0asm\u0001\0\0\0\u0001\u0005", Array.Empty<string>(), 1, "error: {0} is a malformed WebAssembly module: length out of bounds at offset 0x9"];
        yield return ["invalid.wat", "(module (func (result i32) (i64.const 1)))", Array.Empty<string>(), 1, "error: {0} is not a valid WebAssembly module: type mismatch"];
        yield return ["syntax.wat", "(module (func (i32.frob)))", Array.Empty<string>(), 1, "error: {0} is not a valid WebAssembly text module: unknown operator"];
        yield return ["import.wat", "(module (import \"env\" \"foo\" (func)) (func (export \"_start\")))", Array.Empty<string>(), 1, "error: cannot instantiate {0}: unknown import: env::foo (func) is not defined"];
        yield return ["reactor.wat", "(module (func (export \"f\")) (func (export \"g\")))", Array.Empty<string>(), 1, "error: {0} has no '_start' function to run; call one of its exported functions with --invoke NAME (exported functions: f, g)"];
        yield return ["start.wat", "(module (func (export \"_start\") (param i32)))", Array.Empty<string>(), 1, "error: {0}: '_start' has type"];
        yield return ["f.wat", "(module (func (export \"f\")))", new[] { "--invoke", "nope" }, 1, "error: {0}: no export named 'nope' (exported functions: f)"];
        yield return ["g.wat", "(module (global (export \"g\") i32 (i32.const 0)))", new[] { "--invoke", "g" }, 1, "error: {0}: 'g' is not a function (it exports no functions)"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "--dir", "/no/such/dir" }, 2, "sharptime: --dir /no/such/dir: no such directory"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "--frob" }, 2, "sharptime: unknown option '--frob' for run"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "-W", "frob=y" }, 2, "sharptime: unknown -W option 'frob' (try '-W help' for the list of keys)"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "-W", "fuel=lots" }, 2, "sharptime: invalid value 'lots' for -W fuel (expected a number"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "-W", "timeout=5parsecs" }, 2, "sharptime: invalid value '5parsecs' for -W timeout (expected a duration"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "-S", "frob" }, 2, "sharptime: unknown -S option 'frob' (try '-S help' for the list of keys)"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "--env", "=x" }, 2, "sharptime: --env '=x': expected NAME[=VALUE]"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "--tcplisten", "8080" }, 2, "sharptime: --tcplisten '8080': expected HOST:PORT"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "--tcplisten", "127.0.0.1:65536" }, 2, "sharptime: --tcplisten '127.0.0.1:65536': '65536' is not a port number"];
        yield return ["f.wat", "(module (func (export \"_start\")))", new[] { "--preload", "nope" }, 2, "sharptime: --preload 'nope': expected NAME=PATH"];
        yield return ["shared.wat", "(module (memory 1 1 shared) (func (export \"_start\")))", new[] { "-W", "threads=n" }, 1, "error: {0} is not a valid WebAssembly module"];
    }

    [Theory]
    [MemberData(nameof(UserErrors))]
    public void Every_user_error_is_one_line_on_stderr(string name, string? contents, string[] options, int exitCode, string message)
    {
        using var dir = new TempDirectory();
        string file = contents is null ? Path.Combine(dir.Path, name) : dir.Write(name, contents);
        GuestRun run = GuestRunner.Run(["run", .. options, file]);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, file), Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    public static IEnumerable<object[]> HostileGuests()
    {
        // (module, options, start of the first stderr line); each ends with a trap (exit status 134).
        yield return ["(module (func (export \"_start\") (loop br 0)))", new[] { "-W", "timeout=200ms" }, "error: wasm trap: interrupt"];
        yield return ["(module (func (export \"_start\") (loop br 0)))", new[] { "-W", "fuel=1_000" }, "error: wasm trap: all fuel consumed by WebAssembly"];
        yield return ["(module (func (export \"_start\") (loop br 0)))", new[] { "-W", "fuel=0x100,epoch-interruption" }, "error: wasm trap: all fuel consumed by WebAssembly"];
        yield return ["(module (memory 1) (func (export \"_start\") i32.const 2 memory.grow drop))", new[] { "-W", "max-memory-size=0x20000,trap-on-grow-failure" }, "error: wasm trap: forcing trap when growing memory to 196608 bytes"];
        yield return ["(module (table 1 funcref) (func (export \"_start\") ref.null func i32.const 20 table.grow drop))", new[] { "-W", "max-table-elements=10", "-W", "trap-on-grow-failure=y" }, "error: wasm trap: forcing trap when growing table to 21 elements"];
        yield return ["(module (func $f (export \"_start\") call $f))", new[] { "-W", "max-wasm-stack=65536" }, "error: wasm trap: call stack exhausted"];
    }

    [Theory]
    [MemberData(nameof(HostileGuests))]
    public void Hostile_guests_are_stopped_by_the_w_options(string module, string[] options, string message)
    {
        using var dir = new TempDirectory();
        string file = dir.Write("guest.wat", module);
        GuestRun run = GuestRunner.Run(["run", .. options, file]);
        Assert.Equal(OperatingSystem.IsWindows() ? 3 : 134, run.ExitCode);
        Assert.StartsWith(message, run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_runaway_recursion_prints_a_capped_backtrace()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", dir.Write("rec.wat", "(module (func $f (export \"_start\") call $f))"));
        Assert.Equal("error: wasm trap: call stack exhausted", run.ErrorLines[0]);
        Assert.InRange(run.ErrorLines.Length, 10, 2 + 2 * TrapException.BacktraceEndFrames + 1);
        Assert.Contains(run.ErrorLines, l => l.Contains("frames elided", StringComparison.Ordinal));
    }

    [Fact]
    public void W_help_and_s_help_describe_every_key()
    {
        GuestRun w = GuestRunner.Run("run", "-W", "help");
        Assert.Equal(0, w.ExitCode);
        foreach (string key in new[] { "max-memory-size", "max-table-elements", "max-instances", "max-tables", "max-memories", "trap-on-grow-failure", "max-wasm-stack", "fuel", "epoch-interruption", "timeout", "simd", "threads" })
        {
            Assert.Contains("  " + key, w.Stdout, StringComparison.Ordinal);
        }
        GuestRun s = GuestRunner.Run("run", "-S", "help");
        Assert.Equal(0, s.ExitCode);
        Assert.Contains("inherit-env", s.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-O", new[] { "opt-level", "pooling-allocator", "memory-init-cow", "regalloc-algorithm", "memory-guard-size", "pooling-total-stacks" })]
    [InlineData("-C", new[] { "cache", "cache-dir", "collector", "parallel-compilation", "cranelift-NAME" })]
    [InlineData("-D", new[] { "address-map", "debug-info", "guest-debug", "coredump" })]
    [InlineData("-W", new[] { "fuel", "unknown-imports-trap", "all-proposals", "simd", "nan-canonicalization", "component-model" })]
    [InlineData("-S", new[] { "cli", "common", "inherit-env", "tcplisten", "preview2", "preview0", "http" })]
    public void Every_option_group_has_a_help_listing_its_keys(string flag, string[] keys)
    {
        GuestRun run = GuestRunner.Run("run", flag, "help");
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        foreach (string key in keys) Assert.Contains("\n  " + key, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Wasmtime_keys_that_do_not_apply_warn_and_the_guest_runs()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", "-O", "memory-guard-size=0,opt-level=s", "-C", "parallel-compilation=n", "-D", "debug-info,address-map",
            "-W", "nan-canonicalization", "-S", "http", dir.Write("hello.wasm", Hello));
        Assert.Equal((0, "hello world\n"), (run.ExitCode, run.GuestStdout));
        Assert.Equal(
            [
                "sharptime: warning: -O memory-guard-size is not applicable to Sharptime and is ignored: every access is bounds-checked in code; no guard pages or signal handlers (.NET cannot catch a fault)",
                "sharptime: warning: -C parallel-compilation is not applicable to Sharptime and is ignored: the .NET JIT compiles each function when it first runs",
                "sharptime: warning: -D debug-info is not applicable to Sharptime and is ignored: no DWARF: generated code is .NET IL",
                "sharptime: warning: -W nan-canonicalization is not applicable to Sharptime and is ignored: NaN bits are what the hardware and the spec give",
                "sharptime: warning: -S http is not applicable to Sharptime and is ignored: Sharptime implements WASI preview 1 only (no http interface)",
            ], run.ErrorLines);
    }

    [Fact]
    public void Current_wasmtime_spellings_work_next_to_the_old_ones()
    {
        using var dir = new TempDirectory();
        string imports = dir.Write("import.wat", "(module (import \"env\" \"foo\" (func)) (func (export \"_start\")))");
        Assert.Equal(0, GuestRunner.Run("run", "-W", "unknown-imports-trap", imports).ExitCode);
        Assert.Equal(0, GuestRunner.Run("run", "--trap-unknown-imports", imports).ExitCode);

        string hello = dir.Write("hello.wasm", Hello);
        GuestRun noWasi = GuestRunner.Run("run", "-S", "common=n", hello);
        Assert.Equal(1, noWasi.ExitCode);
        Assert.Contains("unknown import: wasi_snapshot_preview1::", noWasi.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, "hello world\n"), (GuestRunner.Run("run", "-S", "tcplisten=127.0.0.1:0", "-W", "all-proposals=y", hello) is var r ? (r.ExitCode, r.GuestStdout) : default));
    }

    [Fact]
    public void The_pooling_allocator_options_reach_the_engine()
    {
        using var dir = new TempDirectory();
        string big = dir.Write("big.wat", "(module (memory 2) (func (export \"_start\")))");
        Assert.Equal(0, GuestRunner.Run("run", "-O", "pooling-allocator", big).ExitCode);
        GuestRun tooBig = GuestRunner.Run("run", "-O", "pooling-allocator,pooling-max-memory-size=0x10000", big);
        Assert.Equal(1, tooBig.ExitCode);
        Assert.Contains("MaxMemorySize", tooBig.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_without_a_file_and_a_directory_as_file_are_usage_errors()
    {
        using var dir = new TempDirectory();
        GuestRun none = GuestRunner.Run("run");
        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("sharptime: run needs a WebAssembly file", Assert.Single(none.ErrorLines), StringComparison.Ordinal);
        GuestRun folder = GuestRunner.Run("run", dir.Path);
        Assert.Equal(2, folder.ExitCode);
        Assert.Equal($"sharptime: {dir.Path}: is a directory, not a WebAssembly file", Assert.Single(folder.ErrorLines));
    }

    [Fact]
    public void Text_is_detected_by_content_not_by_extension()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", dir.Write("hello.wasm", "\uFEFF  " + Hello));
        Assert.Equal((0, "hello world\n"), (run.ExitCode, run.GuestStdout));
    }

    [Fact]
    public void Guest_arguments_follow_the_file_and_argv0_is_its_name_unless_given()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("args.wat", ArgsAndEnv);
        GuestRun run = GuestRunner.Run("run", file, "one", "two words", "--dir", "-W");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("args.wat\0one\0two words\0--dir\0-W\0|", run.GuestStdout);
        Assert.Equal("custom\0x\0|", GuestRunner.Run("run", "--argv0", "custom", "--", file, "x").GuestStdout);
    }

    [Fact]
    public void The_guest_sees_exactly_the_env_options_and_a_name_alone_inherits_the_host_value()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("env.wat", ArgsAndEnv);
        string inherited = "SHARPTIME_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(inherited, "from host");
        try
        {
            GuestRun run = GuestRunner.Run("run", "--env", "A=1", "--env", $"{inherited}", "--env=B=x=y", "--env", "UNSET_" + inherited, file);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal($"env.wat\0|A=1\0{inherited}=from host\0B=x=y\0", run.GuestStdout);
            GuestRun all = GuestRunner.Run("run", "-S", "inherit-env", file);
            Assert.Contains($"\0{inherited}=from host\0", "\0" + all.GuestStdout.Split('|')[1], StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
        }
    }

    [Fact]
    public void Dir_maps_host_directories_to_guest_names()
    {
        using var dir = new TempDirectory();
        dir.Write("data/greeting.txt", "hi from the host");
        // Prints the pre-opened names of fds 3 and 4, then the first 16 bytes of greeting.txt opened below fd 3.
        string file = dir.Write("dir.wat", """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $prestat_name (param i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 300) "greeting.txt|")
              (func $print (param $ptr i32) (param $len i32)
                (i32.store (i32.const 0) (local.get $ptr))
                (i32.store (i32.const 4) (local.get $len))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
              (func $check (param i32) (if (local.get 0) (then (call $proc_exit (i32.add (i32.const 100) (local.get 0))))))
              (func $name (param $fd i32)
                (call $check (call $prestat (local.get $fd) (i32.const 16)))
                (call $check (call $prestat_name (local.get $fd) (i32.const 400) (i32.load (i32.const 20))))
                (call $print (i32.const 400) (i32.load (i32.const 20)))
                (call $print (i32.const 312) (i32.const 1)))
              (func (export "_start")
                (call $name (i32.const 3))
                (call $name (i32.const 4))
                (call $check (call $path_open (i32.const 3) (i32.const 0) (i32.const 300) (i32.const 12)
                  (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 24)))
                (i32.store (i32.const 32) (i32.const 500))
                (i32.store (i32.const 36) (i32.const 16))
                (call $check (call $fd_read (i32.load (i32.const 24)) (i32.const 32) (i32.const 1) (i32.const 40)))
                (call $print (i32.const 500) (i32.load (i32.const 40)))))
            """);
        string data = Path.Combine(dir.Path, "data");
        GuestRun run = GuestRunner.Run("run", "--dir", $"{data}::/sandbox", "--dir", dir.Path, file);
        Assert.Equal((0, $"/sandbox|{dir.Path}|hi from the host"), (run.ExitCode, run.GuestStdout));
        Assert.Equal($"/m|{dir.Path}|hi from the host", GuestRunner.Run("run", "--mapdir", $"/m::{data}", "--dir", dir.Path, file).GuestStdout);
    }

    [Fact]
    public void Tcplisten_gives_the_guest_a_listening_socket_after_the_directories()
    {
        using var dir = new TempDirectory();
        // Exits with the file type of fd 3 (6 = socket_stream), or 100 + errno when fd_fdstat_get fails.
        string file = dir.Write("socket.wat", """
            (module
              (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fdstat (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (func (export "_start") (local $errno i32)
                (local.set $errno (call $fdstat (i32.const 3) (i32.const 64)))
                (if (local.get $errno) (then (call $proc_exit (i32.add (i32.const 100) (local.get $errno)))))
                (call $proc_exit (i32.load8_u (i32.const 64)))))
            """);
        Assert.Equal(6, GuestRunner.Run("run", "--tcplisten", "127.0.0.1:0", file).ExitCode);
        Assert.Equal(3, GuestRunner.Run("run", "--dir", dir.Path, "--tcplisten=127.0.0.1:0", file).ExitCode); // fd 3 is the directory
    }

    [Fact]
    public void A_reactor_is_initialized_before_the_invoked_function()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("reactor.wat", """
            (module
              (global $g (mut i32) (i32.const 1))
              (func (export "_initialize") (global.set $g (i32.const 42)))
              (func (export "get") (result i32) (global.get $g)))
            """);
        Assert.Equal("42", GuestRunner.Run("run", "--invoke", "get", file).Stdout.Trim());
    }

    [Fact]
    public void Features_can_be_switched_with_W()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("shared.wat", "(module (memory 1 1 shared) (func (export \"f\") (result i32) (i32.const 5)))");
        Assert.Equal("5", GuestRunner.Run("run", "-W", "threads=y", "--invoke", "f", file).Stdout.Trim());
        Assert.Equal("5", GuestRunner.Run("run", "-Wthreads", "--invoke", "f", file).Stdout.Trim());
    }

    [Fact]
    public void Preloaded_modules_satisfy_imports_by_name()
    {
        using var dir = new TempDirectory();
        string lib = dir.Write("lib.wat", "(module (func (export \"twice\") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))");
        string app = dir.Write("app.wat", """
            (module
              (import "lib" "twice" (func $twice (param i32) (result i32)))
              (func (export "run") (param i32) (result i32) (call $twice (local.get 0))))
            """);
        Assert.Equal("42", GuestRunner.Run("run", "--preload", $"lib={lib}", "--invoke", "run", app, "21").Stdout.Trim());
    }

    [Fact]
    public void Unknown_imports_can_be_defined_as_traps()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("import.wat", """
            (module $m
              (import "env" "missing" (func $missing))
              (func (export "ok") (result i32) (i32.const 1))
              (func (export "bad") (call $missing)))
            """);
        Assert.Equal("1", GuestRunner.Run("run", "--trap-unknown-imports", "--invoke", "ok", file).Stdout.Trim());
        GuestRun bad = GuestRunner.Run("run", "--trap-unknown-imports", "--invoke", "bad", file);
        Assert.Equal(OperatingSystem.IsWindows() ? 3 : 134, bad.ExitCode);
        Assert.Equal("error: wasm trap: unknown import called: env::missing", bad.ErrorLines[0]);
    }

    [Fact]
    public void Help_documents_every_option()
    {
        GuestRun run = GuestRunner.Run("run", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage: sharptime run", run.Stdout, StringComparison.Ordinal);
        foreach (string option in new[] { "--dir", "--mapdir", "--env", "--argv0", "--invoke", "--preload", "--trap-unknown-imports", "--tcplisten", "-W", "-S", "inherit-env", "max-memory-size", "134" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
        Assert.Equal(run.Stdout, GuestRunner.Run("help", "run").Stdout);
    }

    [Fact]
    public async Task The_built_command_exits_with_the_trap_code_and_prints_guest_output_in_one_process()
    {
        using var dir = new TempDirectory();
        ProcessResult hello = await CliProcess.RunAsync(["run", dir.Write("hello.wat", Hello)], dir.Path, TimeSpan.FromSeconds(120));
        Assert.Equal((0, "hello world\n", ""), (hello.ExitCode, hello.Stdout, hello.Stderr));
        ProcessResult trap = await CliProcess.RunAsync([dir.Write("trap.wat", Trapping)], dir.Path, TimeSpan.FromSeconds(120));
        Assert.Equal(OperatingSystem.IsWindows() ? 3 : 134, trap.ExitCode);
        Assert.StartsWith("error: wasm trap: unreachable\nwasm backtrace:\n", trap.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("", trap.Stdout);
    }
}
