namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>String concatenation with <c>~</c>.</summary>
internal sealed class ConcatExpr(int line, List<Expr> items) : Expr(line)
{
    public List<Expr> Items { get; } = items;
}
