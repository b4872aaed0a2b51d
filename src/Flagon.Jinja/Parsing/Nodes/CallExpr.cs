namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A call of a value.</summary>
internal sealed class CallExpr(int line, Expr target, CallArgs args) : Expr(line)
{
    public Expr Target { get; } = target;
    public CallArgs Args { get; } = args;
}
