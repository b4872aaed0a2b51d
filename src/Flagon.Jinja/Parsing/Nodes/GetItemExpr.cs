namespace Flagon.Jinja.Parsing.Nodes;

/// <summary><c>a[b]</c>: item first, then attribute.</summary>
internal sealed class GetItemExpr(int line, Expr target, Expr key) : Expr(line)
{
    public Expr Target { get; } = target;
    public Expr Key { get; } = key;
}
