using System.Globalization;

namespace Sharptime.Cli;

/// <summary>
/// The <c>-W</c> options of <c>sharptime run</c> that are not proposals: limits, fuel, epochs, the
/// timeout, in Wasmtime's spelling (numbers as <c>1024</c>, <c>0x400</c> or <c>1_024</c>; durations as
/// <c>10s</c>, <c>500ms</c>, <c>1m</c>).
/// </summary>
internal sealed class RuntimeOptions
{
    /// <summary>The keys with a one-line description each (what <c>-W help</c> prints, before the proposals).</summary>
    public static readonly (string Key, string Description)[] Keys =
    [
        ("max-memory-size=BYTES", "the largest size a linear memory may reach; memory.grow past it returns -1"),
        ("max-table-elements=N", "the most elements a table may hold; table.grow past it returns -1"),
        ("max-instances=N", "the most instances the store may hold"),
        ("max-tables=N", "the most tables the store may hold"),
        ("max-memories=N", "the most linear memories the store may hold"),
        ("trap-on-grow-failure[=y|n]", "a memory.grow or table.grow that fails traps instead of returning -1"),
        ("max-wasm-stack=BYTES", "the most stack WebAssembly may use; deeper recursion traps"),
        ("fuel=N", "count fuel (1 per instruction) and trap with 'all fuel consumed' after N"),
        ("epoch-interruption[=y|n]", "compile epoch checks into function entries and loops"),
        ("timeout=DURATION", "interrupt the guest after DURATION (10s, 500ms, 1m) through epoch interruption"),
    ];

    public ulong? MaxMemorySize { get; private set; }
    public ulong? MaxTableElements { get; private set; }
    public int? MaxInstances { get; private set; }
    public int? MaxTables { get; private set; }
    public int? MaxMemories { get; private set; }
    public bool TrapOnGrowFailure { get; private set; }
    public ulong? MaxWasmStack { get; private set; }
    public ulong? Fuel { get; private set; }
    public bool EpochInterruption { get; private set; }
    public TimeSpan? Timeout { get; private set; }

    /// <summary>Whether a store limit was given (then the store gets <see cref="StoreLimits"/>).</summary>
    public bool HasLimits => MaxMemorySize is not null || MaxTableElements is not null || MaxInstances is not null
        || MaxTables is not null || MaxMemories is not null || TrapOnGrowFailure;

    /// <summary>Applies one <c>-W</c> item when its key is one of <see cref="Keys"/>.</summary>
    /// <returns>False when the key is not a runtime option (it may be a proposal).</returns>
    /// <exception cref="UsageException">A known key with a bad value.</exception>
    public bool TryAdd(string item)
    {
        int equals = item.IndexOf('=', StringComparison.Ordinal);
        string key = equals < 0 ? item : item[..equals];
        string? value = equals < 0 ? null : item[(equals + 1)..];
        switch (key)
        {
            case "max-memory-size": MaxMemorySize = Number(key, value); return true;
            case "max-table-elements": MaxTableElements = Number(key, value); return true;
            case "max-instances": MaxInstances = Count(key, value); return true;
            case "max-tables": MaxTables = Count(key, value); return true;
            case "max-memories": MaxMemories = Count(key, value); return true;
            case "trap-on-grow-failure": TrapOnGrowFailure = Flag(key, value); return true;
            case "max-wasm-stack": MaxWasmStack = Number(key, value); return true;
            case "fuel": Fuel = Number(key, value); return true;
            case "epoch-interruption": EpochInterruption = Flag(key, value); return true;
            case "timeout": Timeout = Duration(key, value); return true;
            default: return false;
        }
    }

