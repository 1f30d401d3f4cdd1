using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// A block or loop of a large function, or a run of its straight-line statements, compiled as a
/// method of its own (a part). The function's method calls it where the code starts: the Wasm locals the block uses go by reference, and the
/// int it returns says where control goes on: 0 past the block's end, t + 1 to the label of the
/// enclosing frame t (0 is the function: a return).
/// </summary>
internal sealed class Region
{
    /// <summary>The module offset of the block or loop instruction, or of the run's first instruction.</summary>
    public required int Start { get; init; }

    /// <summary>The module offset just past its end.</summary>
    public required int End { get; init; }

    /// <summary>The enclosing frames, outermost first, from the function's own (index 0): the part's code is nested one deeper.</summary>
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
    /// <summary>
    /// What a method keeps at most (see <see cref="Cost"/>), where parts can take the rest: 7,000
    /// instructions of straight-line code (about 19,000 of IL), fewer where branches and memory
    /// accesses make basic blocks (meshoptimizer's decoder, 8,534 instructions and about 2,500 IL
    /// blocks, costs about 12,400).
    /// </summary>
    public const int MaxInstructions = 7_000;

    /// <summary>Functions with less code than this are never split (they stay below the JIT's limits).</summary>
    private const int MinCodeLength = 6_000;

    /// <summary>Blocks smaller than this are not worth a call.</summary>
    private const int MinInstructions = 100;

    /// <summary>
    /// Blocks that branch to more enclosing frames than this stay in their function: each exit costs
    /// the caller a compare after every call (the nested blocks of a br_table switch would make the
    /// call's dispatch as long as the switch).
    /// </summary>
    private const int MaxExits = 8;

    /// <summary>Instructions a range of straight-line statements takes at most.</summary>
    private const int RangeInstructions = 2_500;

    /// <summary>A range inside a loop runs once per iteration: it must be large enough that a call is noise.</summary>
    private const int MinLoopRangeInstructions = 1_000;

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

        /// <summary>The frame index of the node (0: the function).</summary>
        public int Index;

        /// <summary>Operands on the stack since the node began (its parameters included).</summary>
        public int Height;

        /// <summary>After an unconditional branch: the rest of the node (up to else or end) is dead.</summary>
        public bool Dead;

        /// <summary>Whether an instruction's stack effect was unknown here (GC, br_on_*): no ranges then.</summary>
        public bool NoRanges;

        /// <summary>The node's own instruction sequence, cut where its stack is empty.</summary>
        public readonly List<Statement> Statements = [];
        public Statement? Current;

