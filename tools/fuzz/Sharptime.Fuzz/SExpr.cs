using System.Text;

namespace Sharptime.Fuzz;

/// <summary>A node of binaryen's folded text (<c>wasm-opt --print</c>): its head atom and children.</summary>
internal sealed class SExpr
{
    public string Head { get; init; } = "";

    public List<SExpr> Children { get; } = [];

    /// <summary>Atoms after the head (names, immediates), in order.</summary>
    public List<string> Atoms { get; } = [];

    public SExpr? Parent { get; private set; }

    public static List<SExpr> Parse(string text)
    {
        var roots = new List<SExpr>();
        var stack = new Stack<SExpr>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ';' && i + 1 < text.Length && text[i + 1] == ';')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '(')
            {
                i++;
                string head = Atom(text, ref i);
                var node = new SExpr { Head = head };
                if (stack.Count > 0)
                {
                    node.Parent = stack.Peek();
                    stack.Peek().Children.Add(node);
                }
                else
                {
                    roots.Add(node);
                }
                stack.Push(node);
            }
            else if (c == ')')
            {
                i++;
                if (stack.Count > 0) stack.Pop();
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                string atom = Atom(text, ref i);
                if (stack.Count > 0) stack.Peek().Atoms.Add(atom);
                if (atom.Length == 0) i++;
            }
        }
        return roots;
    }

    private static string Atom(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        var sb = new StringBuilder();
        if (i < text.Length && text[i] == '"')
        {
            sb.Append('"');
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length) sb.Append(text[i++]);
                sb.Append(text[i++]);
            }
            i++;
            return sb.Append('"').ToString();
        }
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '(' && text[i] != ')') sb.Append(text[i++]);
        return sb.ToString();
    }

    public IEnumerable<SExpr> Descendants()
    {
        foreach (SExpr c in Children)
        {
            yield return c;
            foreach (SExpr d in c.Descendants()) yield return d;
        }
    }
}
