namespace Flagon.Jinja.Runtime;

/// <summary><c>super()</c> and <c>self.name()</c>: a callable reference to one level of a block stack.</summary>
internal sealed class BlockReference(string name, RenderContext context, List<BlockDef> stack, int depth, IReadOnlyDictionary<string, object?>? scoped = null) : IJinjaCallable, IJinjaAttributes, IJinjaRepr
{
    public object? Call(EvalContext ctx, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        context.Enter();
        try
        {
            string s = context.Capture(() => stack[depth].Render(context, scoped));
            return ctx.Autoescape ? new Markup(s) : s;
        }
        finally
        {
            context.Leave();
        }
    }

    public bool TryGetAttribute(string attr, out object? value)
    {
        if (attr == "super")
        {
            value = depth + 1 < stack.Count
                ? new BlockReference(name, context, stack, depth + 1, scoped)
                : Undefined.Create(context.Environment.Undefined, hint: $"there is no parent block called {Ops.Repr(name)}.", name: "super");
            return true;
        }
        value = null;
        return false;
    }

    public string Repr() => $"<BlockReference {Ops.Repr(name)}>";
}
