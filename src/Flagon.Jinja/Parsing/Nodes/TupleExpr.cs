namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A tuple literal or an unpacking target.</summary>
internal sealed class TupleExpr(int line, List<Expr> items) : Expr(line)
{
    public List<Expr> Items { get; } = items;
}
