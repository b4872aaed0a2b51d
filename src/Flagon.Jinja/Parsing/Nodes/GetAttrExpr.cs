namespace Flagon.Jinja.Parsing.Nodes;

/// <summary><c>a.b</c>: attribute first, then item.</summary>
internal sealed class GetAttrExpr(int line, Expr target, string attr) : Expr(line)
{
    public Expr Target { get; } = target;
    public string Attr { get; } = attr;
}