        /// <summary>Ranges of statements chosen as parts.</summary>
        public readonly List<Statement> Ranges = [];
    }

    /// <summary>
    /// Instructions of a node between two points where its operand stack is empty, nested blocks
    /// included; a run of them, once its locals and exits are read (large functions have hundreds of
    /// thousands of statements: they keep only their bounds).
    /// </summary>
    private sealed class Statement(int start, int first)
    {
        public readonly int Start = start;
        public readonly int FirstInstruction = first;
        public int End;
        public int Instructions;
        public bool Bad;
        public List<Node>? Children;
        public HashSet<int>? Read;
        public HashSet<int>? Written;
        public HashSet<int>? Exits;
    }

    /// <summary>The parts of defined function <paramref name="definedIndex"/>, in code order (empty when it stays whole).</summary>
    public static Region[] Plan(WasmModule module, int definedIndex)
    {
        FunctionBody body = module.Code[definedIndex];
        if (body.CodeLength < MinCodeLength || !OverLimit(module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset)) return [];
        Binary.FuncCompositeType type = module.FuncTypeOf((uint)(module.ImportedFunctionCount + definedIndex));
        var reader = new InstructionReader(module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset);
        var instr = new Instruction();
        var root = new Node(Opcode.Call, body.CodeOffset, 0, null) { Index = 0 };
        var open = new List<Node> { root };
        var arity = new List<int> { type.Results.Length };
        int count = 0;
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            int before = count;
            count += Cost(ref instr);
            Node inner = open[^1];
            if (inner.Current is null && !inner.Dead && instr.Opcode is not (Opcode.End or Opcode.Else)) inner.Current = new Statement(instr.Offset, before);
            Statement? statement = inner.Current;
            switch (instr.Opcode)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                {
                    // A block inside a loop would be a call per iteration (measured: sqlite3's interpreter
                    // loop 3.6x slower with its cases in parts); a loop is one call for all its iterations.
                    bool inLoop = inner.InLoop || inner.Kind == Opcode.Loop;
                    (int ps, int rs) = BlockArity(module, instr.Block);
                    var node = new Node(instr.Opcode, instr.Offset, before, inner)
                    {
                        InLoop = inLoop, Index = open.Count, Height = ps,
                        Eligible = (instr.Opcode == Opcode.Loop || (instr.Opcode == Opcode.Block && !inLoop)) && instr.Block.Kind == BlockTypeKind.Empty,
                    };
                    inner.Children.Add(node);
                    if (statement is not null) (statement.Children ??= []).Add(node);
                    inner.Height -= ps + (instr.Opcode == Opcode.If ? 1 : 0);
                    open.Add(node);
                    arity.Add(instr.Opcode == Opcode.Loop ? ps : rs);
                    continue;
                }
                case Opcode.Else:
                    inner.Current = null;
                    inner.Dead = false;
                    inner.NoRanges = true;
                    continue;
                case Opcode.End:
                {
                    open.RemoveAt(open.Count - 1);
                    arity.RemoveAt(arity.Count - 1);
                    inner.End = reader.Offset;
                    inner.Instructions = count - inner.FirstInstruction;
                    if (inner.Parent is not { } parent) continue;
                    Merge(inner, parent, open.Count - 1);
                    parent.Height += BlockArity(module, BlockTypeOf(module, inner.Start)).Results;
                    if (parent.Current is { } outer)
                    {
                        foreach (int exit in inner.Exits) outer.Bad |= exit < 0;
                    }
                    EndOfInstruction(parent, reader.Offset, count);
                    continue;
                }
                case Opcode.Br or Opcode.BrIf:
                    Exit(inner, statement, open.Count - 1 - (int)instr.Index, arity);
                    break;
                case Opcode.BrTable:
                    foreach (uint target in instr.Targets) Exit(inner, statement, open.Count - 1 - (int)target, arity);
                    Exit(inner, statement, open.Count - 1 - (int)instr.Index, arity);
                    break;
                case Opcode.Return:
                    Exit(inner, statement, 0, arity);
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
                    if (statement is not null) statement.Bad = true;
                    break;
                case Opcode.Try or Opcode.TryTable or Opcode.Throw or Opcode.ThrowRef or Opcode.Rethrow or Opcode.Delegate
                    or Opcode.Catch or Opcode.CatchAll:
                    return [];
            }
            int? effect = StackEffect(module, ref instr);
            if (effect is null) inner.NoRanges = true;
            else inner.Height += effect.Value;
            if (instr.Opcode is Opcode.Br or Opcode.BrTable or Opcode.Return or Opcode.Unreachable
                or Opcode.ReturnCall or Opcode.ReturnCallIndirect or Opcode.ReturnCallRef)
            {
                // The rest of the node is dead: the statement ends here.
                inner.Height = 0;
                EndOfInstruction(inner, reader.Offset, count);
                inner.Dead = true;
                continue;
            }
            EndOfInstruction(inner, reader.Offset, count);
        }
        if (count <= MaxInstructions) return [];
        Reduce(module, root);
        var regions = new List<Region>();
        Collect(root, [], regions);
        return [.. regions];
    }

    /// <summary>Whether the body costs more than one method may (a pass that allocates nothing: most large functions are not over).</summary>
    private static bool OverLimit(ReadOnlySpan<byte> code, int offset)
    {
        var reader = new InstructionReader(code, offset);
        var instr = new Instruction();
        int cost = 0;
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            cost += Cost(ref instr);
            if (cost > MaxInstructions) return true;
        }
        return false;
    }

    /// <summary>
    /// What an instruction costs a method: 1, plus 3 for each basic block its IL starts (a bounds
    /// check and its trap, a conditional branch, a select, a label), plus about 1 per local it
    /// reads or writes, so that a method of <see cref="MaxInstructions"/> stays under the JIT's
    /// limits on instructions, blocks and local references.
    /// </summary>
    private static int Cost(ref Instruction instr)
    {
        int blocks = instr.Opcode switch
        {
            Opcode.BrIf or Opcode.If or Opcode.Select or Opcode.SelectTyped => 2,
            Opcode.Br or Opcode.Return or Opcode.Else or Opcode.End or Opcode.Loop => 1,
            Opcode.BrTable => instr.Targets.Length + 1,
            _ => instr.Info.Immediates is ImmediateKind.MemArg or ImmediateKind.MemArgLane ? 2 : 0,
        };
        // A local's access is one of the JIT's 8,000 local references (as are the memory accesses' own).
        int locals = instr.Opcode is Opcode.LocalGet or Opcode.LocalSet or Opcode.LocalTee ? 1 : blocks;
        return 1 + (3 * blocks) + locals;
    }

    private static (int Params, int Results) BlockArity(WasmModule module, BlockType bt) => bt.Kind switch
    {
        BlockTypeKind.Empty => (0, 0),
        BlockTypeKind.Value => (0, 1),
        _ => module.Types[bt.TypeIndex].Composite is Binary.FuncCompositeType f ? (f.Params.Length, f.Results.Length) : (0, 0),
    };

    /// <summary>
    /// A branch from <paramref name="inner"/> (the innermost open frame) to frame <paramref name="target"/>:
    /// an exit when it leaves <paramref name="inner"/>, and for its statement also when it goes to
    /// <paramref name="inner"/>'s own label; one that carries values makes what it leaves ineligible
    /// (it is kept as a negative exit). A return (or a branch to the function's label) passes its
    /// values through the part's result cells.
    /// </summary>
    private static void Exit(Node inner, Statement? statement, int target, List<int> arity)
    {
        int exit = target == 0 || arity[target] == 0 ? target : -1 - target;
        if (target < arity.Count - 1) inner.Exits.Add(exit);
        if (statement is not null) statement.Bad |= exit < 0;
    }

    /// <summary>After an instruction of <paramref name="node"/> (a nested block counts at its end): its statement ends where the stack is empty.</summary>
    private static void EndOfInstruction(Node node, int offset, int count)
    {
        if (node.Height != 0 || node.Current is not { } statement) return;
        statement.End = offset;
        statement.Instructions = count - statement.FirstInstruction;
        node.Statements.Add(statement);
        node.Current = null;
    }

    /// <summary>Operands pushed minus operands popped; null when this planner does not know (GC and br_on_* instructions).</summary>
    private static int? StackEffect(WasmModule module, ref Instruction instr)
    {
        OpcodeInfo info = instr.Info;
        if (info.Params is not null && info.Results is not null) return info.Results.Length - info.Params.Length;
        switch (instr.Opcode)
        {
            case Opcode.LocalGet or Opcode.GlobalGet or Opcode.RefNull or Opcode.RefFunc or Opcode.TableSize:
                return 1;
            case Opcode.LocalTee or Opcode.TableGet or Opcode.RefIsNull or Opcode.RefAsNonNull
                or Opcode.Br or Opcode.Return or Opcode.Unreachable or Opcode.Nop:
                return 0;
            case Opcode.LocalSet or Opcode.GlobalSet or Opcode.Drop or Opcode.BrIf or Opcode.RefEq or Opcode.TableGrow or Opcode.BrTable:
                return -1;
            case Opcode.Select or Opcode.SelectTyped or Opcode.TableSet:
                return -2;
            case Opcode.MemoryInit or Opcode.MemoryCopy or Opcode.MemoryFill or Opcode.TableInit or Opcode.TableCopy or Opcode.TableFill:
                return -3;
            case Opcode.Call or Opcode.ReturnCall:
            {
                Binary.FuncCompositeType f = module.FuncTypeOf(instr.Index);
                return f.Results.Length - f.Params.Length;
            }
            case Opcode.CallIndirect or Opcode.ReturnCallIndirect or Opcode.CallRef or Opcode.ReturnCallRef:
            {
                if (module.Types[instr.Index].Composite is not Binary.FuncCompositeType f) return null;
                return f.Results.Length - f.Params.Length - 1;
            }
            default:
                return null;
        }
    }

    /// <summary>The block type of the block, loop or if at <paramref name="offset"/>.</summary>
    private static BlockType BlockTypeOf(WasmModule module, int offset)
    {
        var reader = new InstructionReader(module.Bytes.Span[offset..], offset);
        var instr = new Instruction();
        reader.Read(ref instr);
        return instr.Block;
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
    private static void Reduce(WasmModule module, Node node)
    {
        int size = node.Instructions;
        foreach (Node child in node.Children)
        {
            Reduce(module, child);
            size -= child.Instructions - child.Size;
        }
        while (size > MaxInstructions)
        {
            // The largest child that fits in a method of its own, else the largest one: a part that
            // stays over the limit is no worse than before, and the rest of the function gets optimized.
            Node? largest = null;
            foreach (Node child in node.Children)
            {
                if (child.Eligible && !child.Outlined && child.Size >= MinInstructions && child.Exits.Count <= MaxExits
                    && (largest is null || Better(child, largest)))
                {
                    largest = child;
                }
            }
            if (largest is null) break;
            largest.Outlined = true;
            size -= largest.Size - CallInstructions(largest.Read, largest.Written, largest.Exits);
        }
        if (size > MaxInstructions && !node.NoRanges && node.Kind != Opcode.If) size = OutlineRanges(module, node, size);
        node.Size = size;
    }

    private static bool Better(Node child, Node than) =>
        (child.Size <= MaxInstructions) != (than.Size <= MaxInstructions) ? child.Size <= MaxInstructions : child.Size > than.Size;

    /// <summary>
    /// Straight-line code too large for one method (a hash round unrolled, a function without
    /// blocks): runs of the node's statements of about <see cref="RangeInstructions"/> become parts,
    /// the largest first. Inside a loop a run is a call per iteration, so it must be worth one.
    /// </summary>
    private static int OutlineRanges(WasmModule module, Node node, int size)
    {
        bool inLoop = node.InLoop || node.Kind == Opcode.Loop;
        int minimum = inLoop ? MinLoopRangeInstructions : MinInstructions;
        var runs = new List<(Statement Run, int Size)>();
        Statement? run = null;
        int runSize = 0, straight = 0;
        void Close()
        {
            // A run that is exactly an outlined block would be the same part twice. Inside a loop, a
            // run of mostly nested blocks (an interpreter's cases: sqlite3 3.7x slower) does little of
            // its code per iteration; a run of mostly straight-line code (ed25519's rounds) does it all.
            if (run is not null && runSize >= minimum && (!inLoop || 2 * straight >= runSize)
                && !node.Children.Exists(c => c.Outlined && c.Start == run.Start && c.End == run.End)
                && ReadRun(module, run, node.Index).Exits!.Count <= MaxExits)
            {
                runs.Add((run, runSize));
            }
            run = null;
            runSize = 0;
            straight = 0;
        }
        foreach (Statement statement in node.Statements)
        {
            int own = statement.Instructions, direct = statement.Instructions;
            foreach (Node child in statement.Children ?? [])
            {
                own -= child.Instructions - (child.Outlined ? CallInstructions(child.Read, child.Written, child.Exits) : child.Size);
                direct -= child.Instructions;
            }
            // A statement too large for a run (a loop that stays over the limit) stays where it is.
            if (statement.Bad || own > RangeInstructions)
            {
                Close();
                continue;
            }
            if (run is not null && runSize + own > RangeInstructions) Close();
            run ??= new Statement(statement.Start, statement.FirstInstruction);
            run.End = statement.End;
            runSize += own;
            straight += direct;
        }
        Close();
        runs.Sort((a, b) => b.Size.CompareTo(a.Size));
        foreach ((Statement chosen, int chosenSize) in runs)
        {
            if (size <= MaxInstructions) break;
            node.Ranges.Add(chosen);
            size -= chosenSize - CallInstructions(chosen.Read!, chosen.Written!, chosen.Exits!);
        }
        return size;
    }

    /// <summary>Reads the locals and exits of a run (in the frame of node <paramref name="nodeIndex"/>) from its code.</summary>
    private static Statement ReadRun(WasmModule module, Statement run, int nodeIndex)
    {
        HashSet<int> read = run.Read = [], written = run.Written = [], exits = run.Exits = [];
        var reader = new InstructionReader(module.Bytes.Span[run.Start..run.End], run.Start);
        var instr = new Instruction();
        int depth = 0;
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            switch (instr.Opcode)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    depth++;
                    break;
                case Opcode.End:
                    depth--;
                    break;
                case Opcode.LocalGet:
                    read.Add((int)instr.Index);
                    break;
                case Opcode.LocalSet or Opcode.LocalTee:
                    written.Add((int)instr.Index);
                    break;
                case Opcode.Return:
                    exits.Add(0);
                    break;
                case Opcode.Br or Opcode.BrIf:
                    if (instr.Index >= depth) exits.Add(nodeIndex + depth - (int)instr.Index);
                    break;
                case Opcode.BrTable:
                    foreach (uint label in instr.Targets)
                    {
                        if (label >= depth) exits.Add(nodeIndex + depth - (int)label);
                    }
                    if (instr.Index >= depth) exits.Add(nodeIndex + depth - (int)instr.Index);
                    break;
            }
        }
        return run;
    }

    /// <summary>About what a call to a part costs its caller: the locals in and out, the call, the exits.</summary>
    private static int CallInstructions(HashSet<int> read, HashSet<int> written, HashSet<int> exits) => 4 + (2 * read.Count) + (2 * written.Count) + (4 * exits.Count);

    private static void Collect(Node node, List<Opcode> enclosing, List<Region> regions)
    {
        enclosing.Add(node.Kind);
        foreach (Statement range in node.Ranges) regions.Add(RegionOf(range.Start, range.End, enclosing, range.Read!, range.Written!, range.Exits!));
        foreach (Node child in node.Children)
        {
            if (child.Outlined) regions.Add(RegionOf(child.Start, child.End, enclosing, child.Read, child.Written, child.Exits));
            Collect(child, enclosing, regions);
        }
        enclosing.RemoveAt(enclosing.Count - 1);
    }

    private static Region RegionOf(int start, int end, List<Opcode> enclosing, HashSet<int> read, HashSet<int> written, HashSet<int> exits)
    {
        var locals = new SortedSet<int>(read);
        locals.UnionWith(written);
        int[] ordered = [.. locals];
        var targets = new List<int>(exits);
        targets.Sort();
        return new Region
        {
            Start = start, End = end, Enclosing = [.. enclosing],
            Locals = ordered, Written = Array.ConvertAll(ordered, written.Contains), Exits = [.. targets],
        };
    }
}
