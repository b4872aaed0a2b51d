namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A list literal.</summary>
internal sealed class ListExpr(int line, List<Expr> items) : Expr(line)
{
    public List<Expr> Items { get; } = items;
}
