namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A test: <c>x is name(args)</c>.</summary>
internal sealed class TestExpr(int line, Expr target, string name, CallArgs args) : Expr(line)
{
    public Expr Target { get; } = target;
    public string Name { get; } = name;
    public CallArgs Args { get; } = args;
}
