using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// A block or loop of a large function compiled as a method of its own (a part). The function's
/// method calls it where the block starts: the Wasm locals the block uses go by reference, and the
/// int it returns says where control goes on: 0 past the block's end, t + 1 to the label of the
/// enclosing frame t (0 is the function: a return).
/// </summary>
internal sealed class Region
{
    /// <summary>The module offset of the block or loop instruction.</summary>
    public required int Start { get; init; }

    /// <summary>The module offset just past its end.</summary>
    public required int End { get; init; }

    /// <summary>The enclosing frames, outermost first, from the function's own (index 0): the block's frame index is their count.</summary>
    public required Opcode[] Enclosing { get; init; }

    /// <summary>The Wasm locals (parameters included) the block reads or writes, ascending: the part's by-reference parameters.</summary>
    public required int[] Locals { get; init; }

    /// <summary>Per entry of <see cref="Locals"/>, whether the block writes it (it is copied back).</summary>
    public required bool[] Written { get; init; }

    /// <summary>The enclosing frames the block branches to, ascending (0: returns).</summary>
    public required int[] Exits { get; init; }

    /// <summary>Whether the block can return: the function's results then come back through cells, after the locals.</summary>
    public bool Returns => Exits.Length > 0 && Exits[0] == 0;
}

/// <summary>
/// Chooses the parts of a large function. RyuJIT compiles a method with MinOpts (no inlining, no
/// register allocation, every value in memory) when its IL has more than 20,000 instructions, 2,000
/// basic blocks or 8,000 local references; a Wasm function of 7,000 or so instructions reaches that.
/// Working from the innermost blocks out, each block (and the function) that is still larger than
/// <see cref="MaxInstructions"/> hands its largest eligible blocks to parts until it is not.
/// </summary>
/// <remarks>
/// Eligible: a loop, or a block outside every loop, without parameters or results, whose branches
/// out of it carry no values (but for returns) and reach at most <see cref="MaxExits"/> frames,
/// with no tail call in it, in a function without exception handling (a part's locals are copied
/// back only when it returns, so a handler in the caller would see stale ones); fuel and epoch
/// interruption keep functions whole (their state lives in the function's locals).
/// </remarks>
internal static class RegionPlanner
{
    /// <summary>Wasm instructions a method keeps at most, where parts can take the rest (about 14,000 IL instructions).</summary>
    public const int MaxInstructions = 5_000;

    /// <summary>Functions with less code than this are never split (they stay below the JIT's limits).</summary>
    private const int MinCodeLength = 12_000;

    /// <summary>Blocks smaller than this are not worth a call.</summary>
    private const int MinInstructions = 100;

    /// <summary>
    /// Blocks that branch to more enclosing frames than this stay in their function: each exit costs
    /// the caller a compare after every call (the nested blocks of a br_table switch would make the
    /// call's dispatch as long as the switch).
    /// </summary>
    private const int MaxExits = 8;

    private sealed class Node(Opcode kind, int start, int index, Node? parent)
    {
        public readonly Opcode Kind = kind;
        public readonly int Start = start;
        public readonly int FirstInstruction = index;
        public readonly Node? Parent = parent;
        public readonly List<Node> Children = [];
        public readonly HashSet<int> Read = [];
        public readonly HashSet<int> Written = [];
        public readonly HashSet<int> Exits = [];
        public bool Eligible;
        public bool InLoop;
        public bool Outlined;
        public int End;
        public int Instructions;
        public int Size;
    }