    /// <summary>A number as Wasmtime's CLI reads it: decimal or 0x hexadecimal, with optional _ separators.</summary>
    /// <exception cref="UsageException">Not a number, or out of range.</exception>
    public static ulong Number(string key, string? value, string flag = "-W")
    {
        if (value is null) throw new UsageException($"{flag} {key} needs a value ({key}=N)");
        string digits = value.Replace("_", "", StringComparison.Ordinal);
        bool hex = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (hex) digits = digits[2..];
        if (digits.Length > 0 && !value.StartsWith('_') && !value.EndsWith('_')
            && ulong.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out ulong n))
        {
            return n;
        }
        throw new UsageException($"invalid value '{value}' for {flag} {key} (expected a number such as 1024, 0x400 or 1_024)");
    }

    private static int Count(string key, string? value)
    {
        ulong n = Number(key, value);
        return n <= int.MaxValue ? (int)n : int.MaxValue;
    }

    private static bool Flag(string key, string? value) => value switch
    {
        null or "y" or "yes" or "true" or "on" => true,
        "n" or "no" or "false" or "off" => false,
        _ => throw new UsageException($"invalid value '{value}' for -W {key} (expected y or n)"),
    };

    /// <summary>A duration as Wasmtime's CLI reads it (humantime): one or more NUMBER UNIT, units ns, us, ms, s, m, h (and d).</summary>
    /// <exception cref="UsageException">Not a duration.</exception>
    public static TimeSpan Duration(string key, string? value)
    {
        if (string.IsNullOrEmpty(value)) throw new UsageException($"-W {key} needs a duration such as 10s, 500ms or 1m");
        double ticks = 0;
        int i = 0;
        while (i < value.Length)
        {
            int start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i])) i++;
            if (i == start) return Bad();
            ulong n = ulong.Parse(value.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            start = i;
            while (i < value.Length && char.IsAsciiLetter(value[i])) i++;
            double unit = value[start..i] switch
            {
                "ns" or "nsec" => 0.01,
                "us" or "usec" => 10,
                "ms" or "msec" => TimeSpan.TicksPerMillisecond,
                "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.TicksPerSecond,
                "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
                "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.TicksPerHour,
                "d" or "day" or "days" => TimeSpan.TicksPerDay,
                _ => double.NaN,
            };
            if (double.IsNaN(unit)) return Bad();
            ticks += n * unit;
            while (i < value.Length && value[i] == ' ') i++;
        }
        return ticks < TimeSpan.MaxValue.Ticks ? TimeSpan.FromTicks((long)ticks) : TimeSpan.MaxValue;

        TimeSpan Bad() => throw new UsageException($"invalid value '{value}' for -W {key} (expected a duration such as 10s, 500ms or 1m)");
    }

    /// <summary>The engine settings these options change.</summary>
    public Config Apply(Config config) => config with
    {
        ConsumeFuel = config.ConsumeFuel || Fuel is not null,
        EpochInterruption = config.EpochInterruption || EpochInterruption || Timeout is not null,
        MaxWasmStack = MaxWasmStack ?? config.MaxWasmStack,
    };

    /// <summary>Sets the store's limits, fuel and epoch deadline; starts the timeout's timer (dispose it after the run).</summary>
    public IDisposable? Configure(Store store)
    {
        if (HasLimits)
        {
            store.SetLimits(new StoreLimits
            {
                MemorySize = MaxMemorySize,
                TableElements = MaxTableElements,
                Instances = MaxInstances ?? StoreLimits.DefaultCount,
                Tables = MaxTables ?? StoreLimits.DefaultCount,
                Memories = MaxMemories ?? StoreLimits.DefaultCount,
                TrapOnGrowFailure = TrapOnGrowFailure,
            });
        }
        if (Fuel is ulong fuel) store.SetFuel(fuel);
        if (!store.Engine.Config.EpochInterruption) return null;
        if (Timeout is not TimeSpan timeout)
        {
            store.SetEpochDeadline(ulong.MaxValue);
            return null;
        }
        store.SetEpochDeadline(1);
        Engine engine = store.Engine;
        return new Timer(_ => engine.IncrementEpoch(), null, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }
}
