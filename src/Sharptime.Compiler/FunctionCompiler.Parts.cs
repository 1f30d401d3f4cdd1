using System.Reflection.Emit;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// The block of a part, as the method <c>int (ref T local..., ref R result..., VmContext ctx)</c>
    /// (results only when it can return): the locals it uses are copied in, the frames around the
    /// block become labels that leave with their exit code (t + 1 for frame t, 0 past the block's
    /// end; a return stores the results first), and the locals it writes are copied back.
    /// </summary>
    private void CompilePart(Region part, ReadOnlySpan<byte> code)
    {
        for (int j = 0; j < part.Locals.Length; j++)
        {
            EmitLdarg(j);
            _il.Emit(OpCodes.Ldobj, _localTypes[part.Locals[j]]);
            StoreLocal(part.Locals[j]);
        }
        Type[] results = Clr(_type.Results);
        foreach (Opcode _ in part.Enclosing)
        {
            // The function's own frame: a return branches there with the results.
            Type[] values = _frames.Count == 0 ? results : [];
            _frames.Add(new Frame { Kind = Opcode.Block, Params = [], Results = values, Height = 0, Label = _il.DefineLabel() });
        }
        CompileInstructions(code, part.Start);
        IlLocal exit = _il.DeclareLocal(typeof(int));
        IlLabel copyBack = _il.DefineLabel();
        if (!_unreachable)
        {
            _il.Emit(OpCodes.Ldc_I4_0);
            _il.Emit(OpCodes.Stloc, exit);
            _il.Emit(OpCodes.Br, copyBack);
        }
        for (int t = 0; t < part.Enclosing.Length; t++)
        {
            if (!_frames[t].Targeted) continue;
            _il.MarkLabel(_frames[t].Label);
            if (t == 0)
            {
                // The results, last on top, into the caller's cells.
                for (int i = results.Length - 1; i >= 0; i--)
                {
                    IlLocal value = RentTemp(results[i]);
                    _il.Emit(OpCodes.Stloc, value);
                    EmitLdarg(part.Locals.Length + i);
                    _il.Emit(OpCodes.Ldloc, value);
                    _il.Emit(OpCodes.Stobj, results[i]);
                    ReturnTemp(value);
                }
            }
            EmitLdcI4(t + 1);
            _il.Emit(OpCodes.Stloc, exit);
            _il.Emit(OpCodes.Br, copyBack);
        }
        _il.MarkLabel(copyBack);
        for (int j = 0; j < part.Locals.Length; j++)
        {
            if (!part.Written[j]) continue;
            EmitLdarg(j);
            LoadLocal(part.Locals[j]);
            _il.Emit(OpCodes.Stobj, _localTypes[part.Locals[j]]);
        }
        _il.Emit(OpCodes.Ldloc, exit);
        _il.Emit(OpCodes.Ret);
    }

    /// <summary>The outermost of the parts starting here that lies inside what this method compiles (a part does not call itself).</summary>
    private (Region Region, MethodDef Method)? PartAt((Region Region, MethodDef Method)[] starting)
    {
        foreach ((Region Region, MethodDef Method) candidate in starting)
        {
            if (Part is null || (candidate.Region.End <= Part.End && candidate.Region.End - candidate.Region.Start < Part.End - Part.Start)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Where a part's code starts: the locals it uses go in through cells of their own (taking the
    /// address of a local would keep it in memory in the whole method), the ones it writes come back,
    /// memory 0 is reloaded as after any call, and each exit code becomes a br_if to its frame.
    /// </summary>
    private void EmitPartCall(Region part, MethodDef method)
    {
        var cells = new IlLocal[part.Locals.Length];
        for (int j = 0; j < cells.Length; j++)
        {
            cells[j] = _il.DeclareLocal(_localTypes[part.Locals[j]]);
            LoadLocal(part.Locals[j]);
            _il.Emit(OpCodes.Stloc, cells[j]);
        }
        Type[] results = part.Returns ? Clr(_type.Results) : [];
        var resultCells = Array.ConvertAll(results, _il.DeclareLocal);
        foreach (IlLocal cell in cells) _il.Emit(OpCodes.Ldloca, cell);
        foreach (IlLocal cell in resultCells) _il.Emit(OpCodes.Ldloca, cell);
        LoadContext();
        _il.Emit(OpCodes.Call, method);
        IlLocal exit = RentTemp(typeof(int));
        _il.Emit(OpCodes.Stloc, exit);
        for (int j = 0; j < cells.Length; j++)
        {
            if (!part.Written[j]) continue;
            _il.Emit(OpCodes.Ldloc, cells[j]);
            StoreLocal(part.Locals[j]);
        }
        ReloadMemory0();
        foreach (int target in part.Exits)
        {
            if (target == 0 && results.Length > 0)
            {
                // A return: the results come from their cells.
                IlLabel stay = _il.DefineLabel();
                _il.Emit(OpCodes.Ldloc, exit);
                _il.Emit(OpCodes.Ldc_I4_1);
                _il.Emit(OpCodes.Bne_Un, stay);
                foreach (IlLocal cell in resultCells)
                {
                    _il.Emit(OpCodes.Ldloc, cell);
                    Push(cell.LocalType);
                }
                EmitReturn();
                PopN(results.Length);
                _il.MarkLabel(stay);
                continue;
            }
            _il.Emit(OpCodes.Ldloc, exit);
            EmitLdcI4(target + 1);
            _il.Emit(OpCodes.Ceq);
            Push(typeof(int));
            var branch = new Instruction { Info = OpcodeTable.Get(Opcode.BrIf), Index = (uint)(_frames.Count - 1 - target) };
            EmitControl(ref branch);
        }
        ReturnTemp(exit);
    }
}
