using Sharptime.Interpreter;

namespace Sharptime.Tests.Interpreter;

/// <summary>The interpreter's compact map from code positions to Wasm offsets (what trap backtraces report).</summary>
public sealed class OffsetTableTests
{
    [Fact]
    public void Every_position_maps_to_the_last_instruction_starting_at_or_before_it()
    {
        // Instructions that emit nothing share a position; deltas of one byte and of several.
        List<int> pcs = [0, 0, 3, 3, 7, 200, 200, 70_000, 70_004];
        List<int> offsets = [10, 12, 13, 14, 20, 21, 300, 301, 2_000_000];
        byte[] buffer = new byte[1]; // grows as needed
        var code = new FunctionCode
        {
            Code = [], ParamSlots = 0, LocalSlots = 0, Constants = [], FrameSlots = 0, Handlers = [],
            OffsetTable = FunctionCode.EncodeOffsets(pcs, offsets, ref buffer),
        };
        Assert.Equal(12, code.WasmOffsetAt(0));
        Assert.Equal(12, code.WasmOffsetAt(2));
        Assert.Equal(14, code.WasmOffsetAt(3));
        Assert.Equal(20, code.WasmOffsetAt(199));
        Assert.Equal(300, code.WasmOffsetAt(200));
        Assert.Equal(300, code.WasmOffsetAt(69_999));
        Assert.Equal(301, code.WasmOffsetAt(70_003));
        Assert.Equal(2_000_000, code.WasmOffsetAt(80_000));
        Assert.Equal(-1, new FunctionCode { Code = [], ParamSlots = 0, LocalSlots = 0, Constants = [], FrameSlots = 0, Handlers = [], OffsetTable = [] }.WasmOffsetAt(5));
    }
}
