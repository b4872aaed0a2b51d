namespace Flagon.Jinja.Runtime;

/// <summary>The <c>loop</c> variable of a for loop (only created when the body refers to it).</summary>
internal sealed class LoopContext(IReadOnlyList<object?> items, int depth0, Func<object?, object?>? recurse, JinjaEnvironment env) : IJinjaAttributes, IJinjaCallable, IJinjaRepr
{
    private object? _last = Frame.Missing;

    public int Index0 { get; set; }

    internal int Length => items.Count;

    private Undefined Undef(string hint, string name) => Undefined.Create(env.Undefined, hint: hint, name: name);

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "index": value = Boxes.Long(Index0 + 1); return true;
            case "index0": value = Boxes.Long(Index0); return true;
            case "length": value = Boxes.Long(Length); return true;
            case "revindex": value = Boxes.Long(Length - Index0); return true;
            case "revindex0": value = Boxes.Long(Length - Index0 - 1); return true;
            case "first": value = Boxes.Bool(Index0 == 0); return true;
            case "last": value = Boxes.Bool(Index0 == Length - 1); return true;
            case "depth": value = Boxes.Long(depth0 + 1); return true;
            case "depth0": value = Boxes.Long(depth0); return true;
            case "previtem": value = Index0 > 0 ? items[Index0 - 1] : Undef("there is no previous item", "previtem"); return true;
            case "nextitem": value = Index0 + 1 < Length ? items[Index0 + 1] : Undef("there is no next item", "nextitem"); return true;
            case "cycle":
                value = new BoundMethod(this, "cycle", (a, k) =>
                {
                    if (a.Length == 0)
                    {
                        throw PythonError.TypeError("no items for cycling given");
                    }
                    return a[Index0 % a.Length];
                });
                return true;
            case "changed":
                value = new BoundMethod(this, "changed", (a, k) =>
                {
                    var current = new PyTuple(a);
                    if (_last == Frame.Missing || !Ops.Eq(_last, current))
                    {
                        _last = current;
                        return true;
                    }
                    return false;
                });
                return true;
        }
        value = null;
        return false;
    }

    public object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        if (recurse is null)
        {
            throw PythonError.TypeError("The loop must have the 'recursive' marker to be called recursively.");
        }
        if (args.Length != 1)
        {
            throw PythonError.TypeError("loop() takes exactly one argument");
        }
        return recurse(args[0]);
    }

    public string Repr() => $"<LoopContext {Index0 + 1}/{Length}>";

    public override string ToString() => Repr();
}