    /// <summary>The parts of defined function <paramref name="definedIndex"/>, in code order (empty when it stays whole).</summary>
    public static Region[] Plan(WasmModule module, int definedIndex)
    {
        FunctionBody body = module.Code[definedIndex];
        if (body.CodeLength < MinCodeLength) return [];
        Binary.FuncCompositeType type = module.FuncTypeOf((uint)(module.ImportedFunctionCount + definedIndex));
        var reader = new InstructionReader(module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset);
        var instr = new Instruction();
        var root = new Node(Opcode.Call, body.CodeOffset, 0, null);
        var open = new List<Node> { root };
        var arity = new List<int> { type.Results.Length };
        int count = 0;
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            count++;
            Node inner = open[^1];
            switch (instr.Opcode)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                {
                    // A block inside a loop would be a call per iteration (measured: sqlite3's interpreter
                    // loop 3.6x slower with its cases in parts); a loop is one call for all its iterations.
                    bool inLoop = inner.InLoop || inner.Kind == Opcode.Loop;
                    var node = new Node(instr.Opcode, instr.Offset, count - 1, inner)
                    {
                        InLoop = inLoop,
                        Eligible = (instr.Opcode == Opcode.Loop || (instr.Opcode == Opcode.Block && !inLoop)) && instr.Block.Kind == BlockTypeKind.Empty,
                    };
                    inner.Children.Add(node);
                    open.Add(node);
                    (int ps, int rs) = BlockArity(module, instr.Block);
                    arity.Add(instr.Opcode == Opcode.Loop ? ps : rs);
                    break;
                }
                case Opcode.End:
                    open.RemoveAt(open.Count - 1);
                    arity.RemoveAt(arity.Count - 1);
                    inner.End = reader.Offset;
                    inner.Instructions = count - inner.FirstInstruction;
                    if (inner.Parent is { } parent) Merge(inner, parent, open.Count - 1);
                    break;
                case Opcode.Br or Opcode.BrIf:
                    Exit(inner, open.Count - 1 - (int)instr.Index, arity);
                    break;
                case Opcode.BrTable:
                    foreach (uint target in instr.Targets) Exit(inner, open.Count - 1 - (int)target, arity);
                    Exit(inner, open.Count - 1 - (int)instr.Index, arity);
                    count += instr.Targets.Length;
                    break;
                case Opcode.Return:
                    Exit(inner, 0, arity);
                    break;
                case Opcode.LocalGet:
                    inner.Read.Add((int)instr.Index);
                    break;
                case Opcode.LocalSet or Opcode.LocalTee:
                    inner.Written.Add((int)instr.Index);
                    break;
                case Opcode.ReturnCall or Opcode.ReturnCallIndirect or Opcode.ReturnCallRef:
                    inner.Eligible = false;
                    inner.Exits.Add(-1);
                    break;
                case Opcode.Try or Opcode.TryTable or Opcode.Throw or Opcode.ThrowRef or Opcode.Rethrow or Opcode.Delegate
                    or Opcode.Catch or Opcode.CatchAll:
                    return [];
            }
        }
        if (count <= MaxInstructions) return [];
        Reduce(root);
        var regions = new List<Region>();
        Collect(root, [], regions);
        return [.. regions];
    }

    private static (int Params, int Results) BlockArity(WasmModule module, BlockType bt) => bt.Kind switch
    {
        BlockTypeKind.Empty => (0, 0),
        BlockTypeKind.Value => (0, 1),
        _ => module.Types[bt.TypeIndex].Composite is Binary.FuncCompositeType f ? (f.Params.Length, f.Results.Length) : (0, 0),
    };

    /// <summary>
    /// A branch from <paramref name="inner"/> (the innermost open frame) to frame <paramref name="target"/>:
    /// an exit when it leaves <paramref name="inner"/>; one that carries values makes the blocks it
    /// leaves ineligible (it is kept as a negative exit).
    /// </summary>
    private static void Exit(Node inner, int target, List<int> arity)
    {
        // A return (or a branch to the function's label) passes its values through the part's result cells.
        if (target < arity.Count - 1) inner.Exits.Add(target == 0 || arity[target] == 0 ? target : -1 - target);
    }

    /// <summary>What a closed block passes to its parent: locals, and the exits that also leave the parent (frame index <paramref name="parentIndex"/>).</summary>
    private static void Merge(Node child, Node parent, int parentIndex)
    {
        parent.Read.UnionWith(child.Read);
        parent.Written.UnionWith(child.Written);
        foreach (int exit in child.Exits)
        {
            if (exit < 0) child.Eligible = false;
            int target = exit < 0 ? -1 - exit : exit;
            if (exit == -1 || target < parentIndex) parent.Exits.Add(exit);
        }
    }

    /// <summary>Sets <see cref="Node.Size"/>: the instructions left in the node's method once its parts are chosen.</summary>
    private static void Reduce(Node node)
    {
        int size = node.Instructions;
        foreach (Node child in node.Children)
        {
            Reduce(child);
            size -= child.Instructions - child.Size;
        }
        while (size > MaxInstructions)
        {
            Node? largest = null;
            foreach (Node child in node.Children)
            {
                if (child.Eligible && !child.Outlined && child.Size >= MinInstructions && child.Exits.Count <= MaxExits
                    && (largest is null || child.Size > largest.Size))
                {
                    largest = child;
                }
            }
            if (largest is null) break;
            largest.Outlined = true;
            size -= largest.Size - CallInstructions(largest);
        }
        node.Size = size;
    }

    /// <summary>About what a call to a part costs its caller: the locals in and out, the call, the exits.</summary>
    private static int CallInstructions(Node node) => 4 + (2 * node.Read.Count) + (2 * node.Written.Count) + (4 * node.Exits.Count);

    private static void Collect(Node node, List<Opcode> enclosing, List<Region> regions)
    {
        enclosing.Add(node.Kind);
        foreach (Node child in node.Children)
        {
            if (child.Outlined)
            {
                var locals = new SortedSet<int>(child.Read);
                locals.UnionWith(child.Written);
                int[] ordered = [.. locals];
                var exits = new List<int>(child.Exits);
                exits.Sort();
                regions.Add(new Region
                {
                    Start = child.Start, End = child.End, Enclosing = [.. enclosing],
                    Locals = ordered, Written = Array.ConvertAll(ordered, child.Written.Contains), Exits = [.. exits],
                });
            }
            Collect(child, enclosing, regions);
        }
        enclosing.RemoveAt(enclosing.Count - 1);
    }
}
