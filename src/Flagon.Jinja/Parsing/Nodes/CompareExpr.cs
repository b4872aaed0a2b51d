namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A (possibly chained) comparison; operators are eq ne lt lteq gt gteq in notin.</summary>
internal sealed class CompareExpr(int line, Expr first, List<KeyValuePair<string, Expr>> ops) : Expr(line)
{
    public Expr First { get; } = first;
    public List<KeyValuePair<string, Expr>> Ops { get; } = ops;
}
