namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A dict literal.</summary>
internal sealed class DictExpr(int line, List<KeyValuePair<Expr, Expr>> pairs) : Expr(line)
{
    public List<KeyValuePair<Expr, Expr>> Pairs { get; } = pairs;
}
